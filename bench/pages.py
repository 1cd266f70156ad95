"""Coordinator page times: a buurt of 100,000 actors versus a small one.

Usage (from the repository root):

    DEBUG=true .venv/bin/python bench/pages.py [--actors 100000] [--small N] [--runs 15]
        [--app buurt|coordinatie|initiatieven ...] [--refill]
    DEBUG=true DATABASE_URL=postgres://... .venv/bin/python bench/pages.py

Times the pages of ken je buurt, the dashboard, the actor page and vonken, and those of
the initiatieven app (fruit, bomen, the list, het bos, reik hoger, the new-team form); --app
picks some of them. The small buurt is the demo (`manage.py demo`); pass --small N to
compare with a `seed_scale` buurt of N actors, "bench-klein", instead. The large one,
"bench-groot", is filled by `manage.py seed_scale` the first time and reused after (pass
--refill to rebuild the bench buurten). Prints the median (and fastest) time per page for
both, the ratio large/small, the number of queries, which must be the same for both,
except het bos: above 200 actors it first picks the most connected ones, one query more,
and the size of each page in kB. The demo's pages are not full: a search finds a few of
its actors where the large buurt fills a page of 50, and it has 8 initiatives where a page
holds 25. Where the sizes differ, the ratio measures more rows rendered as well as more
data; `--small 20000` compares buurten whose pages are all full, which leaves the data.
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
from django.urls import reverse  # noqa: E402

from buurt.models import Actor, Buurt, Rol  # noqa: E402
from demodata.demo.data import SLUG as DEMO_SLUG  # noqa: E402

APPS = ("buurt", "coordinatie", "initiatieven")


def ensure(slug, actors, refill):
    """A bench buurt, filled by `seed_scale` unless it already has the right size."""
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
    """(app, label, url, headers) of every page timed, in one buurt."""
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
    slug = buurt.slug
    ken_je_buurt = reverse("buurt:ken_je_buurt", args=[slug])
    vonken = reverse("coordinatie:vonken", args=[slug])
    hx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "actor-results"}
    return [
        ("coordinatie", "dashboard", reverse("coordinatie:dashboard", args=[slug]), {}),
        ("buurt", "ken je buurt", ken_je_buurt, {}),
        ("buurt", "  zoek 'peeters'", f"{ken_je_buurt}?q=peeters", {}),
        ("buurt", "  soort, pagina 20", f"{ken_je_buurt}?soort=vereniging&pagina=20", {}),
        ("buurt", "  htmx-filter", f"{ken_je_buurt}?sector=zorg", hx),
        (
            "coordinatie",
            "  actor (introducer)",
            reverse("coordinatie:actor_detail", args=[slug, top]),
            {},
        ),
        ("coordinatie", "vonken", vonken, {}),
        ("coordinatie", "  vonken pagina 5", f"{vonken}?pagina=5", {}),
        ("initiatieven", "fruit", reverse("initiatieven:fruit", args=[slug]), {}),
        ("initiatieven", "bomen", reverse("initiatieven:bomen", args=[slug]), {}),
        ("initiatieven", "initiatieven", reverse("initiatieven:initiatief_list", args=[slug]), {}),
        ("initiatieven", "bos", reverse("initiatieven:bos", args=[slug]), {}),
        ("initiatieven", "reik hoger", reverse("initiatieven:reik_hoger", args=[slug]), {}),
        ("initiatieven", "nieuw team", reverse("initiatieven:team_create", args=[slug]), {}),
    ]


def count_queries(client, url, headers):
    """(queries, kB) of one request of the page."""
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    connection.queries_log.clear()  # the fill may have filled the bounded log
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return len(queries), len(response.content) / 1000


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
    parser.add_argument("--small", type=int, help="a seed_scale buurt of N actors, not the demo")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--app", choices=APPS, action="append", help="only these apps' pages")
    parser.add_argument("--refill", action="store_true")
    args = parser.parse_args()
    apps = args.app or APPS

    call_command("migrate", verbosity=0)
    call_command("createcachetable")
    klein = ensure("bench-klein", args.small, args.refill) if args.small else demo_buurt()
    groot = ensure("bench-groot", args.actors, args.refill)
    small_size = Actor.objects.in_buurt(klein).count()
    user, _created = get_user_model().objects.get_or_create(username="bench-coordinator")
    for buurt in (klein, groot):
        Rol.objects.update_or_create(
            user=user, buurt=buurt, defaults={"rol": Rol.Soort.COORDINATOR}
        )
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)

    print(f"database: {connection.vendor}; median (and fastest) of {args.runs} runs")
    print(
        f"{'page':20} {f'{klein.slug} ({small_size})':>17} {args.actors:>17}"
        "  ratio (fastest)  queries  kB (small)"
    )
    ratios, fastest = [], []
    for (app, label, small_url, headers), (_a, _l, large_url, _h) in zip(
        pages(klein), pages(groot), strict=True
    ):
        if app not in apps:
            continue
        (small_q, small_kb), (large_q, large_kb) = (
            count_queries(client, url, headers) for url in (small_url, large_url)
        )
        (small_ms, small_min), (large_ms, large_min) = measure(
            client, [small_url, large_url], headers, args.runs
        )
        ratios.append(large_ms / small_ms)
        fastest.append(large_min / small_min)
        same = "" if small_q == large_q else f" (small: {small_q})"
        print(
            f"{label:20} {small_ms:6.1f} ({small_min:5.1f})ms {large_ms:6.1f} ({large_min:5.1f})ms"
            f"  {ratios[-1]:5.2f} ({fastest[-1]:5.2f})  {large_q}{same}"
            f"  {large_kb:.0f} ({small_kb:.0f})"
        )
    print(
        f"geometric mean ratio: {statistics.geometric_mean(ratios):.2f}"
        f" (fastest runs: {statistics.geometric_mean(fastest):.2f})"
    )


if __name__ == "__main__":
    main()
