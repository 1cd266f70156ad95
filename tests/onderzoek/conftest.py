from datetime import date
from types import SimpleNamespace

import pytest

from buurt.models import Actor
from initiatieven.models import Deelname, Statuswijziging, Teamintensiteit, Voorkeur
from initiatieven.services import change_status
from partners.models import Enthousiasme
from tests import factories as f

PERSON_NAMES = ("Marie Peeters", "Dokter Jan Claes", "Contact Els Wouters")


@pytest.fixture
def filled(buurt, other_buurt):
    """A buurt with natural persons, organisations and a row in every exported table."""
    bewoner = f.make_actor(
        buurt,
        "Marie Peeters",
        soort=Actor.Soort.BEWONER,
        email="marie@example.be",
        telefoon="0470 12 34 56",
        adres="Dorpsstraat 1, Leuven",
        omschrijving="Marie Peeters kent iedereen in de straat.",
    )
    dokter = f.make_partner(
        buurt,
        "Dokter Jan Claes",
        soort=Actor.Soort.PROFESSIONAL,
        niveau="vuur",
        contactpersoon="Contact Els Wouters",
    )
    dokter.actor.aangebracht_door = bewoner
    dokter.actor.save()
    vereniging = f.make_partner(
        buurt, "Vzw Samen", niveau="vonk", contactpersoon="Contact Els Wouters"
    )
    Enthousiasme.objects.create(
        partner=vereniging, niveau="vuur", datum=date(2026, 3, 1), notitie="Marie Peeters trekt"
    )
    f.make_relatie(bewoner, dokter.actor, notitie="Marie Peeters belt Dokter Jan Claes")
    activiteit = f.make_activiteit(
        buurt, "Soepbar", omschrijving="Met Marie Peeters", doelgroep="senioren", thema="zorg"
    )
    activiteit.organisatoren.add(bewoner)
    initiatief = f.make_initiatief(buurt, "Burenhulp", doel="Marie Peeters helpen")
    initiatief.bouwt_voort_op.add(activiteit)
    team = f.make_team(initiatief, "Boodschappenteam", besluitvorming="Marie Peeters beslist")
    Teamintensiteit.objects.create(team=team, intensiteit="actief_afstemmen")
    Teamintensiteit.objects.create(team=team, soort="nodig", intensiteit="doorverwijzen")
    steun = f.make_initiatief(buurt, "Buurtsteun", soort="zorgzaam_buurtinitiatief")
    steun.ondersteunt.add(initiatief)
    f.make_deelname(team, dokter, middelen=["tijd", "expertise"])
    f.make_deelname(
        team,
        vereniging,
        toegetreden_op=date(2026, 1, 5),
        vertrokken_op=date(2026, 2, 1),
        einde=Deelname.Einde.VERTROKKEN,
    )
    Statuswijziging.objects.create(initiatief=initiatief, status="idee", datum=date(2026, 1, 1))
    change_status(
        initiatief, status="gepauzeerd", datum=date(2026, 3, 1), reden="Marie Peeters is ziek"
    )
    Voorkeur.objects.create(
        partner=dokter,
        team=team,
        participatieniveau="coproduceren",
        middelen=["netwerk"],
        bron="coordinator",
        notitie="Dokter Jan Claes wil meer",
    )
    succes = f.make_succes(
        buurt, "Marie Peeters kookte", beschrijving="Dokter Jan Claes kwam", initiatief=initiatief
    )
    succes.partners.add(dokter, vereniging)
    overleg = f.make_overleg(
        buurt,
        "Overleg bij Marie Peeters",
        team=team,
        partners=[dokter, vereniging],
        plaats="Dorpsstraat 1, Leuven",
        agenda="Marie Peeters",
        notities="Dokter Jan Claes",
        besluiten="Marie Peeters beslist",
    )
    overleg.deelnemers.filter(partner=dokter).update(aanwezig=True)
    f.make_actie(buurt, "Marie Peeters bellen", overleg=overleg, partner=dokter, notitie="Els")
    f.make_actie(buurt, "Zaal", coordinator=f.make_user(), gedaan_op=date.today())
    elsewhere = f.make_actor(other_buurt, "Vereniging Elders")
    return SimpleNamespace(
        buurt=buurt,
        bewoner=bewoner,
        dokter=dokter,
        vereniging=vereniging,
        team=team,
        initiatief=initiatief,
        elsewhere=elsewhere,
    )
