"""Issue 16's first "done when": a person used everywhere, erased, then not found in any row
of any table (SQLite and PostgreSQL alike)."""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from buurt.models import Actor, Wijziging
from initiatieven.models import Succes
from partners.models import Partner
from privacy.models import Wissing
from rollen.models import Uitnodiging
from tests import factories as f

from .sporen import sporen

NAAM = "Zoë Vandeputte"
EMAIL = "zoe.vandeputte@example.org"


def _admin_client():
    admin = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x" * 12)
    client = Client()
    client.force_login(admin)
    return client


def _use_everywhere(client, buurt, coordinator):
    """Everything a coordinator, a partner and an administrator do with a person."""
    linde = f.make_actor(buurt, "Buurthuis De Linde")
    # Step 1: added and edited on the page; both flash messages are left unread.
    response = client.post(
        reverse("buurt:actor_create", args=[buurt.slug]), {"naam": NAAM, "soort": "bewoner"}
    )
    assert response.status_code == 302
    actor = Actor.objects.get(naam=NAAM)
    prefix = f"actor-{actor.pk}"
    response = client.post(
        reverse("buurt:actor_edit", args=[buurt.slug, actor.pk]),
        {f"{prefix}-naam": NAAM, f"{prefix}-soort": "bewoner", f"{prefix}-sector": "buurt"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("privacy:grondslag", args=[buurt.slug, actor.pk]),
        {
            "grondslag": "toestemming",
            "toestemming_op": "2026-01-05",
            "toestemming_hoe": "mondeling",
            "omschrijving": f"{NAAM} kent iedereen in de straat.",
        },
    )
    assert response.status_code == 302
    # An administrator adds the contact data in the admin (its log keeps the name).
    admin = _admin_client()
    response = admin.post(
        reverse("admin:buurt_actor_change", args=[actor.pk]),
        {
            "buurt": buurt.pk,
            "naam": NAAM,
            "soort": "bewoner",
            "sector": "buurt",
            "omschrijving": f"{NAAM} kent iedereen in de straat.",
            "email": EMAIL,
            "telefoon": "0470 12 34 56",
            "adres": "Kerkstraat 5",
            "grondslag": "toestemming",
            "toestemming_op": "2026-01-05",
            "toestemming_hoe": "mondeling",
            "_save": "Bewaren",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    # A relation, partnership, a rating with a note, a team, a success naming them.
    response = client.post(
        reverse("coordinatie:relatie_create", args=[buurt.slug, actor.pk]),
        {"naar": linde.naam, "intensiteit": "actief_afstemmen", "sinds": "2026-01-10"},
    )
    assert response.status_code == 302
    # Het bos caches its map with the names on it (the page shows the messages so far).
    assert client.get(reverse("initiatieven:bos", args=[buurt.slug])).status_code == 200
    response = client.post(
        reverse("coordinatie:partner_create", args=[buurt.slug]),
        {"actor": NAAM, "actor_id": actor.pk, "niveau": "vonk"},
    )
    assert response.status_code == 302
    partner = Partner.objects.get(actor=actor)
    response = client.post(
        reverse("coordinatie:rate_enthousiasme", args=[buurt.slug, partner.pk]),
        {"niveau": "vuur", "notitie": f"{NAAM} wil trekken"},
    )
    assert response.status_code == 302
    team = f.make_team(f.make_initiatief(buurt, "Burenhulp"), "Boodschappen")
    f.make_deelname(team, partner)
    response = client.post(
        reverse("coordinatie:succes_create", args=[buurt.slug]),
        {
            "titel": f"{NAAM} hielp bij het buurtfeest",
            "datum": "2026-02-01",
            "partners": NAAM,
            "beschrijving": f"Dankzij {NAAM.upper()} kwam de straat samen.",
        },
    )
    assert response.status_code == 302
    # Another organisation names them as its contact person; a meeting's notes, an action.
    vzw = f.make_partner(buurt, "Vzw Samen", contactpersoon=NAAM)
    f.make_overleg(buurt, "Partneroverleg", partners=[partner, vzw], notities=f"{NAAM} kookt.")
    f.make_actie(buurt, wat=f"Soep halen bij {NAAM}", partner=vzw)
    Uitnodiging.objects.create(
        buurt=buurt,
        email=EMAIL,
        rol="coordinator",
        token_hash="a" * 64,
        aangemaakt_door=coordinator,
        verloopt_op="2030-01-01T00:00Z",
    )
    # Their personal link, opened: a partner session; het bos caches its map with names.
    _link, token = f.make_partnerlink(partner)
    partner_client = Client()
    assert partner_client.get(reverse("partnerportaal:partner_entry", args=[token])).status_code
    return actor, vzw


def test_erasure_leaves_no_trace_in_any_table(coordinator_client, coordinator, buurt):
    actor, vzw = _use_everywhere(coordinator_client, buurt, coordinator)
    before = sporen(NAAM, EMAIL)
    tables = {table for table, _column, _text in before}
    # The name really was everywhere the issue says it stays.
    assert {"buurt_actor", "buurt_wijziging", "django_admin_log", "accounts_session"} <= tables
    assert {"initiatieven_succes", "partners_partner", "zorgzaam_cache"} <= tables

    page = coordinator_client.get(reverse("privacy:wissen", args=[buurt.slug, actor.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "hielp bij het buurtfeest" in body  # the success title is shown first
    assert "Partneroverleg" in body and "Vzw Samen" in body

    response = coordinator_client.post(
        reverse("privacy:wissen", args=[buurt.slug, actor.pk]), {"bevestig": "on"}
    )
    assert response.status_code == 302

    assert sporen(NAAM, EMAIL) == []
    wissing = Wissing.objects.get()
    assert (wissing.soort, wissing.manier, wissing.door) == ("bewoner", "gewist", coordinator)
    assert wissing.was_partner and wissing.vermeldingen >= 4
    # What the others wrote stays, without the name.
    succes = Succes.objects.get()
    assert succes.titel == "[verwijderd] hielp bij het buurtfeest"
    assert succes.beschrijving == "Dankzij [verwijderd] kwam de straat samen."
    vzw.refresh_from_db()
    assert vzw.contactpersoon == "[verwijderd]"
    # The timeline says that a resident was erased, not who.
    entry = Wijziging.objects.filter(content_type__model="wissing").get()
    assert entry.object_repr == "bewoner gewist"


def test_erasure_keeps_a_namesake_and_other_buurten(coordinator_client, buurt, other_buurt):
    actor = f.make_actor(buurt, NAAM, soort="bewoner")
    namesake = f.make_actor(buurt, NAAM, soort="bewoner", omschrijving="de andere Zoë")
    elsewhere = f.make_succes(other_buurt, f"{NAAM} in Zuid")
    page = coordinator_client.get(reverse("privacy:wissen", args=[buurt.slug, actor.pk]))
    assert "andere actor in de buurt heeft dezelfde naam" in page.content.decode()
    response = coordinator_client.post(
        reverse("privacy:wissen", args=[buurt.slug, actor.pk]), {"bevestig": "on"}
    )
    assert response.status_code == 302
    namesake.refresh_from_db()
    elsewhere.refresh_from_db()
    assert namesake.naam == NAAM
    assert elsewhere.titel == f"{NAAM} in Zuid"
    assert not Actor.objects.filter(pk=actor.pk).exists()


def test_erasure_needs_the_box_ticked(coordinator_client, buurt):
    actor = f.make_actor(buurt, NAAM, soort="bewoner")
    response = coordinator_client.post(reverse("privacy:wissen", args=[buurt.slug, actor.pk]))
    assert response.status_code == 200
    assert "Vink aan dat je begrijpt" in response.content.decode()
    assert Actor.objects.filter(pk=actor.pk).exists()
    assert not Wissing.objects.exists()


def test_deleting_a_person_leads_to_the_erasure(coordinator_client, buurt):
    actor = f.make_actor(buurt, NAAM, soort="professional")
    url = reverse("buurt:actor_delete", args=[buurt.slug, actor.pk])
    wissen = reverse("privacy:wissen", args=[buurt.slug, actor.pk])
    assert coordinator_client.get(url)["Location"] == wissen
    assert coordinator_client.post(url)["Location"] == wissen
    htmx = coordinator_client.get(url, HTTP_HX_REQUEST="true")
    assert htmx["HX-Redirect"] == wissen
    assert Actor.objects.filter(pk=actor.pk).exists()  # nothing without the confirmation


def test_an_organisation_is_still_deleted_as_before(coordinator_client, buurt):
    actor = f.make_actor(buurt, "Vzw De Brug")
    response = coordinator_client.post(reverse("buurt:actor_delete", args=[buurt.slug, actor.pk]))
    assert response["Location"] == reverse("buurt:ken_je_buurt", args=[buurt.slug])
    assert not Actor.objects.filter(pk=actor.pk).exists()
    page = coordinator_client.get(reverse("privacy:wissen", args=[buurt.slug, actor.pk]))
    assert page.status_code == 404


def test_an_administrator_without_a_role_can_erase(buurt):
    actor = f.make_actor(buurt, NAAM, soort="bewoner")
    admin = _admin_client()
    url = reverse("privacy:wissen", args=[buurt.slug, actor.pk])
    assert admin.get(url).status_code == 200
    response = admin.post(url, {"bevestig": "on"})
    assert response["Location"] == reverse("admin:buurt_actor_changelist")
    assert Wissing.objects.get().door.username == "beheer"


def test_the_admin_erases_people_through_the_privacy_page(buurt):
    actor = f.make_actor(buurt, NAAM, soort="bewoner")
    vereniging = f.make_actor(buurt, "Vzw De Brug")
    admin = _admin_client()
    page = admin.get(reverse("admin:buurt_actor_change", args=[actor.pk])).content.decode()
    assert reverse("privacy:wissen", args=[buurt.slug, actor.pk]) in page
    response = admin.post(reverse("admin:buurt_actor_delete", args=[actor.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Actor.objects.filter(pk=actor.pk).exists()
    response = admin.post(
        reverse("admin:buurt_actor_delete", args=[vereniging.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Actor.objects.filter(pk=vereniging.pk).exists()


def test_the_erasing_coordinators_own_unread_messages_go_too(coordinator_client, buurt):
    actor = f.make_actor(buurt, NAAM, soort="bewoner")
    prefix = f"actor-{actor.pk}"
    coordinator_client.post(
        reverse("buurt:actor_edit", args=[buurt.slug, actor.pk]),
        {f"{prefix}-naam": NAAM, f"{prefix}-soort": "bewoner"},
    )
    assert sporen(NAAM)  # "Zoë Vandeputte is bijgewerkt." waits in the session
    response = coordinator_client.post(
        reverse("privacy:wissen", args=[buurt.slug, actor.pk]), {"bevestig": "on"}
    )
    assert response.status_code == 302
    assert sporen(NAAM) == []
