"""The timeline: every write is recorded (who, when, what changed) and shown per buurt."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from buurt.models import Actor, Wijziging
from buurt.tijdlijn import namens, wijzigingen_voor
from coordinatie.tijdlijn import PER_PAGE
from initiatieven.models import Initiatief
from tests import factories as f
from tests.conftest import partner_session_client
from tests.queries import count_get_queries


def url(buurt, **params):
    base = reverse("coordinatie:tijdlijn", kwargs={"slug": buurt.slug})
    if params:
        from urllib.parse import urlencode

        base += "?" + urlencode(params)
    return base


def edit_actor(client, buurt, actor, **fields):
    p = f"actor-{actor.pk}-"
    data = {
        p + "naam": actor.naam,
        p + "soort": actor.soort,
        **{p + k: v for k, v in fields.items()},
    }
    path = reverse("buurt:actor_edit", kwargs={"slug": buurt.slug, "pk": actor.pk})
    return client.post(path, data)


def test_a_coordinators_edit_is_recorded_with_who_and_what(coordinator_client, coordinator, buurt):
    actor = f.make_actor(buurt, "Buurthuis De Linde")
    response = edit_actor(coordinator_client, buurt, actor, naam="Buurthuis De Lindeboom")
    assert response.status_code == 302

    entry = Wijziging.objects.filter(action=Wijziging.Action.UPDATE).get()
    assert entry.buurt_id == buurt.pk
    assert entry.actor == coordinator
    assert entry.changes["naam"] == ["Buurthuis De Linde", "Buurthuis De Lindeboom"]

    text = coordinator_client.get(url(buurt)).text
    assert "coord" in text
    assert "<del>Buurthuis De Linde</del>" in text
    assert "<ins>Buurthuis De Lindeboom</ins>" in text


def test_each_entry_lands_in_its_own_buurt(buurt, other_buurt):
    team = f.make_team(f.make_initiatief(other_buurt, "Zuidwerk"), "Zuidteam")
    f.make_deelname(team, f.make_partner(other_buurt, "Vzw Zuid"))
    f.make_actor(buurt, "Noordhuis")
    assert not Wijziging.objects.filter(buurt__isnull=True).exists()
    noord = set(Wijziging.objects.filter(buurt=buurt).values_list("object_repr", flat=True))
    assert noord == {"Noord", "Noordhuis"}
    assert "Zuidteam" in set(
        Wijziging.objects.filter(buurt=other_buurt).values_list("object_repr", flat=True)
    )


def test_choices_and_foreign_keys_are_shown_by_their_names(coordinator_client, buurt):
    initiatief = f.make_initiatief(buurt, "Burenhulp")
    team = f.make_team(initiatief, "Boodschappenteam")
    deelname = f.make_deelname(team, f.make_partner(buurt, "Vzw Samen"))
    deelname.participatieniveau = "coproduceren"
    deelname.save()
    rows = wijzigingen_voor(buurt, [(type(deelname), [deelname.pk])])
    created, changed = rows[-1], rows[0]
    assert {v.label: v.nieuw for v in created.velden}["team"] == "Boodschappenteam"
    assert {v.label: (v.oud, v.nieuw) for v in changed.velden}[
        "afgesproken participatieniveau"
    ] == (
        "adviseren",
        "coproduceren",
    )


def test_a_partner_through_their_link_is_named(buurt, coordinator_client):
    partner = f.make_partner(buurt, "Vzw Samen")
    client = partner_session_client(partner)
    response = client.post(
        "/partner/", {"sectie": "algemeen", "algemeen-participatieniveau": "coproduceren"}
    )
    assert response.status_code == 302
    entry = Wijziging.objects.filter(content_type__model="voorkeur").get()
    assert entry.door_actor_id == partner.actor_id and entry.actor is None
    assert "Vzw Samen (partner, via persoonlijke link)" in coordinator_client.get(url(buurt)).text


def test_a_partner_link_token_never_enters_the_timeline(buurt):
    link, token = f.make_partnerlink(f.make_partner(buurt, "Vzw Samen"))
    entry = Wijziging.objects.get(content_type__model="partnerlink")
    assert "token_hash" not in entry.changes
    assert link.token_hash not in str(entry.changes) and token not in str(entry.changes)


def test_an_admin_change_is_recorded_as_by_an_administrator(admin_client, admin_user, buurt):
    actor = f.make_actor(buurt, "Buurthuis De Linde")
    change = reverse("admin:buurt_actor_change", args=[actor.pk])
    form = admin_client.get(change).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update({"naam": "Buurthuis De Linde (admin)", "buurt": buurt.pk, "soort": actor.soort})
    response = admin_client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = Wijziging.objects.filter(action=Wijziging.Action.UPDATE).get()
    assert entry.actor == admin_user
    coordinator = f.make_user("coord2")
    f.grant(coordinator, buurt)
    client = Client()
    client.force_login(coordinator)
    assert "admin (beheerder)" in client.get(url(buurt)).text
    by_admins = client.get(url(buurt, door="beheer")).text
    assert "Buurthuis De Linde (admin)" in by_admins and "<strong>coord2</strong>" not in by_admins


def test_filter_by_kind_by_who_and_by_period(coordinator_client, coordinator, buurt):
    # Entries get ids as time goes on; the period filter relies on it, so the test keeps it.
    Wijziging.objects.update(timestamp=timezone.now() - timedelta(days=500))
    old = f.make_initiatief(buurt, "Oud initiatief")
    Wijziging.objects.filter(object_repr="Oud initiatief").update(
        timestamp=timezone.now() - timedelta(days=400)
    )
    f.make_actor(buurt, "Zonder gebruiker")
    with namens(f.make_partner(buurt, "Vzw Samen").actor):
        f.make_activiteit(buurt, "Soepbar")
    edit_actor(coordinator_client, buurt, Actor.objects.get(naam="Zonder gebruiker"), naam="Met")

    actor_ct = ContentType.objects.get_for_model(Actor).pk
    text = coordinator_client.get(url(buurt, soort=actor_ct)).text
    assert "Met" in text and "Soepbar" not in text

    text = coordinator_client.get(url(buurt, door="partners")).text
    assert "Soepbar" in text and "Zonder gebruiker" not in text

    text = coordinator_client.get(url(buurt, door=f"u{coordinator.pk}")).text
    assert "<ins>Met</ins>" in text and "Soepbar" not in text

    last_year = (timezone.localdate() - timedelta(days=400)).isoformat()
    text = coordinator_client.get(url(buurt, van=last_year, tot=last_year)).text
    assert "Oud initiatief" in text and "Soepbar" not in text

    ct = ContentType.objects.get_for_model(Initiatief).pk
    text = coordinator_client.get(url(buurt, soort=ct, object=old.pk)).text
    assert "Oud initiatief" in text and "Soepbar" not in text


@pytest.mark.parametrize(
    "params, message",
    [
        ({"van": "gisteren"}, "Voer een geldige datum in."),
        ({"van": "2026-05-02", "tot": "2026-05-01"}, "De einddatum ligt vóór de begindatum."),
        ({"soort": "999999"}, "Selecteer een geldige keuze"),
        ({"door": "u999999"}, "Selecteer een geldige keuze"),
        ({"voor": "-3"}, "minstens 1"),
    ],
)
def test_bad_filters_get_a_dutch_message_not_an_error(coordinator_client, buurt, params, message):
    f.make_actor(buurt, "Buurthuis De Linde")
    response = coordinator_client.get(url(buurt, **params))
    assert response.status_code == 200
    assert message in response.text
    assert "Buurthuis De Linde" not in response.text


def test_a_period_in_the_middle_finds_only_its_entries(coordinator_client, buurt):
    Wijziging.objects.all().delete()
    for days, naam in ((90, "Winter"), (60, "Lente"), (30, "Zomer")):
        f.make_activiteit(buurt, naam)
        Wijziging.objects.filter(object_repr=naam).update(
            timestamp=timezone.now() - timedelta(days=days)
        )
    day = (timezone.localdate() - timedelta(days=60)).isoformat()
    text = coordinator_client.get(url(buurt, van=day, tot=day)).text
    assert "Lente" in text and "Winter" not in text and "Zomer" not in text
    future = (timezone.localdate() + timedelta(days=5)).isoformat()
    assert "Nog geen wijzigingen." in coordinator_client.get(url(buurt, van=future)).text


def test_older_entries_are_one_click_away(coordinator_client, buurt):
    for i in range(PER_PAGE + 5):
        f.make_activiteit(buurt, f"Activiteit {i:03d}")
    first = coordinator_client.get(url(buurt))
    assert "Activiteit 054" in first.text and "Activiteit 004" not in first.text
    next_cursor = first.context["next_cursor"]
    assert next_cursor
    second = coordinator_client.get(url(buurt, voor=next_cursor))
    assert "Activiteit 004" in second.text and "Activiteit 054" not in second.text
    assert second.context["next_cursor"] is None
    assert "Naar de nieuwste" in second.text


def test_htmx_filter_returns_only_the_results(coordinator_client, buurt):
    f.make_actor(buurt, "Buurthuis De Linde")
    response = coordinator_client.get(url(buurt, soort=""), HTTP_HX_REQUEST="true")
    assert response.text.lstrip().startswith('<section id="resultaten"')
    assert "Buurthuis De Linde" in response.text


def test_researchers_do_not_see_the_timeline_and_outsiders_get_404(
    onderzoeker_client, outsider_client, buurt
):
    assert onderzoeker_client.get(url(buurt)).status_code == 403
    assert outsider_client.get(url(buurt)).status_code == 404
    assert Client().get(url(buurt)).status_code == 302


def test_timeline_query_count_does_not_grow(coordinator_client, buurt):
    def fill(n, prefix):
        initiatief = f.make_initiatief(buurt, f"{prefix} initiatief")
        for i in range(n):
            team = f.make_team(initiatief, f"{prefix} team {i}")
            f.make_deelname(team, f.make_partner(buurt, f"{prefix} partner {i}"))

    # Related objects are named with one query per kind of object on the page, so both
    # pages hold the same kinds; the second buurt has four times the entries.
    fill(20, "Klein")
    small = count_get_queries(coordinator_client, url(buurt))
    fill(60, "Groot")
    assert count_get_queries(coordinator_client, url(buurt)) == small


def test_deleting_a_buurt_takes_its_timeline_along(
    buurt, other_buurt, django_capture_on_commit_callbacks
):
    f.make_actor(buurt, "Noordhuis")
    f.make_actor(other_buurt, "Zuidhuis")
    with django_capture_on_commit_callbacks(execute=True):
        buurt.delete()
    assert not Wijziging.objects.filter(buurt_id=buurt.pk).exists()
    assert Wijziging.objects.filter(buurt=other_buurt, object_repr="Zuidhuis").exists()


def test_an_import_is_recorded_once_for_new_rows_and_per_changed_row(coordinator, buurt):
    from importeren import imports
    from importeren.services import apply_import

    existing = f.make_actor(buurt, "Buurthuis De Linde", soort="vereniging", sector="welzijn")
    Wijziging.objects.all().delete()
    header = ["naam", "soort", "sector"]
    rows = [
        ["Buurthuis De Linde", "vereniging", "cultuur"],
        ["Mia", "bewoner", ""],
        ["Jo", "bewoner", ""],
    ]
    plan = imports.plan_import(buurt, "actoren", header, rows)
    apply_import(buurt, plan, door=coordinator)

    entries = list(Wijziging.objects.filter(buurt=buurt).order_by("id"))
    assert len(entries) == 2
    created, updated = entries
    assert created.object_repr == "Import: 2 actoren toegevoegd" and created.actor == coordinator
    assert updated.object_id == existing.pk and updated.actor == coordinator
    assert updated.changes == {"sector": ["welzijn", "cultuur"]}


def test_the_actor_page_shows_its_history(coordinator_client, buurt):
    actor = f.make_actor(buurt, "Buurthuis De Linde")
    edit_actor(coordinator_client, buurt, actor, naam="Buurthuis De Lindeboom")
    f.make_relatie(actor, f.make_actor(buurt, "Jeugdhuis Kadee"))
    f.make_actor(buurt, "Iemand anders")
    page = reverse("coordinatie:actor_detail", kwargs={"slug": buurt.slug, "pk": actor.pk})
    history = coordinator_client.get(page).text.split('id="geschiedenis-titel"')[1]
    assert "<ins>Buurthuis De Lindeboom</ins>" in history
    assert "relatie" in history
    assert "Iemand anders" not in history


def test_a_former_coordinator_is_not_called_an_administrator(coordinator_client, buurt):
    from buurt.models import Rol

    oud = f.make_user("vroeger")
    f.grant(oud, buurt)
    client = Client()
    client.force_login(oud)
    actor = f.make_actor(buurt, "Buurthuis De Linde")
    edit_actor(client, buurt, actor, naam="Buurthuis De Lindeboom")
    Rol.objects.filter(user=oud).delete()
    text = coordinator_client.get(url(buurt)).text
    assert "<strong>vroeger</strong>" in text
    assert "vroeger (beheerder)" not in text
