import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_buurt_you_have_no_role_in_shows_a_dutch_not_found_page(outsider_client, buurt):
    response = outsider_client.get(reverse("coordinatie:dashboard", args=[buurt.slug]))
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.text
    assert "Not Found" not in response.text


def test_a_researcher_writing_gets_a_dutch_forbidden_page(onderzoeker_client, world):
    response = onderzoeker_client.post(
        reverse("coordinatie:succes_create", args=[world.buurt.slug]), {"titel": "x"}
    )
    assert response.status_code == 403
    assert "Geen toegang" in response.text
    assert "Forbidden" not in response.text


def test_a_form_without_csrf_token_gets_a_dutch_explanation(coordinator, buurt):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    response = client.post(reverse("coordinatie:succes_create", args=[buurt.slug]), {"titel": "x"})
    assert response.status_code == 403
    assert "Dit formulier is verlopen" in response.text
    assert "CSRF verification failed" not in response.text


def test_the_server_error_page_is_dutch_and_standalone():
    from django.template import loader

    html = loader.get_template("500.html").render()
    assert "Er ging iets mis" in html
