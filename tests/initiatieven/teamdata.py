"""What the tests of teams over time share."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from buurt.models import Wijziging
from initiatieven.models import Deelname, Initiatief
from tests import factories as f


def ago(days):
    return timezone.localdate() - timedelta(days=days)


def make_team(buurt, naam="Boodschappenteam"):
    initiatief = f.make_initiatief(buurt, soort=Initiatief.Soort.ZORGZAAM_BUURTINITIATIEF)
    return f.make_team(initiatief, naam)


def writes():
    """Rows that any membership action could write: memberships and their audit trail."""
    return Deelname.objects.count(), Wijziging.objects.count()


def team_url(buurt, team, **query):
    url = reverse("initiatieven:team_edit", args=[buurt.slug, team.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def add_url(buurt, team):
    return reverse("initiatieven:deelname_add", args=[buurt.slug, team.pk])


def edit_url(buurt, deelname):
    return reverse("initiatieven:deelname_edit", args=[buurt.slug, deelname.pk])


def end_url(buurt, deelname):
    return reverse("initiatieven:deelname_end", args=[buurt.slug, deelname.pk])


def iso(day):
    return day.strftime("%Y-%m-%d")
