"""A team's members over time.

Joining, leaving and a changed agreement are dated and nothing is deleted: a changed
agreement ends the membership that day (einde "gewijzigd") and a new one starts the same
day with the new values. So the team's make-up on any past date stays known, and one
partner has one running membership per team at most (a database constraint).
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .models import Deelname, Middel, Participatieniveau, Teamintensiteit


def _day(value):
    return formats.date_format(value, "j F Y")


def _not_in_future(name, day):
    if day > timezone.localdate():
        raise ValidationError({name: _("Deze datum ligt in de toekomst: kies vandaag of vroeger.")})


@transaction.atomic
def add_deelname(
    team, partner, *, participatieniveau, nodig=True, middelen=(), toegetreden_op=None
):
    """A partner of the team's buurt joins the team on ``toegetreden_op`` (default today).

    Refused (ValidationError, nothing written) for a partner of another buurt, a partner
    who is a member already or was one after that date, and a date in the future.
    """
    day = toegetreden_op or timezone.localdate()
    if partner.actor.buurt_id != team.initiatief.buurt_id:
        raise ValidationError({"partner": _("Kies een partner uit dezelfde buurt.")})
    _not_in_future("toegetreden_op", day)
    overlap = (
        Deelname.objects.filter(team=team, partner=partner)
        .exclude(vertrokken_op__lte=day)
        .order_by("vertrokken_op")
        .first()
    )
    if overlap is not None and overlap.vertrokken_op is None:
        raise ValidationError(
            {"partner": _("%(naam)s is al lid van dit team.") % {"naam": partner}}
        )
    if overlap is not None:
        raise ValidationError(
            {
                "toegetreden_op": _(
                    "%(naam)s was tot %(datum)s lid van dit team: kies die datum of later."
                )
                % {"naam": partner, "datum": _day(overlap.vertrokken_op)}
            }
        )
    try:
        with transaction.atomic():
            return Deelname.objects.create(
                team=team,
                partner=partner,
                participatieniveau=participatieniveau,
                nodig=nodig,
                middelen=list(middelen),
                toegetreden_op=day,
            )
    except IntegrityError:  # the same partner added at the same moment by someone else
        raise ValidationError(
            {"partner": _("%(naam)s is al lid van dit team.") % {"naam": partner}}
        ) from None


def _lock_running(deelname):
    """The membership, locked, if it still runs; else a Dutch refusal."""
    running = (
        Deelname.objects.select_for_update()
        .filter(pk=deelname.pk, vertrokken_op__isnull=True)
        .first()
    )
    if running is None:
        raise ValidationError(_("Deze deelname is intussen al afgesloten."))
    return running


@transaction.atomic
def end_deelname(deelname, *, vertrokken_op=None):
    """The partner leaves the team on ``vertrokken_op`` (default today): the membership is
    closed, never deleted. Refused for a date in the future or before the partner joined."""
    day = vertrokken_op or timezone.localdate()
    _not_in_future("vertrokken_op", day)
    if day < deelname.toegetreden_op:
        raise ValidationError(
            {
                "vertrokken_op": _("De vertrekdatum ligt vóór de datum van toetreden (%(datum)s).")
                % {"datum": _day(deelname.toegetreden_op)}
            }
        )
    running = _lock_running(deelname)
    running.vertrokken_op = day
    running.einde = Deelname.Einde.VERTROKKEN
    running.save(update_fields=["vertrokken_op", "einde"])
    deelname.vertrokken_op, deelname.einde = running.vertrokken_op, running.einde
    return running


@transaction.atomic
def change_deelname(deelname, *, participatieniveau, nodig, middelen, datum=None):
    """A new agreement (level, needed or not, resources) from ``datum`` (default today).

    The running membership ends that day (einde "gewijzigd") and a new one with the new
    values starts the same day. Refused when nothing changes, for a date in the future and
    for one before the membership started.
    """
    day = datum or timezone.localdate()
    if (
        participatieniveau == deelname.participatieniveau
        and bool(nodig) == deelname.nodig
        and set(middelen) == set(deelname.middelen)
    ):
        raise ValidationError({NON_FIELD_ERRORS: _("Er verandert niets aan de afspraak.")})
    _not_in_future("datum", day)
    if day < deelname.toegetreden_op:
        raise ValidationError(
            {
                "datum": _("De deelname begon pas op %(datum)s: kies die datum of later.")
                % {"datum": _day(deelname.toegetreden_op)}
            }
        )
    running = _lock_running(deelname)
    running.vertrokken_op = day
    running.einde = Deelname.Einde.GEWIJZIGD
    running.save(update_fields=["vertrokken_op", "einde"])
    return Deelname.objects.create(
        team_id=running.team_id,
        partner_id=running.partner_id,
        participatieniveau=participatieniveau,
        nodig=bool(nodig),
        middelen=list(middelen),
        toegetreden_op=day,
    )


def zonder_voortzettingen(deelnames):
    """The memberships that began a partner's time in a team: a membership that only
    continues one whose agreement changed (ended "gewijzigd" the day it started, created
    after it) is left out, so counting joins counts each partner once."""
    voorganger = Deelname.objects.filter(
        team=OuterRef("team"),
        partner=OuterRef("partner"),
        einde=Deelname.Einde.GEWIJZIGD,
        vertrokken_op=OuterRef("toegetreden_op"),
        pk__lt=OuterRef("pk"),
    )
    return deelnames.exclude(Exists(voorganger))


def vertrokken(deelnames):
    """The memberships that ended because the partner left, not because the agreement
    changed. An ended membership from before ``einde`` existed counts as left."""
    return deelnames.filter(vertrokken_op__isnull=False).exclude(einde=Deelname.Einde.GEWIJZIGD)


def lid_op(deelname, day):
    """Whether the membership ran on ``day``: it ends at the start of its leaving day, so on
    the day of a changed agreement only the new membership counts."""
    return deelname.toegetreden_op <= day and (
        deelname.vertrokken_op is None or deelname.vertrokken_op > day
    )


def samenstelling_op(deelnames, day):
    """The memberships of ``deelnames`` (one team's, loaded) that ran on ``day``, by name."""
    return sorted(
        (d for d in deelnames if lid_op(d, day)), key=lambda d: (str(d.partner).lower(), d.pk)
    )


@dataclass
class Gebeurtenis:
    """One event in a team's history."""

    datum: date
    soort: str  # toegetreden, vertrokken, gewijzigd, intensiteit, nodige_intensiteit
    wie: str = ""  # the partner's name, for the membership events
    oud: str = ""  # label of the level (or intensity) before
    nieuw: str = ""  # label of the level (or intensity) after, or on joining
    details: list = field(default_factory=list)  # other changes, in Dutch
    volgorde: tuple = ()


def middelen_labels(values):
    """The labels of a membership's resources, joined, or a dash for none."""
    return ", ".join(str(Middel(m).label) for m in values if m in Middel.values) or "—"


def _agreement_details(old, new):
    details = []
    if old.nodig != new.nodig:
        details.append(
            _("nu nodig voor het doel") if new.nodig else _("niet langer nodig voor het doel")
        )
    if set(old.middelen) != set(new.middelen):
        details.append(
            _("brengt in: %(oud)s → %(nieuw)s")
            % {"oud": middelen_labels(old.middelen), "nieuw": middelen_labels(new.middelen)}
        )
    return details


def _continuations(deelnames):
    """{id of a membership ended "gewijzigd": the membership that continues it}."""
    per_partner = {}
    for deelname in sorted(deelnames, key=lambda d: (d.toegetreden_op, d.pk)):
        per_partner.setdefault(deelname.partner_id, []).append(deelname)
    opvolgers = {}
    for rows in per_partner.values():
        claimed = set()
        for i, row in enumerate(rows):
            if row.einde != Deelname.Einde.GEWIJZIGD:
                continue
            opvolger = next(
                (
                    later
                    for later in rows[i + 1 :]
                    if later.pk > row.pk
                    and later.toegetreden_op == row.vertrokken_op
                    and later.pk not in claimed
                ),
                None,
            )
            if opvolger is not None:
                claimed.add(opvolger.pk)
                opvolgers[row.pk] = opvolger
    return opvolgers


def geschiedenis(deelnames, intensiteiten):
    """A team's history, newest first: who joined, who left, whose agreement changed (old
    level → new), and each recorded intensity (previous → new). ``deelnames`` and
    ``intensiteiten`` are all of the team's records, loaded; nothing is queried here."""
    opvolgers = _continuations(deelnames)
    voortgezet = {opvolger.pk for opvolger in opvolgers.values()}
    events = []
    for d in deelnames:
        naam = str(d.partner)
        niveau = str(Participatieniveau(d.participatieniveau).label)
        if d.pk not in voortgezet:
            events.append(
                Gebeurtenis(d.toegetreden_op, "toegetreden", naam, nieuw=niveau, volgorde=(0, d.pk))
            )
        if d.pk in opvolgers:
            new = opvolgers[d.pk]
            events.append(
                Gebeurtenis(
                    d.vertrokken_op,
                    "gewijzigd",
                    naam,
                    oud=niveau,
                    nieuw=str(Participatieniveau(new.participatieniveau).label),
                    details=_agreement_details(d, new),
                    volgorde=(1, new.pk),
                )
            )
        elif d.vertrokken_op is not None:
            events.append(Gebeurtenis(d.vertrokken_op, "vertrokken", naam, volgorde=(2, d.pk)))
    vorige = {}
    for record in sorted(intensiteiten, key=lambda r: (r.datum, r.pk)):
        soort = (
            "intensiteit" if record.soort == Teamintensiteit.Soort.HUIDIG else "nodige_intensiteit"
        )
        events.append(
            Gebeurtenis(
                record.datum,
                soort,
                oud=vorige.get(record.soort, ""),
                nieuw=str(record.get_intensiteit_display()),
                volgorde=(3, record.pk),
            )
        )
        vorige[record.soort] = str(record.get_intensiteit_display())
    events.sort(key=lambda e: (e.datum, e.volgorde), reverse=True)
    return events
