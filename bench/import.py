"""Bench: importing a spreadsheet of actors versus PostgreSQL's own COPY FROM.

    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/zorgzaam_bench \
        .venv/bin/python bench/import.py [N]

Imports N (default 100,000) new actors from a CSV file through the app's path (read,
check every cell, match names against the buurt, write atomically) and, into an empty
buurt, COPY FROM STDIN of the same rows. Prints both times and the ratio (target <= 20).
The web form caps files at 1 MB; the bench lifts that cap to measure the path itself.
"""

import csv
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgzaam.settings")

import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from buurt.models import Actor, Buurt  # noqa: E402
from importeren import imports, reading  # noqa: E402
from importeren.services import apply_import  # noqa: E402

SOORTEN = ["bewoner", "vereniging", "professional", "organisatie"]


def spreadsheet(n):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["naam", "soort", "sector", "email", "telefoon", "adres"])
    for i in range(n):
        writer.writerow(
            [f"Actor {i}", SOORTEN[i % 4], "zorg", f"a{i}@example.be", "0470", f"Straat {i}"]
        )
    return buffer.getvalue().encode()


def fresh_buurt(slug):
    Buurt.objects.filter(slug=slug).delete()
    return Buurt.objects.create(slug=slug, naam=slug)


def time_app_import(data, n):
    buurt = fresh_buurt("bench-import")
    start = time.perf_counter()
    header, rows = reading.read_upload(SimpleUploadedFile("actoren.csv", data))
    plan = imports.plan_import(buurt, "actoren", header, rows)
    assert not plan.errors, plan.errors[:3]
    apply_import(buurt, plan)
    elapsed = time.perf_counter() - start
    assert Actor.objects.filter(buurt=buurt).count() == n
    return elapsed


def time_copy_from(n):
    buurt = fresh_buurt("bench-copy")
    now = timezone.now().isoformat()
    lines = [
        f"{buurt.pk}\tActor {i}\t{SOORTEN[i % 4]}\tzorg\t\ta{i}@example.be\t0470\t"
        f"Straat {i}\t{now}\t{now}\n"
        for i in range(n)
    ]
    payload = "".join(lines)
    columns = "buurt_id, naam, soort, sector, omschrijving, email, telefoon, adres, "
    columns += "aangemaakt_op, gewijzigd_op"
    start = time.perf_counter()
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY buurt_actor ({columns}) FROM STDIN") as copy,
    ):
        copy.write(payload)
    elapsed = time.perf_counter() - start
    assert Actor.objects.filter(buurt=buurt).count() == n
    return elapsed


def main():
    if connection.vendor != "postgresql":
        sys.exit("Run this bench on PostgreSQL: set DATABASE_URL.")
    call_command("migrate", verbosity=0)
    call_command("createcachetable")
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    reading.MAX_BYTES = 1 << 30
    reading.MAX_ROWS = n
    data = spreadsheet(n)
    app_s = min(time_app_import(data, n) for _ in range(2))
    copy_s = min(time_copy_from(n) for _ in range(2))
    print("rows, import s, COPY FROM s, ratio")
    print(f"{n}, {app_s:.2f}, {copy_s:.2f}, {app_s / copy_s:.1f}")
    Buurt.objects.filter(slug__in=["bench-import", "bench-copy"]).delete()


if __name__ == "__main__":
    main()
