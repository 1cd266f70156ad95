"""The register of what policy expects: added, ended (never overwritten), for coordinators."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from buurt.models import Beleidsverwachting
from tests.queries import count_get_queries


def _page(buurt):
    return reverse("buurt:beleid", args=[buurt.slug])


def _add(buurt):
    return reverse("buurt:beleid_create", args=[buurt.slug])


def _end(verwachting):
    return reverse("buurt:beleid_end", args=[verwachting.buurt.slug, verwachting.pk])


def _verwachting(buurt, **extra):
    extra.setdefault("bron", Beleidsverwachting.Bron.STAD)
    extra.setdefault("wat", "Een buurtpunt in elke wijk")
    extra.setdefault("sinds", date(2025, 9, 1))
    return Beleidsverwachting.objects.create(buurt=buurt, **extra)


def test_a_coordinator_adds_an_expectation(coordinator_client, buurt):
    response = coordinator_client.post(
        _add(buurt),
        {"bron": "financier", "wat": "Eenzaamheid verminderen", "sinds": "2026-01-15"},
    )
    assert response.status_code == 302
    verwachting = Beleidsverwachting.objects.get(buurt=buurt)
    assert (verwachting.bron, verwachting.sinds, verwachting.tot) == (
        "financier",
        date(2026, 1, 15),
        None,
    )
    page = coordinator_client.get(_page(buurt)).text
    assert "Eenzaamheid verminderen" in page
    assert "financier" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"bron": "stad", "sinds": "2026-01-15"}, "Dit veld is verplicht."),
        ({"bron": "koning", "wat": "x", "sinds": "2026-01-15"}, "Selecteer een geldige keuze."),
        ({"bron": "stad", "wat": "x", "sinds": "gisteren"}, "Voer een geldige datum in."),
        ({"bron": "stad", "wat": "x" * 2001, "sinds": "2026-01-15"}, "niet meer dan 2000 tekens"),
    ],
)
def test_bad_input_writes_nothing_and_says_why_in_dutch(coordinator_client, buurt, data, message):
    response = coordinator_client.post(_add(buurt), data)
    assert response.status_code == 200
    assert 'class="errorlist' in response.text
    assert message in response.text
    assert not Beleidsverwachting.objects.exists()


def test_ending_keeps_the_expectation_with_its_end_date(coordinator_client, buurt):
    verwachting = _verwachting(buurt)
    response = coordinator_client.post(
        _end(verwachting), {f"einde-{verwachting.pk}-tot": "2026-02-01"}
    )
    assert response.status_code == 302
    verwachting.refresh_from_db()
    assert verwachting.tot == date(2026, 2, 1)
    page = coordinator_client.get(_page(buurt)).text
    assert "Een buurtpunt in elke wijk" in page
    assert "niet meer van kracht" in page
    assert f'action="{_end(verwachting)}"' not in page  # no second ending


def test_an_ended_expectation_is_not_ended_again(coordinator_client, buurt):
    verwachting = _verwachting(buurt, tot=date(2026, 1, 1))
    coordinator_client.post(_end(verwachting), {f"einde-{verwachting.pk}-tot": "2026-05-01"})
    verwachting.refresh_from_db()
    assert verwachting.tot == date(2026, 1, 1)


def test_an_end_before_the_start_is_refused_in_dutch(coordinator_client, buurt):
    verwachting = _verwachting(buurt)
    response = coordinator_client.post(
        _end(verwachting), {f"einde-{verwachting.pk}-tot": "2025-01-01"}
    )
    assert response.status_code == 200
    assert "De einddatum ligt vóór de begindatum (01/09/2025)." in response.text
    verwachting.refresh_from_db()
    assert verwachting.tot is None


def test_the_end_form_proposes_today(coordinator_client, buurt):
    _verwachting(buurt)
    today = timezone.localdate().isoformat()
    assert f'value="{today}"' in coordinator_client.get(_page(buurt)).text


def test_an_expectation_that_starts_later_is_not_yet_in_force(coordinator_client, buurt):
    _verwachting(buurt, sinds=timezone.localdate() + timedelta(days=30))
    assert "nog niet van kracht" in coordinator_client.get(_page(buurt)).text


def test_outsiders_get_404_for_everything(outsider_client, buurt):
    verwachting = _verwachting(buurt)
    assert outsider_client.get(_page(buurt)).status_code == 404
    data = {"bron": "stad", "wat": "x", "sinds": "2026-01-15"}
    assert outsider_client.post(_add(buurt), data).status_code == 404
    assert outsider_client.post(_end(verwachting), {}).status_code == 404
    assert Beleidsverwachting.objects.count() == 1
    assert Beleidsverwachting.objects.get().tot is None


def test_researchers_get_403_the_page_holds_free_text(onderzoeker_client, buurt):
    verwachting = _verwachting(buurt)
    assert onderzoeker_client.get(_page(buurt)).status_code == 403
    data = {"bron": "stad", "wat": "x", "sinds": "2026-01-15"}
    assert onderzoeker_client.post(_add(buurt), data).status_code == 403
    assert onderzoeker_client.post(_end(verwachting), {}).status_code == 403
    assert Beleidsverwachting.objects.count() == 1


def test_another_buurts_expectation_is_404(coordinator_client, other_buurt):
    elsewhere = _verwachting(other_buurt)
    url = reverse("buurt:beleid_end", args=["noord", elsewhere.pk])
    assert (
        coordinator_client.post(url, {f"einde-{elsewhere.pk}-tot": "2026-02-01"}).status_code == 404
    )
    elsewhere.refresh_from_db()
    assert elsewhere.tot is None


def test_the_register_only_lists_its_own_buurt(coordinator_client, buurt, other_buurt):
    _verwachting(other_buurt, wat="Verwachting van elders")
    assert "Verwachting van elders" not in coordinator_client.get(_page(buurt)).text


def test_lopend_holds_between_sinds_and_tot(buurt):
    day = date(2026, 3, 1)
    running = _verwachting(buurt, sinds=date(2026, 1, 1))
    ended = _verwachting(buurt, sinds=date(2025, 1, 1), tot=date(2026, 2, 1))
    ends_today = _verwachting(buurt, sinds=date(2025, 1, 1), tot=day)
    later = _verwachting(buurt, sinds=date(2026, 4, 1))
    lopend = set(Beleidsverwachting.objects.in_buurt(buurt).lopend(day))
    assert lopend == {running, ends_today}
    assert ended not in lopend and later not in lopend


def test_the_register_query_count_does_not_grow(coordinator_client, buurt):
    _verwachting(buurt)
    _verwachting(buurt, tot=date(2025, 12, 1))
    small = count_get_queries(coordinator_client, _page(buurt))
    for n in range(10):
        _verwachting(buurt, wat=f"Verwachting {n}", tot=date(2025, 12, 1) if n % 2 else None)
    assert count_get_queries(coordinator_client, _page(buurt)) == small
