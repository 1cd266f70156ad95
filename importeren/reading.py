"""Reading a coordinator's spreadsheet: a CSV or XLSX upload becomes a header and rows of
text, or the file as a whole is rejected with a Dutch message. Checking the cells is
imports.plan_import's job."""

import csv
import io
import zipfile
import zlib
from datetime import date, datetime

from django.utils.translation import gettext as _

MAX_BYTES = 1_000_000


MAX_ROWS = 10_000


MAX_UNPACKED_BYTES = 25_000_000  # an XLSX is a ZIP: refuse one that unpacks to more


class ImportRejected(Exception):
    """The file as a whole cannot be read."""


def read_upload(uploaded):
    """Return (header, rows) as text; raise ImportRejected for an unreadable file."""
    if uploaded.size > MAX_BYTES:
        raise ImportRejected(
            _("Het bestand is te groot (%(size)s kB). Het mag hoogstens %(max)s kB zijn.")
            % {"size": uploaded.size // 1000, "max": MAX_BYTES // 1000}
        )
    name = (uploaded.name or "").lower()
    data = uploaded.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ImportRejected(_("Het bestand is te groot."))
    if not data.strip():
        raise ImportRejected(_("Het bestand is leeg."))
    if name.endswith(".xlsx"):
        table = _read_xlsx(data)
    elif name.endswith(".csv"):
        table = _read_csv(data)
    else:
        raise ImportRejected(_("Kies een CSV- of XLSX-bestand (.csv of .xlsx)."))
    table = [row for row in table if any(cell.strip() for cell in row)]
    if not table:
        raise ImportRejected(_("Het bestand is leeg."))
    header = [cell.strip() for cell in table[0]]
    while header and not header[-1]:  # empty trailing columns, e.g. ";;" or formatted cells
        header.pop()
    rows = [_without_empty_tail(row, len(header)) for row in table[1:]]
    if not rows:
        raise ImportRejected(_("Het bestand bevat alleen kolomnamen en geen rijen."))
    if len(rows) > MAX_ROWS:
        raise ImportRejected(
            _("Het bestand heeft %(count)s rijen; importeer er hoogstens %(max)s tegelijk.")
            % {"count": len(rows), "max": MAX_ROWS}
        )
    return header, rows


def _without_empty_tail(cells, width):
    """The cells, less empty ones beyond the header's `width`."""
    end = len(cells)
    while end > width and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def _read_csv(data):
    if b"\x00" in data:
        raise ImportRejected(_("Dit is geen tekstbestand. Kies een CSV- of XLSX-bestand."))
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    table = []
    line = 1  # where the record being read starts
    try:
        for row in reader:
            table.append(row)
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportRejected(
            _(
                "Het CSV-bestand is niet goed opgebouwd vanaf regel %(line)s: een "
                'aanhalingsteken (") wordt niet gesloten of staat midden in een cel. '
                "Verwijder het of zet de hele cel tussen aanhalingstekens."
            )
            % {"line": line}
        ) from exc
    return table


def _decode(data):
    """UTF-8, with or without BOM; else Windows-1252, what Excel's ‘CSV (gescheiden door
    lijstscheidingsteken)’ writes on a Dutch-language PC."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRejected(
        _(
            "Het bestand is niet in UTF-8 of Windows-1252 opgeslagen. Kies in Excel "
            "‘Opslaan als’ → ‘CSV UTF-8 (door komma’s gescheiden)’ of gebruik het XLSX-sjabloon."
        )
    )


def _check_unpacked_size(data):
    """Refuse a ZIP that unpacks to far more than was uploaded, before anything reads it.

    The sizes are the ones the archive declares; Python's zipfile never unpacks a member
    beyond its declared size, so a lying archive fails to read instead of growing.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportRejected(_("Dit is geen geldig Excel-bestand (.xlsx).")) from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportRejected(
            _(
                "Dit Excel-bestand is uitgepakt te groot (%(size)s MB, hoogstens %(max)s MB). "
                "Splits het op of bewaar het als CSV."
            )
            % {"size": unpacked // 1_000_000, "max": MAX_UNPACKED_BYTES // 1_000_000}
        )


# What openpyxl raises, opening a workbook or reading its rows, on a damaged member of a
# valid ZIP: broken XML (SyntaxError is the base of ElementTree's and lxml's), a shared
# string or style that is not there, a number or date that is not one, a cut-off stream.
XLSX_DAMAGE = (
    SyntaxError,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    OverflowError,
    EOFError,
    OSError,
    zipfile.BadZipFile,
    zlib.error,
)


def _read_xlsx(data):
    from openpyxl import load_workbook

    _check_unpacked_size(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except XLSX_DAMAGE as exc:
        raise ImportRejected(_("Dit is geen geldig Excel-bestand (.xlsx).")) from exc
    try:
        if not workbook.worksheets:
            raise ImportRejected(_("Dit Excel-bestand heeft geen werkblad."))
        table = _sheet_table(workbook.worksheets[0])
    except ImportRejected:
        raise
    except XLSX_DAMAGE as exc:
        raise ImportRejected(
            _("Dit Excel-bestand is beschadigd en kan niet gelezen worden. Bewaar het opnieuw.")
        ) from exc
    finally:
        workbook.close()
    width = max(map(len, table), default=0)
    return [cells + [""] * (width - len(cells)) for cells in table]  # an absent cell is empty


def _sheet_table(sheet):
    table = []
    for row in sheet.iter_rows():
        cells = []
        for cell in row:
            if getattr(cell, "data_type", None) == "f":
                raise ImportRejected(
                    _(
                        "Cel %(cell)s bevat een formule. Formules worden niet uitgevoerd: "
                        "vul de waarde zelf in."
                    )
                    % {"cell": cell.coordinate}
                )
            cells.append(_cell_text(cell.value))
        table.append(cells)
    return table


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
