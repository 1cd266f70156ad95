"""Files as coordinators really have them: short rows, stray quotes, broken workbooks,
Excel's own CSV on a Dutch-language PC, the app's labels as headers, empty trailing columns."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from openpyxl.styles import Font

from buurt.models import Actor
from importeren import imports, reading
from initiatieven.models import Activiteit
from tests.importeren.test_import import confirm, payload_of, upload, xlsx


def rewritten_xlsx(member, change):
    """A valid workbook with one member's bytes passed through `change`."""
    source = io.BytesIO(xlsx([["naam", "soort"], ["A", "vereniging"]]))
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            new.writestr(item, change(data) if item.filename == member else data)
    return out.getvalue()


def assert_nothing_written_and_says(response, message):
    assert response.status_code == 200
    assert message in response.text
    assert payload_of(response) is None
    assert (Actor.objects.count(), Activiteit.objects.count()) == (0, 0)


# 1. Short rows and unbalanced quotes ----------------------------------------------------


def test_short_row_is_an_error_named_by_row_and_column(coordinator_client):
    content = "\ufeffnaam;soort\r\nKort Piet;bewoner\r\nKort Mia\r\n".encode()
    response = upload(coordinator_client, "a.csv", content)
    assert_nothing_written_and_says(response, "Er is niets geïmporteerd")
    assert "<td>3</td><td>soort</td>" in response.text
    assert "kolom B" in response.text


def test_short_row_missing_an_optional_cell_is_an_error_too(buurt):
    plan = imports.plan_import(buurt, "actoren", ["naam", "soort", "sector"], [["A", "bewoner"]])
    assert [(number, column) for number, column, _message in plan.errors] == [(2, "sector")]


def test_confirming_a_payload_with_a_short_row_writes_nothing(
    coordinator_client, coordinator, buurt
):
    from importeren.views import _signer

    data = {"kind": "actoren", "header": ["naam", "soort"], "rows": [["Kort Mia"]]}
    payload = _signer(buurt, coordinator).sign_object(data, compress=True)
    response = confirm(coordinator_client, payload)
    assert response.status_code == 200
    assert "Er is niets geïmporteerd" in response.text
    assert Actor.objects.count() == 0


@pytest.mark.parametrize(
    "content",
    [
        b'naam;soort\r\n"Kort Piet;bewoner\r\nKort Mia;bewoner\r\n',
        b'naam;soort\r\n"Kort" Piet;bewoner\r\n',
    ],
    ids=["never closed", "text after the closing quote"],
)
def test_unbalanced_quote_is_a_clear_file_error(coordinator_client, content):
    response = upload(coordinator_client, "a.csv", content)
    assert_nothing_written_and_says(response, "aanhalingsteken")
    assert "regel 2" in response.text


# 2. Malformed workbooks -----------------------------------------------------------------


def cut_in_half(data):
    return data[: len(data) // 2]


def without_sheets(data):
    start, end = data.index(b"<sheets>"), data.index(b"</sheets>") + len(b"</sheets>")
    return data[:start] + b"<sheets/>" + data[end:]


def with_a_broken_number(data):
    return data.replace(b"</row></sheetData>", b'<c r="C2"><v>veel</v></c></row></sheetData>')


@pytest.mark.parametrize(
    ("member", "change", "message"),
    [
        ("xl/worksheets/sheet1.xml", cut_in_half, "Dit Excel-bestand is beschadigd"),
        ("xl/worksheets/sheet1.xml", with_a_broken_number, "Dit Excel-bestand is beschadigd"),
        ("xl/workbook.xml", without_sheets, "geen werkblad"),
        ("xl/workbook.xml", cut_in_half, "geen geldig Excel-bestand"),
        ("[Content_Types].xml", cut_in_half, "geen geldig Excel-bestand"),
        ("docProps/core.xml", cut_in_half, "geen geldig Excel-bestand"),
    ],
    ids=[
        "sheet cut off",
        "broken number",
        "no sheets",
        "workbook cut off",
        "types cut off",
        "properties cut off",
    ],
)
def test_damaged_workbook_is_a_file_error(coordinator_client, member, change, message):
    response = upload(coordinator_client, "a.xlsx", rewritten_xlsx(member, change))
    assert_nothing_written_and_says(response, message)


# 3. Encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoded",
    [
        "naam;soort\r\nCafé Ëlla;organisatie\r\n".encode("cp1252"),
        "naam;soort\r\nCafé Ëlla;organisatie\r\n".encode(),
        "\ufeffnaam;soort\r\nCafé Ëlla;organisatie\r\n".encode(),
    ],
    ids=["cp1252", "utf-8", "utf-8 with bom"],
)
def test_csv_in_utf8_or_cp1252_is_read(encoded):
    header, rows = reading.read_upload(SimpleUploadedFile("a.csv", encoded))
    assert (header, rows) == (["naam", "soort"], [["Café Ëlla", "organisatie"]])


def test_cp1252_only_characters_are_read():
    text = "naam;soort;omschrijving\r\nDe „Linde“;vereniging;€ 5 – koffie\r\n"
    _header, rows = reading.read_upload(SimpleUploadedFile("a.csv", text.encode("cp1252")))
    assert rows == [["De „Linde“", "vereniging", "€ 5 – koffie"]]


# 4. Headers as the app labels them ------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "label", "column"),
    [
        ("actoren", "Naam", "naam"),
        ("actoren", "NAAM", "naam"),
        ("actoren", "Soort", "soort"),
        ("actoren", "Sector", "sector"),
        ("actoren", "Omschrijving", "omschrijving"),
        ("actoren", "E-mail", "email"),
        ("actoren", "E-mailadres", "email"),
        ("actoren", "e-mailadres", "email"),
        ("actoren", "Telefoon", "telefoon"),
        ("actoren", "Telefoonnummer", "telefoon"),
        ("actoren", "Adres", "adres"),
        ("actoren", "Buurt", "buurt"),
        ("activiteiten", "Doelgroep", "doelgroep"),
        ("activiteiten", "Thema", "thema"),
        ("activiteiten", "Frequentie", "frequentie"),
        ("activiteiten", "Loopt", "loopt"),
        ("activiteiten", "Loopt nog", "loopt"),
        ("activiteiten", "Gestart op", "gestart_op"),
        ("activiteiten", "GESTOPT OP", "gestopt_op"),
        ("activiteiten", "Omschrïjving", "omschrijving"),
    ],
)
def test_header_may_be_the_field_label_in_any_case_or_accent(buurt, kind, label, column):
    naam = "Naam" if column != "naam" else label
    header = [naam, label] if column != "naam" else [label]
    if kind == "actoren" and column != "soort":
        header.append("soort")
    plan = imports.plan_import(buurt, kind, header, [])
    assert plan.errors == []
    assert column in plan.columns


def test_the_same_column_twice_under_two_labels_is_an_error(buurt):
    plan = imports.plan_import(buurt, "actoren", ["naam", "soort", "email", "E-mailadres"], [])
    assert [column for _number, column, _message in plan.errors] == ["D"]
    assert "kolom B" not in plan.errors[0][2]
    assert "kolom C" in plan.errors[0][2]


def test_errors_in_a_labelled_column_name_the_column_as_written(buurt):
    plan = imports.plan_import(
        buurt, "actoren", ["Naam", "Soort", "E-mailadres"], [["A", "bewoner", "geen-adres"]]
    )
    assert [(number, column) for number, column, _message in plan.errors] == [(2, "E-mailadres")]


# 5. Empty trailing columns and column letters -------------------------------------------


def test_trailing_empty_csv_columns_are_ignored(coordinator_client):
    content = b"naam;soort;;\r\nA;vereniging;;\r\nB;bewoner;;\r\n"
    response = upload(coordinator_client, "a.csv", content)
    assert "2 nieuw" in response.text
    assert payload_of(response)


def test_formatted_empty_xlsx_columns_are_ignored():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["naam", "soort"])
    sheet.append(["A", "vereniging"])
    for row in (1, 2, 3):
        for column in ("C", "D"):
            sheet[f"{column}{row}"].font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    header, rows = reading.read_upload(SimpleUploadedFile("a.xlsx", buffer.getvalue()))
    assert header == ["naam", "soort"]
    assert rows == [["A", "vereniging"]]


def test_xlsx_rows_shorter_than_the_header_are_padded():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["naam", "soort", "sector"])
    sheet.append(["A", "vereniging"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    _header, rows = reading.read_upload(SimpleUploadedFile("a.xlsx", buffer.getvalue()))
    assert rows == [["A", "vereniging", ""]]


@pytest.mark.parametrize(
    ("index", "letter"), [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ")]
)
def test_column_letters_are_the_spreadsheets(index, letter):
    assert imports.column_letter(index) == letter


def test_header_errors_name_the_column_letter(buurt):
    header = ["naam", "", "soort"] + ["x"] * 23 + ["leeftijd"]
    plan = imports.plan_import(buurt, "actoren", header, [])
    by_column = {column: message for _number, column, message in plan.errors}
    assert "Kolom B heeft geen naam." in by_column["B"]
    assert "kolom AA" in by_column["AA"]
    assert "kolom D" in by_column["E"]  # 'x' repeated: first seen in column D


def test_a_value_under_a_nameless_column_names_its_letter(buurt):
    plan = imports.plan_import(buurt, "actoren", ["naam", "soort"], [["A", "bewoner", "", "x"]])
    assert [(number, column) for number, column, _message in plan.errors] == [(2, "D")]


# Done: Excel's own CSV on a Dutch-language PC, through the view --------------------------


def test_excel_csv_from_a_dutch_pc_imports_in_one_dry_run_and_one_confirm(
    coordinator_client, buurt
):
    text = (
        "Naam;Soort;E-mailadres;Telefoonnummer;Adres;;\r\n"
        "Café Zoë;Organisatie;zoe@example.be;016 12 34 56;Brusselsestraat 1;;\r\n"
        "Noël Peeters;bewoner;;;Naamsestraat 2, Leuven;;\r\n"
    )
    response = upload(coordinator_client, "actoren.csv", text.encode("cp1252"))
    assert "2 nieuw, 0 bijgewerkt, 0 ongewijzigd." in response.text
    assert confirm(coordinator_client, payload_of(response)).status_code == 302
    stored = set(
        Actor.objects.in_buurt(buurt).values_list("naam", "soort", "email", "telefoon", "adres")
    )
    assert stored == {
        ("Café Zoë", "organisatie", "zoe@example.be", "016 12 34 56", "Brusselsestraat 1"),
        ("Noël Peeters", "bewoner", "", "", "Naamsestraat 2, Leuven"),
    }
