import csv
import hashlib
import hmac
import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from frictionless import validate

from buurt.models import Actor
from buurt.spreadsheets import FORMULA_PREFIXES
from onderzoek.export import Export, pseudonymiser
from onderzoek.tables import TABLES
from onderzoek.vocabularies import labels
from tests import factories as f

from .conftest import PERSON_NAMES
from .helpers import file_texts, xlsx_rows

CONTACT_DATA = ("marie@example.be", "0470 12 34 56", "Dorpsstraat")


def export_to(tmp_path, fmt="csv", *extra, buurten=("noord",)):
    directory = tmp_path / fmt
    args = [arg for slug in buurten for arg in ("--buurt", slug)]
    call_command("onderzoek_export", *args, "--format", fmt, "--output", str(directory), *extra)
    return directory


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_pseudonyms_are_stable_with_the_same_key(filled, tmp_path):
    first = read_csv(export_to(tmp_path / "a") / "actors.csv")
    second = read_csv(export_to(tmp_path / "b") / "actors.csv")
    assert [row["actor"] for row in first] == [row["actor"] for row in second]
    assert len({row["actor"] for row in first}) == 3


def test_pseudonyms_differ_with_another_key(filled, tmp_path, settings):
    first = read_csv(export_to(tmp_path / "a") / "actors.csv")
    settings.EXPORT_PSEUDONYM_KEY = "een-andere-sleutel"
    second = read_csv(export_to(tmp_path / "b") / "actors.csv")
    assert {row["actor"] for row in first}.isdisjoint({row["actor"] for row in second})


def test_pseudonym_is_the_keyed_hmac_sha256_of_the_actor_id():
    expected = hmac.new(b"sleutel", b"actor:42", hashlib.sha256).hexdigest()[:20]
    assert pseudonymiser(b"sleutel")(42) == expected
    long_key = b"k" * 100
    expected = hmac.new(long_key, b"actor:42", hashlib.sha256).hexdigest()[:20]
    assert pseudonymiser(long_key)(42) == expected


def test_pseudonym_links_an_actor_across_tables(filled, tmp_path):
    directory = export_to(tmp_path)
    dokter = pseudonymiser(b"development-only")(filled.dokter.actor.pk)
    assert dokter in {row["actor"] for row in read_csv(directory / "partners.csv")}
    assert dokter in {row["partner"] for row in read_csv(directory / "deelnames.csv")}
    assert dokter in {row["naar"] for row in read_csv(directory / "relations.csv")}


def test_export_is_refused_without_a_key(filled, tmp_path, settings):
    settings.EXPORT_PSEUDONYM_KEY = ""
    with pytest.raises(CommandError, match="EXPORT_PSEUDONYM_KEY"):
        export_to(tmp_path)
    assert not (tmp_path / "csv" / "actors.csv").exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_no_name_or_contact_data_of_a_natural_person_in_any_file(filled, tmp_path, fmt):
    texts = file_texts(export_to(tmp_path, fmt))
    assert len(texts) > 11
    for name, text in texts.items():
        for secret in (*PERSON_NAMES, *CONTACT_DATA, "Peeters", "Claes", "Wouters"):
            assert secret not in text, (name, secret)


def test_organisations_keep_their_names(filled, tmp_path):
    rows = read_csv(export_to(tmp_path) / "actors.csv")
    assert {row["naam"] for row in rows} == {"", "Vzw Samen"}


def test_other_buurten_stay_out_of_the_export(filled, tmp_path):
    texts = file_texts(export_to(tmp_path))
    assert all("Vereniging Elders" not in text and "zuid" not in text for text in texts.values())


def test_identifiable_export_names_people_and_says_so(filled, tmp_path, capsys):
    directory = export_to(tmp_path, "csv", "--identifiable")
    actors = read_csv(directory / "actors.csv")
    assert "Marie Peeters" in {row["naam"] for row in actors}
    assert "marie@example.be" in {row["email"] for row in actors}
    package = json.loads((directory / "datapackage.json").read_text())
    assert package["zorgzaam"]["identifiable"] is True
    assert "IDENTIFIABLE" in package["description"]
    assert "IDENTIFIABLE EXPORT" in (directory / "codebook.md").read_text()
    assert "Contact Els Wouters" not in (directory / "partners.csv").read_text()


def test_pseudonymised_export_says_so(filled, tmp_path):
    package = json.loads((export_to(tmp_path) / "datapackage.json").read_text())
    assert package["zorgzaam"]["pseudonymised"] is True
    assert package["zorgzaam"]["identifiable"] is False


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_data_package_validates_with_frictionless(filled, tmp_path, fmt):
    directory = export_to(tmp_path, fmt)
    report = validate(str(directory / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_every_exported_column_is_in_the_codebook(filled, tmp_path):
    directory = export_to(tmp_path, "csv", "--identifiable")
    package = json.loads((directory / "datapackage.json").read_text())
    codebook = (directory / "codebook.md").read_text()
    assert [r["name"] for r in package["resources"]] == [t.name for t in TABLES] + ["network"]
    for resource in package["resources"][:-1]:  # the tables; the network is GraphML
        with open(directory / resource["path"], newline="") as fh:
            header = next(csv.reader(fh))
        assert header == [field["name"] for field in resource["schema"]["fields"]]
        for field in resource["schema"]["fields"]:
            assert field["description"]
            assert f"| `{field['name']}` | {field['type']} |" in codebook


def test_every_vocabulary_value_has_dutch_and_english_labels():
    for table in TABLES:
        for column in table.columns:
            if column.vocabulary is not None:
                for value, dutch, english in labels(column.vocabulary):
                    assert value and dutch and english


def formula_buurt(buurt):
    for prefix in FORMULA_PREFIXES:
        f.make_actor(buurt, f"{prefix}HYPERLINK(1)", soort=Actor.Soort.ORGANISATIE)


def test_formulas_are_neutralised_in_csv(buurt, tmp_path):
    formula_buurt(buurt)
    names = {row["naam"] for row in read_csv(export_to(tmp_path) / "actors.csv")}
    assert names == {f"'{prefix}HYPERLINK(1)" for prefix in FORMULA_PREFIXES}


def test_formulas_are_neutralised_in_xlsx_and_numbers_stay_numbers(buurt, tmp_path):
    formula_buurt(buurt)
    f.make_activiteit(buurt, "-5 graden wandeling")
    directory = export_to(tmp_path, "xlsx")
    header, *rows = xlsx_rows(directory / "actors.xlsx")
    names = {row[header.index("naam")] for row in rows}
    # XML turns a stored carriage return into a line feed on reading.
    expected = {f"'{prefix}HYPERLINK(1)".replace("\r", "\n") for prefix in FORMULA_PREFIXES}
    assert names == expected
    header, row = xlsx_rows(directory / "activiteiten.xlsx")
    assert isinstance(row[header.index("id")], int)
    assert row[header.index("naam")] == "'-5 graden wandeling"
    assert row[header.index("loopt")] is True


def test_json_keeps_values_verbatim(buurt, tmp_path):
    formula_buurt(buurt)
    rows = json.loads((export_to(tmp_path, "json") / "actors.json").read_text())
    assert {row["naam"] for row in rows} == {f"{prefix}HYPERLINK(1)" for prefix in FORMULA_PREFIXES}


def test_csv_export_streams_in_chunks(buurt):
    for _ in range(30):
        f.make_actor(buurt)
    export = Export([buurt], [TABLES[0]], batch_size=10)
    chunks = list(export.csv_chunks(TABLES[0]))
    assert len(chunks) == 4
    assert len(list(csv.reader(io.StringIO(b"".join(chunks).decode())))) == 31


# The web page ---------------------------------------------------------------------------


def get_export(client, **params):
    query = {"buurten": ["noord"], "tabellen": [t.name for t in TABLES], "formaat": "csv"}
    query.update(params)
    return client.get(reverse("onderzoek:index"), query)


def test_researcher_sees_only_granted_buurten(onderzoeker_client, other_buurt):
    response = onderzoeker_client.get(reverse("onderzoek:index"))
    assert response.status_code == 200
    assert 'value="noord"' in response.text
    assert 'value="zuid"' not in response.text


def test_researcher_downloads_one_table_as_streamed_csv(filled, onderzoeker_client):
    response = get_export(onderzoeker_client, tabellen=["actors"])
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    assert "Vzw Samen" in text and "Marie" not in text


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_researcher_downloads_a_zip_with_package_and_codebook(filled, onderzoeker_client, fmt):
    response = get_export(onderzoeker_client, formaat=fmt)
    assert response["Content-Type"] == "application/zip"
    data = b"".join(response.streaming_content)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert {"datapackage.json", "codebook.md", f"actors.{fmt}"} <= set(names)
    texts = file_texts_from_zip(data)
    assert all("Peeters" not in text and "Claes" not in text for text in texts.values())


def file_texts_from_zip(data):
    from .helpers import blob_texts

    return blob_texts("export.zip", data)


def test_researcher_cannot_export_another_buurt(filled, onderzoeker_client):
    response = get_export(onderzoeker_client, buurten=["zuid"])
    assert response.status_code == 200
    assert "Content-Disposition" not in response
    assert "geldige keuze" in response.text


def test_web_export_without_key_shows_a_message(filled, onderzoeker_client, settings):
    settings.EXPORT_PSEUDONYM_KEY = ""
    response = get_export(onderzoeker_client)
    assert "Content-Disposition" not in response
    assert "EXPORT_PSEUDONYM_KEY" in response.text


def test_form_errors_are_shown_next_to_the_fields(onderzoeker_client):
    response = get_export(onderzoeker_client, tabellen=[])
    assert "Kies minstens één tabel." in response.text


def test_export_query_count_does_not_grow_with_the_data(
    filled, onderzoeker_client, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as ctx:
            b"".join(get_export(onderzoeker_client).streaming_content)
        return len(ctx.captured_queries)

    small = count()
    for _ in range(20):
        partner = f.make_partner(filled.buurt, niveau="vuur", soort=Actor.Soort.BEWONER)
        f.make_deelname(filled.team, partner)
    assert count() == small


def test_nav_links_to_onderzoek_only_for_researchers(onderzoeker_client, coordinator_client):
    url = reverse("onderzoek:index")
    assert f'href="{url}"' in onderzoeker_client.get(reverse("buurt:home"), follow=True).text
    assert f'href="{url}"' not in coordinator_client.get(reverse("buurt:home"), follow=True).text


def test_needed_and_current_intensity_and_the_support_links_are_exported(filled, tmp_path):
    directory = export_to(tmp_path, "csv", "--identifiable")
    rows = read_csv(directory / "teamintensiteiten.csv")
    assert {(r["soort"], r["intensiteit"]) for r in rows} == {
        ("huidig", "actief_afstemmen"),
        ("nodig", "doorverwijzen"),
    }
    assert all(r["datum"] for r in rows)
    [link] = read_csv(directory / "ondersteuningen.csv")
    assert link["bewonersinitiatief"] == str(filled.initiatief.pk)
    codebook = (directory / "codebook.md").read_text()
    assert "needed: how intensely the goal requires" in codebook
    assert "| `beslist_autonoom` | boolean |" in codebook
    assert "| `trekkers_nodig` | string |" in codebook


def test_the_answers_that_chose_the_kind_and_the_scale_answer_are_exported(filled, tmp_path):
    f.make_initiatief(
        filled.buurt,
        "Zorgpunt",
        soort="buurtgericht_zorginitiatief",
        soort_doel="zorg_op_buurtniveau",
        schaal_antwoord="twijfel",
        schaal_toelichting="Misschien de eerstelijnszone.",
    )
    directory = export_to(tmp_path)
    rows = {row["naam"]: row for row in read_csv(directory / "initiatieven.csv")}
    row = rows["Zorgpunt"]
    assert (row["soort_doel"], row["soort_gegroeid"], row["soort_aanleiding"]) == (
        "zorg_op_buurtniveau",
        "",
        "",
    )
    assert row["schaal_antwoord"] == "twijfel"
    assert "schaal_toelichting" not in row  # free text: identifiable exports only
    codebook = (directory / "codebook.md").read_text(encoding="utf-8")
    for column in ("soort_doel", "soort_gegroeid", "soort_aanleiding", "schaal_antwoord"):
        assert f"| `{column}` |" in codebook
    assert "| `zorg_op_buurtniveau` | zorg en welzijn geïntegreerd organiseren" in codebook
    assert "optional scale question" in codebook
