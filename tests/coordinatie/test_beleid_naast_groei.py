"""The dashboard sets what policy expects (top-down) beside what grew (bottom-up), and
says calmly when many initiatives run for the fire there is."""

from datetime import date

import pytest
from django.urls import reverse

from buurt.models import Beleidsverwachting
from coordinatie.progress import beleid_naast_groei
from initiatieven.models import Initiatief
from tests import factories as f
from tests.queries import count_get_queries

TODAY = date(2026, 3, 15)
TEGELIJK = "Zorgzame buurten doen (te?) veel tegelijk."


def _verwachting(buurt, bron="stad", wat="Een buurtpunt", **dates):
    dates.setdefault("sinds", date(2025, 9, 1))
    return Beleidsverwachting.objects.create(buurt=buurt, bron=bron, wat=wat, **dates)


@pytest.fixture
def dated(buurt, other_buurt):
    _verwachting(buurt, "stad", "Een buurtpunt in elke wijk")
    _verwachting(buurt, "financier", "Eenzaamheid meten", sinds=date(2026, 1, 1))
    _verwachting(buurt, "financier", "Vroeger doel", sinds=date(2025, 1, 1), tot=date(2025, 12, 31))
    _verwachting(buurt, "regio", "Later doel", sinds=date(2026, 6, 1))
    _verwachting(other_buurt, "regio", "Elders")
    soort = Initiatief.Soort
    for naam, door, kind, status in [
        ("Straatfeest", "bewoners", soort.BEWONERSINITIATIEF, "loopt"),
        ("Repair café", "bewoners", soort.BEWONERSINITIATIEF, "idee"),
        ("Buurtsteun", "vrijwilligers", soort.ZORGZAAM_BUURTINITIATIEF, "loopt"),
        ("Buurtzorg", "beleid", soort.BUURTGERICHT_ZORGINITIATIEF, "loopt"),
        ("Oud project", "beleid", soort.BUURTGERICHT_ZORGINITIATIEF, "afgerond"),
        ("Zonder starter", "", soort.BEWONERSINITIATIEF, "idee"),
    ]:
        f.make_initiatief(buurt, naam, soort=kind, gestart_door=door, status=status)
    f.make_initiatief(other_buurt, "Elders", gestart_door="beleid")
    return buurt


def test_current_expectations_per_source_on_a_given_day(dated):
    beleid = beleid_naast_groei(dated, today=TODAY)
    assert dict(beleid["per_bron"]) == {
        "stad of gemeente": 1,
        "financier": 1,
        "regio": 0,
        "andere": 0,
    }
    assert [v.wat for v in beleid["verwachtingen"]] == [
        "Eenzaamheid meten",
        "Een buurtpunt in elke wijk",
    ]


def test_initiatives_by_who_started_them_and_by_kind(dated):
    beleid = beleid_naast_groei(dated, today=TODAY)
    rows = {row["waarde"]: (row["per_soort"], row["totaal"]) for row in beleid["gestart_door"]}
    assert rows == {
        "bewoners": ([2, 0, 0], 2),
        "vrijwilligers": ([0, 1, 0], 1),
        "professionals": ([0, 0, 0], 0),
        "beleid": ([0, 0, 1], 1),  # the completed one no longer counts
        "": ([1, 0, 0], 1),
    }
    assert beleid["soort_totalen"] == [3, 1, 1]
    assert beleid["initiatieven"] == 5


def test_without_text_only_the_counts(dated):
    beleid = beleid_naast_groei(dated, today=TODAY, met_tekst=False)
    assert beleid["verwachtingen"] == []
    assert beleid["aantal"] == 2


def test_the_coordinator_sees_the_expectations_beside_the_initiatives(coordinator_client, dated):
    html = coordinator_client.get(reverse("coordinatie:dashboard", args=["noord"])).text
    assert 'id="top-down"' in html and 'id="bottom-up"' in html
    assert "Een buurtpunt in elke wijk" in html
    assert "Vroeger doel" not in html and "Elders" not in html
    assert reverse("buurt:beleid", args=["noord"]) in html


def test_researchers_see_counts_not_the_text_of_policy(onderzoeker_client, dated):
    html = onderzoeker_client.get(reverse("coordinatie:dashboard", args=["noord"])).text
    assert "Een buurtpunt in elke wijk" not in html
    assert "Verwachtingen van het beleid per bron" in html
    assert reverse("buurt:beleid", args=["noord"]) not in html


def test_dashboard_queries_do_not_grow_with_expectations_and_initiatives(coordinator_client, buurt):
    url = reverse("coordinatie:dashboard", args=[buurt.slug])
    _verwachting(buurt)
    f.make_initiatief(buurt, gestart_door="bewoners", status="loopt")
    small = count_get_queries(coordinator_client, url)
    for i in range(30):
        _verwachting(buurt, bron=["stad", "financier", "regio", "andere"][i % 4])
        f.make_initiatief(
            buurt,
            soort=Initiatief.Soort.values[i % 3],
            gestart_door=Initiatief.GestartDoor.values[i % 4],
            status="loopt",
        )
        f.make_partner(buurt, niveau="vuur")
    assert count_get_queries(coordinator_client, url) == small


# "Doen (te?) veel tegelijk": a tip when more initiatives run than partners have fire.


def _pages(buurt):
    return [
        reverse("coordinatie:dashboard", args=[buurt.slug]),
        reverse("initiatieven:initiatief_list", args=[buurt.slug]),
    ]


def test_the_signal_shows_when_more_initiatives_run_than_partners_have_fire(
    coordinator_client, buurt
):
    f.make_partner(buurt, niveau="vuur")
    f.make_partner(buurt, niveau="vonk")
    for _ in range(3):
        f.make_initiatief(buurt, status="loopt")
    for url in _pages(buurt):
        html = coordinator_client.get(url).text
        assert 'id="veel-tegelijk"' in html, url
        assert TEGELIJK in html
        assert "Er lopen nu 3 initiatieven; partners met vuur: 1." in html
        assert 'class="tip"' in html


def test_no_signal_when_the_fire_matches_the_running_initiatives(coordinator_client, buurt):
    for _ in range(2):
        f.make_partner(buurt, niveau="vuur")
        f.make_initiatief(buurt, status="loopt")
    f.make_initiatief(buurt, status="idee")  # not running
    f.make_initiatief(buurt, status="gestopt")
    for url in _pages(buurt):
        assert 'id="veel-tegelijk"' not in coordinator_client.get(url).text, url


def test_one_running_initiative_is_not_a_lot_at_once(coordinator_client, buurt):
    f.make_initiatief(buurt, status="loopt")
    for url in _pages(buurt):
        assert 'id="veel-tegelijk"' not in coordinator_client.get(url).text, url


def test_the_research_sentence_is_quoted_verbatim():
    from pathlib import Path

    reference = Path(__file__).parents[1] / "data" / "ucll_samenwerken_in_zorgzame_buurten.txt"
    assert TEGELIJK in reference.read_text(encoding="utf-8")


def test_a_new_buurt_says_nothing_grew_yet_instead_of_a_table_of_zeros(coordinator_client, buurt):
    html = coordinator_client.get(reverse("coordinatie:dashboard", args=[buurt.slug])).text
    bottom_up = html[html.index('id="bottom-up"') : html.index('id="groei-titel"')]
    assert "Nog geen initiatieven die lopen of op stapel staan." in bottom_up
    assert "<table" not in bottom_up
    assert "Nog geen verwachtingen van het beleid genoteerd." in html
