"""What coordinators did with the chances of step 3: their state, dated in ``Kansstatus``.

A chance is a pair of activities (see fruit.py). The latest record per pair counts; a pair
without any record is ``voorgesteld``. ``niet_nu`` hides a chance until its date, and a
``verbonden`` pair is never proposed again.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from buurt.services import lock_buurt

from . import services
from .models import Activiteit, Kansstatus

Status = Kansstatus.Status
# How long "niet nu" hides a chance, in months: a small choice, not a date picker.
MAANDEN = (1, 3, 6, 12)


@dataclass
class Staat:
    """The current state of one chance, as the fruit page shows it."""

    status: str
    door: str = ""  # a short name of who set it; empty for a proposal or a deleted user
    op: object = None  # datetime
    tot: date | None = None
    notitie: str = ""

    @property
    def label(self):
        return Status(self.status).label

    @property
    def verborgen(self):
        return self.status == Status.NIET_NU and self.tot > timezone.localdate()


VOORGESTELD = Staat(Status.VOORGESTELD)


def paar(a, b):
    """The pair of activity ids, smallest first, as Kansstatus stores it."""
    a, b = _pk(a), _pk(b)
    return (a, b) if a < b else (b, a)


def _pk(activiteit):
    return activiteit.pk if isinstance(activiteit, Activiteit) else activiteit


def _latest(queryset):
    """Only the latest record of each pair in ``queryset``."""
    newer = Kansstatus.objects.filter(
        buurt=OuterRef("buurt"),
        activiteit_a=OuterRef("activiteit_a"),
        activiteit_b=OuterRef("activiteit_b"),
    ).filter(Q(op__gt=OuterRef("op")) | Q(op=OuterRef("op"), pk__gt=OuterRef("pk")))
    return queryset.filter(~Exists(newer))


def niet_voorstellen(buurt):
    """(verbonden, verborgen): sets of pairs the finder must not propose, in one query.

    ``verborgen`` are the pairs put on ``niet_nu`` until a date still to come.
    """
    today = timezone.localdate()
    rows = (
        _latest(Kansstatus.objects.in_buurt(buurt))
        .filter(Q(status=Status.VERBONDEN) | Q(status=Status.NIET_NU, tot__gt=today))
        .values_list("activiteit_a", "activiteit_b", "status")
    )
    verbonden, verborgen = set(), set()
    for a, b, status in rows:
        (verbonden if status == Status.VERBONDEN else verborgen).add((a, b))
    return verbonden, verborgen


def met_staat(buurt, kansen):
    """Attach ``kans.staat`` (a ``Staat``) to each chance, in one query for all of them."""
    kansen = list(kansen)
    if not kansen:
        return kansen
    pairs = Q()
    for kans in kansen:
        a, b = paar(kans.a, kans.b)
        pairs |= Q(activiteit_a=a, activiteit_b=b)
    records = _latest(Kansstatus.objects.in_buurt(buurt).filter(pairs)).select_related("door")
    current = {(r.activiteit_a_id, r.activiteit_b_id): _staat(r) for r in records}
    for kans in kansen:
        kans.staat = current.get(paar(kans.a, kans.b), VOORGESTELD)
    return kansen


def _staat(record):
    door = ""
    if record.door:
        door = record.door.first_name or record.door.get_username()
    return Staat(record.status, door, record.op, record.tot, record.notitie)


def huidige_staat(buurt, a, b):
    a, b = paar(a, b)
    records = _latest(Kansstatus.objects.in_buurt(buurt).filter(activiteit_a=a, activiteit_b=b))
    record = records.select_related("door").first()
    return _staat(record) if record else VOORGESTELD


def plus_maanden(day, maanden):
    """``day`` plus a number of months; the 31st becomes the last day of a shorter month."""
    month = day.month - 1 + maanden
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _lock_pair(buurt, a, b):
    """The pair's two running activities of this buurt, under the buurt's lock until the
    transaction ends, so two coordinators clicking at once write one change after the other
    (the same lock ``record_relatie`` takes, so they never wait for each other crosswise)."""
    if a == b:
        raise ValidationError(_("Een kans verbindt twee verschillende activiteiten."))
    lock_buurt(buurt.pk)
    found = list(Activiteit.objects.in_buurt(buurt).lopend().filter(pk__in=[a, b]).order_by("pk"))
    if len(found) != 2:
        raise ValidationError(
            _("Deze kans bestaat niet: kies twee lopende activiteiten van deze buurt.")
        )
    return found


@transaction.atomic
def set_kansstatus(buurt, a, b, *, status, maanden=None, notitie="", door):
    """Record a new state for the chance of activities ``a`` and ``b`` (ids or objects).

    ``niet_nu`` hides it for ``maanden`` months (one of ``MAANDEN``); the number is
    ignored for any other status. Refuses, with a Dutch message and nothing written,
    activities that are not running activities of this buurt, an unknown status and a
    change to the state the chance already has.
    """
    if status not in Status.values:
        raise ValidationError(_("Onbekende status “%(status)s”.") % {"status": status})
    tot = None
    if status == Status.NIET_NU:
        if maanden not in MAANDEN:
            raise ValidationError(
                _("Kies voor hoelang de kans verborgen blijft: %(keuzes)s maanden.")
                % {"keuzes": _keuzes()}
            )
        tot = plus_maanden(timezone.localdate(), maanden)
    a, b = paar(a, b)
    first, second = _lock_pair(buurt, a, b)
    huidig = huidige_staat(buurt, a, b)
    if huidig.status == Status.VERBONDEN:
        raise ValidationError(_("Deze kans is al verbonden; ze wordt niet meer voorgesteld."))
    # A "niet nu" that has run out may be postponed again; any other repeat is a mistake
    # (or a second click), and would only clutter the history.
    if huidig.status == status and not (status == Status.NIET_NU and not huidig.verborgen):
        raise ValidationError(
            _("Deze kans staat al op “%(status)s”.") % {"status": Status(status).label}
        )
    return Kansstatus.objects.create(
        buurt=buurt,
        activiteit_a=first,
        activiteit_b=second,
        status=status,
        tot=tot,
        notitie=notitie,
        door=door,
    )


def _keuzes():
    *first, last = (str(m) for m in MAANDEN)
    return _("%(eerste)s of %(laatste)s") % {"eerste": ", ".join(first), "laatste": last}


@transaction.atomic
def verbind(buurt, a, b, *, van, naar, intensiteit, door):
    """Connect the organisers ``van`` and ``naar`` of a chance and mark it ``verbonden``,
    together or not at all; return (relatie, created).

    ``van`` must organise one of the two activities and ``naar`` the other.
    """
    a, b = paar(a, b)
    left, right = (
        set(x.organisatoren.values_list("pk", flat=True)) for x in _lock_pair(buurt, a, b)
    )
    if not ((van.pk in left and naar.pk in right) or (van.pk in right and naar.pk in left)):
        raise ValidationError(
            _("%(van)s en %(naar)s organiseren niet elk een van de twee activiteiten.")
            % {"van": van, "naar": naar}
        )
    relatie = services.record_relatie(buurt, van, naar, intensiteit)
    if huidige_staat(buurt, a, b).status != Status.VERBONDEN:
        Kansstatus.objects.create(
            buurt=buurt, activiteit_a_id=a, activiteit_b_id=b, status=Status.VERBONDEN, door=door
        )
    return relatie
