"""Build the demo buurt from demodata.demo.data, with its users and their roles."""

import random
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from buurt.models import Actor, Beleidsverwachting, Buurt, Relatie, Rol
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
    SUCCESSEN,
    TEAMS,
    TREKKERS_NODIG,
    USERS,
    VOORKEUREN,
)


@transaction.atomic
def build_demo(reset=False):
    """Build the demo buurt unless it has actors already; always ensure the demo users.

    Returns the buurt and whether it was built now.
    """
    if reset:
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
    rng = random.Random(SEED)
    today = timezone.localdate()

    def day(days_ago):
        return today - timedelta(days=days_ago)

    def moment(days_ago):
        hour = rng.randint(9, 17)
        return timezone.make_aware(datetime.combine(day(days_ago), time(hour, rng.randint(0, 59))))

    buurt.gestart_op = day(365)
    buurt.save(update_fields=["gestart_op"])

    actoren, known = {}, {}
    for key, naam, soort, sector, omschrijving, door in ACTOREN:
        actoren[key] = Actor.objects.create(
            buurt=buurt,
            naam=naam,
            soort=soort,
            sector=sector,
            omschrijving=omschrijving,
            aangebracht_door=actoren[door] if door else None,
        )
        # The year the buurt grew: who was introduced got known some weeks after the introducer.
        known[key] = max(0, known[door] - rng.randint(5, 45)) if door else 365
        actoren[key].aangemaakt_op = moment(known[key])
    # auto_now_add fields ignore values given to create(); bulk_update sets them as given.
    Actor.objects.bulk_update(actoren.values(), ["aangemaakt_op"])

    partners = {}
    for key, contactpersoon, historiek in PARTNERS:
        partners[key] = Partner.objects.create(
            actor=actoren[key], contactpersoon=contactpersoon, partner_sinds=day(historiek[0][0])
        )
        Enthousiasme.objects.bulk_create(
            Enthousiasme(
                partner=partners[key], niveau=niveau, datum=day(ago), notitie=notitie,
                door=coordinator,
            )
            for ago, niveau, notitie in historiek
        )  # fmt: skip

    activiteiten = {}
    for key, naam, orgs, doelgroep, thema, freq, start, stop, omschrijving in ACTIVITEITEN:
        activiteit = Activiteit.objects.create(
            buurt=buurt,
            naam=naam,
            omschrijving=omschrijving,
            doelgroep=doelgroep,
            thema=thema,
            frequentie=freq,
            loopt=stop is None,
            gestart_op=day(start),
            gestopt_op=day(stop) if stop is not None else None,
        )
        activiteit.organisatoren.set([actoren[k] for k in orgs])
        activiteiten[key] = activiteit

    initiatieven = {}
    for key, naam, soort, trekkers, basis, status, start, doel, schaal in INITIATIEVEN:
        antwoord, toelichting = schaal or ("", "")
        initiatief = Initiatief.objects.create(
            buurt=buurt,
            naam=naam,
            soort=soort,
            doel=doel,
            status=status,
            gestart_op=day(start) if start is not None else None,
            schaal_antwoord=antwoord,
            schaal_toelichting=toelichting,
            trekkers_nodig=TREKKERS_NODIG.get(key, ""),
            gestart_door=GESTART_DOOR.get(key, ""),
        )
        initiatief.trekkers.set([actoren[k] for k in trekkers])
        initiatief.bouwt_voort_op.set([activiteiten[k] for k in basis])
        initiatieven[key] = initiatief
    for key, ondersteund in ONDERSTEUNT.items():
        initiatieven[key].ondersteunt.set([initiatieven[k] for k in ondersteund])
    Beleidsverwachting.objects.bulk_create(
        Beleidsverwachting(
            buurt=buurt, bron=bron, wat=wat, sinds=day(sinds), tot=day(tot) if tot else None
        )
        for bron, wat, sinds, tot in BELEIDSVERWACHTINGEN
    )

    teams = {}
    for init, naam, doel, samen, hoe, autonoom, werkwijze, huidig, nodig, deelnames in TEAMS:
        team = Team.objects.create(
            initiatief=initiatieven[init],
            naam=naam,
            doel=doel,
            beslist_samen=samen,
            besluitvorming=hoe,
            beslist_autonoom=autonoom,
            autonomie=werkwijze,
        )
        Teamintensiteit.objects.bulk_create(
            Teamintensiteit(team=team, soort=soort, intensiteit=i, datum=day(ago), door=coordinator)
            for soort, history in (
                (Teamintensiteit.Soort.HUIDIG, huidig),
                (Teamintensiteit.Soort.NODIG, nodig),
            )
            for ago, i in history
        )
        Deelname.objects.bulk_create(
            Deelname(
                team=team,
                partner=partners[key],
                participatieniveau=niveau,
                nodig=nodig,
                middelen=middelen,
                toegetreden_op=day(joined),
                vertrokken_op=day(left) if left is not None else None,
            )
            for key, niveau, nodig, middelen, joined, left in deelnames
        )
        teams[naam] = team

    Voorkeur.objects.bulk_create(
        Voorkeur(
            partner=partners[key],
            team=teams[team] if team else None,
            participatieniveau=niveau,
            middelen=middelen,
            bron=bron,
            door=coordinator if bron == Voorkeur.Bron.COORDINATOR else None,
            datum=moment(ago),
            notitie=notitie,
        )
        for key, team, niveau, middelen, bron, ago, notitie in VOORKEUREN
    )

    Relatie.objects.bulk_create(
        Relatie(
            buurt=buurt,
            van=actoren[van],
            naar=actoren[naar],
            intensiteit=intensiteit,
            sinds=day(since),
            tot=day(until) if until is not None else None,
            notitie=notitie,
        )
        for van, naar, intensiteit, since, until, notitie in RELATIES
    )

    for titel, ago, keys, init, beschrijving in SUCCESSEN:
        succes = Succes.objects.create(
            buurt=buurt,
            titel=titel,
            beschrijving=beschrijving,
            datum=day(ago),
            initiatief=initiatieven[init] if init else None,
        )
        succes.partners.set([partners[k] for k in keys])


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
