"""What needs attention in the demo buurt: the story gives every kind at least one item.

The rest of the demo already leaves some: chances of step 3, and in demo/overleg.py an
overdue action and teams without a meeting. This adds what else a year leaves behind: a
partner not looked at for months, one in three teams, an initiative whose trekker moved
away, a partner link about to expire, an invitation not yet accepted.
"""

from initiatieven.models import Deelname
from initiatieven.services import change_status, create_initiatief
from partners.links import create_link
from partners.models import Enthousiasme, Partner
from rollen.services import invite

# key, contact person, partner since (days ago), ratings (days ago, level): none for months
EXTRA_PARTNER = (
    "parochie",
    "Pastor Wim Coppens",
    250,
    [(240, "geen", ""), (200, "vonk", "Stelt de zaal ter beschikking; meer zit er nu niet in.")],
)
BOEKENKAST = {
    "naam": "Boekenruilkast op het Vlasplein",
    "doel": "Een kast waar buren boeken brengen en halen.",
    "trekker": "els",
    "idee": 150,
    "loopt": 140,
    "trekker_weg": 20,
}
UITNODIGING = ("an.wouters@example.org", "coordinator", 3)  # address, role, days ago
LINK = ("repair", 25, 5)  # partner, made days ago, valid for days from now


def schedule_aandacht(story, day, buurt, coordinator, actoren, partners, teams):
    """Schedule the writes on ``story``; the dicts fill as the story runs."""
    me = {"door": coordinator}
    key, contact, since, ratings = EXTRA_PARTNER

    def partner():
        partners[key] = Partner.objects.create(
            actor=actoren[key], contactpersoon=contact, partner_sinds=day(since)
        )

    story.at(since, partner, **me)
    for ago, niveau, notitie in ratings:

        def rate(ago=ago, niveau=niveau, notitie=notitie):
            Enthousiasme.objects.create(
                partner=partners[key], niveau=niveau, datum=day(ago), notitie=notitie,
                door=coordinator,
            )  # fmt: skip

        story.at(ago, rate, **me)

    def join():
        # De Spoel already takes part in two teams: a third one is a lot.
        Deelname.objects.create(
            team=teams["Kernteam wijkzorg"],
            partner=partners["spoel"],
            participatieniveau="adviseren",
            nodig=False,
            middelen=["ruimte"],
            toegetreden_op=day(30),
        )

    story.at(30, join, **me)
    _schedule_boekenkast(story, day, buurt, coordinator, actoren)

    def link():
        create_link(partners[LINK[0]], door=coordinator, days=LINK[2])

    story.at(LINK[1], link, **me)

    def invitation():
        invite(buurt, UITNODIGING[0], UITNODIGING[1], coordinator)

    story.at(UITNODIGING[2], invitation, **me)


def _schedule_boekenkast(story, day, buurt, coordinator, actoren):
    made = {}

    def initiatief():
        made["obj"] = create_initiatief(
            buurt,
            naam=BOEKENKAST["naam"],
            soort="bewonersinitiatief",
            doel=BOEKENKAST["doel"],
            trekkers=[actoren[BOEKENKAST["trekker"]]],
            gestart_door="bewoners",
            door=coordinator,
        )
        made["obj"].statuswijzigingen.update(datum=day(BOEKENKAST["idee"]))

    def runs():
        change_status(made["obj"], status="loopt", datum=day(BOEKENKAST["loopt"]), door=coordinator)

    def trekker_moves():
        made["obj"].trekkers.clear()  # Els moved away; no one took it over yet

    story.at(BOEKENKAST["idee"], initiatief, door=coordinator)
    story.at(BOEKENKAST["loopt"], runs, door=coordinator)
    story.at(BOEKENKAST["trekker_weg"], trekker_moves, door=coordinator)
