"""Load: concurrent coordinators against gunicorn on PostgreSQL, reads and writes mixed.

Usage (from the repository root):

    .venv/bin/python bench/load.py [--clients 20] [--seconds 30] [--rounds 3] [--warmup 5]
        [--workers 3] [--reset]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/zorgzaam_load .venv/bin/python bench/load.py

Sets up a dedicated PostgreSQL database (DATABASE_URL, created if missing; default
zorgzaam_load), migrates it, creates the cache table and builds the demo buurt (--reset
rebuilds it), collects static files into a temporary directory and starts gunicorn on a
free loopback port with a production-like environment (DEBUG off, a fresh SECRET_KEY,
ALLOWED_HOSTS=127.0.0.1, SECURE_COOKIES=false so the clients keep their session over
plain HTTP). Each client is a thread with its own session, logged in as the demo
coordinator; they fetch the coordinator pages and now and then write: rate a partner's
enthusiasm, add an actor, log a small success. Writes are plain form posts (what the pages
do without JavaScript), CSRF token from the csrftoken cookie; a write counts as done when
it answers the redirect that follows a valid form.

After --warmup seconds of all clients (not counted), one client and then --clients clients
run the same mix for --seconds each, in --rounds turns (1 client, N clients, 1 client, ...),
so a change in the load of a shared machine hits both alike. Prints for each requests/s,
p50/p95/max latency overall and per page, the CPU per request of gunicorn, PostgreSQL and
the clients and how many cores they got (from Linux's /proc); then the ratio of the two
throughputs (target: at least 1.5 for 20 clients), errors (any 5xx, connection error or
timeout) and writes lost: writes answered as done minus new rows (Enthousiasme, Actor,
Succes) in the database after gunicorn has stopped. Targets: 0 errors, 0 lost writes, p95
under 0.5 s.
"""

import argparse
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from io import StringIO
from pathlib import Path

import psycopg
import requests
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/zorgzaam_load"
HOST = "127.0.0.1"
TIMEOUT = 30  # seconds for one request, gunicorn's own worker timeout

# (weight, label) of each action; reads are most of a coordinator's day.
MIX = [
    (14, "dashboard"),
    (14, "ken je buurt"),
    (14, "vonken"),
    (9, "fruit"),
    (9, "bomen"),
    (9, "initiatieven"),
    (11, "actor"),
    (8, "POST enthousiasme"),
    (6, "POST actor"),
    (6, "POST succes"),
]
WRITES = {"POST enthousiasme": "Enthousiasme", "POST actor": "Actor", "POST succes": "Succes"}


def ensure_database(url):
    """Create the database named in url unless it exists (connecting to 'postgres')."""
    name = conninfo_to_dict(url)["dbname"]
    with psycopg.connect(make_conninfo(url, dbname="postgres"), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"created database {name}")


def production_env(database_url, settings_dir):
    """The environment of gunicorn and of this process: production settings, loopback."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        SECURE_COOKIES="false",
        # Production storage (hashed, compressed static files) in a temporary directory,
        # so the working tree's staticfiles/ stays as it is.
        DJANGO_SETTINGS_MODULE="load_settings",
        PYTHONPATH=os.pathsep.join([str(settings_dir), str(ROOT)]),
    )
    (settings_dir / "load_settings.py").write_text(
        "from zorgzaam.settings import *  # noqa: F403\n"
        f"STATIC_ROOT = {str(settings_dir / 'static')!r}\n"
    )
    return env


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_gunicorn(env, port, workers, log):
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "zorgzaam.wsgi"]
    command += ["--workers", str(workers), "--bind", f"{HOST}:{port}"]
    # A session of its own, as a service has: Linux gives each session (autogroup) an equal
    # share of a busy machine, and the clients would otherwise take theirs from gunicorn's.
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True
    )
    base = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                sys.exit(f"gunicorn exited with {process.returncode}; see {log.name}")
            try:
                if requests.get(f"{base}/health/", timeout=5).status_code == 200:
                    return process, base
            except requests.RequestException:
                pass  # not listening yet, or workers still booting on a busy machine
            time.sleep(0.2)
        sys.exit(f"gunicorn did not answer /health/ within 60 s; see {log.name}")
    except BaseException:
        stop(process)
        raise


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def login(base, username, password):
    session = requests.Session()
    session.get(f"{base}/accounts/login/", timeout=TIMEOUT).raise_for_status()
    response = session.post(
        f"{base}/accounts/login/",
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        allow_redirects=False,
        timeout=TIMEOUT,
    )
    if response.status_code != 302:
        sys.exit(f"login as {username} failed: {response.status_code}")
    return session


class Client(threading.Thread):
    """One coordinator: a session, a random walk through MIX until the deadline."""

    def __init__(self, turn, number, session, base, slug, target, start, deadline):
        super().__init__(name=f"client-{turn}-{number}")
        self.turn, self.number, self.session, self.slug = turn, number, session, slug
        self.buurt_url = f"{base}/buurten/{slug}/"
        self.target, self.start_event, self.deadline = target, start, deadline
        self.random = random.Random(f"{turn}-{number}")
        self.results = []  # (label, seconds, outcome) with outcome ok, error or other
        self.done = defaultdict(int)  # model name -> writes answered as done
        self.errors = []  # a few error descriptions, for the report

    def run(self):
        labels = [label for _w, label in MIX]
        weights = [weight for weight, _l in MIX]
        self.start_event.wait()
        n = 0
        while time.monotonic() < self.deadline:
            label = self.random.choices(labels, weights)[0]
            n += 1
            method, path, data, expect = self.request(label, n)
            headers = {}
            if method == "POST":
                headers["X-CSRFToken"] = self.session.cookies.get("csrftoken", "")
            started = time.perf_counter()
            try:
                response = self.session.request(
                    method,
                    self.buurt_url + path,
                    data=data,
                    headers=headers,
                    allow_redirects=False,
                    timeout=TIMEOUT,
                )
                response.content  # noqa: B018 - read the whole body inside the timing
            except requests.RequestException as exc:
                self.results.append((label, time.perf_counter() - started, "error"))
                self.errors.append(f"{label}: {type(exc).__name__}: {exc}")
                continue
            elapsed = time.perf_counter() - started
            status = response.status_code
            if status >= 500:
                outcome = "error"
                self.errors.append(f"{label} {path}: {status}")
            elif status == expect:
                outcome = "ok"
                if label in WRITES:
                    self.done[WRITES[label]] += 1
            else:
                outcome = "other"
                self.errors.append(f"{label} {path}: unexpected {status}")
            self.results.append((label, elapsed, outcome))

    def request(self, label, n):
        """(method, path below the buurt, form data, expected status) for one action."""
        target = self.target
        choose = self.random.choice
        reads = {
            "dashboard": "",
            "ken je buurt": "ken-je-buurt/",
            "vonken": "vonken/",
            "fruit": "fruit/",
            "bomen": "bomen/",
            "initiatieven": "initiatieven/",
        }
        if label in reads:
            return "GET", reads[label], None, 200
        if label == "actor":
            return "GET", f"ken-je-buurt/{choose(target['actors'])}/", None, 200
        tag = f"load {target['run']} {self.turn}-{self.number}-{n}"
        if label == "POST enthousiasme":
            path = f"vonken/{choose(target['partners'])}/enthousiasme/"
            return "POST", path, {"niveau": choose(["geen", "vonk", "vuur"])}, 302
        if label == "POST actor":
            data = {
                "naam": f"Actor {tag}",
                "soort": choose(["bewoner", "vereniging", "professional", "organisatie"]),
                "sector": "",
                "aangebracht_door": "",
            }
            return "POST", "ken-je-buurt/nieuw/", data, 302
        data = {
            "titel": f"Succes {tag}",
            "datum": target["today"],
            "initiatief": "",
            "partners": choose(target["partner_names"]),
        }
        return "POST", "vonken/successen/", data, 302


class CpuMeter:
    """CPU seconds used by gunicorn (master and workers), by the PostgreSQL backends of the
    database and by this process (the clients), read from Linux's /proc.

    On a machine shared with other processes, throughput shows what the run was given; CPU
    per request shows what a request costs, and CPU seconds per second how many cores the
    run got.
    """

    TICKS = os.sysconf("SC_CLK_TCK")

    def __init__(self, gunicorn_pid, database_url):
        self.gunicorn_pid = gunicorn_pid
        self.database = psycopg.connect(database_url, autocommit=True)

    def close(self):
        self.database.close()

    @classmethod
    def seconds(cls, pids):
        """{pid: user + system CPU seconds} of those still running."""
        used = {}
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # ended meanwhile
            used[pid] = (int(fields[11]) + int(fields[12])) / cls.TICKS
        return used

    def gunicorn_pids(self):
        pids = [self.gunicorn_pid]
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == self.gunicorn_pid:
                    pids.append(int(stat.parent.name))
            except (OSError, ValueError):
                continue
        return pids

    def postgres_pids(self):
        rows = self.database.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid()"
        )
        return [pid for (pid,) in rows]

    def snapshot(self):
        return (
            self.seconds(self.gunicorn_pids()),
            self.seconds(self.postgres_pids()),
            time.process_time(),
        )

    @staticmethod
    def used(before, after):
        """(gunicorn, PostgreSQL, clients) CPU seconds between two snapshots."""
        server, database = (
            sum(seconds - start.get(pid, 0) for pid, seconds in end.items())
            for start, end in zip(before[:2], after[:2], strict=True)
        )
        return server, database, after[2] - before[2]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def run_turn(turn, sessions, base, slug, target, seconds, meter):
    """Run len(sessions) clients for `seconds`; return them (with their results), the time
    and the CPU seconds used (gunicorn, PostgreSQL, clients)."""
    start = threading.Event()
    deadline = time.monotonic() + seconds
    clients = [
        Client(turn, i, session, base, slug, target, start, deadline)
        for i, session in enumerate(sessions)
    ]
    for client in clients:
        client.start()
    before = meter.snapshot()
    started = time.perf_counter()
    start.set()
    for client in clients:
        client.join()
    elapsed = time.perf_counter() - started
    return clients, elapsed, meter.used(before, meter.snapshot())


def report(title, clients, elapsed, cpu):
    """Print the per-page table and the totals of one load level; return its requests/s."""
    results = [result for client in clients for result in client.results]
    latencies = [seconds for _l, seconds, _o in results]
    print(f"{title}:")
    print(f"  {'page':18} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    by_label = defaultdict(list)
    for label, seconds, _o in results:
        by_label[label].append(seconds)
    for _w, label in MIX:
        times = by_label.get(label)
        if times:
            print(
                f"  {label:18} {len(times):8} {statistics.median(times) * 1000:8.0f}"
                f" {percentile(times, 0.95) * 1000:8.0f} {max(times) * 1000:8.0f}"
            )
    throughput = len(results) / elapsed
    print(
        f"  requests/s: {throughput:.1f} ({len(results)} in {elapsed:.1f} s); "
        f"latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
    )
    server, database, own = (seconds * 1000 / len(results) for seconds in cpu)
    print(
        f"  CPU per request: gunicorn {server:.1f} ms, PostgreSQL {database:.1f} ms, "
        f"clients {own:.1f} ms; cores used: {sum(cpu) / elapsed:.2f} of {os.cpu_count()}"
    )
    return throughput


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30, help="for each number of clients")
    parser.add_argument("--rounds", type=int, default=3, help="turns the seconds are split in")
    parser.add_argument("--warmup", type=float, default=5, help="seconds of all clients first")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--reset", action="store_true", help="rebuild the demo buurt first")
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL)
    if not database_url.startswith(("postgres://", "postgresql://")):
        sys.exit("DATABASE_URL must point at PostgreSQL.")
    ensure_database(database_url)
    settings_dir = Path(tempfile.mkdtemp(prefix="zorgzaam-load-"))
    env = production_env(database_url, settings_dir)
    os.environ.update(env)  # this process sets up and counts rows with the same settings
    sys.path[:0] = [str(settings_dir), str(ROOT)]

    import django

    django.setup()

    from django.core.management import call_command
    from django.utils import timezone

    from buurt.models import Actor, Buurt
    from demodata.demo.data import PASSWORD, SLUG
    from initiatieven.models import Succes
    from partners.models import Enthousiasme, Partner

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("demo", reset=args.reset, stdout=StringIO())
    call_command("collectstatic", interactive=False, verbosity=0)
    buurt = Buurt.objects.get(slug=SLUG)
    partners = Partner.objects.in_buurt(buurt).select_related("actor")
    target = {
        "run": uuid.uuid4().hex[:8],
        "today": timezone.localdate().isoformat(),
        "actors": list(Actor.objects.in_buurt(buurt).values_list("pk", flat=True)),
        "partners": [partner.pk for partner in partners],
        "partner_names": [partner.actor.naam for partner in partners],
    }

    def rows():
        return {
            "Enthousiasme": Enthousiasme.objects.filter(partner__actor__buurt=buurt).count(),
            "Actor": Actor.objects.in_buurt(buurt).count(),
            "Succes": Succes.objects.filter(buurt=buurt).count(),
        }

    before = rows()
    levels = (1, args.clients)
    clients = {level: [] for level in levels}
    elapsed = dict.fromkeys(levels, 0.0)
    cpu = {level: [0.0, 0.0, 0.0] for level in levels}
    log = open(settings_dir / "gunicorn.log", "w")  # noqa: SIM115 - open for the whole run
    process, base = start_gunicorn(env, free_port(), args.workers, log)
    try:
        sessions = [login(base, "coordinator", PASSWORD) for _i in range(args.clients)]
        meter = CpuMeter(process.pid, database_url)
        # Each worker's first requests load templates and translations: not counted.
        warm, _seconds, _used = run_turn(0, sessions, base, SLUG, target, args.warmup, meter)
        turn = 0
        for _round in range(args.rounds):
            for level in levels:
                turn += 1
                ran, seconds, used = run_turn(
                    turn, sessions[:level], base, SLUG, target, args.seconds / args.rounds, meter
                )
                clients[level] += ran
                elapsed[level] += seconds
                cpu[level] = [total + part for total, part in zip(cpu[level], used, strict=True)]
        meter.close()
    finally:
        stop(process)  # every answered write is committed once gunicorn has exited
        log.close()
    after = rows()

    print(
        f"{args.seconds:g} s each for 1 and {args.clients} clients in {args.rounds} rounds, "
        f"gunicorn --workers {args.workers}, PostgreSQL {conninfo_to_dict(database_url)['dbname']}"
        f", buurt {SLUG} ({before['Actor']} actors at the start)"
    )
    single = report("1 client", clients[1], elapsed[1], cpu[1])
    many = report(
        f"{args.clients} clients", clients[args.clients], elapsed[args.clients], cpu[args.clients]
    )
    print(f"throughput {args.clients} clients / 1 client: {many / single:.2f}x")

    everyone = warm + [client for level in levels for client in clients[level]]
    results = [result for client in everyone for result in client.results]
    errors = sum(1 for _l, _s, outcome in results if outcome == "error")
    other = sum(1 for _l, _s, outcome in results if outcome == "other")
    done = defaultdict(int)
    for client in everyone:
        for model, count in client.done.items():
            done[model] += count
    print(f"errors (5xx, connection, timeout): {errors}; other unexpected answers: {other}")
    lost = 0
    for model in WRITES.values():
        new = after[model] - before[model]
        lost += max(0, done[model] - new)
        print(f"  {model}: {done[model]} writes answered as done, {new} new rows")
    print(f"writes lost: {lost}")
    # Other processes on a shared machine take cores from gunicorn and the clients alike.
    print(
        "load average (1, 5, 15 min) after the run: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    )
    for line in sorted({e for client in everyone for e in client.errors})[:10]:
        print(f"  {line}")
    if errors or lost or other:
        print(f"gunicorn log: {log.name}")


if __name__ == "__main__":
    main()
