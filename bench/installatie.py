"""Installation size: the demo buurt's coordinator pages with 1,000,000 actors in other
buurten versus none.

Usage (from the repository root):

    .venv/bin/python bench/installatie.py [--buurten 10] [--actors 100000] [--runs 15]
        [--leeg DB] [--groot DB] [--refill]

PostgreSQL only. Two databases on the server of DATABASE_URL (default the local one), each
created if missing, migrated and given the demo buurt (`manage.py demo`): --leeg (default
zorgzaam_installatie_leeg) holds the demo only, --groot (zorgzaam_installatie_groot) also
--buurten other buurten of --actors actors each, "inst-01" and on, filled by `manage.py
seed_scale` the first time and reused after (--refill rebuilds them), then VACUUM ANALYZE.
Each other buurt has its own coordinator; the demo coordinator's role in them, which
seed_scale grants, is taken away, so the demo's pages and its coordinator are the same in
both databases.

One process per database (DEBUG on, Django's test client, logged in as the demo coordinator)
times the pages; the requests alternate between the two, one at a time, so a change in the
load of a shared machine hits both alike. The pages: those of bench/pages.py plus every other
page a coordinator reads in the demo (timeline, what needs attention and each of its kinds,
meetings, actions, policy, people and roles, privacy, the report, import, the forms). Prints
per page the median (and fastest) time for both, the ratio (target: at most 1.1), the
queries, which must be the same for both, and the median time spent in SQL (round trips
included, as DEBUG records them), then the geometric mean of the ratios.
"""

import argparse
import contextlib
import multiprocessing
import os
import statistics
import sys
import time
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

from load import ensure_database

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def coordinator_pages(buurt):
    """(label, url, headers) of every page timed: bench/pages.py's and the other ones."""
    from django.urls import reverse
    from pages import pages

    from aandacht.soorten import KINDS
    from buurt.models import Actor
    from initiatieven.models import Initiatief
    from overleg.models import Overleg

    slug = buurt.slug

    def url(name, *args):
        return reverse(name, args=[slug, *args])

    def first(queryset):
        return queryset.order_by("pk").values_list("pk", flat=True).first()

    persoon = first(Actor.objects.in_buurt(buurt).natuurlijke_personen())
    partner = first(Actor.objects.in_buurt(buurt).partners().values("partner"))
    rows = [(label, page_url, headers) for _app, label, page_url, headers in pages(buurt)]
    rows += [
        ("beleid", url("buurt:beleid"), {}),
        ("tijdlijn", url("coordinatie:tijdlijn"), {}),
        ("aandacht", url("aandacht:aandacht"), {}),
    ]
    rows += [(f"  aandacht: {soort}", url("aandacht:soort", soort), {}) for soort in KINDS]
    rows += [
        ("overdracht", url("aandacht:overdracht"), {}),
        ("overleg", url("overleg:overleg_list"), {}),
        (
            "  een overleg",
            url("overleg:overleg_detail", first(Overleg.objects.in_buurt(buurt))),
            {},
        ),
        ("  nieuw overleg", url("overleg:overleg_create"), {}),
        ("acties", url("overleg:actie_list"), {}),
        ("  nieuwe actie", url("overleg:actie_create"), {}),
        (
            "een initiatief",
            url("initiatieven:initiatief_detail", first(Initiatief.objects.filter(buurt=buurt))),
            {},
        ),
        ("  kies soort", url("initiatieven:soort_choose"), {}),
        ("partnerlinks", url("partnerportaal:partnerlink_list", partner), {}),
        ("rollen", url("rollen:mensen"), {}),
        ("privacy", url("privacy:overzicht"), {}),
        ("  bewaartermijn", url("privacy:bewaartermijn"), {}),
        ("  exports", url("privacy:exports"), {}),
        ("  inzage", url("privacy:inzage", persoon), {}),
        ("  grondslag", url("privacy:grondslag", persoon), {}),
        ("verslag", url("verslag:verslag"), {}),
        ("import", url("importeren:import"), {}),
    ]
    return rows


def fill(buurten, actors, refill):
    """The other buurten, each filled by seed_scale unless it has the right size already."""
    from auditlog.context import disable_auditlog
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from buurt.models import Actor, Buurt, Rol

    filled = False
    for n in range(1, buurten + 1):
        slug = f"inst-{n:02}"
        buurt = Buurt.objects.filter(slug=slug).first()
        if refill or buurt is None or Actor.objects.in_buurt(buurt).count() != actors:
            started = time.perf_counter()
            call_command("seed_scale", buurt=slug, actors=actors, seed=n, stdout=StringIO())
            print(f"seed_scale filled {slug} in {time.perf_counter() - started:.0f} s", flush=True)
            filled = True
        user, _created = get_user_model().objects.get_or_create(username=f"{slug}-coordinator")
        with disable_auditlog():
            Rol.objects.update_or_create(
                user=user,
                buurt=Buurt.objects.get(slug=slug),
                defaults={"rol": Rol.Soort.COORDINATOR},
            )
    if filled:
        with connection.cursor() as cursor:
            # What autovacuum does after a bulk insert: fresh planner statistics and a
            # visibility map, without which no index-only scan pays off.
            cursor.execute("VACUUM ANALYZE")


def serve(pipe, database_url, buurten, actors, refill):
    """One database's side: set it up, send the pages and their queries, then time requests."""
    os.environ.update(DATABASE_URL=database_url, DEBUG="true")
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/pages.py
    import pages  # noqa: F401 - sets up Django
    from auditlog.context import disable_auditlog
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from buurt.models import Actor, Buurt, Rol
    from demodata.demo.data import SLUG

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("demo", stdout=StringIO())
    demo = Buurt.objects.get(slug=SLUG)
    if buurten:
        fill(buurten, actors, refill)
    coordinator = get_user_model().objects.get(username="coordinator")
    with disable_auditlog():
        Rol.objects.filter(user=coordinator).exclude(buurt=demo).delete()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics on both sides, as autovacuum keeps them
    elsewhere = Actor.objects.exclude(buurt=demo).count()
    if not buurten and elsewhere:
        sys.exit(f"{connection.settings_dict['NAME']} must hold the demo only: {elsewhere} actors")

    client = Client(HTTP_HOST="localhost")
    client.force_login(coordinator)
    rows = coordinator_pages(demo)
    counts = []
    for _label, url, headers in rows:
        response = client.get(url, **headers)  # also fills what pages cache (het bos)
        assert response.status_code == 200, (url, response.status_code)
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(url, **headers)
        counts.append(len(queries))
    pipe.send((elsewhere, [(label, url) for label, url, _h in rows], counts))
    while (index := pipe.recv()) is not None:
        _label, url, headers = rows[index]
        connection.queries_log.clear()  # DEBUG records each query's time
        started = time.perf_counter()
        client.get(url, **headers)
        elapsed = time.perf_counter() - started
        pipe.send((elapsed, sum(float(query["time"]) for query in connection.queries)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--buurten", type=int, default=10)
    parser.add_argument("--actors", type=int, default=100_000, help="in each other buurt")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--leeg", default="zorgzaam_installatie_leeg", help="the demo only")
    parser.add_argument("--groot", default="zorgzaam_installatie_groot", help="and the others")
    parser.add_argument("--refill", action="store_true")
    args = parser.parse_args()

    server = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    if not server.startswith(("postgres://", "postgresql://")):
        sys.exit("DATABASE_URL must point at PostgreSQL.")
    urls = {
        name: urlsplit(server)._replace(path=f"/{name}").geturl()
        for name in (args.leeg, args.groot)
    }
    for url in urls.values():
        ensure_database(url)
    # Spawned, not forked: each side sets up Django on its own database.
    context = multiprocessing.get_context("spawn")
    sides = []
    for name, buurten in ((args.leeg, 0), (args.groot, args.buurten)):
        ours, theirs = context.Pipe()
        process = context.Process(
            target=serve, args=(theirs, urls[name], buurten, args.actors, args.refill)
        )
        process.start()
        sides.append((name, ours, process))
    try:
        (_n, small_actors, small_pages, small_q), (_g, large_actors, large_pages, large_q) = [
            (name, *pipe.recv()) for name, pipe, _p in sides
        ]
        assert small_pages == large_pages, "the demo differs between the databases"
        times = [[[] for _page in small_pages] for _side in sides]
        sql = [[[] for _page in small_pages] for _side in sides]
        for run in range(args.runs):
            for index in range(len(small_pages)):
                # Who goes first changes each run: a request can warm what the next one reads.
                order = (0, 1) if (run + index) % 2 == 0 else (1, 0)
                for side in order:
                    sides[side][1].send(index)
                    seconds, in_sql = sides[side][1].recv()
                    times[side][index].append(seconds)
                    sql[side][index].append(in_sql)
    except EOFError:
        sys.exit("a database's process stopped; its traceback is above")
    finally:
        for _name, pipe, process in sides:
            with contextlib.suppress(BrokenPipeError):
                pipe.send(None)
            process.join()

    print(
        f"PostgreSQL; demo pages, median (and fastest) of {args.runs} runs: {args.leeg}"
        f" ({small_actors} actors outside the demo) versus {args.groot} ({large_actors})"
    )
    print(f"{'page':32} {'none':>17} {'with others':>17}  ratio (fastest)  queries  in SQL (none)")
    ratios, fastest = [], []
    for index, (label, _url) in enumerate(small_pages):
        small, large = times[0][index], times[1][index]
        small_ms, large_ms = statistics.median(small) * 1000, statistics.median(large) * 1000
        small_min, large_min = min(small) * 1000, min(large) * 1000
        ratios.append(large_ms / small_ms)
        fastest.append(large_min / small_min)
        same = "" if small_q[index] == large_q[index] else f" (none: {small_q[index]})"
        small_sql, large_sql = (statistics.median(sql[side][index]) * 1000 for side in (0, 1))
        print(
            f"{label:32} {small_ms:6.1f} ({small_min:5.1f})ms {large_ms:6.1f} ({large_min:5.1f})ms"
            f"  {ratios[-1]:5.2f} ({fastest[-1]:5.2f})  {large_q[index]:7}{same}"
            f"  {large_sql:5.1f} ({small_sql:5.1f})ms"
        )
    print(
        f"geometric mean ratio: {statistics.geometric_mean(ratios):.2f}"
        f" (fastest runs: {statistics.geometric_mean(fastest):.2f}); highest {max(ratios):.2f}"
    )


if __name__ == "__main__":
    main()
