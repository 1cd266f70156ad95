"""Fill one buurt with N synthetic actors and proportional history, for load and scale tests.

Optionally also with W timeline entries, to measure the timeline page at size.

Rows are generated as plain tuples with ids reserved up front, so the whole buurt streams into
the database in chunks: COPY on PostgreSQL, executemany elsewhere. Memory stays bounded by the
chunk size plus the small lists of partners, activities, initiatives and teams.
"""

import random
import time as clock
from datetime import timedelta

from auditlog.context import disable_auditlog
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from buurt import tellingen
from buurt.models import Actor, Buurt, Relatie, Rol, Telling, Wijziging
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
from partners.models import Enthousiasme, HuidigEnthousiasme, Partner

from .generator import Generator
from .tijdlijn import TimelineWriter
from .wipe import empty_buurt
from .writer import Writer

MODELS = (
    Actor, Partner, Enthousiasme, Relatie, Activiteit, Initiatief, Statuswijziging, Team,
    Teamintensiteit, Deelname, Voorkeur, Succes, Wijziging,
)  # fmt: skip


def fill_buurt(slug, actors, seed, chunk_size, report, wijzigingen=0):
    """Create or refill buurt `slug`, in one transaction; report(line) tells the progress.

    Returns the buurt, the number of rows per model of MODELS, and whether the demo user
    'coordinator' got the coordinator role in it. The buurt's timeline holds exactly the
    `wijzigingen` generated entries: the few ORM writes here (the buurt, the role) go
    unrecorded, like the COPYs.
    """
    with transaction.atomic(), disable_auditlog():
        buurt, created = Buurt.objects.get_or_create(
            slug=slug,
            defaults={
                "naam": slug.replace("-", " ").title(),
                "gemeente": "Ravelsbeke",
                "beschrijving": f"Synthetische buurt met {actors} actoren.",
                "gestart_op": timezone.localdate() - timedelta(days=365),
            },
        )
        if not created:
            wiped = clock.monotonic()
            empty_buurt(buurt)
            report(f"bestaande gegevens verwijderd in {clock.monotonic() - wiped:.1f} s")
        writer = Writer(chunk_size, report)
        rng = random.Random(seed)
        generator = Generator(buurt, actors, rng, writer)
        generator.run()
        granted = grant_demo_coordinator(buurt)
        TimelineWriter(buurt, rng, writer, generator.now).write(wijzigingen)
        counted = clock.monotonic()
        tellingen.herbereken(buurt)  # the writer sends no signals
        report(f"tellingen opgebouwd in {clock.monotonic() - counted:.1f} s")
        if connection.vendor == "postgresql":
            analyzed = clock.monotonic()
            analyze()
            report(f"statistieken bijgewerkt in {clock.monotonic() - analyzed:.1f} s")
        committing = clock.monotonic()
    # Foreign keys are deferred: PostgreSQL checks them all at COMMIT, in one batch (about
    # twice as fast as checking per statement, measured on a million actors).
    report(f"verwijzingen gecontroleerd en vastgelegd in {clock.monotonic() - committing:.1f} s")
    return buurt, {model: writer.counts[model] for model in MODELS}, granted


def grant_demo_coordinator(buurt):
    user = get_user_model().objects.filter(username="coordinator").first()
    if user is None:
        return False
    Rol.objects.update_or_create(user=user, buurt=buurt, defaults={"rol": Rol.Soort.COORDINATOR})
    return True


def analyze():
    with connection.cursor() as cursor:
        for model in (*MODELS, Telling, HuidigEnthousiasme):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
