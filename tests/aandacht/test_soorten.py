"""Each kind of attention item appears when it should, not when it shouldn't, and links to
where it is resolved."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from aandacht.lijst import overzicht
from initiatieven import kansen
from partners.models import Enthousiasme
from tests import factories as f

from . import builders as b

pytestmark = pytest.mark.django_db


def _groep(buurt, soort):
    [groep] = overzicht(buurt, limit=10, soorten=[soort])
    return groep


def _keys(buurt, soort):
    return [item.sleutel for item in _groep(buurt, soort).items]


# --- Overdue actions -----------------------------------------------------------------------


def test_an_open_action_past_its_date_is_overdue_and_links_to_its_meeting(buurt):
    overleg = f.make_overleg(buurt, "Partneroverleg", begint_op=timezone.now() - timedelta(days=9))
    actie = b.te_late_actie(buurt, overleg=overleg)
    [item] = _groep(buurt, "actie_te_laat").items
    assert item.sleutel == str(actie.pk)
    assert item.titel == "Flyers rondbrengen"
    assert "Vzw Actie" in item.detail and "3 dagen te laat" in item.detail
    assert item.url == reverse("overleg:overleg_detail", args=["noord", overleg.pk]) + (
        f"#actie-{actie.pk}"
    )


def test_an_action_on_its_own_links_to_the_action(buurt):
    actie = b.te_late_actie(buurt)
    [item] = _groep(buurt, "actie_te_laat").items
    assert item.url == reverse("overleg:actie_edit", args=["noord", actie.pk])


def test_done_due_today_and_other_buurts_actions_are_not_overdue(buurt, other_buurt, coordinator):
    today = timezone.localdate()
    partner = f.make_partner(buurt, "Vzw Samen")
    f.make_actie(buurt, tegen=today, partner=partner)
    f.make_actie(buurt, tegen=today + timedelta(days=3), coordinator=coordinator)
    gedaan = b.te_late_actie(buurt, partner=partner)
    gedaan.gedaan_op = today
    gedaan.save()
    b.te_late_actie(other_buurt)
    assert _groep(buurt, "actie_te_laat").aantal == 0


def test_a_coordinators_overdue_action_names_the_coordinator(buurt, coordinator):
    coordinator.first_name, coordinator.last_name = "Sara", "Peeters"
    coordinator.save()
    f.make_actie(buurt, tegen=timezone.localdate() - timedelta(days=1), coordinator=coordinator)
    [item] = _groep(buurt, "actie_te_laat").items
    assert item.detail.startswith("Sara Peeters") and "1 dag te laat" in item.detail


# --- Enthusiasm not looked at ------------------------------------------------------------------


def test_enthusiasm_rated_more_than_six_months_ago_or_never_needs_a_look(buurt):
    oud = b.oud_enthousiasme(buurt, "Okra", maanden=7)
    nooit = f.make_partner(buurt, "Chiro")
    b.oud_enthousiasme(buurt, "Femma", maanden=1)
    groep = _groep(buurt, "enthousiasme_oud")
    # Never rated first, then the oldest.
    assert [item.sleutel for item in groep.items] == [str(nooit.pk), str(oud.pk)]
    assert groep.items[0].detail == "nog nooit ingeschat"
    assert groep.items[1].detail.startswith("laatst ingeschat op ")
    assert groep.items[1].url == (
        reverse("coordinatie:actor_detail", args=["noord", oud.actor_id]) + "#partner-titel"
    )


def test_a_new_rating_after_an_old_one_takes_the_partner_off(buurt):
    partner = b.oud_enthousiasme(buurt, "Okra", maanden=8)
    Enthousiasme.objects.create(partner=partner, niveau="vuur")
    assert _keys(buurt, "enthousiasme_oud") == []


# --- Partners in many teams -----------------------------------------------------------------


def test_a_partner_in_three_teams_may_be_overloaded(buurt):
    partner = b.partner_in_teams(buurt, 3)
    [item] = _groep(buurt, "veel_teams").items
    assert item.sleutel == str(partner.pk)
    assert "zit in 3 teams" in item.detail
    assert item.url == reverse("coordinatie:actor_detail", args=["noord", partner.actor_id])


def test_memberships_that_ended_do_not_count(buurt):
    partner = b.partner_in_teams(buurt, 2)
    initiatief = f.make_initiatief(buurt)
    f.make_deelname(f.make_team(initiatief), partner, vertrokken_op=timezone.localdate())
    assert _keys(buurt, "veel_teams") == []


def test_the_threshold_is_a_setting(buurt, settings):
    partner = b.partner_in_teams(buurt, 2)
    assert _keys(buurt, "veel_teams") == []
    settings.AANDACHT_VEEL_TEAMS = 2
    assert _keys(buurt, "veel_teams") == [str(partner.pk)]


# --- Teams without a meeting ------------------------------------------------------------------


def test_a_team_without_a_meeting_for_three_months_links_to_the_team(buurt):
    team = b.oud_team(buurt)
    [item] = _groep(buurt, "team_zonder_overleg").items
    assert item.sleutel == str(team.pk)
    assert "nog nooit overlegd" in item.detail
    assert item.url == reverse("initiatieven:team_edit", args=["noord", team.pk])


def test_a_recent_meeting_takes_the_team_off_but_a_planned_one_does_not(buurt):
    met = b.oud_team(buurt, "Team met overleg")
    gepland = b.oud_team(buurt, "Team met gepland overleg")
    f.make_overleg(buurt, team=met, begint_op=timezone.now() - timedelta(days=30))
    f.make_overleg(buurt, team=gepland, begint_op=timezone.now() - timedelta(days=200))
    f.make_overleg(buurt, team=gepland, begint_op=timezone.now() + timedelta(days=3))
    [item] = _groep(buurt, "team_zonder_overleg").items
    assert item.sleutel == str(gepland.pk)
    assert "laatste overleg op" in item.detail


def test_new_teams_and_teams_of_ended_initiatives_are_left_alone(buurt):
    f.make_team(f.make_initiatief(buurt), "Nieuw team")
    b.oud_team(buurt, "Gestopt team", status="gestopt")
    b.oud_team(buurt, "Afgerond team", status="afgerond")
    assert _keys(buurt, "team_zonder_overleg") == []


# --- Running initiatives without a trekker -------------------------------------------------------


def test_a_running_initiative_without_a_trekker_links_to_its_page(buurt):
    initiatief = b.initiatief_zonder_trekker(buurt)
    met = b.initiatief_zonder_trekker(buurt, "Met trekker")
    met.trekkers.add(f.make_actor(buurt, "Jan"))
    b.initiatief_zonder_trekker(buurt, "Nog een idee", status="idee")
    [item] = _groep(buurt, "zonder_trekker").items
    assert item.sleutel == str(initiatief.pk)
    assert item.url == reverse("initiatieven:initiatief_detail", args=["noord", initiatief.pk])


# --- Open chances of step 3 -------------------------------------------------------------------


def test_an_open_chance_links_to_it_on_the_fruit_page(buurt, coordinator):
    a, c = b.kans(buurt)
    [item] = _groep(buurt, "kans").items
    assert item.sleutel == f"{a.pk}-{c.pk}"
    assert item.titel == "Koffieklets en Valpreventie"
    assert "voorgesteld" in item.detail
    assert item.url == reverse("initiatieven:fruit", args=["noord"]) + f"#kans-{a.pk}-{c.pk}"
    kansen.set_kansstatus(buurt, a, c, status="besproken", door=coordinator)
    [item] = _groep(buurt, "kans").items
    assert "besproken" in item.detail


@pytest.mark.parametrize("status", ["niet_nu", "verbonden"])
def test_a_chance_put_off_or_connected_is_not_open(buurt, coordinator, status):
    a, c = b.kans(buurt)
    if status == "niet_nu":
        kansen.set_kansstatus(buurt, a, c, status="niet_nu", maanden=3, door=coordinator)
    else:
        x, y = a.organisatoren.get(), c.organisatoren.get()
        kansen.verbind(buurt, a, c, van=x, naar=y, intensiteit="actief_afstemmen", door=coordinator)
    assert _groep(buurt, "kans").aantal == 0


# --- Partner links about to expire -----------------------------------------------------------


def test_a_link_that_expires_within_two_weeks_links_to_the_partners_links(buurt):
    link = b.link_die_verloopt(buurt, dagen=5)
    b.link_die_verloopt(buurt, dagen=30, naam="Lange link")
    [item] = _groep(buurt, "link_verloopt").items
    assert item.sleutel == str(link.pk)
    assert item.titel == "Buurthuis"
    assert item.url == reverse("partnerportaal:partnerlink_list", args=["noord", link.partner_id])


def test_expired_revoked_or_replaced_links_need_nothing(buurt):
    b.link_die_verloopt(buurt, dagen=-1, naam="Verlopen")
    ingetrokken = b.link_die_verloopt(buurt, dagen=5, naam="Ingetrokken")
    ingetrokken.ingetrokken_op = timezone.now()
    ingetrokken.save()
    vervangen = b.link_die_verloopt(buurt, dagen=5, naam="Vervangen")
    f.make_partnerlink(vervangen.partner, days=60)
    assert _keys(buurt, "link_verloopt") == []


# --- Invitations not accepted ----------------------------------------------------------------


def test_open_and_expired_invitations_link_to_the_roles_page(buurt):
    open_ = b.open_uitnodiging(buurt, "open@example.org")
    verlopen = b.open_uitnodiging(buurt, "verlopen@example.org")
    verlopen.verloopt_op = timezone.now() - timedelta(days=2)
    verlopen.save()
    aanvaard = b.open_uitnodiging(buurt, "aanvaard@example.org")
    aanvaard.aanvaard_op = timezone.now()
    aanvaard.save()
    ingetrokken = b.open_uitnodiging(buurt, "ingetrokken@example.org")
    ingetrokken.ingetrokken_op = timezone.now()
    ingetrokken.save()
    items = _groep(buurt, "uitnodiging").items
    assert [item.titel for item in items] == ["verlopen@example.org", "open@example.org"]
    assert "verlopen op" in items[0].detail and "nog niet aanvaard" in items[1].detail
    assert items[1].url == reverse("rollen:mensen", args=["noord"]) + f"#uitnodiging-{open_.pk}"


def test_every_kind_has_an_item_in_a_buurt_with_one_of_each(buurt, other_buurt):
    b.een_van_elk(buurt)
    groepen = overzicht(buurt)
    assert {g.soort: g.aantal for g in groepen} == dict.fromkeys(
        [
            "actie_te_laat",
            "enthousiasme_oud",
            "veel_teams",
            "team_zonder_overleg",
            "zonder_trekker",
            "kans",
            "link_verloopt",
            "uitnodiging",
            "geen_grondslag",
        ],
        1,
    )
    assert all(g.aantal == 0 for g in overzicht(other_buurt))


def test_a_person_without_legal_basis_needs_attention_until_one_is_recorded(buurt):
    persoon = f.make_actor(buurt, "Yasmina Benali", soort="bewoner")
    f.make_actor(buurt, "Vzw Samen")  # an association needs no basis
    [groep] = [g for g in overzicht(buurt) if g.soort == "geen_grondslag"]
    assert [item.titel for item in groep.items] == ["Yasmina Benali"]
    assert groep.items[0].url == reverse("privacy:grondslag", args=[buurt.slug, persoon.pk])
    persoon.grondslag = "gerechtvaardigd_belang"
    persoon.grondslag_toelichting = "Vrijwilliger van de buurtwerking."
    persoon.save()
    [groep] = [g for g in overzicht(buurt) if g.soort == "geen_grondslag"]
    assert groep.aantal == 0
