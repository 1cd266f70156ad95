"""Page times of steps 3-4: a buurt of 100,000 actors versus a small one.

Usage (from the repository root; fills the buurten the first time, reuses them after):

    DEBUG=true .venv/bin/python bench/steps34.py [--actors 100000] [--small N] [--runs 10]
    DEBUG=true DATABASE_URL=postgres://... .venv/bin/python bench/steps34.py

The small buurt is the demo buurt (made with the demo command if missing); the large one,
"bench34-groot", is filled with the seed_scale command. Pass --small N to compare with a
seed_scale buurt of N actors instead of the demo. Prints the median time per page for both
buurten, the ratio large/small and the number of queries (which must be equal, except
het bos: above 200 actors it first picks the most connected ones, one query more).
Pass --refill to rebuild the bench buurten.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgzaam.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from buurt.models import Actor, Buurt, Rol  # noqa: E402

PAGES = ("fruit", "bomen", "lijst", "bos", "reik_hoger", "team_nieuw")


def ensure_buurt(slug, actors, refill):
    buurt = Buurt.objects.filter(slug=slug).first()
    if buurt and not refill and Actor.objects.in_buurt(buurt).count() >= actors:
        return buurt
    started = time.perf_counter()
    call_command("seed_scale", buurt=slug, actors=actors, verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # seed_scale analyzes on PostgreSQL only
    print(f"filled {slug} with {actors} actors in {time.perf_counter() - started:.0f}s")
    return Buurt.objects.get(slug=slug)


def demo_buurt():
    buurt = Buurt.objects.filter(slug="demo").first()
    if buurt is None:
        call_command("demo", verbosity=0)
        buurt = Buurt.objects.get(slug="demo")
    return buurt


def count_queries(client, url):
    client.get(url)  # warm caches and the connection
    reset_queries()  # each request resets the log; start the capture from an empty one
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


def measure(client, urls, runs):
    """Median time per url. The urls take turns, so a change in machine load (other
    processes on a shared machine) hits the small and the large buurt alike."""
    times = {url: [] for url in urls}
    for _ in range(runs):
        for url in urls:
            started = time.perf_counter()
            client.get(url)
            times[url].append(time.perf_counter() - started)
    return [statistics.median(times[url]) for url in urls]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--small", type=int, help="a seed_scale buurt of N actors, not the demo")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--refill", action="store_true")
    args = parser.parse_args()
    setup_test_environment()  # lets the test client in (ALLOWED_HOSTS), nothing else

    small = ensure_buurt("bench34-klein", args.small, args.refill) if args.small else demo_buurt()
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
        urls = [reverse(f"initiatieven:{page}", args=[b.slug]) for b in (small, large)]
        q_small, q_large = (count_queries(client, url) for url in urls)
        t_small, t_large = measure(client, urls, args.runs)
        flag = "" if q_small == q_large else "  <- query count differs"
        print(
            f"{page:<12} {t_small * 1000:>9.1f} {t_large * 1000:>9.1f} "
            f"{t_large / t_small:>7.2f} {q_small:>4}/{q_large:<4}{flag}"
        )


if __name__ == "__main__":
    main()
