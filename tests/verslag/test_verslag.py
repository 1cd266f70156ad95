"""The report for the city and funders: its period, its parts in the method's order, what
researchers see of it, lists cut to a few rows, and the PDF without system libraries."""

import builtins
import datetime
import io
import sys

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from buurt.models import Actor
from initiatieven.models import Initiatief, Kansstatus, Statuswijziging
from partners.models import Enthousiasme
from tests import factories as f
from tests.queries import count_get_queries
from verslag import inhoud, stappen

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def ago(days):
    return TODAY - datetime.timedelta(days=days)


def _url(name="verslag:verslag"):
    return reverse(name, args=["noord"])


def _get(client, name="verslag:verslag", **params):
    return client.get(_url(name), params)


def test_the_report_shows_the_last_twelve_months_in_the_methods_order(coordinator_client):
    response = _get(coordinator_client)
    assert response.status_code == 200
    html = response.text
    assert "Verslag van Noord" in html
    start = timezone.localdate().replace(year=TODAY.year - 1) + datetime.timedelta(days=1)
    assert f'value="{start.isoformat()}"' in html and f'value="{TODAY.isoformat()}"' in html
    parts = ["buurt", "stappen", "groei", "successen", "initiatieven", "schaal", "ladder",
             "beleid", "open", "bron"]  # fmt: skip
    positions = [html.index(f'id="verslag-{part}"') for part in parts]
    assert positions == sorted(positions)
    assert f'href="{_url("verslag:verslag_pdf")}?van=' in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"van": "gisteren"}, "Geef de eerste dag als datum"),
        ({"tot": "2026-02-30"}, "Geef de laatste dag als datum"),
        ({"van": ago(5).isoformat(), "tot": ago(10).isoformat()}, "De eerste dag ligt na"),
        ({"tot": (TODAY + datetime.timedelta(days=1)).isoformat()}, "niet na vandaag eindigen"),
        ({"van": "1999-12-31", "tot": "2000-06-01"}, "na 2000 begint"),
        ({"van": ago(6 * 366).isoformat()}, "hoogstens vijf jaar"),
        ({"van": "\x00"}, "Geef de eerste dag als datum"),
    ],
)
@pytest.mark.parametrize("name", ["verslag:verslag", "verslag:verslag_pdf"])
def test_a_bad_period_gets_a_dutch_message(coordinator_client, name, params, message):
    response = _get(coordinator_client, name, **params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Dit is geen geldige periode." in response.text
    assert message in response.text
    assert 'id="verslag-stappen"' not in response.text


def test_only_an_end_gives_the_year_before_it(coordinator_client):
    html = _get(coordinator_client, tot="2026-03-31").text
    assert "van 1 april 2025 tot en met 31 maart 2026" in html


def test_status_changes_of_the_period_by_kind_with_the_status_before(coordinator_client, buurt):
    zorg = f.make_initiatief(buurt, "Wijkzorg", soort=Initiatief.Soort.BUURTGERICHT_ZORGINITIATIEF)
    Statuswijziging.objects.create(initiatief=zorg, status="idee", datum=ago(500))
    Statuswijziging.objects.create(
        initiatief=zorg, status="loopt", datum=ago(30), reden="Het team is rond"
    )
    oud = f.make_initiatief(buurt, "Vroeger")
    Statuswijziging.objects.create(initiatief=oud, status="idee", datum=ago(700))
    html = _get(coordinator_client).text
    part = html[html.index('id="verslag-soort-buurtgericht_zorginitiatief"') :]
    part = part[: part.index("</div>")]
    assert "Wijkzorg" in part and "idee → loopt" in part and "Het team is rond" in part
    kind_1 = html[html.index('id="verslag-soort-bewonersinitiatief"') :]
    assert "Vroeger" not in kind_1[: kind_1.index("</div>")]


def _person_world(buurt):
    """A resident with fire, in a success and pulling an initiative; an organisation too."""
    bewoner = f.make_partner(buurt, "Mieke Verhaegen", soort=Actor.Soort.BEWONER)
    Enthousiasme.objects.create(partner=bewoner, niveau="vuur", datum=ago(20))
    okra = f.make_partner(buurt, "Okra Noord")
    Enthousiasme.objects.create(partner=okra, niveau="geen", datum=ago(400))
    Enthousiasme.objects.create(partner=okra, niveau="vonk", datum=ago(10))
    succes = f.make_succes(buurt, "Mieke haalt twintig buren samen", datum=ago(5))
    succes.partners.set([bewoner, okra])
    initiatief = f.make_initiatief(
        buurt,
        "Zorg om de hoek",
        soort=Initiatief.Soort.BUURTGERICHT_ZORGINITIATIEF,
        schaal_antwoord="nee",
        schaal_toelichting="Beter op gemeenteniveau, zegt dokter Verhaegen",
    )
    initiatief.trekkers.set([bewoner.actor])
    f.make_voorkeur(bewoner, "meebeslissen")
    f.make_deelname(f.make_team(initiatief, "Kern"), bewoner, "informeren")
    return bewoner, okra


def test_coordinators_get_names_researchers_only_organisations_and_no_free_text(
    coordinator_client, onderzoeker_client, buurt
):
    _person_world(buurt)
    full = _get(coordinator_client).text
    assert "Mieke Verhaegen" in full
    assert "Mieke haalt twintig buren samen" in full
    assert "dokter Verhaegen" in full
    pseudonymous = _get(onderzoeker_client).text
    assert "Verhaegen" not in pseudonymous and "Mieke" not in pseudonymous
    assert "een bewoner: nog niet ingeschat → vuur" in pseudonymous
    assert "Okra Noord: geen → vonk" in pseudonymous
    assert "Zorg om de hoek" in pseudonymous  # initiatives are not people
    assert "Versie voor onderzoek" in pseudonymous


def test_enthusiasm_at_the_start_and_end_and_who_rose(coordinator_client, buurt):
    _person_world(buurt)
    context = stappen.enthousiasme(buurt, ago(365), TODAY, volledig=True)
    vonk, vuur = context["rijen"]
    assert (vonk["begin"], vonk["einde"], vuur["begin"], vuur["einde"]) == (0, 1, 0, 1)
    assert [p["naam"] for p in context["gestegen"]] == ["Mieke Verhaegen", "Okra Noord"]


def test_chances_taken_up_teams_and_the_ladder(coordinator_client, coordinator, buurt):
    a, b = f.make_activiteit(buurt, "Soepbar"), f.make_activiteit(buurt, "Breicafé")
    a, b = sorted([a, b], key=lambda x: x.pk)
    for status in ("besproken", "verbonden"):
        Kansstatus.objects.create(
            buurt=buurt, activiteit_a=a, activiteit_b=b, status=status, door=coordinator
        )
    bewoner, okra = _person_world(buurt)
    team = f.make_team(f.make_initiatief(buurt, "Burenhulp"), "Boodschappen")
    f.make_deelname(team, okra, "coproduceren", toegetreden_op=ago(100))
    f.make_deelname(team, bewoner, "adviseren", toegetreden_op=ago(400), vertrokken_op=ago(50),
                    einde="vertrokken")  # fmt: skip
    html = _get(coordinator_client).text
    assert "1 kans om bestaande activiteiten te verbinden werd opgepakt, 1 werd besproken" in html
    assert "Soepbar en Breicafé, verbonden op" in html or "Breicafé en Soepbar" in html
    teams = stappen.teams(buurt, ago(365), TODAY)["lijst"]
    boodschappen = next(t for t in teams if t["team"].naam == "Boodschappen")
    assert (boodschappen["leden"], boodschappen["nieuw"], boodschappen["vertrokken"]) == (1, 1, 1)
    ladder = inhoud.soorten.ladder(buurt, TODAY)
    # Mieke agreed "informeren" in Kern but prefers "meebeslissen"; Okra has no preference.
    assert ladder["kloof"] == {"meer": 1, "minder": 0, "gelijk": 0, "onbekend": 1}


def test_long_lists_end_with_how_many_more(coordinator_client, buurt, monkeypatch):
    monkeypatch.setattr(inhoud, "MAX_SUCCESSEN", 2)
    monkeypatch.setattr(stappen, "MAX_TEAMS", 1)
    for i in range(5):
        f.make_succes(buurt, f"Succes nummer {i}", datum=ago(i))
    initiatief = f.make_initiatief(buurt)
    for i in range(3):
        f.make_team(initiatief, f"Team {i}")
    html = _get(coordinator_client).text
    assert html.count('id="verslag-succes-') == 2
    assert "en 3 meer" in html
    assert "en 2 teams meer" in html


def _grow(buurt, n):
    """`n` of everything the report lists."""
    for i in range(n):
        partner = f.make_partner(buurt, f"Bewoner {i}", soort=Actor.Soort.BEWONER)
        Enthousiasme.objects.create(partner=partner, niveau="vuur", datum=ago(i + 1))
        initiatief = f.make_initiatief(buurt, soort=Initiatief.Soort.values[i % 3], status="loopt")
        Statuswijziging.objects.create(initiatief=initiatief, status="loopt", datum=ago(i + 1))
        team = f.make_team(initiatief)
        f.make_deelname(team, partner)
        f.make_voorkeur(partner, "meebeslissen", team=team)
        f.make_succes(buurt, datum=ago(i)).partners.set([partner])
        f.make_activiteit(buurt, doelgroep="senioren", thema="eenzaamheid").organisatoren.set(
            [partner.actor]
        )


@pytest.mark.parametrize("name", ["verslag:verslag", "verslag:verslag_pdf"])
@pytest.mark.parametrize("client_name", ["coordinator_client", "onderzoeker_client"])
def test_the_query_count_does_not_grow_with_the_buurt(request, buurt, name, client_name):
    client = request.getfixturevalue(client_name)
    _grow(buurt, 2)
    small = count_get_queries(client, _url(name))
    _grow(buurt, 25)
    assert count_get_queries(client, _url(name)) == small


@pytest.mark.parametrize("error", [ImportError, OSError])
def test_without_weasyprints_libraries_the_pdf_says_what_is_missing(
    coordinator_client, monkeypatch, error
):
    real_import = builtins.__import__

    def failing_import(name, *args, **kwargs):
        if name == "weasyprint":
            raise error("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(builtins, "__import__", failing_import)
    response = _get(coordinator_client, "verslag:verslag_pdf")
    assert response.status_code == 503
    assert "De pdf kan niet gemaakt worden" in response.text
    assert "libpango-1.0-0 libpangoft2-1.0-0" in response.text
    assert f'href="{_url()}"' in response.text
    # The page itself does not need WeasyPrint.
    assert _get(coordinator_client).status_code == 200


def test_the_pdf_is_a_pdf_named_after_the_buurt_and_period(coordinator_client):
    van, tot = ago(40), ago(10)
    response = _get(
        coordinator_client, "verslag:verslag_pdf", van=van.isoformat(), tot=tot.isoformat()
    )
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    name = f"verslag-noord-{van:%Y%m%d}-{tot:%Y%m%d}.pdf"
    assert response["Content-Disposition"] == f'inline; filename="{name}"'


def test_the_dashboard_links_to_the_report(coordinator_client, onderzoeker_client):
    for client in (coordinator_client, onderzoeker_client):
        html = client.get(reverse("coordinatie:dashboard", args=["noord"])).text
        assert f'href="{_url()}"' in html


def test_markup_in_names_is_text_in_the_pdf(coordinator_client, buurt):
    f.make_succes(buurt, "Feest <b>groot</b> <img src=http://127.0.0.1:9/x.png>", datum=ago(1))
    response = _get(coordinator_client, "verslag:verslag_pdf")
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Feest <b>groot</b> <img src=http://127.0.0.1:9/x.png>" in text
