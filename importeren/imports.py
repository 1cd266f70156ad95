"""Reading and checking a coordinator's spreadsheet of actors or activities.

``read_upload`` turns a CSV or XLSX file into a header and rows of text, or rejects the
file as a whole. ``plan_import`` checks every cell and matches every row against the
buurt: the result lists what would be created or changed, and every error with its row
and column. Nothing here writes; services.apply_import does, only for a plan without errors.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from buurt import resources as buurt_resources
from buurt.models import Actor
from initiatieven import resources as initiatieven_resources
from initiatieven.models import Activiteit, Doelgroep, Frequentie, Thema

MAX_BYTES = 1_000_000
MAX_ROWS = 10_000
MAX_UNPACKED_BYTES = 25_000_000  # an XLSX is a ZIP: refuse one that unpacks to more
KINDS = ("actoren", "activiteiten")


class ImportRejected(Exception):
    """The file as a whole cannot be read."""


@dataclass(frozen=True)
class Spec:
    model: object
    required: tuple
    optional: tuple
    max_lengths: dict
    choices: dict  # column -> TextChoices

    @property
    def columns(self):
        return self.required + self.optional


def _spec(model, columns, required, choices):
    """The import of a model's spreadsheet `columns`, with an optional buurt column that
    must name the buurt imported into; text lengths are the model's own."""
    fields = [model._meta.get_field(column) for column in columns]
    return Spec(
        model,
        required,
        tuple(column for column in columns if column not in required) + ("buurt",),
        {f.name: f.max_length for f in fields if f.max_length and not f.choices},
        choices,
    )


SPECS = {
    "actoren": _spec(
        Actor,
        buurt_resources.SPREADSHEET_COLUMNS,
        ("naam", "soort"),
        {"soort": Actor.Soort, "sector": Actor.Sector},
    ),
    "activiteiten": _spec(
        Activiteit,
        initiatieven_resources.SPREADSHEET_COLUMNS,
        ("naam",),
        {"doelgroep": Doelgroep, "thema": Thema, "frequentie": Frequentie},
    ),
}

TRUE_WORDS = {"ja", "j", "waar", "true", "1", "yes"}
FALSE_WORDS = {"nee", "n", "onwaar", "false", "0", "no"}


# Reading --------------------------------------------------------------------------------


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
    header = [cell.strip().lower() for cell in table[0]]
    rows = table[1:]
    if not rows:
        raise ImportRejected(_("Het bestand bevat alleen kolomnamen en geen rijen."))
    if len(rows) > MAX_ROWS:
        raise ImportRejected(
            _("Het bestand heeft %(count)s rijen; importeer er hoogstens %(max)s tegelijk.")
            % {"count": len(rows), "max": MAX_ROWS}
        )
    return header, rows


def _read_csv(data):
    if b"\x00" in data:
        raise ImportRejected(_("Dit is geen tekstbestand. Kies een CSV- of XLSX-bestand."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            _(
                "Het bestand is niet in UTF-8 opgeslagen. Kies in Excel ‘Opslaan als’ → "
                "‘CSV UTF-8 (door komma’s gescheiden)’ of gebruik het XLSX-sjabloon."
            )
        ) from exc
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    try:
        return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise ImportRejected(_("Het CSV-bestand is niet goed opgebouwd.")) from exc


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


def _read_xlsx(data):
    from openpyxl import load_workbook

    _check_unpacked_size(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportRejected(_("Dit is geen geldig Excel-bestand (.xlsx).")) from exc
    sheet = workbook.worksheets[0]
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
    workbook.close()
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


# Checking -------------------------------------------------------------------------------


@dataclass
class Row:
    number: int  # as the spreadsheet shows it: the header is row 1
    values: dict
    action: str = "create"  # or "update" or "unchanged"
    pk: int = None
    changes: dict = field(default_factory=dict)


@dataclass
class Plan:
    kind: str
    header: list
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (row number or None, column, message)

    @property
    def creates(self):
        return [row for row in self.rows if row.action == "create"]

    @property
    def updates(self):
        return [row for row in self.rows if row.action == "update"]

    @property
    def unchanged(self):
        return [row for row in self.rows if row.action == "unchanged"]


def _lookup(vocabulary):
    """Value or label, any case, to the stored value: built once per import."""
    found = {}
    for value, label in vocabulary.choices:
        found[str(label).casefold()] = value
        found[value.casefold()] = value
    return found


def _choice(value, vocabulary, lookup):
    try:
        return lookup[value.casefold()]
    except KeyError:
        raise ValidationError(
            _("Onbekende waarde ‘%(value)s’. Kies uit: %(choices)s.")
            % {"value": value, "choices": ", ".join(vocabulary.values)}
        ) from None


def _boolean(value):
    if value.casefold() in TRUE_WORDS:
        return True
    if value.casefold() in FALSE_WORDS:
        return False
    raise ValidationError(_("Vul ‘ja’ of ‘nee’ in."))


def _date(value):
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValidationError(_("Geen geldige datum: gebruik JJJJ-MM-DD of DD/MM/JJJJ."))


def _email(value):
    validate_email(value)
    return value


CONVERTERS = {"loopt": _boolean, "gestart_op": _date, "gestopt_op": _date, "email": _email}


def check_header(kind, header):
    spec = SPECS[kind]
    errors = []
    seen = set()
    for column in header:
        if not column:
            errors.append(_("Een kolom heeft geen naam."))
        elif column in seen:
            errors.append(_("De kolom ‘%(column)s’ staat er twee keer.") % {"column": column})
        elif column not in spec.columns:
            errors.append(
                _("Onbekende kolom ‘%(column)s’. Toegestane kolommen: %(columns)s.")
                % {"column": column, "columns": ", ".join(spec.columns)}
            )
        seen.add(column)
    for column in spec.required:
        if column not in seen:
            errors.append(_("De verplichte kolom ‘%(column)s’ ontbreekt.") % {"column": column})
    return errors


def _clean_row(spec, lookups, buurt, number, raw, errors):
    values = {}
    for column, text in raw.items():
        text = text.strip()
        if column == "buurt":
            if text and text.casefold() not in (buurt.slug, buurt.naam.casefold()):
                errors.append(
                    (
                        number,
                        column,
                        _("Deze rij hoort bij een andere buurt (%(other)s), niet bij %(buurt)s.")
                        % {"other": text, "buurt": buurt.naam},
                    )
                )
            continue
        if not text:
            if column in spec.required:
                errors.append((number, column, _("Dit veld is verplicht.")))
            continue
        limit = spec.max_lengths.get(column)
        try:
            if limit and len(text) > limit:
                raise ValidationError(
                    _("Te lang: hoogstens %(max)s tekens (nu %(count)s).")
                    % {"max": limit, "count": len(text)}
                )
            if column in spec.choices:
                values[column] = _choice(text, spec.choices[column], lookups[column])
            elif column in CONVERTERS:
                values[column] = CONVERTERS[column](text)
            else:
                values[column] = text  # stored as text, never evaluated: formulas included
        except ValidationError as exc:
            errors.append((number, column, " ".join(exc.messages)))
    start, stop = values.get("gestart_op"), values.get("gestopt_op")
    if start and stop and stop < start:
        errors.append((number, "gestopt_op", _("De stopdatum ligt vóór de startdatum.")))
    return values


def plan_import(buurt, kind, header, rows):
    """Check every row and match it by name (case-insensitive) within the buurt."""
    spec = SPECS[kind]
    plan = Plan(kind, header)
    header_errors = check_header(kind, header)
    if header_errors:
        plan.errors = [(None, None, message) for message in header_errors]
        return plan
    existing = {
        values["naam"].casefold(): values
        for values in spec.model.objects.filter(buurt=buurt).values(
            "pk", *[c for c in spec.columns if c != "buurt"]
        )
    }
    lookups = {column: _lookup(vocabulary) for column, vocabulary in spec.choices.items()}
    first_row = {}
    for index, cells in enumerate(rows, start=2):
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            plan.errors.append((index, None, _("Deze rij heeft meer cellen dan er kolommen zijn.")))
            continue
        raw = dict(zip(header, cells, strict=False))
        values = _clean_row(spec, lookups, buurt, index, raw, plan.errors)
        if "naam" not in values:
            continue
        key = values["naam"].casefold()
        if key in first_row:
            plan.errors.append(
                (
                    index,
                    "naam",
                    _("Dubbele rij: ‘%(naam)s’ staat al op rij %(row)s.")
                    % {"naam": values["naam"], "row": first_row[key]},
                )
            )
            continue
        first_row[key] = index
        row = Row(index, values)
        current = existing.get(key)
        if current is not None:
            row.pk = current["pk"]
            row.changes = {
                column: (current[column], value)
                for column, value in values.items()
                if column != "naam" and current[column] != value
            }
            row.action = "update" if row.changes else "unchanged"
        plan.rows.append(row)
    return plan
