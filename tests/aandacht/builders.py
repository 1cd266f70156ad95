"""One item of each kind of attention, for the tests of tests/aandacht."""

from datetime import timedelta

from django.utils import timezone

from initiatieven.kansen import plus_maanden
from initiatieven.models import Team
from partners.models import Enthousiasme, Partnerlink
from rollen.services import invite
from tests import factories as f


def today():
    return timezone.localdate()


def te_late_actie(buurt, partner=None, dagen=3, **extra):
    partner = partner or f.make_partner(buurt, "Vzw Actie", niveau="vuur")
    return f.make_actie(
        buurt, "Flyers rondbrengen", tegen=today() - timedelta(days=dagen), partner=partner, **extra
    )


def oud_enthousiasme(buurt, naam="Okra", maanden=7):
    partner = f.make_partner(buurt, naam)
    Enthousiasme.objects.create(
        partner=partner, niveau="vonk", datum=plus_maanden(today(), -maanden)
    )
    return partner


def partner_in_teams(buurt, n=3, naam="Femma"):
    partner = f.make_partner(buurt, naam, niveau="vuur")
    initiatief = f.make_initiatief(buurt, f"Initiatief van {naam}")
    for i in range(n):
        f.make_deelname(f.make_team(initiatief, f"Team {naam} {i}"), partner)
    return partner


def oud_team(buurt, naam="Boodschappenteam", dagen=120, **initiatief):
    team = f.make_team(f.make_initiatief(buurt, f"Initiatief {naam}", **initiatief), naam)
    f.update_row(team, aangemaakt_op=timezone.now() - timedelta(days=dagen))
    team.refresh_from_db()
    return team


def initiatief_zonder_trekker(buurt, naam="Repair café", status="loopt"):
    return f.make_initiatief(buurt, naam, status=status)


def kans(buurt):
    x, y = f.make_actor(buurt, "Seniorenclub"), f.make_actor(buurt, "Wijkgezondheidscentrum")
    a = f.make_activiteit(buurt, "Koffieklets", doelgroep="senioren")
    b = f.make_activiteit(buurt, "Valpreventie", doelgroep="senioren")
    a.organisatoren.set([x])
    b.organisatoren.set([y])
    return a, b


def link_die_verloopt(buurt, dagen=5, naam="Buurthuis"):
    partner = f.make_partner(buurt, naam, niveau="vonk")
    link, _token = f.make_partnerlink(partner)
    Partnerlink.objects.filter(pk=link.pk).update(
        verloopt_op=timezone.now() + timedelta(days=dagen)
    )
    link.refresh_from_db()
    return link


def open_uitnodiging(buurt, email="nieuw@example.org"):
    uitnodiging, _token = invite(buurt, email, "coordinator", None)
    return uitnodiging


def een_van_elk(buurt):
    """One item of every kind; returns them by kind."""
    a, b = kans(buurt)
    return {
        "actie_te_laat": te_late_actie(buurt),
        "enthousiasme_oud": oud_enthousiasme(buurt),
        "veel_teams": partner_in_teams(buurt),
        "team_zonder_overleg": oud_team(buurt),
        "zonder_trekker": initiatief_zonder_trekker(buurt),
        "kans": (a, b),
        "link_verloopt": link_die_verloopt(buurt),
        "uitnodiging": open_uitnodiging(buurt),
        "geen_grondslag": f.make_actor(buurt, "Yasmina Benali", soort="bewoner"),
    }


def veel_van_elk(buurt, n, coordinator):
    """``n`` more items of every kind, and meetings, open actions and preferences for the
    handover: for query-count guards at two sizes."""
    start = Team.objects.in_buurt(buurt).count()
    for i in range(start, start + n):
        partner = f.make_partner(buurt, f"Partner {i}", contactpersoon=f"Contact {i}")
        f.make_voorkeur(partner)
        te_late_actie(buurt, partner=partner)
        f.make_actie(buurt, tegen=today() + timedelta(days=5), coordinator=coordinator)
        oud_enthousiasme(buurt, f"Oud {i}")
        partner_in_teams(buurt, 3, naam=f"Druk {i}")
        team = oud_team(buurt, f"Oud team {i}")
        f.make_overleg(buurt, team=team, begint_op=timezone.now() + timedelta(days=i + 1))
        initiatief_zonder_trekker(buurt, f"Zonder trekker {i}")
        activiteit = f.make_activiteit(buurt, f"Activiteit {i}", doelgroep="senioren")
        activiteit.organisatoren.set([f.make_actor(buurt, f"Organisator {i}")])
        link_die_verloopt(buurt, naam=f"Link {i}")
        open_uitnodiging(buurt, f"uitgenodigd{i}@example.org")
        f.make_actor(buurt, f"Bewoner {i}", soort="bewoner")
