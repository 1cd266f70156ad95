"""Page times of steps 3-4: a buurt of 100,000 actors versus a small one.

Usage (from the repository root; fills the buurten the first time, reuses them after):

    DEBUG=true .venv/bin/python bench/steps34.py [--actors 100000] [--small 1000] [--runs 10]
    DEBUG=true DATABASE_URL=postgres://... .venv/bin/python bench/steps34.py

The small buurt is "demo" when the demo command has filled it, else "bench34-klein".
Buurten are filled with the seed_scale command when it exists, otherwise by this script
(same proportions: 2% partners, an activity per 100 actors, an initiative per 500).
Prints the median time per page for both buurten, the ratio large/small and the number of
queries (which must be equal). Pass --refill to rebuild the bench buurten.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgzaam.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command, get_commands  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from buurt.models import Actor, Buurt, Relatie, Rol, Samenwerkingsintensiteit  # noqa: E402
from initiatieven.models import (  # noqa: E402
    Activiteit,
    Deelname,
    Doelgroep,
    Initiatief,
    Middel,
    Participatieniveau,
    Team,
    Teamintensiteit,
    Thema,
    Voorkeur,
)
from partners.models import Enthousiasme, Niveau, Partner  # noqa: E402

BATCH = 5000
PAGES = ("fruit", "bomen", "lijst", "bos", "reik_hoger", "team_nieuw")


def ensure_buurt(slug, actors, refill):
    buurt = Buurt.objects.filter(slug=slug).first()
    if buurt and not refill and Actor.objects.in_buurt(buurt).count() >= actors:
        return buurt
    started = time.perf_counter()
    if "seed_scale" in get_commands():
        Buurt.objects.get_or_create(slug=slug, defaults={"naam": f"Bench {actors}"})
        call_command("seed_scale", buurt=slug, actors=actors, verbosity=0)
    else:
        fill(slug, actors)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh bulk loads leave the planner guessing
    print(f"filled {slug} with {actors} actors in {time.perf_counter() - started:.0f}s")
    return Buurt.objects.get(slug=slug)


@transaction.atomic
def fill(slug, n):
    """Fallback when seed_scale is not there: the same proportions, simpler data."""
    rng = random.Random(34)
    Buurt.objects.filter(slug=slug).delete()
    buurt = Buurt.objects.create(slug=slug, naam=f"Bench {n}")
    soorten = Actor.Soort.values
    Actor.objects.bulk_create(
        (Actor(buurt=buurt, naam=f"Actor {i}", soort=soorten[i % 4]) for i in range(n)),
        batch_size=BATCH,
    )
    ids = list(Actor.objects.in_buurt(buurt).order_by("id").values_list("id", flat=True))
    partner_actor_ids = rng.sample(ids, max(3, n // 50))
    partners = Partner.objects.bulk_create(Partner(actor_id=pk) for pk in partner_actor_ids)
    today = date.today()
    Enthousiasme.objects.bulk_create(
        (Enthousiasme(partner=p, niveau=rng.choice(Niveau.values), datum=today) for p in partners),
        batch_size=BATCH,
    )
    Voorkeur.objects.bulk_create(
        (
            Voorkeur(
                partner=p,
                participatieniveau=rng.choice(Participatieniveau.values),
                bron=Voorkeur.Bron.COORDINATOR,
            )
            for p in partners[::2]
        ),
        batch_size=BATCH,
    )
    pairs = set()
    while len(pairs) < n:
        van, naar = rng.sample(ids, 2)
        pairs.add((van, naar))
    Relatie.objects.bulk_create(
        (
            Relatie(
                buurt=buurt,
                van_id=van,
                naar_id=naar,
                intensiteit=rng.choice(Samenwerkingsintensiteit.values),
                sinds=today - timedelta(days=rng.randrange(700)),
            )
            for van, naar in pairs
        ),
        batch_size=BATCH,
    )
    activiteiten = Activiteit.objects.bulk_create(
        Activiteit(
            buurt=buurt,
            naam=f"Activiteit {i}",
            doelgroep=rng.choice(Doelgroep.values),
            thema=rng.choice(Thema.values),
            loopt=rng.random() < 0.85,
        )
        for i in range(max(3, n // 100))
    )
    through = Activiteit.organisatoren.through
    through.objects.bulk_create(
        (
            through(activiteit_id=a.pk, actor_id=pk)
            for a in activiteiten
            for pk in set(rng.sample(ids, rng.randint(1, 2)))
        ),
        batch_size=BATCH,
    )
    for i in range(max(3, n // 500)):
        initiatief = Initiatief.objects.create(
            buurt=buurt, naam=f"Initiatief {i}", soort=Initiatief.Soort.values[i % 3]
        )
        initiatief.bouwt_voort_op.set(rng.sample(activiteiten, rng.randint(0, 2)))
        team = Team.objects.create(initiatief=initiatief, naam=f"Team {i}", doel="Samen")
        Teamintensiteit.objects.create(
            team=team, intensiteit=rng.choice(Samenwerkingsintensiteit.values)
        )
        Deelname.objects.bulk_create(
            Deelname(
                team=team,
                partner=p,
                participatieniveau=rng.choice(Participatieniveau.values),
                middelen=rng.sample(Middel.values, rng.randint(0, 2)),
            )
            for p in rng.sample(partners, min(len(partners), rng.randint(3, 6)))
        )
    return buurt


def measure(client, url, runs):
    client.get(url)  # warm caches and the connection
    reset_queries()  # each request resets the log; start the capture from an empty one
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - started)
    return statistics.median(times), len(ctx.captured_queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=1000, help="actors when no demo buurt")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--refill", action="store_true")
    args = parser.parse_args()
    setup_test_environment()  # lets the test client in (ALLOWED_HOSTS), nothing else

    small = Buurt.objects.filter(slug="demo").first()
    if small is None:
        small = ensure_buurt("bench34-klein", args.small, args.refill)
    large = ensure_buurt("bench34-groot", args.actors, args.refill)

    user, _ = get_user_model().objects.get_or_create(username="bench34")
    for buurt in (small, large):
        Rol.objects.update_or_create(
            user=user, buurt=buurt, defaults={"rol": Rol.Soort.COORDINATOR}
        )
    client = Client()
    client.force_login(user)

    n_small = Actor.objects.in_buurt(small).count()
    n_large = Actor.objects.in_buurt(large).count()
    print(
        f"database: {connection.vendor}; small: {small.slug} ({n_small} actors), "
        f"large: {large.slug} ({n_large} actors); median of {args.runs} runs"
    )
    print(f"{'page':<12} {'small ms':>9} {'large ms':>9} {'ratio':>7} {'queries':>9}")
    for page in PAGES:
        t_small, q_small = measure(
            client, reverse(f"initiatieven:{page}", args=[small.slug]), args.runs
        )
        t_large, q_large = measure(
            client, reverse(f"initiatieven:{page}", args=[large.slug]), args.runs
        )
        flag = "" if q_small == q_large else "  <- query count differs"
        print(
            f"{page:<12} {t_small * 1000:>9.1f} {t_large * 1000:>9.1f} "
            f"{t_large / t_small:>7.2f} {q_small:>4}/{q_large:<4}{flag}"
        )


if __name__ == "__main__":
    main()
