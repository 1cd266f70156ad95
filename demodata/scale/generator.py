"""The synthetic rows of a scale buurt, handed to the writer table by table.

Rows are plain tuples with ids reserved up front, so a row can point at the rows it refers to
without reading them back.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from buurt.models import Actor, Relatie, Samenwerkingsintensiteit
from initiatieven.models import (
    Activiteit,
    Deelname,
    Initiatief,
    Statuswijziging,
    Succes,
    Team,
    Teamintensiteit,
    Voorkeur,
)
from partners.models import Enthousiasme, Partner

from .data import (
    ACHTERNAMEN,
    ACTIVITEITEN,
    BEROEPEN,
    BESLUITVORMING,
    BEW,
    BEWONER_TEKSTEN,
    ENTHOUSIASME,
    INITIATIEVEN,
    INTENSITEIT_GEWICHTEN,
    MIDDELEN,
    NIVEAUS,
    ORGANISATIES,
    PARTNER_SOORT_GEWICHTEN,
    PLAATSEN,
    PRO,
    SCHAAL,
    SOORT_GEWICHTEN,
    STATUS_REDENEN,
    STRATEN,
    SUCCESSEN,
    TEAMS,
    VER,
    VERENIGINGEN,
    VOORNAMEN,
)

ENDED = (Initiatief.Status.AFGEROND, Initiatief.Status.GESTOPT)


class Generator:
    def __init__(self, buurt, n, rng, writer):
        self.buurt = buurt
        self.n = n
        self.rng = rng
        self.writer = writer
        self.today = timezone.localdate()
        self.now = timezone.now()
        self.n_partners = max(3, round(n * 0.02))
        self.n_activiteiten = max(3, n // 100)
        self.n_initiatieven = max(3, n // 500)
        self.n_successen = max(3, n // 250)

    def day(self, days_ago):
        return self.today - timedelta(days=days_ago)

    def moment(self, days_ago):
        return timezone.make_aware(
            datetime.combine(self.day(days_ago), time(self.rng.randint(8, 19)))
        )

    def pick(self, weights):
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def person(self):
        return f"{self.rng.choice(VOORNAMEN)} {self.rng.choice(ACHTERNAMEN)}"

    def run(self):
        w = self.writer
        self.actor0 = w.reserve_ids(Actor, self.n)
        self.partner_index = sorted(self.rng.sample(range(self.n), self.n_partners))
        self.partner_soort = {}
        w.write(Actor, ACTOR_COLUMNS, self.actoren())
        self.partner0 = w.reserve_ids(Partner, self.n_partners)
        self.historiek = [self.enthousiasme_historiek() for _ in range(self.n_partners)]
        w.write(Partner, PARTNER_COLUMNS, self.partners())
        w.write(Enthousiasme, ENTHOUSIASME_COLUMNS, self.enthousiasme())
        w.write(Relatie, RELATIE_COLUMNS, self.relaties())
        self.activiteit0 = w.reserve_ids(Activiteit, self.n_activiteiten)
        w.write(Activiteit, ACTIVITEIT_COLUMNS, self.activiteiten())
        w.write(
            Activiteit.organisatoren.through, ["activiteit_id", "actor_id"], self.organisatoren()
        )
        self.initiatief0 = w.reserve_ids(Initiatief, self.n_initiatieven)
        self.initiatieven_data = [self.initiatief(i) for i in range(self.n_initiatieven)]
        w.write(Initiatief, INITIATIEF_COLUMNS, (row for row, _ in self.initiatieven_data))
        w.write(Statuswijziging, STATUSWIJZIGING_COLUMNS, self.statuswijzigingen())
        w.write(Initiatief.trekkers.through, ["initiatief_id", "actor_id"], self.trekkers())
        w.write(
            Initiatief.bouwt_voort_op.through,
            ["initiatief_id", "activiteit_id"],
            self.bouwt_voort_op(),
        )
        self.teams_data = self.teams_plan()
        self.team0 = w.reserve_ids(Team, len(self.teams_data))
        w.write(Team, TEAM_COLUMNS, self.teams())
        w.write(Teamintensiteit, TEAMINTENSITEIT_COLUMNS, self.teamintensiteiten())
        self.deelnames_data = list(self.deelnames())
        w.write(Deelname, DEELNAME_COLUMNS, self.deelnames_data)
        w.write(Voorkeur, VOORKEUR_COLUMNS, self.voorkeuren())
        self.succes0 = w.reserve_ids(Succes, self.n_successen)
        self.successen_partners = []
        w.write(Succes, SUCCES_COLUMNS, self.successen())
        w.write(Succes.partners.through, ["succes_id", "partner_id"], self.successen_partners)

    def actoren(self):
        rng, n, buurt_id = self.rng, self.n, self.buurt.pk
        partners = set(self.partner_index)
        start = self.now - timedelta(days=365)
        for i in range(n):
            is_partner = i in partners
            soort = self.pick(PARTNER_SOORT_GEWICHTEN if is_partner else SOORT_GEWICHTEN)
            if is_partner:
                self.partner_soort[i] = soort
            if soort == BEW:
                naam = self.person()
                sector = "buurt"
                omschrijving = rng.choice(BEWONER_TEKSTEN).format(straat=rng.choice(STRATEN))
            elif soort == PRO:
                naam = self.person()
                beroep, sector = rng.choice(BEROEPEN)
                omschrijving = f"{beroep} in de wijk."
            else:
                soort_naam, sector, omschrijving = rng.choice(
                    VERENIGINGEN if soort == VER else ORGANISATIES
                )
                naam = f"{soort_naam} {rng.choice(PLAATSEN)}"
            door = self.actor0 + rng.randrange(i) if i and rng.random() < 0.75 else None
            # Actors become known over the year in id order: introducers come first.
            moment = start + timedelta(days=365 * i / n, minutes=rng.randrange(600))
            yield (
                self.actor0 + i, buurt_id, naam, soort, sector, omschrijving, "", "", "",
                door, moment, moment, "", "", "",
            )  # fmt: skip

    def enthousiasme_historiek(self):
        """A year of assessments that mostly grows: geen -> vonk -> vuur, sometimes back."""
        rng = self.rng
        k = rng.randint(2, 6)
        days = sorted(rng.sample(range(31, 366), k - 1), reverse=True) + [rng.randint(0, 30)]
        level = rng.choices((0, 1, 2), weights=(50, 40, 10))[0]
        historiek = []
        for ago in days:
            historiek.append((ago, ENTHOUSIASME[level]))
            step = rng.random()
            level = min(2, level + 1) if step < 0.35 else max(0, level - 1) if step > 0.9 else level
        return historiek

    def partners(self):
        for j, i in enumerate(self.partner_index):
            contact = "" if self.partner_soort[i] == BEW else self.person()
            sinds = self.day(self.historiek[j][0][0])
            yield (self.partner0 + j, self.actor0 + i, contact, None, sinds)

    def enthousiasme(self):
        for j, historiek in enumerate(self.historiek):
            for ago, niveau in historiek:
                yield (self.partner0 + j, niveau, self.day(ago), "", None, self.moment(ago))

    def relaties(self):
        rng, buurt_id = self.rng, self.buurt.pk
        intensiteiten = Samenwerkingsintensiteit.values
        for i in range(1, self.n):
            if rng.random() >= 0.3:
                continue
            since = rng.randint(30, 1500)
            until = rng.randint(0, since - 1) if rng.random() < 0.15 else None
            yield (
                buurt_id,
                self.actor0 + i,
                self.actor0 + rng.randrange(i),
                rng.choices(intensiteiten, weights=INTENSITEIT_GEWICHTEN)[0],
                self.day(since),
                self.day(until) if until is not None else None,
                "",
            )

    def partner_actor(self):
        return self.actor0 + self.rng.choice(self.partner_index)

    def activiteiten(self):
        rng, buurt_id = self.rng, self.buurt.pk
        for k in range(self.n_activiteiten):
            naam, doelgroep, thema, frequentie = rng.choice(ACTIVITEITEN)
            start = rng.randint(60, 3000)
            stop = rng.randint(0, min(start, 700)) if rng.random() < 0.15 else None
            yield (
                self.activiteit0 + k, buurt_id, f"{naam} {rng.choice(PLAATSEN)}", "",
                doelgroep, thema, frequentie, stop is None, self.day(start),
                self.day(stop) if stop is not None else None, self.moment(rng.randint(0, 365)),
            )  # fmt: skip

    def organisatoren(self):
        rng = self.rng
        for k in range(self.n_activiteiten):
            organisers = {self.partner_actor()}
            for _ in range(rng.randint(0, 2)):
                organisers.add(self.actor0 + rng.randrange(self.n))
            for actor in sorted(organisers):
                yield (self.activiteit0 + k, actor)

    def initiatief(self, k):
        rng = self.rng
        soort_index = k if k < 3 else rng.choices((0, 1, 2), weights=(50, 30, 20))[0]
        naam, doel = rng.choice(INITIATIEVEN[soort_index])
        status = rng.choices(Initiatief.Status.values, weights=(25, 50, 5, 8, 12))[0]
        start = rng.randint(30, 700) if status != "idee" else None
        # An idea is recorded some weeks before it starts; stopping or finishing dates its end.
        created = start + rng.randint(7, 60) if start is not None else rng.randint(1, 365)
        done = rng.randint(0, start - 1) if status in ENDED else None
        antwoord, toelichting = rng.choice(SCHAAL) if soort_index == 2 else ("", "")
        trekkers = {self.partner_actor() for _ in range(rng.randint(1, 2))}
        basis = set()
        if rng.random() < 0.6:
            basis = {self.activiteit0 + rng.randrange(self.n_activiteiten) for _ in range(2)}
        row = (
            self.initiatief0 + k, self.buurt.pk, f"{naam} {rng.choice(PLAATSEN)}",
            Initiatief.Soort.values[soort_index], doel, antwoord, toelichting, status,
            self.day(start) if start is not None else None,
            self.day(done) if done is not None else None, self.moment(created),
        )  # fmt: skip
        return row, (sorted(trekkers), sorted(basis))

    def statuswijzigingen(self):
        """Each initiative's history: an idea first, then its current status (unless that is
        still the idea), so that the latest record is always Initiatief.status."""
        rng = self.rng
        for row, _ in self.initiatieven_data:
            initiatief, status, gestart, afgerond, aangemaakt = row[0], *row[7:11]
            yield (initiatief, "idee", aangemaakt.date(), "", None, aangemaakt)
            if status == "idee":
                continue
            if status == "loopt":
                datum, reden = gestart, ""
            elif status in ENDED:
                datum, reden = afgerond, rng.choice(STATUS_REDENEN[status])
            else:
                ago = rng.randint(0, (self.today - gestart).days - 1)
                datum, reden = self.day(ago), rng.choice(STATUS_REDENEN[status])
            yield (initiatief, status, datum, reden, None, self.moment((self.today - datum).days))

    def trekkers(self):
        for row, (trekkers, _) in self.initiatieven_data:
            for actor in trekkers:
                yield (row[0], actor)

    def bouwt_voort_op(self):
        for row, (_, basis) in self.initiatieven_data:
            for activiteit in basis:
                yield (row[0], activiteit)

    def teams_plan(self):
        plan = []
        for k, (row, _) in enumerate(self.initiatieven_data):
            teams = 1 if k == 0 or self.rng.random() < 0.7 else 0
            teams += self.rng.random() < 0.2
            plan += [(row[0], row[2], row[4])] * teams
        return plan

    def teams(self):
        rng = self.rng
        for t, (initiatief, naam, doel) in enumerate(self.teams_data):
            samen = rng.random() < 0.6
            yield (
                self.team0 + t, initiatief, f"{rng.choice(TEAMS)} {naam}", doel, samen,
                BESLUITVORMING[0 if samen else rng.randint(1, 2)], self.moment(rng.randint(0, 365)),
            )  # fmt: skip

    def teamintensiteiten(self):
        rng = self.rng
        for t in range(len(self.teams_data)):
            level = rng.randint(0, 2)
            days = sorted(rng.sample(range(0, 365), rng.randint(1, 3)), reverse=True)
            for ago in days:
                yield (self.team0 + t, Samenwerkingsintensiteit.values[level], self.day(ago), None)
                level = min(5, level + rng.randint(0, 1))

    def deelnames(self):
        rng = self.rng
        for t in range(len(self.teams_data)):
            size = min(self.n_partners, rng.randint(3, 6))
            for j in sorted(rng.sample(range(self.n_partners), size)):
                joined = rng.randint(20, 365)
                left = rng.randint(0, joined - 1) if rng.random() < 0.1 else None
                yield (
                    self.team0 + t, self.partner0 + j, rng.choice(NIVEAUS), rng.random() < 0.85,
                    sorted(rng.sample(MIDDELEN, rng.randint(0, 3))), self.day(joined),
                    self.day(left) if left is not None else None,
                )  # fmt: skip

    def voorkeuren(self):
        """Preferences that differ from what was agreed, per team and in general."""
        rng = self.rng
        bronnen = Voorkeur.Bron.values
        for team, partner, niveau, *_ in self.deelnames_data:
            if rng.random() < 0.3:
                rank = NIVEAUS.index(niveau)
                other = rng.choice([r for r in range(len(NIVEAUS)) if r != rank])
                yield self.voorkeur(partner, team, NIVEAUS[other], rng.choice(bronnen))
        for j in range(self.n_partners):
            if rng.random() < 0.25:
                yield self.voorkeur(self.partner0 + j, None, rng.choice(NIVEAUS), "coordinator")

    def voorkeur(self, partner, team, niveau, bron):
        middelen = sorted(self.rng.sample(MIDDELEN, self.rng.randint(0, 3)))
        return (
            partner,
            team,
            niveau,
            middelen,
            "",
            bron,
            None,
            self.moment(self.rng.randint(0, 365)),
        )

    def successen(self):
        rng = self.rng
        for k in range(self.n_successen):
            ago = rng.randint(0, 365)
            initiatief = (
                self.initiatief0 + rng.randrange(self.n_initiatieven)
                if rng.random() < 0.4
                else None
            )
            for j in sorted(set(rng.sample(range(self.n_partners), rng.randint(1, 3)))):
                self.successen_partners.append((self.succes0 + k, self.partner0 + j))
            yield (
                self.succes0 + k, self.buurt.pk, rng.choice(SUCCESSEN), "", self.day(ago),
                initiatief, self.moment(ago),
            )  # fmt: skip


ACTOR_COLUMNS = [
    "id", "buurt_id", "naam", "soort", "sector", "omschrijving", "email", "telefoon", "adres",
    "aangebracht_door_id", "aangemaakt_op", "gewijzigd_op",
    # The legal basis (privacy) is not recorded for synthetic people: COPY needs its columns.
    "grondslag", "grondslag_toelichting", "toestemming_hoe",
]  # fmt: skip
PARTNER_COLUMNS = ["id", "actor_id", "contactpersoon", "user_id", "partner_sinds"]
ENTHOUSIASME_COLUMNS = ["partner_id", "niveau", "datum", "notitie", "door_id", "aangemaakt_op"]
RELATIE_COLUMNS = ["buurt_id", "van_id", "naar_id", "intensiteit", "sinds", "tot", "notitie"]
ACTIVITEIT_COLUMNS = [
    "id", "buurt_id", "naam", "omschrijving", "doelgroep", "thema", "frequentie", "loopt",
    "gestart_op", "gestopt_op", "aangemaakt_op",
]  # fmt: skip
INITIATIEF_COLUMNS = [
    "id", "buurt_id", "naam", "soort", "doel", "schaal_antwoord", "schaal_toelichting",
    "status", "gestart_op", "afgerond_op", "aangemaakt_op",
]  # fmt: skip
STATUSWIJZIGING_COLUMNS = ["initiatief_id", "status", "datum", "reden", "door_id", "aangemaakt_op"]
TEAM_COLUMNS = [
    "id", "initiatief_id", "naam", "doel", "beslist_samen", "besluitvorming", "aangemaakt_op",
]  # fmt: skip
TEAMINTENSITEIT_COLUMNS = ["team_id", "intensiteit", "datum", "door_id"]
DEELNAME_COLUMNS = [
    "team_id", "partner_id", "participatieniveau", "nodig", "middelen", "toegetreden_op",
    "vertrokken_op",
]  # fmt: skip
VOORKEUR_COLUMNS = [
    "partner_id", "team_id", "participatieniveau", "middelen", "notitie", "bron", "door_id",
    "datum",
]  # fmt: skip
SUCCES_COLUMNS = ["id", "buurt_id", "titel", "beschrijving", "datum", "initiatief_id",
                  "aangemaakt_op"]  # fmt: skip
