"""The research export holds the status history and the ended memberships, never the timeline."""

import csv
import json
from datetime import date

import pytest
from auditlog.context import set_actor
from auditlog.models import AbstractLogEntry
from django.core.management import call_command
from django.urls import reverse

from buurt.models import Wijziging
from onderzoek.export import pseudonymiser
from onderzoek.tables import TABLES
from tests import factories as f

from .helpers import blob_texts, file_texts


def export_to(tmp_path, fmt="csv", *extra):
    directory = tmp_path / fmt
    call_command(
        "onderzoek_export", "--buurt", "noord", "--format", fmt, "--output", str(directory), *extra
    )
    return directory


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_status_history_is_exported_dated_and_ends_in_the_current_status(filled, tmp_path):
    directory = export_to(tmp_path)
    rows = [
        r
        for r in read_csv(directory / "statuswijzigingen.csv")
        if r["initiatief"] == str(filled.initiatief.pk)
    ]
    assert [(r["status"], r["datum"]) for r in rows] == [
        ("idee", "2026-01-01"),
        ("gepauzeerd", "2026-03-01"),
    ]
    assert all(r["buurt"] == "noord" and r["aangemaakt_op"] for r in rows)
    [initiatief] = [
        r for r in read_csv(directory / "initiatieven.csv") if r["id"] == str(filled.initiatief.pk)
    ]
    assert initiatief["status"] == "gepauzeerd"


@pytest.mark.parametrize("extra", [(), ("--identifiable",)])
def test_the_reason_and_who_changed_the_status_stay_out(filled, tmp_path, extra):
    directory = export_to(tmp_path, "csv", *extra)
    [header] = read_csv(directory / "statuswijzigingen.csv")[:1]
    assert set(header) == {"id", "buurt", "initiatief", "status", "datum", "aangemaakt_op"}
    assert all("ziek" not in text for text in file_texts(directory).values())


def test_ended_memberships_are_exported_with_why_they_ended(filled, tmp_path):
    rows = read_csv(export_to(tmp_path) / "deelnames.csv")
    pseudonym = pseudonymiser(b"development-only")
    by_partner = {r["partner"]: r for r in rows}
    ended = by_partner[pseudonym(filled.vereniging.actor.pk)]
    assert (ended["toegetreden_op"], ended["vertrokken_op"], ended["einde"]) == (
        "2026-01-05",
        "2026-02-01",
        "vertrokken",
    )
    running = by_partner[pseudonym(filled.dokter.actor.pk)]
    assert (running["vertrokken_op"], running["einde"]) == ("", "")


def test_codebook_and_package_explain_the_new_values(filled, tmp_path):
    directory = export_to(tmp_path)
    codebook = (directory / "codebook.md").read_text(encoding="utf-8")
    assert "## statuswijzigingen (`statuswijzigingen.csv`)" in codebook
    for line in (
        "| `loopt` | loopt | running |",
        "| `gepauzeerd` | gepauzeerd | paused |",
        "| `vertrokken` | vertrokken | left the team |",
        "| `gewijzigd` | afspraak gewijzigd | agreement changed",
        "| `einde` | string | no | Why the membership ended",
    ):
        assert line in codebook, line
    package = json.loads((directory / "datapackage.json").read_text())
    resources = {r["name"]: r for r in package["resources"]}
    fields = {x["name"]: x for x in resources["statuswijzigingen"]["schema"]["fields"]}
    assert fields["status"]["constraints"]["enum"] == [
        "idee",
        "loopt",
        "gepauzeerd",
        "gestopt",
        "afgerond",
    ]
    einde = {x["name"]: x for x in resources["deelnames"]["schema"]["fields"]}["einde"]
    assert einde["constraints"]["enum"] == ["vertrokken", "gewijzigd"]


# --- The timeline is not research data ---------------------------------------------------


def test_no_table_reads_the_timeline():
    for table in TABLES:
        assert not issubclass(table.model, AbstractLogEntry), table.name
        for column in table.columns:
            path = column.source.split("__")
            assert not {"wijzigingen", "door", "door_id"} & set(path), (table.name, column.name)


@pytest.fixture
def timeline(filled):
    """Writes recorded in the timeline by a coordinator with an unmistakable name."""
    schrijver = f.make_user("tijdlijnschrijver", first_name="Gerda", last_name="Geheimschrijver")
    f.grant(schrijver, filled.buurt)
    with set_actor(schrijver):
        filled.initiatief.naam = "Burenhulp Lijsterstraat"
        filled.initiatief.save()
        f.make_actor(filled.buurt, "Vereniging Nieuw")
    entries = Wijziging.objects.in_buurt(filled.buurt)
    assert entries.filter(actor=schrijver).count() >= 2
    return filled


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_no_export_contains_the_timeline(timeline, tmp_path, fmt):
    for extra in ((), ("--identifiable",)):
        directory = export_to(tmp_path / "-".join(extra or ("pseudo",)), fmt, *extra)
        package = json.loads((directory / "datapackage.json").read_text())
        names = [r["name"] for r in package["resources"]]
        assert names == [t.name for t in TABLES] + ["network"]
        assert not {"wijzigingen", "tijdlijn", "timeline"} & set(names)
        for name, text in file_texts(directory).items():
            for trace in ("Geheimschrijver", "tijdlijnschrijver", '"naam": [', "object_repr"):
                assert trace not in text, (name, trace)


def test_the_researchers_download_holds_no_timeline(timeline, onderzoeker_client):
    query = {"buurten": ["noord"], "tabellen": [t.name for t in TABLES], "formaat": "json"}
    response = onderzoeker_client.get(reverse("onderzoek:index"), query)
    texts = blob_texts("export.zip", b"".join(response.streaming_content))
    assert len(texts) == len(TABLES) + 3  # datapackage, codebook, network.graphml
    assert all("Geheimschrijver" not in text for text in texts.values())


def test_a_status_change_is_exported_in_the_next_wave(filled, tmp_path):
    from initiatieven.services import change_status

    change_status(filled.initiatief, status="loopt", datum=date(2026, 4, 1))
    rows = read_csv(export_to(tmp_path) / "statuswijzigingen.csv")
    statuses = [r["status"] for r in rows if r["initiatief"] == str(filled.initiatief.pk)]
    assert statuses == ["idee", "gepauzeerd", "loopt"]
