import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name, args",
    [
        ("buurt:ken_je_buurt", []),
        ("buurt:actor_edit", ["actor"]),
        ("initiatieven:fruit", []),
        ("initiatieven:initiatief_list", []),
        ("initiatieven:team_create", []),
    ],
)
def test_selects_offer_a_dutch_empty_choice_instead_of_dashes(
    coordinator_client, world, name, args
):
    url = reverse(name, args=[world.buurt.slug, *(getattr(world, a).pk for a in args)])
    html = coordinator_client.get(url).content.decode()
    assert "<select" in html
    assert "---------" not in html
    assert "— kies —" in html or "— geen —" in html
