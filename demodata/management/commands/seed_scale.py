"""Fill one buurt with N synthetic actors and proportional history, for load and scale tests.

Rows are generated as plain tuples with ids reserved up front, so the whole buurt streams into
the database in chunks: COPY on PostgreSQL, executemany elsewhere. Memory stays bounded by the
chunk size plus the small lists of partners, activities, initiatives and teams.
"""

import json
import random
import time as clock
from datetime import datetime, time, timedelta
from itertools import islice

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction
from django.utils import timezone

from buurt.models import Actor, Buurt, Relatie, Rol, Samenwerkingsintensiteit
from initiatieven.models import (
    Activiteit,
    Deelname,
    Initiatief,
    Middel,
    Participatieniveau,
    Succes,
    Team,
    Teamintensiteit,
    Voorkeur,
)
from partners.models import Enthousiasme, Partner

VOORNAMEN = (  # noqa: SIM905 - word lists read better as text
    "Jan Piet Jef Luc Marc Dirk Koen Tom Bart Wim Stijn Pieter Jens Lucas Noah Arthur Louis "
    "Mohamed Karim Youssef Ahmed Mehmet Emre Olek Andrei Maria Anna Els Ann Rita Hilde Greet "
    "Veerle Sofie Lies Lotte Emma Olivia Marie Louise Nora Fatima Yasmina Amina Leila Olena "
    "Irina Godelieve Jeanne Simonne Josée Ria Linda Kristel Nathalie Elke Inge Katrien Tine "
    "Ward Robbe Seppe Lander Femke Jolien Ilse"
).split()
ACHTERNAMEN = (
    "Peeters Janssens Maes Jacobs Mertens Willems Claes Goossens Wouters De_Smet Dubois "
    "Lambert Dupont Hermans Aerts Lenaerts Van_den_Broeck Verhaegen Smets Van_Dyck Wuyts "
    "Vermeulen Cools Michiels Vandenberghe De_Clercq Leysen Thijs Van_Loock Dierckx Bouzid "
    "El_Amrani Azzouzi Benali Ait_Lahcen Yilmaz Kaya Kovalenko Nowak Popescu Verbeeck "
    "Geerts Van_Hove Vanhoutte Coppens Martens Hendrickx Schepers Bogaerts Segers Verstraete "
    "De_Backer Stevens Nijs Pauwels Engelen Cuypers Luyten"
)
ACHTERNAMEN = [naam.replace("_", " ") for naam in ACHTERNAMEN.split()]
PLAATSEN = (  # noqa: SIM905
    "De Linde|Sint-Jozef|Kouterveld|Ter Heide|'t Pleintje|De Vlasbloem|Molenhoek|Zavelberg|"
    "De Kaai|Ter Beke|Hoogstraat|Lindeplein|De Spoel|Sint-Maarten|Vogelzang|De Wilg|Bergske|"
    "Ter Dreef|Het Anker|De Brug|Zonnewijk|Rozenhof|De Kouter|Kerkveld|Nieuwland|Ten Bos|"
    "Meersen|De Bron|Hof ter Linden|Sterrenwijk"
).split("|")
STRATEN = (  # noqa: SIM905
    "Lijsterstraat|Merelstraat|Vinkenlaan|Kerkstraat|Molenstraat|Schoolstraat|Stationsstraat|"
    "Lindelaan|Kouterweg|Heidestraat|Beekstraat|Dorpsstraat|Vlasplein|Meersstraat"
).split("|")
BEWONER_TEKSTEN = (
    "Woont in de {straat}.",
    "Woont alleen in de {straat}; komt graag naar activiteiten.",
    "Mantelzorger voor een ouder, woont in de {straat}.",
    "Gepensioneerd, kent veel mensen in de {straat}.",
    "Jong gezin, sinds kort in de {straat}.",
    "Helpt als vrijwilliger bij activiteiten in de buurt.",
    "Nieuw in België, woont in de {straat}.",
)
# (beroep, sector)
BEROEPEN = (
    ("Huisarts", "zorg"),
    ("Thuisverpleegkundige", "zorg"),
    ("Kinesitherapeut", "zorg"),
    ("Maatschappelijk werker", "welzijn"),
    ("Buurtwerker", "welzijn"),
    ("Zorgcoördinator op school", "onderwijs"),
    ("Jeugdwerker", "jeugd"),
    ("Wijkinspecteur", "bestuur"),
    ("Apotheker", "zorg"),
    ("Gezinszorger", "zorg"),
)
# (soort vereniging, sector, omschrijving)
VERENIGINGEN = (
    ("Buurtcomité", "buurt", "Organiseert het buurtfeest en komt op voor de wijk."),
    ("Okra", "welzijn", "Seniorenvereniging met kaartnamiddagen en uitstappen."),
    ("Femma", "cultuur", "Vrouwenbeweging: kookavonden, breicafé en lezingen."),
    ("KWB", "buurt", "Gezinsbeweging met petanque en fietstochten."),
    ("Chiro", "jeugd", "Jeugdbeweging, elke zondag."),
    ("Scouts", "jeugd", "Scoutsgroep met eigen lokaal."),
    ("Gezinsbond", "welzijn", "Kinderoppasdienst en tweedehandsbeurs."),
    ("Fanfare", "cultuur", "Speelt op feesten en jaarmarkten."),
    ("Toneelkring", "cultuur", "Twee voorstellingen per jaar in de parochiezaal."),
    ("Voetbalclub", "sport", "Jeugd- en zaalvoetbal."),
    ("Wandelclub", "sport", "Wekelijkse wandeling voor alle leeftijden."),
    ("Repair Café", "buurt", "Vrijwilligers herstellen fietsen, kleren en toestellen."),
    ("Moestuingroep", "buurt", "Samen tuinieren, de oogst wordt gedeeld."),
    ("Parochie", "levensbeschouwing", "Stelt zaal en tuin ter beschikking."),
    ("Vzw Samen Thuis", "welzijn", "Taalcafé en huiswerkbegeleiding voor nieuwkomers."),
)
ORGANISATIES = (
    ("Woonzorgcentrum", "zorg", "Woonzorgcentrum met open cafetaria."),
    ("Basisschool", "onderwijs", "Wijkschool met veel anderstalige gezinnen."),
    ("Huisartsenpraktijk", "zorg", "Groepspraktijk met drie huisartsen."),
    ("Apotheek", "zorg", "Buurtapotheek die ook aan huis levert."),
    ("Lokaal dienstencentrum", "welzijn", "Ontmoeting en maaltijden voor senioren."),
    ("Kinderopvang", "jeugd", "Inkomensgerelateerde kinderopvang."),
    ("Bibliotheek", "cultuur", "Filiaal met leestafel en computers."),
    ("Bakkerij", "handel", "Bakker op de hoek."),
    ("Wijkgezondheidscentrum", "zorg", "Huisartsen, verpleging en kine onder één dak."),
    ("Thuiszorgdienst", "zorg", "Gezinszorg en poetshulp aan huis."),
    ("Sociaal Huis", "welzijn", "Lokaal loket voor welzijn en zorg."),
    ("Jeugdhuis", "jeugd", "Ontmoetingsplek voor jongeren."),
    ("Woonmaatschappij", "wonen", "Verhuurt sociale woningen in de wijk."),
    ("Café", "handel", "Buurtcafé waar veel verenigingen vergaderen."),
)
# (naam, doelgroep, thema, frequentie)
ACTIVITEITEN = (
    ("Soepbar", "senioren", "eenzaamheid", "wekelijks"),
    ("Buurtfeest", "iedereen", "ontmoeting", "jaarlijks"),
    ("Taalcafé", "nieuwkomers", "ontmoeting", "wekelijks"),
    ("Huiswerkklas", "kinderen", "armoede", "wekelijks"),
    ("Repair Café", "iedereen", "armoede", "maandelijks"),
    ("Wandelgroep", "senioren", "gezondheid", "wekelijks"),
    ("Moestuin", "iedereen", "groen", "doorlopend"),
    ("Breicafé", "senioren", "ontmoeting", "wekelijks"),
    ("Buurtbus", "senioren", "mobiliteit", "doorlopend"),
    ("Mantelzorgcafé", "mantelzorgers", "zorg", "maandelijks"),
    ("Speelstraat", "gezinnen", "ontmoeting", "jaarlijks"),
    ("Kledingruil", "gezinnen", "armoede", "eenmalig"),
    ("Kookatelier", "kwetsbaar", "voeding", "maandelijks"),
    ("Jongerenvoetbal", "jongeren", "gezondheid", "wekelijks"),
    ("Aangepast sporten", "beperking", "gezondheid", "wekelijks"),
)
# (naam, doel) per initiatief soort, in the order of Initiatief.Soort
INITIATIEVEN = (
    (
        ("Warme buren", "Buren houden een oogje in het zeil bij wie alleen woont."),
        ("Straatmaal", "Eén keer per jaar eet de hele straat samen."),
        ("Boodschappendienst", "Buren doen boodschappen voor wie niet meer buiten kan."),
    ),
    (
        ("Soepbar plus", "Wie alleen komt, krijgt aandacht en waar nodig hulp op maat."),
        ("Buurtbus", "Senioren naar de markt en de dokter, met vrijwillige chauffeurs."),
        ("Buddy's voor nieuwkomers", "Elke nieuwkomer heeft een buur die de weg wijst."),
    ),
    (
        ("Wijkzorgteam", "Elke alleenwonende tachtigplusser heeft een vast aanspreekpunt."),
        ("Valpreventie aan huis", "Minder valpartijen bij thuiswonende ouderen."),
        ("Mantelzorgpunt", "Mantelzorgers vinden op één plek hulp en respijt."),
    ),
)
SCHAAL = (
    ("ja", "De mensen om wie het gaat, wonen samen in deze buurt; de partners kennen hen."),
    ("twijfel", "Loopt al deels op gemeentelijk niveau; verbinden kan volstaan."),
    ("nee", "De doelgroep is te klein in deze buurt; de eerstelijnszone is een betere schaal."),
)
TEAMS = ("Kernteam", "Werkgroep", "Ploeg", "Stuurgroep")
BESLUITVORMING = (
    "Maandelijks overleg; beslissingen bij consensus.",
    "De trekkers beslissen, de partners worden op de hoogte gehouden.",
    "Wie er is, beslist mee.",
)
SUCCESSEN = (
    "Eerste overleg met alle partners samen",
    "Tien nieuwe vrijwilligers",
    "Een lege ruimte wordt buurtlokaal",
    "Honderd bezoekers op de eerste editie",
    "Een vaste buur voor elke alleenwonende in de straat",
    "Bakker schenkt wekelijks brood",
    "Huisarts en thuiszorg delen één lijst",
)

BEW, VER, PRO, ORG = Actor.Soort.values
SOORT_GEWICHTEN = {BEW: 62, VER: 12, PRO: 14, ORG: 12}
PARTNER_SOORT_GEWICHTEN = {BEW: 10, VER: 35, PRO: 20, ORG: 35}
INTENSITEIT_GEWICHTEN = (30, 25, 20, 12, 9, 4)  # low intensities are the most common
NIVEAUS = Participatieniveau.values
MIDDELEN = Middel.values
ENTHOUSIASME = ("geen", "vonk", "vuur")


def _chunks(rows, size):
    rows = iter(rows)
    while chunk := list(islice(rows, size)):
        yield chunk


class Writer:
    """Streams tuples into a table in chunks; reserves primary keys for rows others refer to."""

    def __init__(self, chunk_size, report):
        self.chunk_size = chunk_size
        self.report = report
        self.postgres = connection.vendor == "postgresql"
        self.counts = {}

    def reserve_ids(self, model, n):
        """Return the first of n consecutive free ids of model's table."""
        table = model._meta.db_table
        with connection.cursor() as cursor:
            if self.postgres:
                # Writers would otherwise draw ids inside our range until we commit.
                cursor.execute(
                    f"LOCK TABLE {connection.ops.quote_name(table)} IN SHARE ROW EXCLUSIVE MODE"
                )
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
                sequence = cursor.fetchone()[0]
                cursor.execute("SELECT nextval(%s)", [sequence])
                first = cursor.fetchone()[0]
                cursor.execute("SELECT setval(%s, %s)", [sequence, first + max(n, 1) - 1])
                return first
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {quoted}")  # noqa: S608
            return cursor.fetchone()[0]

    def write(self, model, columns, rows):
        meta = model._meta
        fields = [meta.get_field(column) for column in columns]
        table = connection.ops.quote_name(meta.db_table)
        names = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        label = meta.db_table
        total = 0
        started = clock.monotonic()
        with connection.cursor() as cursor:
            for chunk in _chunks(rows, self.chunk_size):
                if self.postgres:
                    self._copy(cursor, table, names, fields, chunk)
                else:
                    placeholders = ", ".join(["%s"] * len(fields))
                    cursor.executemany(
                        f"INSERT INTO {table} ({names}) VALUES ({placeholders})",  # noqa: S608
                        [
                            [
                                f.get_db_prep_save(v, connection)
                                for f, v in zip(fields, row, strict=True)
                            ]
                            for row in chunk
                        ],
                    )
                total += len(chunk)
                if len(chunk) == self.chunk_size:
                    self.report(f"  {label}: {total}  ({clock.monotonic() - started:.1f} s)")
        self.counts[model] = total
        self.report(f"{label}: {total} in {clock.monotonic() - started:.1f} s")
        return total

    def _copy(self, cursor, table, names, fields, chunk):
        as_json = [isinstance(field, models.JSONField) for field in fields]
        if any(as_json):
            chunk = [
                [json.dumps(v) if j else v for v, j in zip(row, as_json, strict=True)]
                for row in chunk
            ]
        with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in chunk:
                copy.write_row(row)


class Command(BaseCommand):
    help = (
        "Vult buurt SLUG met N synthetische actoren en evenredig veel partners, geschiedenis, "
        "activiteiten, initiatieven, teams en relaties. Bestaande gegevens van die buurt "
        "worden eerst verwijderd."
    )

    def add_arguments(self, parser):
        parser.add_argument("--buurt", required=True, help="slug van de buurt")
        parser.add_argument("--actors", required=True, type=int, help="aantal actoren")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument("--chunk", type=int, default=50_000, help="rijen per batch")

    def handle(self, *args, buurt, actors, seed, chunk, **options):
        if actors < 1 or chunk < 1:
            raise CommandError("--actors en --chunk moeten positief zijn.")
        started = clock.monotonic()
        with transaction.atomic():
            target, created = Buurt.objects.get_or_create(
                slug=buurt,
                defaults={
                    "naam": buurt.replace("-", " ").title(),
                    "gemeente": "Ravelsbeke",
                    "beschrijving": f"Synthetische buurt met {actors} actoren.",
                    "gestart_op": timezone.localdate() - timedelta(days=365),
                },
            )
            if not created:
                wiped = clock.monotonic()
                empty_buurt(target)
                self.report(f"bestaande gegevens verwijderd in {clock.monotonic() - wiped:.1f} s")
            writer = Writer(chunk, self.report)
            Generator(target, actors, random.Random(seed), writer).run()
            granted = grant_demo_coordinator(target)
            if writer.postgres:
                analyzed = clock.monotonic()
                analyze()
                self.report(f"statistieken bijgewerkt in {clock.monotonic() - analyzed:.1f} s")
            committing = clock.monotonic()
        # Foreign keys are deferred: PostgreSQL checks them all at COMMIT, in one batch (about
        # twice as fast as checking per statement, measured on a million actors).
        self.report(
            f"verwijzingen gecontroleerd en vastgelegd in {clock.monotonic() - committing:.1f} s"
        )
        self.report(
            f"Buurt '{target.slug}' gevuld in {clock.monotonic() - started:.1f} s: "
            + ", ".join(f"{writer.counts[m]} {m._meta.verbose_name_plural}" for m in MODELS)
            + "."
            + (" Gebruiker 'coordinator' is er coördinator." if granted else "")
        )

    def report(self, line):
        self.stdout.write(line)
        self.stdout.flush()


def grant_demo_coordinator(buurt):
    user = get_user_model().objects.filter(username="coordinator").first()
    if user is None:
        return False
    Rol.objects.update_or_create(user=user, buurt=buurt, defaults={"rol": Rol.Soort.COORDINATOR})
    return True


def empty_buurt(buurt):
    """Delete everything in the buurt except the buurt itself and its roles.

    Django's cascading delete loads every object; this walks the same cascade in SQL, one
    DELETE per table with the parent rows as a subquery.
    """
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for rel in _reverse_relations(Buurt):
            if rel.related_model is not Rol:
                _delete(cursor, rel.related_model, f"{quote(rel.field.column)} = %s", [buurt.pk])


def _reverse_relations(model):
    return [
        field
        for field in model._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and not field.many_to_many
    ]


def _delete(cursor, model, where, params):
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    ids = f"SELECT {quote(model._meta.pk.column)} FROM {table} WHERE {where}"  # noqa: S608
    for rel in _reverse_relations(model):
        child, column = rel.related_model, quote(rel.field.column)
        if child is model:
            continue  # self-references are deleted with the rows themselves
        if rel.on_delete is models.SET_NULL:
            cursor.execute(
                f"UPDATE {quote(child._meta.db_table)} SET {column} = NULL"  # noqa: S608
                f" WHERE {column} IN ({ids})",
                params,
            )
        else:
            _delete(cursor, child, f"{column} IN ({ids})", params)
    cursor.execute(f"DELETE FROM {table} WHERE {where}", params)  # noqa: S608


MODELS = (
    Actor, Partner, Enthousiasme, Relatie, Activiteit, Initiatief, Team, Teamintensiteit,
    Deelname, Voorkeur, Succes,
)  # fmt: skip


def analyze():
    with connection.cursor() as cursor:
        for model in MODELS:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


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
                door, moment, moment,
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
        status = rng.choices(Initiatief.Status.values, weights=(25, 55, 12, 8))[0]
        start = rng.randint(30, 700) if status != "idee" else None
        done = rng.randint(0, start - 1) if status == "afgerond" else None
        antwoord, toelichting = rng.choice(SCHAAL) if soort_index == 2 else ("", "")
        trekkers = {self.partner_actor() for _ in range(rng.randint(1, 2))}
        basis = set()
        if rng.random() < 0.6:
            basis = {self.activiteit0 + rng.randrange(self.n_activiteiten) for _ in range(2)}
        row = (
            self.initiatief0 + k, self.buurt.pk, f"{naam} {rng.choice(PLAATSEN)}",
            Initiatief.Soort.values[soort_index], doel, antwoord, toelichting, status,
            self.day(start) if start is not None else None,
            self.day(done) if done is not None else None, self.moment(start or 20),
        )  # fmt: skip
        return row, (sorted(trekkers), sorted(basis))

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
