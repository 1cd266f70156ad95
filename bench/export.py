"""Bench: CSV export of the actors table versus COPY of the tables it reads.

    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/zorgzaam_bench \
        .venv/bin/python bench/export.py [N]

Fills a buurt "bench-export" with N actors (seed_scale, default 1,000,000, about 10 minutes;
skipped when the buurt has N actors already) and prints, measured in this one run: the time
the first export takes to store the pseudonyms (once per actor and key); the time of the
app's CSV export of the actors table (best of three, storing none); the time of COPY TO
STDOUT of the tables that export reads (the buurt's actors and the key's pseudonyms, every
column) and the ratio (target <= 3); for reference COPY of the export's own SELECT; and the
peak memory of a fresh process doing the export (target: under 150 MB).
"""

import io
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgzaam.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from buurt.models import Actor, Buurt  # noqa: E402
from onderzoek import pseudoniemen  # noqa: E402
from onderzoek.export import Export  # noqa: E402
from onderzoek.models import Pseudoniem  # noqa: E402
from onderzoek.tables import TABLES_BY_NAME  # noqa: E402

SLUG = "bench-export"


def fill(n):
    """A buurt with n actors and proportional history, from the seed_scale command."""
    buurt = Buurt.objects.filter(slug=SLUG).first()
    if buurt is None or Actor.objects.filter(buurt=buurt).count() != n:
        call_command("seed_scale", "--buurt", SLUG, "--actors", str(n), stdout=io.StringIO())
    return Buurt.objects.get(slug=SLUG)


class Sink:
    """A binary file that throws the bytes away, counting them."""

    def __init__(self):
        self.size = 0

    def write(self, data):
        self.size += len(data)
        return len(data)

    def writable(self):
        return True

    def flush(self):
        pass

    def closed(self):
        return False


def time_app_export(buurt):
    table = TABLES_BY_NAME["actors"]
    export = Export([buurt], [table])
    sink = Sink()
    start = time.perf_counter()
    for chunk in export.csv_chunks(table):
        sink.write(chunk)
    return time.perf_counter() - start, sink.size


def time_copy(sql, params=()):
    with connection.cursor() as cursor:
        size = 0
        start = time.perf_counter()
        with cursor.cursor.copy(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)", params) as copy:
            for data in copy:
                size += len(data)
        return time.perf_counter() - start, size


def copy_statements(buurt, export):
    """What the export reads, every column of every row (its SELECT also reads the buurt's
    one row for the slug), and the export's own SELECT, which makes the text of each cell."""
    sleutel = pseudoniemen.key_fingerprint(export.key)
    tables = [
        ("SELECT * FROM buurt_actor WHERE buurt_id = %s", (buurt.pk,)),
        ("SELECT * FROM onderzoek_pseudoniem WHERE sleutel = %s", (sleutel,)),
    ]
    own = export.queryset(TABLES_BY_NAME["actors"], csv_text=True).query.sql_with_params()
    return tables, own


def child_peak_memory():
    """Run the export in fresh processes: peak RSS (whole process, Django included) and,
    in a second run since tracing itself costs memory, the Python heap peak. In MB."""

    def run(mode):
        out = subprocess.run(
            [sys.executable, __file__, mode], capture_output=True, text=True, check=True
        )
        return float(out.stdout.split()[-1])

    return run("--child-rss"), run("--child-heap")


def child(mode):
    import tracemalloc

    buurt = Buurt.objects.get(slug=SLUG)
    if mode == "--child-heap":
        tracemalloc.start()
        time_app_export(buurt)
        print(tracemalloc.get_traced_memory()[1] / 1024 / 1024)
    else:
        time_app_export(buurt)
        # VmHWM, not ru_maxrss: the latter keeps the forking parent's peak across exec.
        status = Path("/proc/self/status").read_text()
        peak_kb = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
        print(int(peak_kb) / 1024)


def main():
    if connection.vendor != "postgresql":
        sys.exit("Run this bench on PostgreSQL: set DATABASE_URL.")
    call_command("migrate", verbosity=0)
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    buurt = fill(n)
    table = TABLES_BY_NAME["actors"]
    export = Export([buurt], [table])
    start = time.perf_counter()
    stored = pseudoniemen.store([buurt], export.key)
    store_s = time.perf_counter() - start
    print(f"{n} actors; first export stored {stored} pseudonyms in {store_s:.2f} s")
    assert Pseudoniem.objects.filter(actor__buurt=buurt).count() == n
    tables, own = copy_statements(buurt, export)
    time_app_export(buurt)  # warm the caches, as COPY gets them warm too
    # Best of three of each, interleaved: other work on the machine evens out.
    export_runs, copy_runs, own_runs = [], [], []
    for _ in range(3):
        export_runs.append(time_app_export(buurt)[0])
        copy_runs.append(sum(time_copy(sql, params)[0] for sql, params in tables))
        own_runs.append(time_copy(*own)[0])
    export_s, copy_s, own_s = min(export_runs), min(copy_runs), min(own_runs)
    rss, heap = child_peak_memory()
    print(
        "rows, export s, COPY of the tables it reads s, ratio, COPY of its own SELECT s, "
        "peak RSS MB (whole process), Python heap peak MB"
    )
    print(
        f"{n}, {export_s:.2f}, {copy_s:.2f}, {export_s / copy_s:.2f}, {own_s:.2f}, "
        f"{rss:.0f}, {heap:.1f}"
    )


if __name__ == "__main__":
    if sys.argv[-1].startswith("--child"):
        child(sys.argv[-1])
    else:
        main()
