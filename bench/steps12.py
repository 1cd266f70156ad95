"""Page times of steps 1-2 and the dashboard: a buurt of 100,000 actors versus a small one.

Usage (from the repository root; fills two buurten the first time, reuses them after):

    DEBUG=true .venv/bin/python bench/steps12.py [--actors 100000] [--runs 15]
    DEBUG=true DATABASE_URL=postgres://... .venv/bin/python bench/steps12.py

Prints the median time per page for both buurten, the ratio large/small and the number
of queries (which must be equal). Buurten "bench-klein" and "bench-groot" are created in
the configured database; pass --refill to rebuild them.
"""

import argparse
import os
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
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from buurt.models import Actor, Buurt, Relatie, Rol  # noqa: E402
from initiatieven.models import Succes  # noqa: E402
from partners.models import Enthousiasme, Niveau, Partner  # noqa: E402

BATCH = 5000
SOORTEN = Actor.Soort.values
SECTOREN = Actor.Sector.values
NIVEAUS = Niveau.values


@transaction.atomic
def fill(slug, actors):
    """A buurt with `actors` actors, 1% of them partners with a year and a half of ratings."""
    Buurt.objects.filter(slug=slug).delete()
    buurt = Buurt.objects.create(slug=slug, naam=f"Bench {actors}")
    n_partners = max(10, actors // 100)
    Actor.objects.bulk_create(
        (
            Actor(buurt=buurt, naam=f"Kenner {i}", soort=SOORTEN[i % 4], sector=SECTOREN[i % 12])
            for i in range(n_partners)
        ),
        batch_size=BATCH,
    )
    introducers = list(Actor.objects.in_buurt(buurt).values_list("pk", flat=True))
    partners = Partner.objects.bulk_create(Partner(actor_id=pk) for pk in introducers)
    today = date.today()
    Enthousiasme.objects.bulk_create(
        (
            Enthousiasme(
                partner=p, niveau=NIVEAUS[(i + k) % 3], datum=today - timedelta(days=160 * k)
            )
            for i, p in enumerate(partners)
            for k in range(3)
        ),
        batch_size=BATCH,
    )
    Actor.objects.bulk_create(
        (
            Actor(
                buurt=buurt,
                naam=f"Actor {i}",
                soort=SOORTEN[i % 4],
                sector=SECTOREN[i % 12],
                aangebracht_door_id=introducers[i % len(introducers)] if i % 3 == 0 else None,
            )
            for i in range(actors - n_partners)
        ),
        batch_size=BATCH,
    )
    # A buurt grows over time: spread the actors over three years (auto_now_add set "now").
    ids = list(Actor.objects.in_buurt(buurt).order_by("pk").values_list("pk", flat=True))
    step = max(1, len(ids) // 36)
    now = timezone.now()
    for month in range(36):
        chunk = ids[month * step : (month + 1) * step if month < 35 else None]
        if chunk:
            Actor.objects.filter(pk__gte=chunk[0], pk__lte=chunk[-1]).update(
                aangemaakt_op=now - timedelta(days=30 * (35 - month))
            )
    Relatie.objects.bulk_create(
        (
            Relatie(
                buurt=buurt,
                van_id=introducers[i],
                naar_id=introducers[i + 1],
                intensiteit="actief_afstemmen",
                sinds=today - timedelta(days=i % 400),
            )
            for i in range(len(introducers) - 1)
        ),
        batch_size=BATCH,
    )
    successen = Succes.objects.bulk_create(
        Succes(buurt=buurt, titel=f"Succes {i}", datum=today - timedelta(days=i % 365))
        for i in range(n_partners // 2)
    )
    Through = Succes.partners.through
    Through.objects.bulk_create(
        Through(succes_id=s.pk, partner_id=partners[i % len(partners)].pk)
        for i, s in enumerate(successen)
    )
    return buurt


def ensure(slug, actors, refill):
    buurt = Buurt.objects.filter(slug=slug).first()
    if refill or buurt is None or Actor.objects.in_buurt(buurt).count() != actors:
        started = time.perf_counter()
        buurt = fill(slug, actors)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh planner statistics, as autovacuum would give
        print(f"filled {slug} with {actors} actors in {time.perf_counter() - started:.1f}s")
    return buurt


def pages(buurt):
    top = (
        Actor.objects.in_buurt(buurt).partners().order_by("pk").values_list("pk", flat=True).first()
    )
    base = f"/buurten/{buurt.slug}"
    hx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "actor-results"}
    return [
        ("dashboard", f"{base}/", {}),
        ("ken je buurt", f"{base}/ken-je-buurt/", {}),
        ("  zoek 'or 7'", f"{base}/ken-je-buurt/?q=or+7", {}),
        ("  soort, pagina 20", f"{base}/ken-je-buurt/?soort=vereniging&pagina=20", {}),
        ("  htmx-filter", f"{base}/ken-je-buurt/?sector=zorg", hx),
        ("  actor (introducer)", f"{base}/ken-je-buurt/{top}/", {}),
        ("vonken", f"{base}/vonken/", {}),
        ("  vonken pagina 5", f"{base}/vonken/?pagina=5", {}),
    ]


def measure(client, url, headers, runs):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    connection.queries_log.clear()  # the fill may have filled the bounded log
    with CaptureQueriesContext(connection) as queries:
        client.get(url, **headers)
    times = []
    for _i in range(runs):
        started = time.perf_counter()
        client.get(url, **headers)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, min(times) * 1000, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=300)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--refill", action="store_true")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    klein = ensure("bench-klein", args.small, args.refill)
    groot = ensure("bench-groot", args.actors, args.refill)
    user, _created = get_user_model().objects.get_or_create(username="bench-coordinator")
    for buurt in (klein, groot):
        Rol.objects.get_or_create(user=user, buurt=buurt, defaults={"rol": "coordinator"})
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)

    print(f"database: {connection.vendor}; median (and fastest) of {args.runs} runs")
    print(f"{'page':20} {args.small:>17} {args.actors:>17}  ratio (fastest)  queries")
    ratios, fastest = [], []
    for (label, small_url, headers), (_l, large_url, _h) in zip(
        pages(klein), pages(groot), strict=True
    ):
        small_ms, small_min, small_q = measure(client, small_url, headers, args.runs)
        large_ms, large_min, large_q = measure(client, large_url, headers, args.runs)
        ratios.append(large_ms / small_ms)
        fastest.append(large_min / small_min)
        same = "" if small_q == large_q else f" (small: {small_q})"
        print(
            f"{label:20} {small_ms:6.1f} ({small_min:5.1f})ms {large_ms:6.1f} ({large_min:5.1f})ms"
            f"  {ratios[-1]:5.2f} ({fastest[-1]:5.2f})  {large_q}{same}"
        )
    print(
        f"geometric mean ratio: {statistics.geometric_mean(ratios):.2f}"
        f" (fastest runs: {statistics.geometric_mean(fastest):.2f})"
    )


if __name__ == "__main__":
    main()
