"""Checking a coordinator's spreadsheet of actors or activities.

``reading.read_upload`` turns the file into a header and rows of text; ``plan_import``
checks every cell and matches every row against the buurt: the result lists what would be
created or changed, and every error with its row and column. Nothing here writes;
services.apply_import does, only for a plan without errors.
"""

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from buurt import resources as buurt_resources
from buurt.models import Actor
from initiatieven import resources as initiatieven_resources
from initiatieven.models import Activiteit, Doelgroep, Frequentie, Thema

KINDS = ("actoren", "activiteiten")


@dataclass(frozen=True)
class Spec:
    model: object
    required: tuple
    optional: tuple
    max_lengths: dict
    choices: dict  # column -> TextChoices
    variants: dict  # column -> other headers that mean it, besides its name and label

    @property
    def columns(self):
        return self.required + self.optional


def _spec(model, columns, required, choices, variants):
    """The import of a model's spreadsheet `columns`, with an optional buurt column that
    must name the buurt imported into; text lengths are the model's own."""
    fields = [model._meta.get_field(column) for column in columns]
    return Spec(
        model,
        required,
        tuple(column for column in columns if column not in required) + ("buurt",),
        {f.name: f.max_length for f in fields if f.max_length and not f.choices},
        choices,
        variants,
    )


SPECS = {
    "actoren": _spec(
        Actor,
        buurt_resources.SPREADSHEET_COLUMNS,
        ("naam", "soort"),
        {"soort": Actor.Soort, "sector": Actor.Sector},
        {
            "omschrijving": ("beschrijving",),
            "email": ("e-mailadres", "mail", "mailadres"),
            "telefoon": ("telefoonnummer", "tel", "tel. nr.", "gsm", "gsm-nummer"),
        },
    ),
    "activiteiten": _spec(
        Activiteit,
        initiatieven_resources.SPREADSHEET_COLUMNS,
        ("naam",),
        {"doelgroep": Doelgroep, "thema": Thema, "frequentie": Frequentie},
        {
            "omschrijving": ("beschrijving",),
            "loopt": ("actief",),
            "gestart_op": ("gestart", "startdatum", "begindatum"),
            "gestopt_op": ("gestopt", "stopdatum", "einddatum"),
        },
    ),
}

TRUE_WORDS = {"ja", "j", "waar", "true", "1", "yes"}
FALSE_WORDS = {"nee", "n", "onwaar", "false", "0", "no"}


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
    header: list  # as the file writes it
    columns: list = field(default_factory=list)  # the column each header names, or None
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


def column_letter(index):
    """The spreadsheet's name of the column at 0-based `index`: A, B, … Z, AA, AB, …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _normalise(text):
    """A header as compared: without case, accents, spaces or punctuation."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if char.isalnum())


def _header_names(spec):
    """Every accepted header, normalised, to its column: the column's name, the field's
    label as the app shows it (‘E-mail’, ‘Gestart op’) and common variants."""
    names = {}
    for column in spec.columns:
        label = spec.model._meta.get_field(column).verbose_name
        for name in (column, str(label), *spec.variants.get(column, ())):
            names[_normalise(name)] = column
    return names


def resolve_header(kind, header):
    """The column each header cell names (None if none), and the header's errors; every
    error names the column by its spreadsheet letter."""
    spec = SPECS[kind]
    names = _header_names(spec)
    columns, errors, first = [], [], {}
    for index, text in enumerate(header):
        letter = column_letter(index)
        column = names.get(_normalise(text))
        columns.append(column)
        key = column or _normalise(text)
        if not text.strip():
            errors.append((1, letter, _("Kolom %(letter)s heeft geen naam.") % {"letter": letter}))
        elif key in first:
            errors.append(
                (
                    1,
                    letter,
                    _(
                        "De kolom ‘%(column)s’ (kolom %(letter)s) staat er twee keer: "
                        "ook in kolom %(first)s."
                    )
                    % {"column": text, "letter": letter, "first": first[key]},
                )
            )
        elif column is None:
            errors.append(
                (
                    1,
                    letter,
                    _(
                        "Onbekende kolom ‘%(column)s’ (kolom %(letter)s). "
                        "Toegestane kolommen: %(columns)s."
                    )
                    % {"column": text, "letter": letter, "columns": ", ".join(spec.columns)},
                )
            )
        first.setdefault(key, letter)
    for column in spec.required:
        if column not in columns:
            errors.append(
                (1, None, _("De verplichte kolom ‘%(column)s’ ontbreekt.") % {"column": column})
            )
    return columns, errors


def _cell_count_error(number, header, cells):
    """A row with fewer cells than the header (a lost separator or quote), or with a
    value beyond the last named column: (number, column, message), or None."""
    if len(cells) < len(header):
        letter = column_letter(len(cells))
        return (
            number,
            header[len(cells)],
            _(
                "Deze rij heeft te weinig cellen: vanaf kolom %(letter)s (‘%(column)s’) "
                "ontbreken ze. Kijk na of er geen scheidingsteken of aanhalingsteken ontbreekt."
            )
            % {"letter": letter, "column": header[len(cells)]},
        )
    for index in range(len(header), len(cells)):
        if cells[index].strip():
            letter = column_letter(index)
            return (
                number,
                letter,
                _(
                    "Deze rij heeft meer cellen dan er kolommen zijn: "
                    "kolom %(letter)s heeft geen naam."
                )
                % {"letter": letter},
            )
    return None


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
    columns, header_errors = resolve_header(kind, header)
    plan = Plan(kind, header, columns)
    if header_errors:
        plan.errors = header_errors
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
        error = _cell_count_error(index, header, cells)
        if error:
            plan.errors.append(error)
            continue
        raw = dict(zip(columns, cells, strict=False))
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
    # Errors name a column as the file does ('E-mailadres', not 'email').
    written = dict(zip(columns, header, strict=True))
    plan.errors = [(number, written.get(c, c), message) for number, c, message in plan.errors]
    return plan
