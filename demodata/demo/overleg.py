"""Meetings and actions in the demo buurt: a partneroverleg of two months ago with what came
of it, the core team's last meeting and its next one, and the next partneroverleg.

Some actions are done (one by the partner through their link), one is overdue, others still
open. Only the core team meets: the other teams show up on the attention list as teams
without a meeting.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from buurt.tijdlijn import namens
from overleg import services
from overleg.models import Actie, Overleg

# key, title, team or None, days ago (negative: ahead), hour, hours long, created days ago,
# place, invited (partner keys, the coordinator too), absent, agenda, notes, decisions
MEETINGS = [
    ("partners-voorjaar", "Partneroverleg voorjaar", None, 75, time(19, 30), 2, 90,
     "Sociaal Huis Ravelsbeke, zaal 1",
     ["huis", "wzc", "kaai", "spoel", "okra", "comite"], ["wzc"],
     "1. Welkom en kennismaking\n2. Wie woont er alleen?\n3. De soepbar op donderdag",
     "Het woonzorgcentrum liet zich verontschuldigen. De Kaai kent veel alleenwonenden "
     "via de huisbezoeken.",
     "De Kaai en het Sociaal Huis maken samen één lijst van alleenwonende tachtigplussers.\n"
     "De soepbar blijft op donderdag in De Spoel."),
    ("kernteam-laatst", "Kernteam wijkzorg: opvolging lijst", "Kernteam wijkzorg", 20,
     time(14, 0), 1.5, 27, "Wijkgezondheidscentrum De Kaai",
     ["kaai", "huis", "thuiszorg", "wzc", "caw", "okra"], ["caw"],
     "1. Stand van de lijst\n2. Wie belt wie?\n3. Afspraken met de huisartsen",
     "Veertig mensen op de lijst, dertig hebben een vast aanspreekpunt.",
     "Elke partner belt zijn eigen mensen één keer per maand."),
    ("kernteam-volgend", "Kernteam wijkzorg", "Kernteam wijkzorg", -10, time(14, 0), 1.5, 2,
     "Wijkgezondheidscentrum De Kaai",
     ["kaai", "huis", "thuiszorg", "wzc", "caw", "okra"], [],
     "1. De tien mensen zonder aanspreekpunt\n2. Terugkoppeling huisartsen", "", ""),
    ("partners-najaar", "Partneroverleg najaar", None, -30, time(19, 30), 2, 1,
     "Lokaal dienstencentrum De Spoel",
     ["huis", "wzc", "kaai", "spoel", "okra", "comite", "samen"], [],
     "1. Wat liep er goed dit jaar?\n2. De buurtbus\n3. Plannen voor de winter", "", ""),
]  # fmt: skip

# meeting key or None, what, partner key or None (then the coordinator), created days ago,
# due days ago (negative: ahead), done days ago or None, done by the partner's link, note
ACTIES = [
    ("partners-voorjaar", "Eerste versie van de lijst alleenwonenden opmaken", "kaai", 75,
     50, 52, False, "Veertig namen, nagekeken met de thuisverpleging."),
    ("partners-voorjaar", "Ledenlijst nakijken op wie alleen woont", "okra", 75, 45, 47, True,
     "Twaalf leden wonen alleen; ze staan nu op de lijst."),
    ("partners-voorjaar", "Verslag van het partneroverleg rondsturen", None, 75, 70, 73, False,
     ""),
    ("kernteam-laatst", "Afspraak met de huisartsen van de wijk plannen", "thuiszorg", 20, 5,
     None, False, ""),
    ("kernteam-laatst", "Tien vaste aanspreekpunten zoeken", "huis", 20, -14, None, False, ""),
    ("partners-najaar", "Zaal en soep voor het partneroverleg regelen", "spoel", 1, -25, None,
     False, ""),
    (None, "Voorstel buurtbus voorbereiden voor het partneroverleg", None, 3, -28, None, False,
     ""),
]  # fmt: skip


def schedule_overleg(story, day, buurt, coordinator, partners, teams):
    """Schedule the meetings and actions on ``story``; they refer to partners and teams made
    earlier in it."""
    me = {"door": coordinator}
    overleggen = {}

    def moment(days_ago, at):
        return timezone.make_aware(datetime.combine(day(days_ago), at))

    for key, titel, team, ago, at, hours, made, plaats, invited, absent, *texts in MEETINGS:
        agenda, notities, besluiten = texts

        def create(
            key=key,
            titel=titel,
            team=team,
            ago=ago,
            at=at,
            hours=hours,
            made=made,
            plaats=plaats,
            invited=invited,
            agenda=agenda,
        ):
            begint = moment(ago, at)
            overleg = Overleg(
                buurt=buurt,
                titel=titel,
                team=teams[team] if team else None,
                begint_op=begint,
                eindigt_op=begint + timedelta(hours=hours),
                plaats=plaats,
                agenda=agenda,
                aangemaakt_door=coordinator,
                aangemaakt_op=moment(made, time(9)),
            )
            overleggen[key] = services.save_overleg(
                overleg, [partners[k] for k in invited], [coordinator]
            )  # fmt: skip

        story.at(made, create, **me)
        if ago < 0:
            continue

        def held(key=key, absent=absent, notities=notities, besluiten=besluiten):
            overleg = overleggen[key]
            came = overleg.deelnemers.exclude(partner__in=[partners[k] for k in absent])
            services.record_aanwezigheid(
                overleg,
                came.values_list("pk", flat=True),
                overleg.overlegcoordinatoren.values_list("pk", flat=True),
            )
            overleg.notities, overleg.besluiten = notities, besluiten
            overleg.save(update_fields=["notities", "besluiten"])

        story.at(ago, held, **me)

    for meeting, wat, partner, made, due, done, via_link, notitie in ACTIES:

        def add(meeting=meeting, wat=wat, partner=partner, made=made, due=due):
            actie = Actie(
                buurt=buurt, overleg=overleggen[meeting] if meeting else None, wat=wat,
                partner=partners[partner] if partner else None,
                coordinator=None if partner else coordinator, tegen=day(due),
                aangemaakt_op=moment(made, time(9)),
            )  # fmt: skip
            services.add_actie(actie)

        story.at(made, add, **me)
        if done is None:
            continue

        def finish(wat=wat, partner=partner, done=done, via_link=via_link, notitie=notitie):
            actie = Actie.objects.get(buurt=buurt, wat=wat)
            with namens(partners[partner].actor if via_link else None):
                services.mark_done(actie, day(done), notitie)

        story.at(done, finish, **({} if via_link else me))
