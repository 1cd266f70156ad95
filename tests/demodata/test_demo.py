from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from buurt.models import Actor, Beleidsverwachting, Buurt, Relatie, Rol
from demodata.demo.aandacht import BOEKENKAST
from initiatieven.models import (
    Activiteit,
    Deelname,
    Initiatief,
    Succes,
    Team,
    Teamintensiteit,
    Voorkeur,
)
from partners.models import Enthousiasme, Partner

MODELS = [
    Buurt, Rol, Actor, Relatie, Partner, Enthousiasme, Activiteit, Initiatief, Team,
    Teamintensiteit, Deelname, Voorkeur, Succes, get_user_model(),
]  # fmt: skip

pytestmark = pytest.mark.django_db


def run_demo(*args):
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def demo():
    run_demo()
    return Buurt.objects.get(slug="demo")


def test_demo_knows_at_least_forty_actors_of_every_soort(demo):
    actoren = Actor.objects.in_buurt(demo)
    assert actoren.count() >= 40
    assert set(actoren.values_list("soort", flat=True)) == set(Actor.Soort.values)
    assert actoren.exclude(sector="").count() == actoren.count()
    assert actoren.exclude(omschrijving="").count() == actoren.count()


def test_demo_records_who_introduced_whom_within_the_buurt(demo):
    introduced = Actor.objects.in_buurt(demo).filter(aangebracht_door__isnull=False)
    assert introduced.count() >= 30
    assert not introduced.exclude(aangebracht_door__buurt=demo).exists()
    assert all(a.aangebracht_door.aangemaakt_op <= a.aangemaakt_op for a in introduced)


def test_demo_partners_have_a_year_of_growing_enthusiasm(demo):
    today = timezone.localdate()
    partners = list(Partner.objects.in_buurt(demo).prefetch_related("enthousiasme"))
    assert len(partners) >= 10
    first, current = [], []
    for partner in partners:
        history = sorted(partner.enthousiasme.all(), key=lambda e: e.datum)
        assert len(history) >= 2
        assert today - timedelta(days=366) <= history[0].datum <= history[-1].datum <= today
        first.append(history[0].niveau)
        current.append(history[-1].niveau)
    dates = Enthousiasme.objects.in_buurt(demo).values_list("datum", flat=True)
    assert max(dates) == today
    assert min(dates) <= today - timedelta(days=330)
    assert set(first) == {"geen", "vonk", "vuur"}
    assert current.count("vuur") > first.count("vuur")
    assert current.count("geen") < first.count("geen")


def test_demo_has_existing_activities_some_of_them_stopped(demo):
    activiteiten = Activiteit.objects.in_buurt(demo).prefetch_related("organisatoren")
    assert activiteiten.count() >= 8
    for activiteit in activiteiten:
        assert activiteit.organisatoren.all()
        assert activiteit.doelgroep and activiteit.thema and activiteit.frequentie
    stopped = activiteiten.filter(loopt=False)
    assert stopped.exists()
    assert not stopped.filter(gestopt_op__isnull=True).exists()


def test_demo_has_initiatives_of_every_soort_building_on_activities_or_new(demo):
    initiatieven = Initiatief.objects.in_buurt(demo)
    assert set(initiatieven.values_list("soort", flat=True)) == set(Initiatief.Soort.values)
    assert initiatieven.filter(bouwt_voort_op__isnull=False).exists()
    assert initiatieven.filter(bouwt_voort_op__isnull=True).exists()
    # Every one has trekkers, but the one whose trekker moved away: it needs attention.
    without = initiatieven.filter(trekkers__isnull=True).values_list("naam", flat=True)
    assert list(without) == [BOEKENKAST["naam"]]
    zorg = initiatieven.filter(soort=Initiatief.Soort.BUURTGERICHT_ZORGINITIATIEF)
    assert zorg.exclude(schaal_antwoord="").exclude(schaal_toelichting="").exists()


def test_demo_teams_have_history_and_members_at_different_levels(demo):
    teams = Team.objects.in_buurt(demo)
    assert teams.count() >= 3
    for team in teams:
        assert team.intensiteiten.exists()
        assert team.deelnames.values("participatieniveau").distinct().count() >= 2
    assert Teamintensiteit.objects.filter(team__in=teams).values("team").distinct().count() >= 3
    assert Teamintensiteit.objects.filter(team__in=teams).count() > teams.count()
    deelnames = Deelname.objects.in_buurt(demo)
    assert deelnames.filter(vertrokken_op__isnull=False).exists()
    assert deelnames.exclude(middelen=[]).exists()


def test_demo_preferences_differ_from_what_was_agreed(demo):
    voorkeuren = Voorkeur.objects.in_buurt(demo)
    assert voorkeuren.filter(team__isnull=True).exists()
    per_team = voorkeuren.filter(team__isnull=False)
    assert per_team.exists()
    differing = [
        v
        for v in per_team
        if Deelname.objects.get(team=v.team, partner=v.partner).participatieniveau
        != v.participatieniveau
    ]
    assert differing
    assert voorkeuren.exclude(middelen=[]).exists()


def test_demo_relations_have_several_intensities_and_some_ended(demo):
    relaties = Relatie.objects.in_buurt(demo)
    assert relaties.values("intensiteit").distinct().count() >= 4
    assert relaties.filter(tot__isnull=False).exists()
    assert relaties.filter(tot__isnull=True).exists()


def test_demo_successes_are_spread_over_the_year(demo):
    successen = Succes.objects.in_buurt(demo).prefetch_related("partners")
    months = {(s.datum.year, s.datum.month) for s in successen}
    assert len(months) >= 8
    assert all(s.partners.all() for s in successen)
    assert successen.filter(initiatief__isnull=False).exists()
    assert successen.filter(initiatief__isnull=True).exists()


def test_demo_data_passes_model_validation(demo):
    models = (Actor, Relatie, Activiteit, Initiatief, Team, Deelname, Voorkeur, Succes)
    for model in (*models, Beleidsverwachting):
        for obj in model.objects.in_buurt(demo):
            obj.full_clean()


def test_demo_users_log_in_and_see_the_dashboard(demo):
    for username in ("coordinator", "onderzoeker"):
        client = Client()
        assert client.login(username=username, password="demo")
        response = client.get("/buurten/demo/")
        assert response.status_code == 200
        assert "Vlasbloemwijk" in response.text
    assert Rol.objects.get(user__username="coordinator", buurt=demo).rol == "coordinator"
    assert Rol.objects.get(user__username="onderzoeker", buurt=demo).rol == "onderzoeker"


def test_running_demo_twice_changes_no_count(demo):
    before = counts()
    output = run_demo()
    assert counts() == before
    assert "bestond al" in output


def test_rerun_keeps_a_coordinators_edits(demo):
    actor = Actor.objects.in_buurt(demo).order_by("id").first()
    actor.naam = "Aangepast door de coördinator"
    actor.save()
    user = get_user_model().objects.get(username="coordinator")
    user.set_password("ander-wachtwoord")
    user.save()
    run_demo()
    assert Actor.objects.filter(naam="Aangepast door de coördinator").exists()
    assert Client().login(username="coordinator", password="ander-wachtwoord")


def test_rerun_restores_missing_roles(demo):
    Rol.objects.filter(buurt=demo).delete()
    run_demo()
    assert set(Rol.objects.filter(buurt=demo).values_list("user__username", "rol")) == {
        ("coordinator", "coordinator"),
        ("onderzoeker", "onderzoeker"),
    }


def test_reset_rebuilds_the_same_buurt(demo):
    before = counts()
    names = sorted(Actor.objects.in_buurt(demo).values_list("naam", "aangemaakt_op__date"))
    Actor.objects.create(buurt=demo, naam="Extra", soort=Actor.Soort.BEWONER)
    run_demo("--reset")
    rebuilt = Buurt.objects.get(slug="demo")
    assert counts() == before
    assert sorted(Actor.objects.in_buurt(rebuilt).values_list("naam", "aangemaakt_op__date")) == (
        names
    )
    assert Rol.objects.filter(buurt=rebuilt).count() == 2


def test_demo_leaves_other_buurten_alone(world):
    before = Actor.objects.in_buurt(world.buurt).count()
    run_demo()
    run_demo("--reset")
    assert Actor.objects.in_buurt(world.buurt).count() == before
    assert not Rol.objects.filter(buurt=world.buurt, user__username="coordinator").exists()


def test_demo_residents_team_gets_no_health_audit_and_the_others_weigh_what_is_needed(demo):
    client = Client()
    assert client.login(username="coordinator", password="demo")
    page = client.get("/buurten/demo/bomen/").text
    cards = {
        naam: page[page.index(f">{naam}</h3>") :].split("</article>")[0]
        for naam in ("Warme buren-team", "Werkgroep buurtbus", "Kernteam wijkzorg")
    }
    bewoners = cards["Warme buren-team"]
    assert "Een gezond team?" not in bewoners
    assert "✗" not in bewoners
    assert "Laat duizend bloemen bloeien" in bewoners
    # The bus group only shares information for now: deciding together is not asked of it.
    assert "niet nodig voor dit doel" in cards["Werkgroep buurtbus"]
    assert "Het team beslist nog niet samen" not in cards["Werkgroep buurtbus"]
    assert "minder intensief samen dan nodig" in cards["Kernteam wijkzorg"]
    assert Teamintensiteit.objects.filter(team__initiatief__buurt=demo, soort="nodig").exists()


def test_demo_sets_policy_expectations_beside_initiatives_started_bottom_up(demo):
    lopend = Beleidsverwachting.objects.in_buurt(demo).lopend()
    assert lopend.count() == 2
    assert Beleidsverwachting.objects.in_buurt(demo).filter(tot__isnull=False).count() == 1
    started = set(Initiatief.objects.in_buurt(demo).values_list("gestart_door", flat=True))
    assert {"bewoners", "vrijwilligers", "professionals", "beleid"} <= started


def test_the_demo_records_a_legal_basis_for_all_but_one_natural_person(db):
    from buurt.models import Actor
    from demodata.demo.build import build_demo

    buurt, _built = build_demo()
    personen = Actor.objects.in_buurt(buurt).natuurlijke_personen()
    zonder = list(personen.filter(grondslag="").values_list("soort", flat=True))
    assert zonder == ["bewoner"]
    assert personen.filter(grondslag="toestemming", toestemming_op__isnull=True).count() == 0
