"""The name search of ken je buurt: the same results on SQLite (its FTS5 trigram index,
buurt/zoekindex.py) and on PostgreSQL (its trigram index), whatever wrote the names."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from buurt import tellingen, zoekindex
from buurt.bulk import copy_rows
from buurt.models import Actor
from privacy import services as privacy

from .. import factories as f

pytestmark = pytest.mark.django_db

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the FTS5 index exists on SQLite only"
)


def _names(buurt, text):
    return sorted(Actor.objects.in_buurt(buurt).search(text).values_list("naam", flat=True))


def _index_holds(text):
    """Whether the index's own pages hold `text`: what a delete marker leaves behind."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT block FROM {zoekindex.TABLE}_data")  # noqa: S608
        return any(text.encode() in bytes(block) for (block,) in cursor.fetchall() if block)


@pytest.fixture
def namen(buurt, other_buurt):
    for naam in ("Jan Peeters", "Ria PEETERS-Maes", "Zoë Claes", "ZOË JANSSENS", "Vzw 100%"):
        f.make_actor(buurt, naam, soort="bewoner")
    f.make_actor(other_buurt, "Piet Peeters")


def test_search_matches_part_of_a_name_whatever_the_case(buurt, namen):
    assert _names(buurt, "peeters") == ["Jan Peeters", "Ria PEETERS-Maes"]
    assert _names(buurt, "EETERS-m") == ["Ria PEETERS-Maes"]
    assert _names(buurt, "n pee") == ["Jan Peeters"]  # spaces count
    assert _names(buurt, "eeters piet") == []  # the whole text, in this order


def test_accented_letters_match_in_either_case_but_not_without_the_accent(buurt, namen):
    # SQLite's LIKE folds ASCII letters only; both databases now fold Ë to ë.
    assert _names(buurt, "zoë") == ["ZOË JANSSENS", "Zoë Claes"]
    assert _names(buurt, "ZOË") == ["ZOË JANSSENS", "Zoë Claes"]
    assert _names(buurt, "zoe") == []


def test_short_searches_still_match(buurt, namen):
    assert _names(buurt, "ae") == ["Ria PEETERS-Maes", "Zoë Claes"]
    assert _names(buurt, "p") == ["Jan Peeters", "Ria PEETERS-Maes"]


@pytest.mark.parametrize(
    "text", ['"', 'pee"ters', "peeters*", "NEAR(jan peeters)", "jan OR ria", "^jan", "100%"]
)
def test_search_syntax_in_the_text_is_just_text(buurt, namen, text):
    expected = ["Vzw 100%"] if text == "100%" else []
    assert _names(buurt, text) == expected


def test_the_page_finds_a_name_and_counts_the_matches(coordinator_client, buurt, namen):
    url = reverse("buurt:ken_je_buurt", args=[buurt.slug])
    html = coordinator_client.get(url, {"q": "PEETERS"}).content.decode()
    assert "2 actoren" in html
    assert "Jan Peeters" in html and "Ria PEETERS-Maes" in html
    assert "Piet Peeters" not in html  # another buurt's
    assert "Zoë Claes" not in html


def test_search_follows_renames_deletes_and_updates(buurt, namen):
    jan = Actor.objects.get(naam="Jan Peeters")
    jan.naam = "Jan Wouters"
    jan.save()
    Actor.objects.filter(naam="Zoë Claes").update(naam="Zoë Mertens")
    Actor.objects.filter(naam="ZOË JANSSENS").delete()
    assert _names(buurt, "peeters") == ["Ria PEETERS-Maes"]
    assert _names(buurt, "wouters") == ["Jan Wouters"]
    assert _names(buurt, "zoë") == ["Zoë Mertens"]
    assert _names(buurt, "janssens") == []


def test_search_finds_actors_written_in_bulk(buurt):
    now = timezone.now()
    columns = ["buurt", "naam", "soort", "sector", "omschrijving", "email", "telefoon", "adres"]
    columns += ["aangemaakt_op", "gewijzigd_op"]
    rows = [(buurt.pk, f"Lid {i} Goossens", "bewoner", *[""] * 5, now, now) for i in range(30)]
    assert copy_rows(Actor, columns, rows) == 30
    tellingen.herbereken(buurt)  # COPY sends no signals: what its callers do
    assert len(_names(buurt, "goossens")) == 30
    assert _names(buurt, "lid 7 ") == ["Lid 7 Goossens"]


@sqlite_only
def test_the_index_agrees_with_the_actors_after_every_kind_of_write(buurt, namen):
    Actor.objects.filter(naam__startswith="Jan").update(naam="Jan Wouters")
    Actor.objects.filter(naam__startswith="Zoë").delete()
    with connection.cursor() as cursor:
        # For an external-content table this compares the index with buurt_actor's names:
        # a missed write raises "database disk image is malformed".
        table = zoekindex.TABLE
        cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")  # noqa: S608
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
        assert cursor.fetchone()[0] == Actor.objects.count()


@sqlite_only
@pytest.mark.parametrize("how", [privacy.wis, privacy.anonimiseer])
def test_erasing_or_anonymising_leaves_no_trigram_of_the_name_in_the_index(buurt, how):
    f.make_actor(buurt, "Buurthuis De Linde")
    actor = f.make_actor(buurt, "Quirijn Xylofoon", soort="bewoner")
    assert _index_holds("xyl")
    how(actor)
    assert _names(buurt, "xylofoon") == []
    assert not _index_holds("xyl")
    assert _index_holds("lin")  # the others' names stay searchable
    assert _names(buurt, "linde") == ["Buurthuis De Linde"]
