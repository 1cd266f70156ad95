import csv
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from buurt.models import Actor
from importeren import imports, reading
from initiatieven.models import Activiteit
from tests import factories as f

HEADER = "naam;soort;sector;email\n"


def upload(client, name, content, kind="actoren", htmx=False):
    extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(
        reverse("importeren:import", args=["noord"]),
        {"soort": kind, "bestand": SimpleUploadedFile(name, content)},
        **extra,
    )


def payload_of(response):
    match = re.search(r'name="payload" value="([^"]+)"', response.text)
    return match.group(1) if match else None


def confirm(client, payload):
    return client.post(reverse("importeren:import", args=["noord"]), {"payload": payload})


def xlsx(rows, formula_at=None):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if formula_at:
        sheet[formula_at] = "=1+1"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, delimiter=";"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode()


MALFORMED = [
    ("empty file", "leeg.csv", b"", "actoren", "Het bestand is leeg."),
    ("only whitespace", "leeg.csv", b"\n \n;;\n", "actoren", "Het bestand is leeg."),
    ("header only", "kop.csv", HEADER.encode(), "actoren", "alleen kolomnamen"),
    ("wrong extension", "actoren.txt", HEADER.encode() + b"A;vereniging;;\n", "actoren", ".xlsx"),
    ("oversized", "groot.csv", HEADER.encode() + b"x" * reading.MAX_BYTES, "actoren", "te groot"),
    (
        "neither utf-8 nor cp1252",
        "oud.csv",
        b"naam;soort\nCaf\x81;vereniging\n",
        "actoren",
        "niet in UTF-8",
    ),
    ("binary data", "bin.csv", b"naam;soort\n\x00\x01\x02", "actoren", "geen tekstbestand"),
    (
        "missing required column",
        "a.csv",
        b"naam;sector\nA;zorg\n",
        "actoren",
        "verplichte kolom \u2018soort\u2019 ontbreekt",
    ),
    (
        "unknown column",
        "a.csv",
        b"naam;soort;leeftijd\nA;vereniging;40\n",
        "actoren",
        "Onbekende kolom \u2018leeftijd\u2019",
    ),
    ("duplicate column", "a.csv", b"naam;soort;naam\nA;vereniging;B\n", "actoren", "twee keer"),
    ("nameless column", "a.csv", b"naam;soort;\nA;vereniging;x\n", "actoren", "geen naam"),
    (
        "unknown soort",
        "a.csv",
        b"naam;soort\nA;robot\n",
        "actoren",
        "Onbekende waarde \u2018robot\u2019",
    ),
    ("formula as soort", "a.csv", b"naam;soort\nA;=1+1\n", "actoren", "Onbekende waarde"),
    (
        "unknown sector",
        "a.csv",
        b"naam;soort;sector\nA;vereniging;ruimtevaart\n",
        "actoren",
        "Onbekende waarde",
    ),
    ("empty naam", "a.csv", b"naam;soort\n;vereniging\n", "actoren", "Dit veld is verplicht."),
    (
        "duplicate rows",
        "a.csv",
        b"naam;soort\nDe Linde;vereniging\nde linde;vereniging\n",
        "actoren",
        "Dubbele rij",
    ),
    (
        "another buurt's data",
        "a.csv",
        b"naam;soort;buurt\nA;vereniging;zuid\n",
        "actoren",
        "andere buurt (zuid)",
    ),
    (
        "invalid e-mail",
        "a.csv",
        b"naam;soort;email\nA;vereniging;geen-adres\n",
        "actoren",
        "e-mailadres",
    ),
    (
        "name too long",
        "a.csv",
        b"naam;soort\n" + b"A" * 201 + b";vereniging\n",
        "actoren",
        "Te lang",
    ),
    (
        "more cells than columns",
        "a.csv",
        b"naam;soort\nA;vereniging;extra\n",
        "actoren",
        "meer cellen",
    ),
    ("not an xlsx", "a.xlsx", b"PK\x03\x04 dit is geen werkboek", "actoren", "geen geldig Excel"),
    (
        "xlsx formula cell",
        "a.xlsx",
        xlsx([["naam", "soort"], ["A", "vereniging"]], "B2"),
        "actoren",
        "bevat een formule",
    ),
    (
        "xlsx unknown soort",
        "a.xlsx",
        xlsx([["naam", "soort"], ["A", "alien"]]),
        "actoren",
        "Onbekende waarde",
    ),
    (
        "one bad row among good ones",
        "a.csv",
        b"naam;soort\n"
        + b"".join(b"Vereniging %d;vereniging\n" % i for i in range(40))
        + b"Fout;robot\n",
        "actoren",
        "rij",
    ),
    (
        "activity with a bad date",
        "a.csv",
        b"naam;gestart_op\nSoepbar;31/02/2026\n",
        "activiteiten",
        "Geen geldige datum",
    ),
    (
        "activity stopped before it started",
        "a.csv",
        b"naam;gestart_op;gestopt_op\nSoepbar;2026-05-01;2026-01-01\n",
        "activiteiten",
        "stopdatum ligt vóór de startdatum",
    ),
    (
        "activity with a bad loopt",
        "a.csv",
        b"naam;loopt\nSoepbar;misschien\n",
        "activiteiten",
        "\u2018ja\u2019 of \u2018nee\u2019",
    ),
    (
        "activity with an unknown doelgroep",
        "a.csv",
        b"naam;doelgroep\nSoepbar;marsmannetjes\n",
        "activiteiten",
        "Onbekende waarde",
    ),
    (
        "actor columns as activities",
        "a.csv",
        b"naam;soort\nA;vereniging\n",
        "activiteiten",
        "Onbekende kolom \u2018soort\u2019",
    ),
]


@pytest.mark.parametrize(
    ("name", "content", "kind", "message"),
    [pytest.param(*case[1:], id=case[0]) for case in MALFORMED],
)
def test_malformed_file_is_rejected_and_nothing_is_written(
    coordinator_client, other_buurt, name, content, kind, message
):
    f.make_actor(other_buurt, "A")
    before = (Actor.objects.count(), Activiteit.objects.count())
    response = upload(coordinator_client, name, content, kind)
    assert response.status_code == 200
    assert message in response.text
    assert payload_of(response) is None
    assert (Actor.objects.count(), Activiteit.objects.count()) == before


def test_there_are_at_least_twenty_malformed_cases():
    assert len(MALFORMED) >= 20


def test_too_many_rows_are_rejected(coordinator_client, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    content = b"naam;soort\n" + b"".join(b"V%d;vereniging\n" % i for i in range(4))
    response = upload(coordinator_client, "a.csv", content)
    assert "hoogstens 3" in response.text
    assert Actor.objects.count() == 0


def test_errors_name_row_and_column(coordinator_client):
    response = upload(coordinator_client, "a.csv", b"naam;soort\nA;vereniging\nB;robot\n")
    assert "<td>3</td><td>soort</td>" in response.text
    assert "Er is niets geïmporteerd" in response.text


def test_dry_run_shows_creates_and_updates_without_writing(coordinator_client, buurt):
    f.make_actor(buurt, "Buurthuis De Linde", sector="buurt")
    content = b"naam;soort;sector\nbuurthuis de linde;vereniging;cultuur\nVzw Samen;Vereniging;\n"
    response = upload(coordinator_client, "a.csv", content)
    assert "1 nieuw, 1 bijgewerkt, 0 ongewijzigd." in response.text
    assert "sector: buurt → cultuur" in response.text
    assert payload_of(response)
    assert Actor.objects.count() == 1


def test_confirm_applies_and_matches_existing_actors(coordinator_client, buurt, other_buurt):
    linde = f.make_actor(buurt, "Buurthuis De Linde", sector="buurt")
    f.make_actor(other_buurt, "Vzw Samen")
    content = b"naam;soort;sector\nBUURTHUIS DE LINDE;vereniging;cultuur\nVzw Samen;bewoner;\n"
    response = confirm(coordinator_client, payload_of(upload(coordinator_client, "a.csv", content)))
    assert response.status_code == 302
    linde.refresh_from_db()
    assert linde.sector == "cultuur"
    assert linde.naam == "Buurthuis De Linde"
    assert Actor.objects.in_buurt(buurt).count() == 2
    assert Actor.objects.in_buurt(other_buurt).count() == 1
    page = coordinator_client.get(response.url)
    assert "1 nieuw, 1 bijgewerkt" in page.text


def test_importing_twice_does_not_double_actors(coordinator_client, buurt):
    content = b"naam;soort\nDe Linde;vereniging\nKadee;organisatie\n"
    for _ in range(2):
        confirm(coordinator_client, payload_of(upload(coordinator_client, "a.csv", content)))
    assert Actor.objects.in_buurt(buurt).count() == 2


def test_formula_payloads_are_stored_as_text(coordinator_client, buurt):
    content = csv_bytes(
        [
            ["naam", "soort", "adres"],
            ['=HYPERLINK("http://kwaad.example","klik")', "vereniging", "@SUM(A1)"],
            ["+32 16 00 00 00", "bewoner", "-1+1"],
        ]
    )
    confirm(coordinator_client, payload_of(upload(coordinator_client, "a.csv", content)))
    stored = dict(Actor.objects.in_buurt(buurt).values_list("naam", "adres"))
    assert stored == {
        '=HYPERLINK("http://kwaad.example","klik")': "@SUM(A1)",
        "+32 16 00 00 00": "-1+1",
    }


def test_xlsx_import_of_activities(coordinator_client, buurt):
    content = xlsx(
        [
            ["naam", "doelgroep", "loopt", "gestart_op"],
            ["Soepbar", "senioren", "nee", "15/01/2026"],
        ]
    )
    confirm(
        coordinator_client,
        payload_of(upload(coordinator_client, "a.xlsx", content, "activiteiten")),
    )
    soepbar = Activiteit.objects.get(buurt=buurt)
    assert (soepbar.naam, soepbar.doelgroep, soepbar.loopt) == ("Soepbar", "senioren", False)
    assert soepbar.gestart_op.isoformat() == "2026-01-15"


def test_comma_separated_utf8_with_bom_is_read(coordinator_client, buurt):
    content = "\ufeffnaam,soort\nCafé Ons Huis,organisatie\n".encode()
    confirm(coordinator_client, payload_of(upload(coordinator_client, "a.csv", content)))
    assert Actor.objects.in_buurt(buurt).get().naam == "Café Ons Huis"


def test_tampered_payload_is_refused(coordinator_client, buurt):
    payload = payload_of(upload(coordinator_client, "a.csv", b"naam;soort\nA;vereniging\n"))
    response = confirm(coordinator_client, payload[:-3] + "abc")
    assert response.status_code == 400
    assert "verlopen of ongeldig" in response.text
    assert Actor.objects.count() == 0


def test_payload_of_one_buurt_cannot_be_applied_in_another(coordinator, buurt, other_buurt):
    from django.test import Client

    f.grant(coordinator, other_buurt)
    client = Client()
    client.force_login(coordinator)
    payload = payload_of(upload(client, "a.csv", b"naam;soort\nA;vereniging\n"))
    response = client.post(reverse("importeren:import", args=["zuid"]), {"payload": payload})
    assert response.status_code == 400
    assert Actor.objects.count() == 0


def test_confirm_matches_again_against_the_buurt_as_it_is_now(coordinator_client, buurt):
    payload = payload_of(upload(coordinator_client, "a.csv", b"naam;soort\nDe Linde;vereniging\n"))
    f.make_actor(buurt, "de linde", soort="organisatie")
    confirm(coordinator_client, payload)
    assert list(Actor.objects.in_buurt(buurt).values_list("naam", "soort")) == [
        ("de linde", "vereniging")
    ]


def test_a_failure_while_applying_writes_nothing(coordinator_client, buurt, monkeypatch):
    f.make_actor(buurt, "De Linde")
    content = b"naam;soort\nDe Linde;organisatie\nNieuw;vereniging\n"
    payload = payload_of(upload(coordinator_client, "a.csv", content))

    def fail(*args, **kwargs):
        raise RuntimeError("database weg")

    monkeypatch.setattr(Actor.objects, "bulk_update", fail)
    with pytest.raises(RuntimeError):
        confirm(coordinator_client, payload)
    assert list(Actor.objects.in_buurt(buurt).values_list("naam", "soort")) == [
        ("De Linde", "vereniging")
    ]


def test_htmx_upload_returns_only_the_section(coordinator_client):
    response = upload(coordinator_client, "a.csv", b"naam;soort\nA;vereniging\n", htmx=True)
    assert response.text.lstrip().startswith('<section id="import-sectie"')
    assert "<html" not in response.text


def test_htmx_confirm_redirects_the_client(coordinator_client):
    payload = payload_of(upload(coordinator_client, "a.csv", b"naam;soort\nA;vereniging\n"))
    response = coordinator_client.post(
        reverse("importeren:import", args=["noord"]), {"payload": payload}, HTTP_HX_REQUEST="true"
    )
    assert response["HX-Redirect"] == reverse("importeren:import", args=["noord"])
    assert Actor.objects.count() == 1


@pytest.mark.parametrize("kind", ["actoren", "activiteiten"])
def test_templates_have_the_import_columns(coordinator_client, kind):
    url = reverse("importeren:import_template", args=["noord", kind])
    header = coordinator_client.get(url).content.decode().strip().split(",")
    assert header[0] == "naam"
    assert set(header) <= set(imports.SPECS[kind].columns)
    workbook = load_workbook(io.BytesIO(coordinator_client.get(url, {"formaat": "xlsx"}).content))
    assert [c.value for c in next(workbook.active.iter_rows())] == header


def test_unknown_template_is_404(coordinator_client):
    url = reverse("importeren:import_template", args=["noord", "wachtwoorden"])
    assert coordinator_client.get(url).status_code == 404


def test_dry_run_query_count_does_not_grow_with_the_rows(coordinator_client, buurt):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(n):
        f.make_actor(buurt, f"Bestaand {n}")
        content = b"naam;soort\n" + b"".join(b"Actor %d;vereniging\n" % i for i in range(n))
        with CaptureQueriesContext(connection) as ctx:
            upload(coordinator_client, "a.csv", content)
        return len(ctx.captured_queries)

    assert count(2) == count(60)


def test_coordinator_nav_links_to_import(coordinator_client, onderzoeker_client):
    url = reverse("importeren:import", args=["noord"])
    dashboard = reverse("coordinatie:dashboard", args=["noord"])
    assert f'href="{url}"' in coordinator_client.get(dashboard).text
    assert f'href="{url}"' not in onderzoeker_client.get(dashboard).text
