"""Writes that span a meeting and its invitees, or that a partner makes on an action."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Actie, Deelnemer, Overlegcoordinator


@transaction.atomic
def save_overleg(overleg, partners, coordinatoren):
    """Save the meeting and who is invited. Invitees kept keep their attendance; those taken
    off the list go, each removal in the timeline."""
    overleg.full_clean()
    overleg.save()
    _set_invitees(overleg, Deelnemer, "partner", partners)
    _set_invitees(overleg, Overlegcoordinator, "user", coordinatoren)
    return overleg


def _set_invitees(overleg, model, field, wanted):
    wanted = {obj.pk: obj for obj in wanted}
    existing = {getattr(row, f"{field}_id"): row for row in model.objects.filter(overleg=overleg)}
    for pk, row in existing.items():
        if pk not in wanted:
            row.delete()
    for pk, obj in wanted.items():
        if pk not in existing:
            row = model(overleg=overleg, **{field: obj})
            row.full_clean(validate_unique=False)
            row.save()


@transaction.atomic
def record_aanwezigheid(overleg, partner_ids, coordinator_ids):
    """Mark who came: the invitees among the given ids were there, the others were not.
    Only rows whose answer changes are written (and so appear in the timeline)."""
    for model, present in (
        (Deelnemer, set(partner_ids)),
        (Overlegcoordinator, set(coordinator_ids)),
    ):
        for row in model.objects.filter(overleg=overleg).select_for_update():
            aanwezig = row.pk in present
            if row.aanwezig != aanwezig:
                row.aanwezig = aanwezig
                row.save(update_fields=["aanwezig"])


@transaction.atomic
def add_actie(actie):
    """Save a new action; one agreed at a meeting belongs to the meeting's team or initiative."""
    if actie.overleg_id:
        actie.team_id = actie.overleg.team_id
        actie.initiatief_id = actie.overleg.initiatief_id
    actie.full_clean()
    actie.save()
    return actie


@transaction.atomic
def mark_done(actie, gedaan_op, notitie=None):
    """Mark an action done on a date, with an optional short note (kept when not given).
    Refused when the date is before the action was created or after today."""
    actie = Actie.objects.select_for_update().get(pk=actie.pk)
    if gedaan_op > timezone.localdate():
        raise ValidationError({"gedaan_op": _("Een actie kan niet gedaan zijn in de toekomst.")})
    actie.gedaan_op = gedaan_op
    if notitie is not None:
        actie.notitie = notitie
    actie.full_clean()
    actie.save(update_fields=["gedaan_op", "notitie"])
    return actie
