"""Bench: CSV export of the actors table versus PostgreSQL's own COPY TO STDOUT.

    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/zorgzaam_bench \
        .venv/bin/python bench/export.py [N]

Fills a buurt "bench-export" with N actors (seed_scale), then 10 x N, and prints for each
size the time of the app's CSV export of the actors table, the time of COPY (SELECT ...)
TO STDOUT of the same rows (the export's own SELECT, which has PostgreSQL compute the
pseudonyms, the formula guard and the ISO dates) and their ratio (target <= 3 at 1,000,000
rows); for reference also COPY of the raw columns, which does none of that work; and the
peak memory of a fresh process doing the export (target: flat in N and under 150 MB).
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
from onderzoek.export import Export  # noqa: E402
from onderzoek.tables import TABLES_BY_NAME  # noqa: E402

SLUG = "bench-export"


def fill(n):
    """A buurt with n actors and proportional history, from the seed_scale command."""
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
        sink.write(chunk.encode())
    return time.perf_counter() - start, sink.size


def time_copy(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        query = cursor.cursor.mogrify(sql, params)
        size = 0
        start = time.perf_counter()
        with cursor.cursor.copy(f"COPY ({query}) TO STDOUT WITH (FORMAT csv, HEADER)") as copy:
            for data in copy:
                size += len(data)
        return time.perf_counter() - start, size


def copy_querysets(buurt):
    """The export's own SELECT (pseudonyms, formula guard and ISO dates computed by
    PostgreSQL: the same rows, byte for byte), and the raw columns it reads."""
    table = TABLES_BY_NAME["actors"]
    same = Export([buurt], [table]).queryset(table)
    raw = table.queryset([buurt], identifiable=False)
    return same, raw


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
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(
        "rows, export s, COPY same SELECT s, ratio, COPY raw columns s, ratio to raw, "
        "peak RSS MB (whole process), Python heap peak MB"
    )
    for size in (n, 10 * n):
        buurt = fill(size)
        assert Actor.objects.filter(buurt=buurt).count() == size
        time_app_export(buurt)  # warm the caches, as COPY gets them warm too
        # Best of three of each, interleaved: other work on the machine evens out.
        same, raw = copy_querysets(buurt)
        export_runs, copy_runs, raw_runs = [], [], []
        for _ in range(3):
            export_runs.append(time_app_export(buurt)[0])
            copy_runs.append(time_copy(same)[0])
            raw_runs.append(time_copy(raw)[0])
        export_s, copy_s, raw_s = min(export_runs), min(copy_runs), min(raw_runs)
        rss, heap = child_peak_memory()
        print(
            f"{size}, {export_s:.2f}, {copy_s:.2f}, {export_s / copy_s:.2f}, "
            f"{raw_s:.2f}, {export_s / raw_s:.2f}, {rss:.0f}, {heap:.1f}"
        )


if __name__ == "__main__":
    if sys.argv[-1].startswith("--child"):
        child(sys.argv[-1])
    else:
        main()
