"""Timeline page times: a buurt with 1,000,000 timeline entries versus the demo's.

Usage (from the repository root):

    DEBUG=true .venv/bin/python bench/tijdlijn.py [--wijzigingen 1000000] [--runs 15]
        [--actors 10000] [--refill]
    DEBUG=true DATABASE_URL=postgres://... .venv/bin/python bench/tijdlijn.py

Times /buurten/<slug>/tijdlijn/ unfiltered, with each filter (soort, door: the coordinator,
partners via their link, administrators; a period of one month half a year ago), and an
older page (``?voor=`` halfway down the timeline), for the demo buurt and for "bench-tijdlijn",
filled by `manage.py seed_scale --wijzigingen N` the first time and reused after (--refill
rebuilds it). Prints the median (and fastest) time per page for both, the ratio large/small
and the number of queries, which must be the same for both. Target: ratio <= 2.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgzaam.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from buurt.models import Buurt, Wijziging  # noqa: E402
from demodata.demo.data import SLUG as DEMO_SLUG  # noqa: E402
from partners.models import Enthousiasme  # noqa: E402

LARGE = "bench-tijdlijn"


def ensure(actors, wijzigingen, refill):
    """The large buurt, filled by `seed_scale` unless it already has the right timeline."""
    buurt = Buurt.objects.filter(slug=LARGE).first()
    if refill or buurt is None or Wijziging.objects.filter(buurt=buurt).count() != wijzigingen:
        started = time.perf_counter()
        call_command(
            "seed_scale", buurt=LARGE, actors=actors, wijzigingen=wijzigingen, stdout=StringIO()
        )
        with connection.cursor() as cursor:
            # What autovacuum does after a bulk insert: fresh planner statistics and, on
            # PostgreSQL, a visibility map, without which no index-only scan pays off.
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        print(
            f"seed_scale filled {LARGE} with {wijzigingen} timeline entries"
            f" in {time.perf_counter() - started:.1f}s"
        )
        buurt = Buurt.objects.get(slug=LARGE)
    return buurt


def pages(buurt, coordinator):
    """(label, url) of every page timed, in one buurt."""
    url = reverse("coordinatie:tijdlijn", args=[buurt.slug])
    ids = Wijziging.objects.filter(buurt=buurt).order_by("id").values_list("id", flat=True)
    halfway = ids[ids.count() // 2]
    month_start = timezone.localdate() - timedelta(days=183)
    period = f"van={month_start}&tot={month_start + timedelta(days=30)}"
    soort = ContentType.objects.get_for_model(Enthousiasme).pk
    return [
        ("tijdlijn", url),
        ("  soort: enthousiasme", f"{url}?soort={soort}"),
        ("  door: coördinator", f"{url}?door=u{coordinator.pk}"),
        ("  door: partners", f"{url}?door=partners"),
        ("  door: beheerders", f"{url}?door=beheer"),
        ("  periode: 1 maand", f"{url}?{period}"),
        ("  soort + periode", f"{url}?soort={soort}&{period}"),
        ("  oudere pagina", f"{url}?voor={halfway}"),
    ]


def count_queries(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    connection.queries_log.clear()  # the fill may have filled the bounded log
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def measure(client, urls, runs):
    """Median and fastest time per url. The urls take turns, so a change in machine load
    (other processes on a shared machine) hits the small and the large buurt alike."""
    times = {url: [] for url in urls}
    for _i in range(runs):
        for url in urls:
            started = time.perf_counter()
            client.get(url)
            times[url].append(time.perf_counter() - started)
    return [(statistics.median(times[url]) * 1000, min(times[url]) * 1000) for url in urls]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wijzigingen", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--refill", action="store_true")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("createcachetable")
    call_command("demo", stdout=StringIO())  # also the user 'coordinator' seed_scale names
    klein = Buurt.objects.get(slug=DEMO_SLUG)
    groot = ensure(args.actors, args.wijzigingen, args.refill)
    coordinator = get_user_model().objects.get(username="coordinator")
    client = Client(HTTP_HOST="localhost")
    client.force_login(coordinator)

    small_n = Wijziging.objects.filter(buurt=klein).count()
    print(f"database: {connection.vendor}; median (and fastest) of {args.runs} runs")
    print(f"{'page':24} {f'demo ({small_n})':>17} {args.wijzigingen:>17}  ratio (fastest)  queries")
    ratios, fastest = [], []
    for (label, small_url), (_l, large_url) in zip(
        pages(klein, coordinator), pages(groot, coordinator), strict=True
    ):
        small_q, large_q = (count_queries(client, url) for url in (small_url, large_url))
        (small_ms, small_min), (large_ms, large_min) = measure(
            client, [small_url, large_url], args.runs
        )
        ratios.append(large_ms / small_ms)
        fastest.append(large_min / small_min)
        same = "" if small_q == large_q else f" (small: {small_q})"
        print(
            f"{label:24} {small_ms:6.1f} ({small_min:5.1f})ms {large_ms:6.1f} ({large_min:5.1f})ms"
            f"  {ratios[-1]:5.2f} ({fastest[-1]:5.2f})  {large_q}{same}"
        )
    print(
        f"geometric mean ratio: {statistics.geometric_mean(ratios):.2f}"
        f" (fastest runs: {statistics.geometric_mean(fastest):.2f})"
    )


if __name__ == "__main__":
    main()
