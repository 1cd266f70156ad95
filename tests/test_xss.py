"""Names are user input: no page may echo them as markup.

Every actor, partner, activity, initiative, team and success of the buurt carries a
script payload in its name, then every page the coordinator (and the partner) can GET is
fetched, as a whole page and as an HTMX request, and must show the payload escaped only.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from buurt.models import Actor
from initiatieven.models import Activiteit, Initiatief, Succes, Team
from tests import factories as f
from tests.importeren.test_import import csv_bytes
from tests.matrix import all_routes

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><svg onload=alert(1)>'
PAYLOADS = (SCRIPT, ATTRIBUTE)

COORDINATOR_PAGES = [
    route
    for route in all_routes()
    if route.expect["GET"].get("coordinator") == 200
    and route.kwargs is not None
    # A PDF has no markup to inject into: tests/verslag reads the payload back as its text.
    and route.content_type != "application/pdf"
]


@pytest.fixture
def xss_world(world):
    Actor.objects.filter(pk=world.actor.pk).update(naam=f"Actor {SCRIPT}")
    Actor.objects.filter(pk=world.ander.pk).update(naam=f"Ander {ATTRIBUTE}")
    Actor.objects.filter(pk=world.partner.actor_id).update(naam=f"Partner {SCRIPT}{ATTRIBUTE}")
    Activiteit.objects.filter(pk=world.activiteit.pk).update(naam=f"Activiteit {SCRIPT}")
    Initiatief.objects.filter(pk=world.initiatief.pk).update(
        naam=f"Initiatief {ATTRIBUTE}", doel=SCRIPT
    )
    Team.objects.filter(pk=world.team.pk).update(naam=f"Team {SCRIPT}", doel=ATTRIBUTE)
    Succes.objects.filter(pk=world.succes.pk).update(titel=f"Succes {ATTRIBUTE}")
    world.activiteit.organisatoren.set([world.actor, world.partner.actor])
    world.initiatief.trekkers.set([world.partner.actor])
    world.initiatief.bouwt_voort_op.set([world.activiteit])
    world.succes.partners.set([world.partner])
    world.succes.initiatief = world.initiatief
    world.succes.save()
    f.make_relatie(world.partner.actor, world.actor)
    f.make_voorkeur(world.partner, team=world.team, notitie=SCRIPT)
    f.update_row(world.ander, aangebracht_door=world.actor)
    return world


def assert_escaped(response):
    content = response.content.decode()
    for payload in PAYLOADS:
        assert payload not in content, response.request["PATH_INFO"]


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
@pytest.mark.parametrize("route", COORDINATOR_PAGES, ids=lambda route: route.name)
def test_coordinator_pages_escape_names(route, htmx, xss_world, coordinator_client):
    url = reverse(route.name, kwargs=route.url_kwargs(xss_world))
    headers = {"HX-Request": "true"} if htmx else {}
    response = coordinator_client.get(url, headers=headers)
    assert response.status_code == 200
    assert_escaped(response)


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("buurt:actor_suggestions", {"list": "x", "field": "q", "q": "Actor"}),
        ("buurt:actor_suggestions", {"list": "x", "field": "q", "q": "Partner", "multiple": "1"}),
        ("initiatieven:initiatief_suggestions", {"list": "x", "field": "q", "q": "Initiatief"}),
        ("initiatieven:team_suggestions", {"list": "x", "field": "q", "q": "Team"}),
        ("buurt:ken_je_buurt", {"q": "Actor"}),
        ("initiatieven:bos", {"soort": "vereniging"}),
        ("initiatieven:reik_hoger", {"partners": f"Partner {SCRIPT}{ATTRIBUTE}; {SCRIPT}"}),
        ("initiatieven:team_create", {"initiatief": "<pk>"}),
    ],
)
def test_searches_and_suggestions_escape_names(name, query, xss_world, coordinator_client):
    url = reverse(name, kwargs={"slug": xss_world.buurt.slug})
    query = {
        key: value.replace("<pk>", str(xss_world.initiatief.pk)) for key, value in query.items()
    }
    response = coordinator_client.get(url, query)
    assert response.status_code == 200
    assert "alert(1)" in response.content.decode()  # the payload is there, escaped
    assert_escaped(response)


def test_edit_forms_escape_names(xss_world, coordinator_client):
    w = xss_world
    slug = w.buurt.slug
    urls = [
        reverse("buurt:actor_edit", args=[slug, w.actor.pk]),
        reverse("buurt:actor_edit", args=[slug, w.ander.pk]),
        reverse("buurt:actor_delete", args=[slug, w.actor.pk]),
        reverse("initiatieven:activiteit_edit", args=[slug, w.activiteit.pk]) + "?bewerk=1",
        reverse("initiatieven:team_edit", args=[slug, w.team.pk]),
        reverse("initiatieven:deelname_edit", args=[slug, w.deelname.pk]),
        reverse("partnerportaal:partnerlink_list", args=[slug, w.partner.pk]),
    ]
    for url in urls:
        for headers in ({}, {"HX-Request": "true"}):
            response = coordinator_client.get(url, headers=headers)
            assert response.status_code == 200, url
            assert_escaped(response)


def test_partner_page_escapes_names(xss_world, persona_client):
    response = persona_client("partner").get(reverse("partnerportaal:partner_home"))
    assert response.status_code == 200
    assert "alert(1)" in response.content.decode()
    assert_escaped(response)


def test_import_preview_and_its_errors_escape_names(xss_world, coordinator_client):
    with_errors = [["naam", "soort"], [SCRIPT, "vereniging"], ["B", ATTRIBUTE]]
    clean = [["naam", "soort"], [SCRIPT, "vereniging"], [ATTRIBUTE, "bewoner"]]
    for rows in (with_errors, clean):
        response = coordinator_client.post(
            reverse("importeren:import", args=[xss_world.buurt.slug]),
            {"soort": "actoren", "bestand": SimpleUploadedFile("a.csv", csv_bytes(rows))},
        )
        assert response.status_code == 200
        assert "alert(1)" in response.content.decode()
        assert_escaped(response)
