"""Why the fire changed: an optional note with every rating, shown where its history is."""

from django.urls import reverse

from partners.models import Enthousiasme
from tests import factories as f

HX = {"HTTP_HX_REQUEST": "true"}


def _rate_url(buurt, partner):
    return reverse("coordinatie:rate_enthousiasme", args=[buurt.slug, partner.pk])


def test_a_rating_keeps_its_note(coordinator_client, buurt):
    partner = f.make_partner(buurt, "Vzw Samen", niveau="vonk")
    coordinator_client.post(
        _rate_url(buurt, partner), {"niveau": "vuur", "notitie": "  Trok het buurtfeest mee  "}
    )
    rating = partner.enthousiasme.first()
    assert (rating.niveau, rating.notitie) == ("vuur", "Trok het buurtfeest mee")


def test_one_click_without_a_note_still_rates(coordinator_client, buurt):
    partner = f.make_partner(buurt)
    response = coordinator_client.post(_rate_url(buurt, partner), {"niveau": "vonk"}, **HX)
    assert response.status_code == 200
    assert partner.enthousiasme.get().notitie == ""


def test_the_partner_row_shows_the_current_note_as_visible_text(coordinator_client, buurt):
    partner = f.make_partner(buurt, "Vzw Samen")
    Enthousiasme.objects.create(partner=partner, niveau="vonk", notitie="Oude reden")
    html = coordinator_client.post(
        _rate_url(buurt, partner), {"niveau": "vuur", "notitie": "Nieuwe trekker"}, **HX
    ).text
    assert '<span class="why">Waarom: Nieuwe trekker</span>' in html
    assert "Oude reden" not in html
    page = coordinator_client.get(reverse("coordinatie:vonken", args=[buurt.slug])).text
    assert "Waarom: Nieuwe trekker" in page
    assert 'title="Nieuwe trekker"' not in page


def test_the_note_field_is_labelled_inside_the_rating_form(coordinator_client, buurt):
    partner = f.make_partner(buurt, "Vzw Samen")
    html = coordinator_client.get(reverse("coordinatie:vonken", args=[buurt.slug])).text
    row = html[html.index(f'id="partner-{partner.pk}"') :]
    row = row[: row.index("</form>")]
    assert "<summary>waarom?" in row
    assert f'<label for="partner-{partner.pk}-notitie">' in row
    assert f'name="notitie" id="partner-{partner.pk}-notitie"' in row


def test_the_actor_page_shows_every_note_in_the_history(coordinator_client, buurt):
    partner = f.make_partner(buurt, "Vzw Samen")
    coordinator_client.post(_rate_url(buurt, partner), {"niveau": "vonk", "notitie": "Eerste"})
    coordinator_client.post(_rate_url(buurt, partner), {"niveau": "vuur", "notitie": "Tweede"})
    html = coordinator_client.get(
        reverse("coordinatie:actor_detail", args=[buurt.slug, partner.actor_id])
    ).text
    history = html[html.index("Geschiedenis van het enthousiasme") :]
    assert history.index("Tweede") < history.index("Eerste")


def test_a_note_that_is_too_long_writes_nothing_and_says_why(coordinator_client, buurt):
    partner = f.make_partner(buurt)
    response = coordinator_client.post(
        _rate_url(buurt, partner), {"niveau": "vuur", "notitie": "x" * 501}, follow=True
    )
    assert not Enthousiasme.objects.exists()
    assert "hoogstens 500 tekens" in response.text


def test_the_note_is_escaped(coordinator_client, buurt):
    partner = f.make_partner(buurt)
    html = coordinator_client.post(
        _rate_url(buurt, partner), {"niveau": "vonk", "notitie": "<script>x()</script>"}, **HX
    ).text
    assert "<script>x()" not in html
    assert "&lt;script&gt;" in html
