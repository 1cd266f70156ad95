"""The attention page, one kind in pages, the dashboard's part, and putting items off."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from aandacht.models import Uitstel
from buurt.models import Wijziging
from tests.queries import count_get_queries

from . import builders as b

pytestmark = pytest.mark.django_db


def _url(name="aandacht", *args, slug="noord"):
    return reverse(f"aandacht:{name}", args=[slug, *args])


def _uitstellen_url(soort, sleutel):
    return _url("uitstellen", soort, str(sleutel))


def _in_days(n):
    return (timezone.localdate() + timedelta(days=n)).isoformat()


def test_the_page_shows_an_item_of_every_kind_each_with_its_fix(coordinator_client, buurt):
    items = b.een_van_elk(buurt)
    html = coordinator_client.get(_url()).text
    for soort in items:
        assert f'id="soort-{soort}"' in html
    assert "Flyers rondbrengen" in html
    assert reverse("overleg:actie_edit", args=["noord", items["actie_te_laat"].pk]) in html
    assert reverse("initiatieven:team_edit", args=["noord", items["team_zonder_overleg"].pk]) in (
        html
    )
    assert reverse("rollen:mensen", args=["noord"]) + "#uitnodiging-" in html
    assert _uitstellen_url("zonder_trekker", items["zonder_trekker"].pk) in html
    assert "9 punten vragen aandacht." in html
    assert reverse("privacy:grondslag", args=["noord", items["geen_grondslag"].pk]) in html


def test_an_empty_buurt_says_nothing_needs_attention(coordinator_client, buurt):
    assert "Niets vraagt nu aandacht." in coordinator_client.get(_url()).text


def test_researchers_get_403_and_outsiders_404(onderzoeker_client, outsider_client, buurt):
    for url in (_url(), _url("overdracht"), _url("soort", "uitnodiging")):
        assert onderzoeker_client.get(url).status_code == 403
        assert outsider_client.get(url).status_code == 404


def test_a_kind_shows_its_first_items_and_the_rest_in_pages(coordinator_client, buurt):
    for i in range(30):
        b.open_uitnodiging(buurt, f"persoon{i:02}@example.org")
    html = coordinator_client.get(_url()).text
    assert html.count('class="aandacht-item"') == 5
    assert "Toon alle 30" in html
    assert _url("soort", "uitnodiging") in html
    first = coordinator_client.get(_url("soort", "uitnodiging")).text
    second = coordinator_client.get(_url("soort", "uitnodiging"), {"pagina": 2}).text
    assert first.count('class="aandacht-item"') == 25
    assert second.count('class="aandacht-item"') == 5
    assert "Pagina 2 van 2" in second


def test_the_chances_have_no_page_of_their_own(coordinator_client, buurt):
    assert coordinator_client.get(_url("soort", "kans")).status_code == 404
    assert coordinator_client.get(_url("soort", "onbekend")).status_code == 404


def test_the_dashboard_shows_the_top_items_to_coordinators(coordinator_client, buurt):
    b.initiatief_zonder_trekker(buurt, "Repair café")
    html = coordinator_client.get(buurt.get_absolute_url()).text
    assert 'id="aandacht"' in html
    assert 'id="dashboard-zonder_trekker"' in html
    assert "Repair café" in html
    assert _url() in html


def test_the_dashboard_shows_researchers_no_names(onderzoeker_client, buurt):
    items = b.een_van_elk(buurt)
    html = onderzoeker_client.get(buurt.get_absolute_url()).text
    assert onderzoeker_client.get(buurt.get_absolute_url()).status_code == 200
    assert 'id="aandacht"' not in html
    for naam in ("Flyers rondbrengen", "Okra", "Femma", "Buurthuis", "nieuw@example.org"):
        assert naam not in html
    assert items["team_zonder_overleg"].naam not in html
    assert _url() not in html


# --- Putting an item off ---------------------------------------------------------------------


def test_putting_off_hides_the_item_until_the_date_and_says_how_many(coordinator_client, buurt):
    initiatief = b.initiatief_zonder_trekker(buurt)
    url = _uitstellen_url("zonder_trekker", initiatief.pk)
    form = coordinator_client.get(url)
    assert "Repair café uitstellen" in form.text
    assert 'name="reden"' in form.text and '<label for="id_reden">' in form.text
    response = coordinator_client.post(url, {"tot": _in_days(10), "reden": "Na de zomer"})
    assert response.status_code == 302
    assert response.url == _url() + "#soort-zonder_trekker"
    uitstel = Uitstel.objects.get()
    assert (uitstel.soort, uitstel.sleutel, uitstel.reden) == (
        "zonder_trekker",
        str(initiatief.pk),
        "Na de zomer",
    )
    html = coordinator_client.get(_url()).text
    assert "Repair café is uitgesteld tot" in html  # the message, and no more
    assert f'id="item-zonder_trekker-{initiatief.pk}"' not in html
    assert "1 punt is uitgesteld." in html
    assert "Repair café" not in coordinator_client.get(buurt.get_absolute_url()).text
    # On its date the item is back.
    Uitstel.objects.update(tot=timezone.localdate())
    html = coordinator_client.get(_url()).text
    assert f'id="item-zonder_trekker-{initiatief.pk}"' in html and "uitgesteld." not in html


def test_putting_off_is_in_the_timeline_with_its_reason(coordinator_client, coordinator, buurt):
    initiatief = b.initiatief_zonder_trekker(buurt)
    coordinator_client.post(
        _uitstellen_url("zonder_trekker", initiatief.pk),
        {"tot": _in_days(10), "reden": "Wacht op de gemeente"},
    )
    entry = Wijziging.objects.get(content_type=ContentType.objects.get_for_model(Uitstel))
    assert entry.buurt_id == buurt.pk
    assert entry.actor == coordinator
    assert "Wacht op de gemeente" in str(entry.changes)
    page = coordinator_client.get(reverse("coordinatie:tijdlijn", args=["noord"])).text
    assert "Wacht op de gemeente" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"tot": _in_days(0), "reden": "Later"}, "Kies een datum na vandaag."),
        ({"tot": _in_days(-5), "reden": "Later"}, "Kies een datum na vandaag."),
        ({"tot": _in_days(400), "reden": "Later"}, "Stel hoogstens een jaar uit"),
        ({"tot": "morgen", "reden": "Later"}, "Vul een geldige datum in"),
        ({"tot": "", "reden": "Later"}, "Kies tot wanneer je dit uitstelt."),
        ({"tot": _in_days(7), "reden": ""}, "Schrijf kort waarom je het uitstelt."),
        ({"tot": _in_days(7), "reden": "   "}, "Schrijf kort waarom je het uitstelt."),
        ({"tot": _in_days(7), "reden": "x" * 501}, "Houd het kort"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_is_written(
    coordinator_client, buurt, data, message
):
    initiatief = b.initiatief_zonder_trekker(buurt)
    response = coordinator_client.post(_uitstellen_url("zonder_trekker", initiatief.pk), data)
    assert response.status_code == 200
    assert message in response.text
    assert not Uitstel.objects.exists()


def test_an_item_already_put_off_is_not_put_off_twice(coordinator_client, buurt):
    initiatief = b.initiatief_zonder_trekker(buurt)
    url = _uitstellen_url("zonder_trekker", initiatief.pk)
    data = {"tot": _in_days(10), "reden": "Later"}
    coordinator_client.post(url, data)
    response = coordinator_client.post(url, data, follow=True)
    assert "is al uitgesteld tot" in response.text
    assert Uitstel.objects.count() == 1


def test_only_items_that_need_attention_in_this_buurt_can_be_put_off(
    coordinator_client, buurt, other_buurt
):
    elders = b.initiatief_zonder_trekker(other_buurt)
    idee = b.initiatief_zonder_trekker(buurt, "Idee", status="idee")
    data = {"tot": _in_days(10), "reden": "Later"}
    for url in (
        _uitstellen_url("zonder_trekker", elders.pk),
        _uitstellen_url("zonder_trekker", idee.pk),
        _uitstellen_url("zonder_trekker", "abc"),
        _uitstellen_url("onbekend", idee.pk),
        _uitstellen_url("kans", "1-x"),
    ):
        assert coordinator_client.post(url, data).status_code == 404, url
    assert not Uitstel.objects.exists()


def test_a_chance_can_be_put_off_by_its_pair(coordinator_client, buurt):
    a, c = b.kans(buurt)
    url = _uitstellen_url("kans", f"{a.pk}-{c.pk}")
    assert "Koffieklets en Valpreventie uitstellen" in coordinator_client.get(url).text
    coordinator_client.post(url, {"tot": _in_days(10), "reden": "Eerst de zomer"})
    html = coordinator_client.get(_url()).text
    assert f'id="item-kans-{a.pk}-{c.pk}"' not in html
    assert "1 punt is uitgesteld." in html


def test_researchers_cannot_put_off(onderzoeker_client, buurt):
    initiatief = b.initiatief_zonder_trekker(buurt)
    url = _uitstellen_url("zonder_trekker", initiatief.pk)
    assert onderzoeker_client.post(url, {"tot": _in_days(3), "reden": "x"}).status_code == 403
    assert not Uitstel.objects.exists()


# --- Query counts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        lambda buurt: _url(),
        lambda buurt: _url("soort", "enthousiasme_oud"),
        lambda buurt: _url("overdracht"),
        lambda buurt: buurt.get_absolute_url(),
    ],
    ids=["aandacht", "soort", "overdracht", "dashboard"],
)
def test_queries_do_not_grow_with_the_buurt(coordinator_client, coordinator, buurt, url):
    b.veel_van_elk(buurt, 1, coordinator)
    b.kans(buurt)  # step 3's finder skips its queries for names when it finds no chance
    initiatief = b.initiatief_zonder_trekker(buurt, "Uitgesteld")
    Uitstel.objects.create(
        buurt=buurt,
        soort="zonder_trekker",
        sleutel=str(initiatief.pk),
        tot=timezone.localdate() + timedelta(days=3),
        reden="Later",
    )
    small = count_get_queries(coordinator_client, url(buurt))
    b.veel_van_elk(buurt, 12, coordinator)
    assert count_get_queries(coordinator_client, url(buurt)) == small
