"""What needs attention at size: a buurt of 100,000 actors and 10,000 actions versus the demo,
and the weekly digest for 500 buurten in bounded memory.

Usage (from the repository root):

    DEBUG=true .venv/bin/python bench/aandacht.py [--actors 100000] [--acties 10000]
        [--runs 15] [--refill] [--digest 500]
    DEBUG=true DATABASE_URL=postgres://... .venv/bin/python bench/aandacht.py

Times the attention page, one kind's second page, the handover and the dashboard (which shows
the top items) for the demo buurt and for "bench-aandacht", filled by `manage.py seed_scale`
the first time and reused after (--refill rebuilds it), with --acties actions (a third of
them overdue), meetings for most of its teams, partner links and invitations added by
bulk_create. Prints the median (and fastest) time per page for both, the ratio large/small
(target: at most 2) and the number of queries, which must be the same for both.

Then the digest: --digest N small buurten, "bench-digest-<n>", each with its coordinator and
a few items, and the digest run (after one to warm up) for a tenth of them and for all, to a
mail backend that drops the messages, under tracemalloc. Prints the queries per mail and the
peak memory of both runs: the same peak for ten times as many buurten is what bounded means.
"""

import argparse
import os
import random
import statistics
import sys
import time
import tracemalloc
from datetime import timedelta
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgzaam.settings")

import django  # noqa: E402

django.setup()

from auditlog.context import disable_auditlog  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from aandacht import digest  # noqa: E402
from buurt.models import Actor, Buurt, Rol  # noqa: E402
from demodata.demo.data import SLUG as DEMO_SLUG  # noqa: E402
from initiatieven.models import Initiatief, Team  # noqa: E402
from overleg.models import Actie, Overleg  # noqa: E402
from partners.models import Partner, Partnerlink  # noqa: E402
from rollen.models import Uitnodiging  # noqa: E402

LARGE = "bench-aandacht"
DIGEST_PREFIX = "bench-digest-"
BATCH = 2000


def ensure(actors, acties, refill):
    """The large buurt, filled by `seed_scale` plus the meetings, actions, links and
    invitations, unless it already has the right size."""
    buurt = Buurt.objects.filter(slug=LARGE).first()
    if (
        refill
        or buurt is None
        or Actor.objects.in_buurt(buurt).count() != actors
        or Actie.objects.in_buurt(buurt).count() != acties
    ):
        started = time.perf_counter()
        if buurt is not None:
            Actie.objects.in_buurt(buurt).delete()
            Overleg.objects.in_buurt(buurt).delete()
        call_command("seed_scale", buurt=LARGE, actors=actors, stdout=StringIO())
        buurt = Buurt.objects.get(slug=LARGE)
        add_follow_up(buurt, acties)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        seconds = time.perf_counter() - started
        print(f"filled {LARGE}: {actors} actors, {acties} actions in {seconds:.1f}s")
    return buurt


@transaction.atomic
def add_follow_up(buurt, acties):
    rng = random.Random(14)
    now = timezone.now()
    today = timezone.localdate(now)
    partners = list(Partner.objects.in_buurt(buurt).values_list("pk", flat=True))
    teams = list(Team.objects.in_buurt(buurt).values_list("pk", flat=True))
    # Three meetings a year for four teams in five; the fifth has not met for months.
    overleggen = [
        Overleg(
            buurt=buurt,
            team_id=team,
            titel=f"Teamoverleg {n}",
            begint_op=now - timedelta(days=rng.randint(1, 360)),
            aangemaakt_op=now - timedelta(days=365),
        )
        for team in teams
        if rng.random() < 0.8
        for n in range(3)
    ]
    Overleg.objects.bulk_create(overleggen, batch_size=BATCH)
    created = now - timedelta(days=200)
    rows = []
    for i in range(acties):
        tegen = today + timedelta(days=rng.randint(-150, 60))
        done = i % 3 == 0 or (i % 3 == 1 and tegen < today)
        rows.append(
            Actie(
                buurt=buurt,
                wat=f"Actie {i}",
                partner_id=rng.choice(partners),
                tegen=tegen,
                gedaan_op=min(tegen, today) if done else None,
                aangemaakt_op=created,
            )
        )
    Actie.objects.bulk_create(rows, batch_size=BATCH)
    links = [
        Partnerlink(
            partner_id=partner,
            token_hash=f"bench-aandacht-{partner}",
            verloopt_op=now + timedelta(days=rng.randint(-30, 60)),
        )
        for partner in partners[: len(partners) // 2]
    ]
    Partnerlink.objects.bulk_create(links, batch_size=BATCH)
    Uitnodiging.objects.bulk_create(
        Uitnodiging(
            buurt=buurt,
            email=f"uitgenodigd{i}@example.org",
            rol=Rol.Soort.COORDINATOR,
            token_hash=f"bench-aandacht-uitnodiging-{i}",
            verloopt_op=now + timedelta(days=rng.randint(-20, 7)),
        )
        for i in range(40)
    )


def pages(buurt):
    slug = buurt.slug
    return [
        ("aandacht", reverse("aandacht:aandacht", args=[slug])),
        (
            "  acties, pagina 2",
            reverse("aandacht:soort", args=[slug, "actie_te_laat"]) + "?pagina=2",
        ),
        ("overdracht", reverse("aandacht:overdracht", args=[slug])),
        ("dashboard", reverse("coordinatie:dashboard", args=[slug])),
    ]


def count_queries(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def measure(client, urls, runs):
    times = {url: [] for url in urls}
    for _i in range(runs):
        for url in urls:
            started = time.perf_counter()
            client.get(url)
            times[url].append(time.perf_counter() - started)
    return [(statistics.median(times[url]) * 1000, min(times[url]) * 1000) for url in urls]


def bench_pages(args):
    call_command("demo", stdout=StringIO())
    klein = Buurt.objects.get(slug=DEMO_SLUG)
    groot = ensure(args.actors, args.acties, args.refill)
    user, _created = get_user_model().objects.get_or_create(username="bench-coordinator")
    for buurt in (klein, groot):
        Rol.objects.update_or_create(
            user=user, buurt=buurt, defaults={"rol": Rol.Soort.COORDINATOR}
        )
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    print(f"database: {connection.vendor}; median (and fastest) of {args.runs} runs")
    print(f"{'page':20} {'demo':>17} {args.actors:>17}  ratio (fastest)  queries")
    ratios = []
    for (label, small_url), (_l, large_url) in zip(pages(klein), pages(groot), strict=True):
        small_q, large_q = (count_queries(client, url) for url in (small_url, large_url))
        (small_ms, small_min), (large_ms, large_min) = measure(
            client, [small_url, large_url], args.runs
        )
        ratios.append(large_ms / small_ms)
        same = "" if small_q == large_q else f" (demo: {small_q})"
        print(
            f"{label:20} {small_ms:6.1f} ({small_min:5.1f})ms {large_ms:6.1f} ({large_min:5.1f})ms"
            f"  {ratios[-1]:5.2f} ({large_min / small_min:5.2f})  {large_q}{same}"
        )
    print(f"geometric mean ratio: {statistics.geometric_mean(ratios):.2f}")


@transaction.atomic
@disable_auditlog()
def ensure_digest_buurten(n):
    """``n`` small buurten, each with one coordinator, a running initiative without a trekker
    and a partner never rated."""
    have = Buurt.objects.filter(slug__startswith=DIGEST_PREFIX).count()
    User = get_user_model()
    for i in range(have, n):
        buurt = Buurt.objects.create(slug=f"{DIGEST_PREFIX}{i:04}", naam=f"Digestbuurt {i}")
        user = User.objects.create(
            username=f"{DIGEST_PREFIX}{i:04}", email=f"digest{i}@example.org"
        )
        Rol.objects.create(user=user, buurt=buurt, rol=Rol.Soort.COORDINATOR)
        Initiatief.objects.create(
            buurt=buurt, naam=f"Initiatief {i}", soort="bewonersinitiatief", status="loopt"
        )
        Partner.objects.create(
            actor=Actor.objects.create(buurt=buurt, naam=f"Partner {i}", soort="vereniging")
        )


def digest_run():
    """Run the digest for every coordinator with an address: (mails, queries, peak bytes).

    Nothing is kept per query or per mail while it runs (no query log, a mail backend that
    drops the messages), so the peak is the digest's own."""
    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    debug, settings.DEBUG = settings.DEBUG, False
    tracemalloc.start()
    try:
        with connection.execute_wrapper(count):
            verslag = digest.run(print)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        settings.DEBUG = debug
    return verslag.verzonden, queries, peak


def bench_digest(n):
    """The same run for a tenth of the buurten and for all of them."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    others = get_user_model().objects.exclude(email="").exclude(username__startswith=DIGEST_PREFIX)
    print(f"\ndigest, dummy mail backend, {connection.vendor}")
    if others.filter(buurtrollen__rol=Rol.Soort.COORDINATOR).exists():
        print("(other coordinators with an address in this database get a mail too)")
    print(f"{'buurten':>8} {'mails':>6} {'queries':>8} {'per mail':>9} {'peak memory':>12}")
    with disable_auditlog():
        Buurt.objects.filter(slug__startswith=DIGEST_PREFIX).delete()
        get_user_model().objects.filter(username__startswith=DIGEST_PREFIX).delete()
    ensure_digest_buurten(max(1, n // 10))
    digest_run()  # imports, templates and translations load once, on the first run
    for size in (max(1, n // 10), n):
        ensure_digest_buurten(size)
        started = time.perf_counter()
        sent, queries, peak = digest_run()
        seconds = time.perf_counter() - started
        print(
            f"{size:>8} {sent:>6} {queries:>8} {queries / max(sent, 1):>9.1f}"
            f" {peak / 1_000_000:>9.1f} MB   ({seconds:.1f}s)"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--acties", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--refill", action="store_true")
    parser.add_argument("--digest", type=int, default=500, help="buurten for the digest (0: skip)")
    parser.add_argument("--skip-pages", action="store_true")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("createcachetable")
    call_command("createcachetable", verbosity=0)
    if not args.skip_pages:
        bench_pages(args)
    if args.digest:
        bench_digest(args.digest)


if __name__ == "__main__":
    main()
