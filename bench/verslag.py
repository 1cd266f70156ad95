"""The report (verslag) at size: its page and PDF for the demo buurt and for a buurt of
100,000 actors, with times, queries, pages and peak memory.

Usage (from the repository root):

    DEBUG=true .venv/bin/python bench/verslag.py [--actors 100000] [--runs 5] [--refill]
    DEBUG=true DATABASE_URL=postgres://... .venv/bin/python bench/verslag.py

"bench-verslag" is filled by `manage.py seed_scale` the first time and reused after
(--refill rebuilds it). For the demo and the large buurt, as coordinator (the full report)
and as researcher (without names): the first request (cold: the network's growth is not
cached yet), then the median and fastest of --runs, the queries (the same for both sizes),
the PDF's pages and the peak memory of one PDF request under tracemalloc (Python's own
allocations; WeasyPrint's C libraries are not counted). Targets: the demo's PDF under 3 s,
the large buurt's under 10 s, and a peak that does not grow with the buurt.
"""

import argparse
import io
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgzaam.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from buurt.models import Actor, Buurt, Rol  # noqa: E402
from demodata.demo.data import SLUG as DEMO_SLUG  # noqa: E402

LARGE = "bench-verslag"


def ensure(actors, refill):
    buurt = Buurt.objects.filter(slug=LARGE).first()
    if refill or buurt is None or Actor.objects.in_buurt(buurt).count() != actors:
        started = time.perf_counter()
        call_command("seed_scale", buurt=LARGE, actors=actors, stdout=io.StringIO())
        print(f"filled {LARGE}: {actors} actors in {time.perf_counter() - started:.1f}s")
    return Buurt.objects.get(slug=LARGE)


def client_for(rol, buurten):
    user, _created = get_user_model().objects.get_or_create(username=f"bench-verslag-{rol}")
    for buurt in buurten:
        Rol.objects.update_or_create(user=user, buurt=buurt, defaults={"rol": rol})
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def timed(client, url):
    started = time.perf_counter()
    response = client.get(url)
    seconds = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    return seconds, response


def measure(client, url, runs):
    """(cold seconds, median, fastest, queries, the last response)."""
    cold, response = timed(client, url)
    times = [timed(client, url)[0] for _run in range(runs)]
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return cold, statistics.median(times), min(times), len(ctx.captured_queries), response


def peak_memory(client, url):
    tracemalloc.start()
    try:
        client.get(url)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--refill", action="store_true")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("createcachetable")
    call_command("createcachetable", verbosity=0)
    call_command("demo", stdout=io.StringIO())
    klein = Buurt.objects.get(slug=DEMO_SLUG)
    groot = ensure(args.actors, args.refill)
    print(f"database: {connection.vendor}; median (and fastest) of {args.runs} runs, seconds")
    header = f"{'':26} {'cold':>6} {'median':>7} {'(fast)':>7} {'queries':>8} {'pages':>6}"
    print(f"{header} {'peak memory':>12}")
    results = {}
    for rol in (Rol.Soort.COORDINATOR, Rol.Soort.ONDERZOEKER):
        client = client_for(rol, (klein, groot))
        for buurt, label in ((klein, "demo"), (groot, f"{args.actors:,} actors")):
            for name in ("verslag:verslag", "verslag:verslag_pdf"):
                url = reverse(name, args=[buurt.slug])
                cold, median, fastest, queries, response = measure(client, url, args.runs)
                pdf = name.endswith("pdf")
                pages = len(PdfReader(io.BytesIO(response.content)).pages) if pdf else ""
                peak = peak_memory(client, url) if pdf else None
                results[(rol, label, pdf)] = (median, queries, peak)
                what = f"{rol[:5]} {label} {'pdf' if pdf else 'page'}"
                memory = f"{peak / 1_000_000:9.1f} MB" if peak else ""
                print(
                    f"{what:26} {cold:6.2f} {median:7.2f} ({fastest:5.2f}) {queries:8} "
                    f"{pages!s:>6} {memory:>12}"
                )
    for rol in (Rol.Soort.COORDINATOR, Rol.Soort.ONDERZOEKER):
        small, large = (
            results[(rol, label, True)] for label in ("demo", f"{args.actors:,} actors")
        )
        print(
            f"{rol}: PDF large/demo time {large[0] / small[0]:.2f}x, "
            f"peak memory {large[2] / small[2]:.2f}x, queries {small[1]} and {large[1]}"
        )


if __name__ == "__main__":
    main()
