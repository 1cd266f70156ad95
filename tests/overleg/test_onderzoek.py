"""Researchers get meetings and actions as counts and dates only, pseudonymised."""

import csv
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from onderzoek.export import pseudonymiser
from tests import factories as f

BRUSSEL = ZoneInfo("Europe/Brussels")
SECRETS = ("Geheime titel", "Agenda van Marie", "Notitie over Jan", "Besluit over Els")


@pytest.fixture(autouse=True)
def key(settings):
    settings.EXPORT_PSEUDONYM_KEY = "test-key-" + "x" * 32


def read(directory, name):
    with open(directory / f"{name}.csv", newline="", encoding="utf-8") as fh:
        return {row["id"]: row for row in csv.DictReader(fh)}


@pytest.fixture
def scene(buurt, other_buurt, coordinator):
    partner = f.make_partner(buurt, "Marie Peeters", soort="bewoner")
    other = f.make_partner(buurt, "Vzw Samen")
    team = f.make_team(f.make_initiatief(buurt))
    held = f.make_overleg(
        buurt,
        SECRETS[0],
        team=team,
        partners=[partner, other],
        begint_op=timezone.now() - timedelta(days=3),
        agenda=SECRETS[1],
        notities=SECRETS[2],
        besluiten=SECRETS[3],
    )
    held.deelnemers.filter(partner=partner).update(aanwezig=True)
    held.overlegcoordinatoren.create(user=coordinator, aanwezig=True)
    planned = f.make_overleg(buurt, SECRETS[0])
    today = timezone.localdate()
    long_ago = datetime(2026, 1, 5, 10, 0, tzinfo=BRUSSEL)
    acties = {
        "op_tijd": f.make_actie(
            buurt, SECRETS[0], overleg=held, partner=partner, tegen=today, gedaan_op=today,
            notitie=SECRETS[2],
        ),
        "te_laat": f.make_actie(
            buurt, SECRETS[0], coordinator=coordinator, tegen=long_ago.date(),
            gedaan_op=today, aangemaakt_op=long_ago,
        ),
        "open": f.make_actie(buurt, SECRETS[0], partner=other, tegen=today),
        "open_te_laat": f.make_actie(
            buurt, SECRETS[0], coordinator=coordinator, tegen=today - timedelta(days=1),
            aangemaakt_op=long_ago,
        ),
    }  # fmt: skip
    f.make_overleg(other_buurt, "Elders")
    return held, planned, acties, partner


def test_meetings_are_exported_as_counts_without_their_text(scene, tmp_path):
    held, planned, _acties, _partner = scene
    call_command("onderzoek_export", "--buurt", "noord", "--format", "csv", "--output", tmp_path)
    rows = read(tmp_path, "overleggen")
    assert set(rows) == {str(held.pk), str(planned.pk)}
    row = rows[str(held.pk)]
    assert set(row) == {
        "id", "buurt", "soort", "team", "initiatief", "begint_op", "eindigt_op", "gehouden",
        "partners_uitgenodigd", "partners_aanwezig", "coordinatoren_uitgenodigd",
        "coordinatoren_aanwezig", "aangemaakt_op",
    }  # fmt: skip
    assert (row["soort"], row["team"], row["gehouden"]) == (
        "teamoverleg",
        str(held.team_id),
        "True",
    )
    assert (row["partners_uitgenodigd"], row["partners_aanwezig"]) == ("2", "1")
    assert (row["coordinatoren_uitgenodigd"], row["coordinatoren_aanwezig"]) == ("1", "1")
    assert rows[str(planned.pk)]["soort"] == "partneroverleg"
    assert rows[str(planned.pk)]["gehouden"] == "False"


def test_actions_say_whether_they_were_done_in_time_and_for_whom(scene, tmp_path):
    _held, _planned, acties, partner = scene
    call_command("onderzoek_export", "--buurt", "noord", "--format", "csv", "--output", tmp_path)
    rows = read(tmp_path, "acties")
    assert {rows[str(a.pk)]["afloop"]: key for key, a in acties.items()} == {
        key: key for key in acties
    }
    done = rows[str(acties["op_tijd"].pk)]
    pseudonym = pseudonymiser(b"test-key-" + b"x" * 32)
    assert done["partner"] == pseudonym(partner.actor_id)
    assert (done["voor"], done["overleg"]) == ("partner", str(acties["op_tijd"].overleg_id))
    by_coordinator = rows[str(acties["te_laat"].pk)]
    assert (by_coordinator["voor"], by_coordinator["partner"]) == ("coordinator", "")
    assert "wat" not in done and "notitie" not in done


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_no_title_agenda_note_decision_or_name_in_any_file(scene, tmp_path, fmt):
    from tests.onderzoek.helpers import file_texts

    call_command("onderzoek_export", "--buurt", "noord", "--format", fmt, "--output", tmp_path)
    for name, text in file_texts(tmp_path).items():
        for secret in (*SECRETS, "Marie Peeters"):
            assert secret not in text, (name, secret)


def test_the_codebook_describes_both_tables(scene, tmp_path):
    call_command("onderzoek_export", "--buurt", "noord", "--format", "csv", "--output", tmp_path)
    codebook = (tmp_path / "codebook.md").read_text()
    assert "## overleggen (`overleggen.csv`)" in codebook
    assert "## acties (`acties.csv`)" in codebook
    assert "| `open_te_laat` | open, tegen-datum voorbij | open, past its due date |" in codebook
