"""Build the demo buurt from demodata.demo.data, with its users and their roles."""

import random
from contextlib import nullcontext
from datetime import datetime, time, timedelta

from auditlog.context import disable_auditlog
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from buurt import tellingen
from buurt.models import Actor, Beleidsverwachting, Buurt, Relatie, Rol, Wijziging
from buurt.tijdlijn import namens
from initiatieven.models import (
    Activiteit,
    Deelname,
    Initiatief,
    Succes,
    Team,
    Teamintensiteit,
    Voorkeur,
)
from initiatieven.services import change_status, create_initiatief
from partners.models import Enthousiasme, Partner

from .aandacht import schedule_aandacht
from .data import (
    ACTIVITEITEN,
    ACTOREN,
    BELEIDSVERWACHTINGEN,
    BUURT,
    GESTART_DOOR,
    INITIATIEVEN,
    ONDERSTEUNT,
    PARTNERS,
    PASSWORD,
    RELATIES,
    SEED,
    SLUG,
    STATUSGESCHIEDENIS,
    SUCCESSEN,
    TEAMS,
    TREKKERS_NODIG,
    USERS,
    VOORKEUREN,
)
from .overleg import schedule_overleg
from .privacy import schedule_grondslagen
from .story import Story
from .verslag import schedule_kansen


@transaction.atomic
def build_demo(reset=False):
    """Build the demo buurt unless it has actors already; always ensure the demo users.

    Returns the buurt and whether it was built now.
    """
    if reset:
        # The deletions need no timeline entries, and the buurt's timeline goes with it now
        # (buurt.tijdlijn.forget_buurt would only do that once everything commits).
        with disable_auditlog():
            Wijziging.objects.filter(buurt__slug=SLUG).delete()
            Buurt.objects.filter(slug=SLUG).delete()
    buurt, _ = Buurt.objects.get_or_create(slug=SLUG, defaults=BUURT)
    built = not Actor.objects.in_buurt(buurt).exists()
    users = ensure_users(buurt)
    if built:
        build(buurt, users["coordinator"])
    return buurt, built


def ensure_users(buurt):
    """Create the demo users if they are missing (never touch an existing password)."""
    User = get_user_model()
    users = {}
    for username, first_name, last_name, rol in USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username=username, password=PASSWORD, first_name=first_name, last_name=last_name
            )
        Rol.objects.update_or_create(user=user, buurt=buurt, defaults={"rol": rol})
        users[username] = user
    return users


def build(buurt, coordinator):
    """Schedule the year of the buurt on a Story and play it, oldest first."""
    rng = random.Random(SEED)
    now = timezone.now()
    today = timezone.localdate(now)
    story = Story(buurt, rng, now)
    me = {"door": coordinator}  # the coordinator makes most of the writes

    def day(days_ago):
        return today - timedelta(days=days_ago)

    def start():
        buurt.gestart_op = day(365)
        buurt.save(update_fields=["gestart_op"])

    story.at(365, start, **me)
    actoren, known = {}, {}
    for key, naam, soort, sector, omschrijving, door in ACTOREN:
        # The year the buurt grew: who was introduced got known some weeks after the introducer.
        known[key] = max(0, known[door] - rng.randint(5, 45)) if door else 365

        def actor(key=key, naam=naam, soort=soort, sector=sector, text=omschrijving, door=door):
            actoren[key] = Actor.objects.create(
                buurt=buurt, naam=naam, soort=soort, sector=sector, omschrijving=text,
                aangebracht_door=actoren[door] if door else None,
            )  # fmt: skip

        story.at(known[key], actor, **me)

    partners, partner_day = {}, {}
    for key, contactpersoon, historiek in PARTNERS:
        partner_day[key] = min(historiek[0][0], known[key])

        def partner(key=key, contactpersoon=contactpersoon, sinds=historiek[0][0]):
            partners[key] = Partner.objects.create(
                actor=actoren[key], contactpersoon=contactpersoon, partner_sinds=day(sinds)
            )

        story.at(partner_day[key], partner, **me)
        for ago, niveau, notitie in historiek:

            def rate(key=key, niveau=niveau, ago=ago, notitie=notitie):
                Enthousiasme.objects.create(
                    partner=partners[key], niveau=niveau, datum=day(ago), notitie=notitie,
                    door=coordinator,
                )  # fmt: skip

            story.at(min(ago, partner_day[key]), rate, **me)

    activiteiten, activiteit_day = {}, {}
    for key, naam, orgs, doelgroep, thema, freq, begin, stop, omschrijving in ACTIVITEITEN:
        recorded = activiteit_day[key] = min(begin, *(known[k] for k in orgs))
        stopped_before = stop is not None and stop >= recorded

        def activiteit(key=key, naam=naam, orgs=orgs, doelgroep=doelgroep, thema=thema,
                       freq=freq, begin=begin, stop=stop if stopped_before else None,
                       omschrijving=omschrijving):  # fmt: skip
            activiteiten[key] = Activiteit.objects.create(
                buurt=buurt, naam=naam, omschrijving=omschrijving, doelgroep=doelgroep,
                thema=thema, frequentie=freq, loopt=stop is None, gestart_op=day(begin),
                gestopt_op=day(stop) if stop is not None else None,
            )  # fmt: skip
            activiteiten[key].organisatoren.set([actoren[k] for k in orgs])

        story.at(recorded, activiteit, **me)
        if stop is not None and not stopped_before:

            def stops(key=key, stop=stop):
                activiteiten[key].loopt = False
                activiteiten[key].gestopt_op = day(stop)
                activiteiten[key].save(update_fields=["loopt", "gestopt_op"])

            story.at(stop, stops, **me)

    initiatieven, idee_day = {}, {}
    for key, naam, soort, trekkers, basis, doel, schaal in INITIATIEVEN:
        (idee, _idee, _reden), *changes = STATUSGESCHIEDENIS[key]
        idee_day[key] = min(
            idee, *(known[k] for k in trekkers), *(activiteit_day[k] for k in basis)
        )

        def initiatief(key=key, naam=naam, soort=soort, trekkers=trekkers, basis=basis,
                       doel=doel, schaal=schaal or ("", ""), idee=idee):  # fmt: skip
            initiatieven[key] = create_initiatief(
                buurt, naam=naam, soort=soort, doel=doel,
                bouwt_voort_op=[activiteiten[k] for k in basis],
                trekkers=[actoren[k] for k in trekkers], door=coordinator,
                schaal_antwoord=schaal[0], schaal_toelichting=schaal[1],
                trekkers_nodig=TREKKERS_NODIG.get(key, ""), gestart_door=GESTART_DOOR.get(key, ""),
            )  # fmt: skip
            # The idea was noted on its day, not today.
            initiatieven[key].statuswijzigingen.update(datum=day(idee))

        story.at(idee_day[key], initiatief, **me)
        for ago, status, reden in changes:

            def change(key=key, status=status, ago=ago, reden=reden):
                change_status(
                    initiatieven[key], status=status, datum=day(ago), reden=reden, door=coordinator
                )

            story.at(min(ago, idee_day[key]), change, **me)
    for key, ondersteund in ONDERSTEUNT.items():

        def supports(key=key, ondersteund=ondersteund):
            initiatieven[key].ondersteunt.set([initiatieven[k] for k in ondersteund])

        story.at(min(idee_day[k] for k in (key, *ondersteund)), supports, **me)

    for bron, wat, sinds, tot in BELEIDSVERWACHTINGEN:
        recorded = min(sinds, 365)
        ended_before = tot is not None and tot >= recorded
        verwachting = {}

        def expect(bron=bron, wat=wat, sinds=sinds, tot=tot if ended_before else None,
                   verwachting=verwachting):  # fmt: skip
            verwachting["obj"] = Beleidsverwachting.objects.create(
                buurt=buurt, bron=bron, wat=wat, sinds=day(sinds), tot=day(tot) if tot else None
            )

        story.at(recorded, expect, **me)
        if tot is not None and not ended_before:

            def ends(tot=tot, verwachting=verwachting):
                verwachting["obj"].tot = day(tot)
                verwachting["obj"].save(update_fields=["tot"])

            story.at(tot, ends, **me)

    teams, team_day = schedule_teams(
        story, day, coordinator, initiatieven, idee_day, partners, partner_day
    )
    schedule_voorkeuren(story, day, coordinator, partners, partner_day, teams, team_day)
    schedule_relaties(story, day, buurt, actoren, known, me)
    for titel, ago, keys, init, beschrijving in SUCCESSEN:
        recorded = min(ago, *(partner_day[k] for k in keys), *([idee_day[init]] if init else []))

        def succes(titel=titel, ago=ago, keys=keys, init=init, beschrijving=beschrijving):
            made = Succes.objects.create(
                buurt=buurt, titel=titel, beschrijving=beschrijving, datum=day(ago),
                initiatief=initiatieven[init] if init else None,
            )  # fmt: skip
            made.partners.set([partners[k] for k in keys])

        story.at(recorded, succes, **me)

    schedule_aandacht(story, day, buurt, coordinator, actoren, partners, teams)
    schedule_overleg(story, day, buurt, coordinator, partners, teams)
    schedule_kansen(story, day, buurt, coordinator)
    schedule_grondslagen(story, day, coordinator, actoren, known)
    created = story.run()
    date_the_objects(created)
    tellingen.herbereken(buurt)  # the dates just moved back, without signals


def schedule_teams(story, day, coordinator, initiatieven, idee_day, partners, partner_day):
    me = {"door": coordinator}
    teams, team_day = {}, {}
    for init, naam, doel, samen, hoe, autonoom, werkwijze, huidig, nodig, deelnames in TEAMS:
        team_day[naam] = min(huidig[0][0], idee_day[init])

        def team(init=init, naam=naam, doel=doel, samen=samen, hoe=hoe, autonoom=autonoom,
                 werkwijze=werkwijze):  # fmt: skip
            teams[naam] = Team.objects.create(
                initiatief=initiatieven[init], naam=naam, doel=doel, beslist_samen=samen,
                besluitvorming=hoe, beslist_autonoom=autonoom, autonomie=werkwijze,
            )  # fmt: skip

        story.at(team_day[naam], team, **me)
        for soort, history in (
            (Teamintensiteit.Soort.HUIDIG, huidig),
            (Teamintensiteit.Soort.NODIG, nodig),
        ):
            for ago, intensiteit in history:

                def intensity(naam=naam, soort=soort, intensiteit=intensiteit, ago=ago):
                    Teamintensiteit.objects.create(
                        team=teams[naam], soort=soort, intensiteit=intensiteit, datum=day(ago),
                        door=coordinator,
                    )  # fmt: skip

                story.at(min(ago, team_day[naam]), intensity, **me)
        for key, niveau, needed, middelen, joined, left in deelnames:
            lid = {}

            def join(naam=naam, key=key, niveau=niveau, needed=needed, middelen=middelen,
                     joined=joined, lid=lid):  # fmt: skip
                lid["obj"] = Deelname.objects.create(
                    team=teams[naam], partner=partners[key], participatieniveau=niveau,
                    nodig=needed, middelen=middelen, toegetreden_op=day(joined),
                )  # fmt: skip

            story.at(min(joined, team_day[naam], partner_day[key]), join, **me)
            if left is not None:

                def leave(left=left, lid=lid):
                    lid["obj"].vertrokken_op = day(left)
                    lid["obj"].einde = Deelname.Einde.VERTROKKEN
                    lid["obj"].save(update_fields=["vertrokken_op", "einde"])

                story.at(left, leave, **me)
    return teams, team_day


def schedule_voorkeuren(story, day, coordinator, partners, partner_day, teams, team_day):
    for key, team, niveau, middelen, bron, ago, notitie in VOORKEUREN:
        after = [partner_day[key]] + ([team_day[team]] if team else [])

        def prefer(key=key, team=team, niveau=niveau, middelen=middelen, bron=bron, ago=ago,
                   notitie=notitie):  # fmt: skip
            # Through a personal link the partner writes themselves; with an account too, but
            # the demo has no partner accounts, so those entries name no one.
            by_link = bron == Voorkeur.Bron.PARTNERLINK
            with namens(partners[key].actor) if by_link else nullcontext():
                Voorkeur.objects.create(
                    partner=partners[key], team=teams[team] if team else None,
                    participatieniveau=niveau, middelen=middelen, bron=bron,
                    door=coordinator if bron == Voorkeur.Bron.COORDINATOR else None,
                    datum=timezone.make_aware(datetime.combine(day(ago), time(12))),
                    notitie=notitie,
                )  # fmt: skip

        by_coordinator = bron == Voorkeur.Bron.COORDINATOR
        story.at(min(ago, *after), prefer, door=coordinator if by_coordinator else None)


def schedule_relaties(story, day, buurt, actoren, known, me):
    for van, naar, intensiteit, since, until, notitie in RELATIES:
        recorded = min(since, known[van], known[naar])
        ended_before = until is not None and until >= recorded
        relatie = {}

        def link(van=van, naar=naar, intensiteit=intensiteit, since=since, notitie=notitie,
                 until=until if ended_before else None, relatie=relatie):  # fmt: skip
            relatie["obj"] = Relatie.objects.create(
                buurt=buurt, van=actoren[van], naar=actoren[naar], intensiteit=intensiteit,
                sinds=day(since), tot=day(until) if until is not None else None, notitie=notitie,
            )  # fmt: skip

        story.at(recorded, link, **me)
        if until is not None and not ended_before:

            def ends(until=until, relatie=relatie):
                relatie["obj"].tot = day(until)
                relatie["obj"].save(update_fields=["tot"])

            story.at(until, ends, **me)


def date_the_objects(created):
    """Give what was created the moment its timeline entry says (auto_now_add said today)."""
    for (content_type_id, pk), moment in created.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if any(field.name == "aangemaakt_op" for field in model._meta.concrete_fields):
            model._base_manager.filter(pk=pk).update(aangemaakt_op=moment)


def summary(buurt, built):
    counts = {
        "actoren": Actor.objects.in_buurt(buurt).count(),
        "partners": Partner.objects.in_buurt(buurt).count(),
        "activiteiten": Activiteit.objects.in_buurt(buurt).count(),
        "initiatieven": Initiatief.objects.in_buurt(buurt).count(),
        "teams": Team.objects.in_buurt(buurt).count(),
        "relaties": Relatie.objects.in_buurt(buurt).count(),
        "successen": Succes.objects.in_buurt(buurt).count(),
    }
    state = "opgebouwd" if built else "bestond al, enkel gebruikers en rollen nagekeken"
    lines = [f"Demobuurt '{buurt.naam}' ({buurt.slug}) {state}."]
    lines.append(", ".join(f"{n} {label}" for label, n in counts.items()) + ".")
    lines.append(f"Inloggen als coordinator / {PASSWORD} of onderzoeker / {PASSWORD}.")
    return "\n".join(lines)
