"""What recording history costs a write: the same edit POSTed with the timeline on and off.

Usage (from the repository root):

    DEBUG=true .venv/bin/python bench/history_write.py [--runs 31]
    DEBUG=true DATABASE_URL=postgres://... .venv/bin/python bench/history_write.py

POSTs existing edit forms of the demo buurt as its coordinator: an actor edit, an
initiative's status change and a team update, each time changing something, so that every
POST writes and, when recording, adds timeline entries. Each run POSTs once with
django-auditlog recording and once inside ``auditlog.context.disable_auditlog()``, in turns,
so machine load hits both alike. The form is read with a GET first, outside the timing.
Prints the median (and fastest) time of both, their ratio and the queries each POST runs.
Target: ratio <= 1.2.
"""

import argparse
import os
import statistics
import sys
import time
from contextlib import nullcontext
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgzaam.settings")

import django  # noqa: E402

django.setup()

from auditlog.context import disable_auditlog  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from buurt.models import Actor, Buurt, Samenwerkingsintensiteit, Wijziging  # noqa: E402
from demodata.demo.data import SLUG  # noqa: E402
from initiatieven.models import Initiatief, Team  # noqa: E402


class FormFields(HTMLParser):
    """The fields of the form posting to ``action``, with their current values."""

    def __init__(self, action):
        super().__init__()
        self.action = action
        self.inside = False
        self.fields = {}
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("method", "").lower() == "post" and attrs.get(
                "action", self.action
            ) in (self.action, "")
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.setdefault(name, []).append(attrs.get("value", "on"))
            elif kind not in ("submit", "button"):
                self.fields[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.fields.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            # A browser drops the newline right after <textarea>.
            self.fields[self._textarea] = self.fields[self._textarea].removeprefix("\n")
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def form_data(client, page, action):
    response = client.get(page)
    assert response.status_code == 200, (page, response.status_code)
    parser = FormFields(action)
    parser.feed(response.text)
    assert parser.fields, f"no form posting to {action} on {page}"
    parser.fields.pop("eenmalig", None)  # the double-submit token: without it, always new
    return parser.fields


def cases(buurt):
    """(label, form page, POST url, change(data, i)) of every write timed."""
    slug = buurt.slug
    actor = Actor.objects.in_buurt(buurt).filter(partner__isnull=True).order_by("pk").first()
    edit = reverse("buurt:actor_edit", args=[slug, actor.pk])
    prefix = f"actor-{actor.pk}"

    sectors = Actor.Sector.values

    def actor_change(data, i):
        data[f"{prefix}-sector"] = sectors[i % len(sectors)]

    initiatief = Initiatief.objects.in_buurt(buurt).filter(status="loopt").order_by("pk").first()
    status = reverse("initiatieven:initiatief_status", args=[slug, initiatief.pk])

    def status_change(data, i):
        current = Initiatief.objects.get(pk=initiatief.pk).status
        data["status"] = "gepauzeerd" if current == "loopt" else "loopt"
        data["datum"] = timezone.localdate().isoformat()
        data["reden"] = f"Meting {i}"

    team = Team.objects.in_buurt(buurt).order_by("pk").first()
    team_url = reverse("initiatieven:team_edit", args=[slug, team.pk])
    levels = Samenwerkingsintensiteit.values

    def team_change(data, i):
        data["intensiteit"] = levels[i % len(levels)]
        data["besluitvorming"] = f"Afspraak {i}"

    return [
        ("actor bewerken", edit, edit, actor_change),
        ("status initiatief", status, status, status_change),
        ("team bijwerken", team_url, team_url, team_change),
    ]


def post(client, url, data, recording):
    with nullcontext() if recording else disable_auditlog():
        started = time.perf_counter()
        response = client.post(url, data)
        elapsed = time.perf_counter() - started
    assert response.status_code == 302, (url, response.status_code, response.content[:300])
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=31)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("createcachetable")
    call_command("demo", stdout=StringIO())
    buurt = Buurt.objects.get(slug=SLUG)
    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="coordinator"))

    print(f"database: {connection.vendor}; median (and fastest) of {args.runs} POSTs each")
    print(f"{'write':20} {'recording':>17} {'not recording':>17}  ratio (fastest)  queries")
    ratios = []
    step = 0
    for label, page, url, change in cases(buurt):
        times = {True: [], False: []}
        queries = {}
        entries = Wijziging.objects.filter(buurt=buurt).count()
        for _run in range(args.runs + 1):
            for recording in (True, False):
                step += 1
                data = form_data(client, page, url)
                change(data, step)
                connection.queries_log.clear()
                with CaptureQueriesContext(connection) as captured:
                    elapsed = post(client, url, data, recording)
                queries[recording] = len(captured)
                if _run:  # the first run warms up
                    times[recording].append(elapsed)
        written = Wijziging.objects.filter(buurt=buurt).count() - entries
        assert written >= args.runs, f"{label}: only {written} timeline entries recorded"
        (on, on_min), (off, off_min) = (
            (statistics.median(times[r]) * 1000, min(times[r]) * 1000) for r in (True, False)
        )
        ratios.append(on / off)
        print(
            f"{label:20} {on:6.1f} ({on_min:5.1f})ms {off:6.1f} ({off_min:5.1f})ms"
            f"  {on / off:5.2f} ({on_min / off_min:5.2f})  {queries[True]} vs {queries[False]}"
        )
    print(f"geometric mean ratio: {statistics.geometric_mean(ratios):.2f}")


if __name__ == "__main__":
    main()
