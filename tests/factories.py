"""Small factories for tests: plain functions with sensible defaults."""

import itertools
from contextlib import nullcontext
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from buurt import tellingen
from buurt.models import Actor, Buurt, Relatie, Rol
from initiatieven.models import Activiteit, Deelname, Initiatief, Succes, Team, Voorkeur
from overleg.models import Actie, Overleg
from partners.links import create_link
from partners.models import Enthousiasme, Partner

_seq = itertools.count(1)


def update_row(obj, **fields):
    """Set fields by an UPDATE (what the app never edits, like ``aangemaakt_op``, or a
    setup the forms would refuse), which sends no signals: the buurt's counts
    (buurt.tellingen) are told of the change."""
    model = type(obj)
    with tellingen.bijgewerkt(model, obj.pk) if model in tellingen.REEKSEN else nullcontext():
        model._base_manager.filter(pk=obj.pk).update(**fields)


def make_user(username=None, password="geheim-wachtwoord", **extra):
    username = username or f"gebruiker{next(_seq)}"
    return get_user_model().objects.create_user(username=username, password=password, **extra)


def make_buurt(slug=None, **extra):
    n = next(_seq)
    extra.setdefault("naam", f"Buurt {n}")
    extra.setdefault("gemeente", "Leuven")
    return Buurt.objects.create(slug=slug or f"buurt-{n}", **extra)


def grant(user, buurt, rol=Rol.Soort.COORDINATOR):
    return Rol.objects.create(user=user, buurt=buurt, rol=rol)


def make_actor(buurt, naam=None, soort=Actor.Soort.VERENIGING, **extra):
    return Actor.objects.create(
        buurt=buurt, naam=naam or f"Actor {next(_seq)}", soort=soort, **extra
    )


def make_partner(buurt, naam=None, niveau=None, soort=Actor.Soort.VERENIGING, **extra):
    partner = Partner.objects.create(actor=make_actor(buurt, naam, soort=soort), **extra)
    if niveau:
        Enthousiasme.objects.create(partner=partner, niveau=niveau)
    return partner


def make_relatie(van, naar, intensiteit="actief_afstemmen", **extra):
    extra.setdefault("sinds", date(2026, 1, 1))
    return Relatie.objects.create(
        buurt=van.buurt, van=van, naar=naar, intensiteit=intensiteit, **extra
    )


def make_activiteit(buurt, naam=None, **extra):
    return Activiteit.objects.create(buurt=buurt, naam=naam or f"Activiteit {next(_seq)}", **extra)


def make_initiatief(buurt, naam=None, soort=Initiatief.Soort.BEWONERSINITIATIEF, **extra):
    return Initiatief.objects.create(
        buurt=buurt, naam=naam or f"Initiatief {next(_seq)}", soort=soort, **extra
    )


def make_team(initiatief, naam=None, **extra):
    return Team.objects.create(initiatief=initiatief, naam=naam or f"Team {next(_seq)}", **extra)


def make_deelname(team, partner, participatieniveau="adviseren", **extra):
    return Deelname.objects.create(
        team=team, partner=partner, participatieniveau=participatieniveau, **extra
    )


def make_succes(buurt, titel=None, **extra):
    return Succes.objects.create(buurt=buurt, titel=titel or f"Succes {next(_seq)}", **extra)


def make_partnerlink(partner, days=30, **extra):
    """Return (link, token); `extra` sets fields afterwards (e.g. ingetrokken_op)."""
    link, token = create_link(partner, days=days)
    for name, value in extra.items():
        setattr(link, name, value)
    if extra:
        link.save()
    return link, token


def make_voorkeur(partner, participatieniveau="adviseren", bron="partnerlink", **extra):
    return Voorkeur.objects.create(
        partner=partner, participatieniveau=participatieniveau, bron=bron, **extra
    )


def make_overleg(buurt, titel=None, begint_op=None, partners=(), **extra):
    """A meeting (a partneroverleg unless `team` or `initiatief` is given), a week from now."""
    overleg = Overleg.objects.create(
        buurt=buurt,
        titel=titel or f"Overleg {next(_seq)}",
        begint_op=begint_op or timezone.now() + timedelta(days=7),
        **extra,
    )
    for partner in partners:
        overleg.deelnemers.create(partner=partner)
    return overleg


def make_actie(buurt, wat=None, tegen=None, **extra):
    """An action, for `partner` or `coordinator` (one of them must be given)."""
    return Actie.objects.create(
        buurt=buurt,
        wat=wat or f"Actie {next(_seq)}",
        tegen=tegen or timezone.localdate() + timedelta(days=14),
        **extra,
    )
