"""Page times of steps 1-2 and the dashboard: a buurt of 100,000 actors versus a small one.

Usage (from the repository root):

    DEBUG=true .venv/bin/python bench/steps12.py [--actors 100000] [--runs 15]
    DEBUG=true DATABASE_URL=postgres://... .venv/bin/python bench/steps12.py

The small buurt is the demo (`manage.py demo`); the large one, "bench-groot", is filled by
`manage.py seed_scale` the first time and reused after (pass --refill to rebuild it). Prints
the median (and fastest) time per page for both, the ratio large/small and the number of
queries, which must be the same for both.
"""

import argparse
import os
import statistics
import sys
import time
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgzaam.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from buurt.models import Actor, Buurt, Rol  # noqa: E402
from demodata.management.commands.demo import SLUG as DEMO_SLUG  # noqa: E402


def ensure(slug, actors, refill):
    """The big buurt, filled by `seed_scale` unless it already has the right size."""
    buurt = Buurt.objects.filter(slug=slug).first()
    if refill or buurt is None or Actor.objects.in_buurt(buurt).count() != actors:
        started = time.perf_counter()
        call_command("seed_scale", buurt=slug, actors=actors, stdout=StringIO())
        with connection.cursor() as cursor:
            # What autovacuum does after a bulk insert: fresh planner statistics and, on
            # PostgreSQL, a visibility map, without which no index-only scan pays off.
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        print(
            f"seed_scale filled {slug} with {actors} actors in {time.perf_counter() - started:.1f}s"
        )
        buurt = Buurt.objects.get(slug=slug)
    return buurt


def demo_buurt():
    call_command("demo", stdout=StringIO())
    return Buurt.objects.get(slug=DEMO_SLUG)


def pages(buurt):
    # The actor who brought in the most others: the heaviest detail page.
    top = (
        Actor.objects.in_buurt(buurt)
        .filter(aangebracht_door__isnull=False)
        .values("aangebracht_door")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("aangebracht_door", flat=True)
        .first()
    ) or Actor.objects.in_buurt(buurt).values_list("pk", flat=True).first()
    base = f"/buurten/{buurt.slug}"
    hx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "actor-results"}
    return [
        ("dashboard", f"{base}/", {}),
        ("ken je buurt", f"{base}/ken-je-buurt/", {}),
        ("  zoek 'peeters'", f"{base}/ken-je-buurt/?q=peeters", {}),
        ("  soort, pagina 20", f"{base}/ken-je-buurt/?soort=vereniging&pagina=20", {}),
        ("  htmx-filter", f"{base}/ken-je-buurt/?sector=zorg", hx),
        ("  actor (introducer)", f"{base}/ken-je-buurt/{top}/", {}),
        ("vonken", f"{base}/vonken/", {}),
        ("  vonken pagina 5", f"{base}/vonken/?pagina=5", {}),
    ]


def count_queries(client, url, headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    connection.queries_log.clear()  # the fill may have filled the bounded log
    with CaptureQueriesContext(connection) as queries:
        client.get(url, **headers)
    return len(queries)


def measure(client, urls, headers, runs):
    """Median and fastest time per url. The urls take turns, so a change in machine load
    (other processes on a shared machine) hits the small and the large buurt alike."""
    times = {url: [] for url in urls}
    for _i in range(runs):
        for url in urls:
            started = time.perf_counter()
            client.get(url, **headers)
            times[url].append(time.perf_counter() - started)
    return [(statistics.median(times[url]) * 1000, min(times[url]) * 1000) for url in urls]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--refill", action="store_true")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    klein = demo_buurt()
    groot = ensure("bench-groot", args.actors, args.refill)
    small_size = Actor.objects.in_buurt(klein).count()
    user, _created = get_user_model().objects.get_or_create(username="bench-coordinator")
    for buurt in (klein, groot):
        Rol.objects.get_or_create(user=user, buurt=buurt, defaults={"rol": "coordinator"})
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)

    print(f"database: {connection.vendor}; median (and fastest) of {args.runs} runs")
    print(f"{'page':20} {f'demo ({small_size})':>17} {args.actors:>17}  ratio (fastest)  queries")
    ratios, fastest = [], []
    for (label, small_url, headers), (_l, large_url, _h) in zip(
        pages(klein), pages(groot), strict=True
    ):
        small_q, large_q = (count_queries(client, url, headers) for url in (small_url, large_url))
        (small_ms, small_min), (large_ms, large_min) = measure(
            client, [small_url, large_url], headers, args.runs
        )
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
