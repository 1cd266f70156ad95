"""The research export holds policy's expectations and who started each initiative."""

import csv
from datetime import date

from django.core.management import call_command

from buurt.models import Beleidsverwachting
from tests import factories as f


def _export(tmp_path, *extra):
    directory = tmp_path / "csv"
    call_command(
        "onderzoek_export",
        "--buurt",
        "noord",
        "--format",
        "csv",
        "--output",
        str(directory),
        *extra,
    )
    return directory


def _rows(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _filled(buurt, other_buurt):
    Beleidsverwachting.objects.create(
        buurt=buurt,
        bron="financier",
        wat="Marie Peeters bellen",
        notitie="Volgens Dokter Jan Claes",
        sinds=date(2025, 1, 1),
        tot=date(2025, 12, 31),
    )
    Beleidsverwachting.objects.create(
        buurt=other_buurt, bron="stad", wat="x", sinds=date(2025, 1, 1)
    )
    f.make_initiatief(buurt, "Straatfeest", gestart_door="bewoners")


def test_expectations_are_exported_dated_without_their_free_text(buurt, other_buurt, tmp_path):
    _filled(buurt, other_buurt)
    directory = _export(tmp_path)
    [row] = _rows(directory / "beleidsverwachtingen.csv")
    assert {k: row[k] for k in ("buurt", "bron", "sinds", "tot")} == {
        "buurt": "noord",
        "bron": "financier",
        "sinds": "2025-01-01",
        "tot": "2025-12-31",
    }
    assert "wat" not in row and "notitie" not in row
    texts = "".join(p.read_text(encoding="utf-8") for p in directory.rglob("*") if p.is_file())
    assert "Marie Peeters" not in texts and "Dokter Jan Claes" not in texts


def test_the_identifiable_export_holds_what_is_expected(buurt, other_buurt, tmp_path):
    _filled(buurt, other_buurt)
    [row] = _rows(_export(tmp_path, "--identifiable") / "beleidsverwachtingen.csv")
    assert (row["wat"], row["notitie"]) == ("Marie Peeters bellen", "Volgens Dokter Jan Claes")


def test_initiatives_say_who_started_them_and_the_codebook_explains(buurt, other_buurt, tmp_path):
    _filled(buurt, other_buurt)
    directory = _export(tmp_path)
    [row] = _rows(directory / "initiatieven.csv")
    assert row["gestart_door"] == "bewoners"
    codebook = (directory / "codebook.md").read_text(encoding="utf-8")
    assert "| `gestart_door` | string |" in codebook
    assert "city or municipality" in codebook and "policy" in codebook
