"""Writes that span several rows. Each is one transaction, called by views, admin and CLI."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buurt.services import add_relatie

from .models import Deelname, Initiatief, Team, Teamintensiteit, Voorkeur


@transaction.atomic
def save_activiteit(form):
    """Save an ActiviteitForm: the activity and its organisers together."""
    return form.save()


def record_relatie(buurt, van, naar, intensiteit):
    """Record a relation the fruit finder suggested, from today, unless one already runs;
    return (relatie, created)."""
    return add_relatie(buurt, van, naar, intensiteit, sinds=timezone.localdate())


@transaction.atomic
def create_initiatief(
    buurt, *, naam, soort, doel="", bouwt_voort_op=(), trekkers=(), ondersteunt=(), **extra
):
    initiatief = Initiatief(buurt=buurt, naam=naam, soort=soort, doel=doel, **extra)
    initiatief.validate_ondersteunt(list(ondersteunt))
    initiatief.save()
    if bouwt_voort_op:
        initiatief.bouwt_voort_op.set(bouwt_voort_op)
    if trekkers:
        initiatief.trekkers.set(trekkers)
    if ondersteunt:
        initiatief.ondersteunt.set(ondersteunt)
    return initiatief


@transaction.atomic
def create_team(
    initiatief, *, naam, doel, intensiteit, leden, nodige_intensiteit="", door=None, **extra
):
    """Create a team with its first intensity records and its members.

    ``leden`` is a list of dicts with partner, participatieniveau, nodig and middelen.
    ``nodige_intensiteit``, the intensity the goal needs, may be left open ("").
    """
    vreemd = [
        lid["partner"] for lid in leden if lid["partner"].actor.buurt_id != initiatief.buurt_id
    ]
    if vreemd:
        raise ValidationError(_("Kies partners uit dezelfde buurt als het initiatief."))
    team = Team.objects.create(initiatief=initiatief, naam=naam, doel=doel, **extra)
    Teamintensiteit.objects.create(team=team, intensiteit=intensiteit, door=door)
    if nodige_intensiteit:
        Teamintensiteit.objects.create(
            team=team, soort=Teamintensiteit.Soort.NODIG, intensiteit=nodige_intensiteit, door=door
        )
    Deelname.objects.bulk_create(
        Deelname(
            team=team,
            partner=lid["partner"],
            participatieniveau=lid["participatieniveau"],
            nodig=lid.get("nodig", True),
            middelen=list(lid.get("middelen") or []),
        )
        for lid in leden
    )
    return team


@transaction.atomic
def update_team(team, *, intensiteit, nodige_intensiteit="", door=None):
    """Save the team's fields; a changed current or needed intensity becomes a new dated
    record. Clearing the needed intensity keeps its history and records nothing."""
    team.save()
    for soort, value in (
        (Teamintensiteit.Soort.HUIDIG, intensiteit),
        (Teamintensiteit.Soort.NODIG, nodige_intensiteit),
    ):
        if value and team.latest_intensiteit(soort) != value:
            Teamintensiteit.objects.create(team=team, soort=soort, intensiteit=value, door=door)
    return team


@transaction.atomic
def change_deelname(deelname, *, participatieniveau, nodig, middelen, vertrekt=False):
    """Change a membership without losing its history.

    A membership that started before today is closed and a new one starts today with the
    new agreement; one that started today is simply corrected. Leaving closes it.
    """
    today = timezone.localdate()
    if vertrekt:
        deelname.vertrokken_op = max(today, deelname.toegetreden_op)
        deelname.save(update_fields=["vertrokken_op"])
        return None
    values = {"participatieniveau": participatieniveau, "nodig": nodig, "middelen": list(middelen)}
    if all(getattr(deelname, name) == value for name, value in values.items()):
        return deelname
    if deelname.toegetreden_op >= today:
        for name, value in values.items():
            setattr(deelname, name, value)
        deelname.save(update_fields=list(values))
        return deelname
    deelname.vertrokken_op = today
    deelname.save(update_fields=["vertrokken_op"])
    return Deelname.objects.create(
        team=deelname.team, partner=deelname.partner, toegetreden_op=today, **values
    )


def record_voorkeur(partner, team, data, *, bron, door=None):
    """Record a partner's preference, for one team or (``team=None``) in general.

    ``data`` holds participatieniveau, middelen and notitie, as VoorkeurForm cleans them.
    A preference is never overwritten: the latest one counts, the older ones are history.
    """
    return Voorkeur.objects.create(
        partner=partner,
        team=team,
        participatieniveau=data["participatieniveau"],
        middelen=list(data.get("middelen") or []),
        notitie=data.get("notitie", ""),
        bron=bron,
        door=door,
    )
