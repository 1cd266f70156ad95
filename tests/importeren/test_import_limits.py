"""What an import file cannot do: unpack far beyond the upload limit, or reach another buurt."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from buurt.models import Actor
from importeren import reading
from tests import factories as f
from tests.importeren.test_import import payload_of, upload

SHEET_START = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>naam</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>soort</t></is></c></row>'
    b'<row r="2"><c r="A2" t="inlineStr"><is><t>'
)
SHEET_END = (
    b'</t></is></c><c r="B2" t="inlineStr"><is><t>vereniging</t></is></c></row>'
    b"</sheetData></worksheet>"
)


def bomb_xlsx(megabytes):
    """A valid workbook whose one name unpacks to `megabytes` MB (the upload stays small)."""
    workbook = Workbook()
    buffer = io.BytesIO()
    workbook.save(buffer)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                target.writestr(item, source.read(item.filename))
                continue
            with target.open(item.filename, "w", force_zip64=True) as member:
                member.write(SHEET_START)
                chunk = b"a" * 1_000_000
                for _ in range(megabytes):
                    member.write(chunk)
                member.write(SHEET_END)
    return out.getvalue()


def test_an_xlsx_that_unpacks_far_beyond_the_upload_limit_is_refused(coordinator_client):
    content = bomb_xlsx(reading.MAX_UNPACKED_BYTES // 1_000_000 + 5)
    assert len(content) < reading.MAX_BYTES

    response = upload(coordinator_client, "bom.xlsx", content)

    assert "uitgepakt" in response.text
    assert payload_of(response) is None
    assert Actor.objects.count() == 0


def test_the_refusal_comes_before_the_workbook_is_read(monkeypatch):
    def must_not_load(*args, **kwargs):
        pytest.fail("the workbook was opened")

    monkeypatch.setattr("openpyxl.load_workbook", must_not_load)
    with pytest.raises(reading.ImportRejected):
        reading._read_xlsx(bomb_xlsx(reading.MAX_UNPACKED_BYTES // 1_000_000 + 1))


def test_an_ordinary_xlsx_within_the_limits_is_read(coordinator_client):
    response = upload(coordinator_client, "klein.xlsx", bomb_xlsx(1))
    assert "uitgepakt" not in response.text


def test_ids_of_another_buurt_in_the_file_are_refused_and_change_nothing(
    coordinator_client, other_buurt
):
    theirs = f.make_actor(other_buurt, "Vzw Ginder")
    content = f"id;naam;soort\n{theirs.pk};Overgenomen;vereniging\n".encode()

    response = upload(coordinator_client, "a.csv", content)

    assert "Onbekende kolom \u2018id\u2019" in response.text
    assert payload_of(response) is None
    theirs.refresh_from_db()
    assert (theirs.naam, theirs.buurt_id) == ("Vzw Ginder", other_buurt.pk)
    assert Actor.objects.count() == 1
