"""Whatever a coordinator uploads, reading and planning it fails only as ImportRejected."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importeren import imports, reading
from tests.importeren.test_import_reading import rewritten_xlsx

MEMBERS = ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml", "[Content_Types].xml"]

HEADERS = st.sampled_from(["naam", "Soort", "E-mailadres", "sector", "", "buurt", "loopt", "x"])
CELLS = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["bewoner", "Vereniging", "ja", "2026-02-31", "31/12/2026", '"', "=1+1"]),
)
LINES = st.lists(
    st.lists(st.one_of(HEADERS, CELLS), max_size=8).map(";".join), min_size=1, max_size=6
)
DAMAGED_XLSX = st.builds(
    lambda member, at, junk: rewritten_xlsx(member, lambda data: data[:at] + junk + data[at:]),
    st.sampled_from(MEMBERS),
    st.integers(0, 2000),
    st.sampled_from([b"", b"<", b'"', b"&", b"</row>", b'<c r="C2"><v>x</v></c>']),
)
CONTENT = st.one_of(
    st.binary(max_size=400),
    LINES.map(lambda lines: "\r\n".join(lines).encode()),
    LINES.map(lambda lines: "\n".join(lines).encode("cp1252", errors="ignore")),
)
# The buurt is only read, so sharing it across examples is safe.
SLOW = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.mark.django_db
@SLOW
@given(
    content=st.one_of(CONTENT, DAMAGED_XLSX),
    name=st.sampled_from(["a.csv", "a.xlsx"]),
    kind=st.sampled_from(imports.KINDS),
)
def test_read_and_plan_raise_nothing_but_import_rejected(buurt, content, name, kind):
    try:
        header, rows = reading.read_upload(SimpleUploadedFile(name, content))
    except reading.ImportRejected:
        return
    imports.plan_import(buurt, kind, header, rows)
