"""Het bos at three sizes: the demo, 1,000 actors and 100,000 actors; and the network
measures of a buurt with about 10,000 relations.

Usage (from the repository root):

    DEBUG=true .venv/bin/python bench/bos.py [--runs 9] [--refill]
    DEBUG=true DATABASE_URL=postgres://... .venv/bin/python bench/bos.py

The buurten are filled by `manage.py seed_scale` the first time ("bench-bos-1k",
"bench-bos-10k" with 33,000 actors and about 10,000 running relations, and "bench-groot"
with 100,000, shared with bench/pages.py) and reused after; --refill rebuilds them.
Prints, measured in this one run:

- het bos page, warm (measures and map cached) and cold (cache emptied before each run),
  median of --runs, against the targets: 1,000 actors under 300 ms; 100,000 actors within
  2x the demo's time;
- the peak of Python memory while a cold 100,000-actor page renders, beside the demo's;
- the measures alone (networkx, no cache) for the 10,000-relation buurt, against 2 s;
- the dashboard's network growth (12 months) for 100,000 actors, cold.
"""

import argparse
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
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from buurt.models import Relatie, Rol  # noqa: E402
from buurt.months import month_starts, next_month  # noqa: E402
from initiatieven import netwerk, netwerk_groei  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import demo_buurt, ensure  # noqa: E402


def timed(fn, runs, cold):
    times = []
    for _i in range(runs):
        if cold:
            cache.clear()
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def peak_memory(fn):
    cache.clear()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--refill", action="store_true")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("createcachetable")
    call_command("createcachetable", verbosity=0)
    demo = demo_buurt()
    klein = ensure("bench-bos-1k", 1_000, args.refill)
    midden = ensure("bench-bos-10k", 33_000, args.refill)
    groot = ensure("bench-groot", 100_000, args.refill)
    user, _created = get_user_model().objects.get_or_create(username="bench-coordinator")
    for buurt in (demo, klein, midden, groot):
        Rol.objects.update_or_create(
            user=user, buurt=buurt, defaults={"rol": Rol.Soort.COORDINATOR}
        )
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)

    def page(buurt):
        url = reverse("initiatieven:bos", args=[buurt.slug])

        def get():
            response = client.get(url)
            assert response.status_code == 200

        return get

    print(f"median of {args.runs} runs")
    print(f"{'het bos':28} {'warm':>9} {'cold':>9}")
    results = {}
    for label, buurt in (("demo", demo), ("1,000 actors", klein), ("100,000 actors", groot)):
        warm = timed(page(buurt), args.runs, cold=False)
        cold = timed(page(buurt), args.runs, cold=True)
        results[label] = (warm, cold)
        print(f"{label:28} {warm:7.1f}ms {cold:7.1f}ms")
    demo_warm, demo_cold = results["demo"]
    for i, kind in enumerate(("warm", "cold")):
        print(
            f"1,000 actors / 300 ms ({kind}): {results['1,000 actors'][i] / 300:.2f}"
            f"   100,000 actors / demo ({kind}): "
            f"{results['100,000 actors'][i] / (demo_warm, demo_cold)[i]:.2f} (target < 2)"
        )

    mem_demo, mem_groot = peak_memory(page(demo)), peak_memory(page(groot))
    print(
        f"peak Python memory, cold page: demo {mem_demo:.1f} MiB, 100,000 actors "
        f"{mem_groot:.1f} MiB ({mem_groot / mem_demo:.1f}x)"
    )

    today = timezone.localdate()
    relaties = Relatie.objects.in_buurt(midden).actief(today).count()
    measures = timed(lambda: netwerk.bouw(midden, today), max(3, args.runs // 3), cold=True)
    print(
        f"measures for {relaties} running relations ({midden.slug}): {measures:.0f} ms"
        f" / 2000 ms = {measures / 2000:.2f}"
    )
    dagen = [min(next_month(m), today) for m in month_starts(today)]
    groei = timed(
        lambda: netwerk_groei.groei(groot, dagen, today), max(3, args.runs // 3), cold=True
    )
    print(f"network growth, 12 months, 100,000 actors (cold): {groei:.0f} ms")


if __name__ == "__main__":
    main()
