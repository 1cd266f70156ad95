import csv
import hashlib
import hmac
import io

import pytest
from django.core.management import call_command
from django.db import connection

from buurt.models import Actor
from buurt.tijdlijn import registered_models
from onderzoek import pseudoniemen
from onderzoek.export import Export
from onderzoek.models import Pseudoniem
from onderzoek.tables import TABLES, TABLES_BY_NAME
from privacy.services import anonimiseer, wis
from tests import factories as f

from .helpers import file_texts
from .test_export import export_to, read_csv

KEY = b"development-only"  # EXPORT_PSEUDONYM_KEY in the test settings


def hmac_of(key, pk):
    return hmac.new(key, b"actor:%d" % pk, hashlib.sha256).hexdigest()[:20]


def actor_pseudonyms(tmp_path):
    return {row["actor"] for row in read_csv(export_to(tmp_path) / "actors.csv")}


def test_an_export_stores_each_actors_keyed_hmac(filled, tmp_path):
    export_to(tmp_path)
    actors = Actor.objects.filter(buurt=filled.buurt)
    stored = {(p.actor_id, p.sleutel, p.waarde) for p in Pseudoniem.objects.all()}
    fingerprint = pseudoniemen.key_fingerprint(KEY)
    assert stored == {(a.pk, fingerprint, hmac_of(KEY, a.pk)) for a in actors}


def test_the_export_shows_the_stored_pseudonyms(filled, tmp_path):
    actors = Actor.objects.filter(buurt=filled.buurt)
    assert actor_pseudonyms(tmp_path / "a") == {hmac_of(KEY, a.pk) for a in actors}
    # Read by a join, not computed again: a changed stored value is what the files show.
    Pseudoniem.objects.filter(actor=filled.dokter.actor).update(waarde="f" * 20)
    directory = export_to(tmp_path / "b")
    assert "f" * 20 in {row["actor"] for row in read_csv(directory / "actors.csv")}
    assert "f" * 20 in {row["partner"] for row in read_csv(directory / "deelnames.csv")}


def test_a_second_export_computes_no_pseudonym(filled, tmp_path):
    export_to(tmp_path / "a")
    count = Pseudoniem.objects.count()
    assert count == Actor.objects.filter(buurt=filled.buurt).count()
    assert pseudoniemen.store([filled.buurt], KEY) == 0
    export_to(tmp_path / "b")
    assert Pseudoniem.objects.count() == count


def test_only_the_new_actor_gets_a_pseudonym_computed(filled, tmp_path):
    export_to(tmp_path / "a")
    new = f.make_actor(filled.buurt, "Nieuwe buur", soort=Actor.Soort.BEWONER)
    assert pseudoniemen.store([filled.buurt], KEY) == 1
    assert Pseudoniem.objects.get(actor=new).waarde == hmac_of(KEY, new.pk)


def test_an_actor_without_a_stored_pseudonym_still_gets_the_right_one(filled):
    """An actor added between storing and reading: the database computes theirs."""
    export = Export([filled.buurt], [TABLES_BY_NAME["actors"]])
    pseudoniemen.prepare(KEY)
    rows = list(export.queryset(TABLES_BY_NAME["actors"]))
    assert not Pseudoniem.objects.exists()
    expected = {hmac_of(KEY, a.pk) for a in Actor.objects.filter(buurt=filled.buurt)}
    assert {row[0] for row in rows} == expected


def test_another_key_stores_a_second_pseudonym_and_the_old_can_be_pruned(
    filled, tmp_path, settings
):
    first = actor_pseudonyms(tmp_path / "a")
    settings.EXPORT_PSEUDONYM_KEY = "een-andere-sleutel"
    second = actor_pseudonyms(tmp_path / "b")
    assert first.isdisjoint(second)
    actor = filled.dokter.actor
    assert {p.waarde for p in Pseudoniem.objects.filter(actor=actor)} == {
        hmac_of(KEY, actor.pk),
        hmac_of(b"een-andere-sleutel", actor.pk),
    }
    assert pseudoniemen.prune(b"een-andere-sleutel") == len(first)
    assert {p.waarde for p in Pseudoniem.objects.filter(actor=actor)} == {
        hmac_of(b"een-andere-sleutel", actor.pk)
    }


def test_erasing_a_person_deletes_their_pseudonyms(filled, tmp_path, settings):
    person = f.make_actor(filled.buurt, "Zoë Vandeputte", soort=Actor.Soort.BEWONER)
    export_to(tmp_path / "a")
    settings.EXPORT_PSEUDONYM_KEY = "een-andere-sleutel"
    export_to(tmp_path / "b")
    pk = person.pk
    assert Pseudoniem.objects.filter(actor_id=pk).count() == 2
    wis(person)
    assert not Pseudoniem.objects.filter(actor_id=pk).exists()
    assert Pseudoniem.objects.filter(actor=filled.dokter.actor).count() == 2


def test_an_anonymised_person_keeps_their_pseudonym(filled, tmp_path):
    before = actor_pseudonyms(tmp_path / "a")
    anonimiseer(filled.bewoner)
    assert actor_pseudonyms(tmp_path / "b") == before
    assert Pseudoniem.objects.get(actor=filled.bewoner).waarde == hmac_of(KEY, filled.bewoner.pk)


def test_the_pseudonym_table_is_never_exported_nor_in_the_timeline(filled, tmp_path):
    assert Pseudoniem not in {table.model for table in TABLES}
    assert Pseudoniem not in registered_models()
    texts = file_texts(export_to(tmp_path, "csv", "--identifiable"))
    assert not any("pseudoniem" in name for name in texts)
    assert not any(pseudoniemen.key_fingerprint(KEY) in t for n, t in texts.items() if ".csv" in n)


# PostgreSQL writes CSV by COPY: the same bytes as Python's csv module -------------------

TRICKY = ["a\rb", "c\nd", "e\r\nf", " g ", "h,i", 'j"k', "l;m", "ë€💡", "\\.", "NULL"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
@pytest.mark.parametrize("identifiable", [False, True])
def test_copy_writes_what_the_csv_module_writes(filled, identifiable):
    for i, text in enumerate(TRICKY):
        f.make_actor(filled.buurt, f"Vzw {text}", soort=Actor.Soort.ORGANISATIE, omschrijving=text)
        f.make_activiteit(filled.buurt, f"{text} {i}", omschrijving=text if i % 2 else "")
    f.make_deelname(filled.team, f.make_partner(filled.buurt, "Vzw Leeg"), middelen=[])
    export = Export([filled.buurt], list(TABLES), identifiable=identifiable, batch_size=3)
    for table in TABLES:
        if not table.copyable:
            continue
        copied = b"".join(export.csv_chunks(table)).decode()
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(export.header(table))
        writer.writerows(export.rows(table))
        assert copied == buffer.getvalue(), table.name


def test_the_command_counts_per_key_and_prunes_the_old_ones(filled, tmp_path, settings):
    export_to(tmp_path / "a")
    old = pseudoniemen.key_fingerprint(KEY)
    settings.EXPORT_PSEUDONYM_KEY = "een-andere-sleutel"
    out = io.StringIO()
    call_command("onderzoek_pseudoniemen", stdout=out)
    assert out.getvalue() == f"{old}: 3\n"
    call_command("onderzoek_pseudoniemen", "--opruimen", stdout=out)
    assert "Deleted 3 pseudonyms" in out.getvalue()
    assert not Pseudoniem.objects.exists()
