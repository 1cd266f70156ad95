"""What initiatieven's rows add to the buurt's counts (buurt/tellingen.py): successes,
activities, initiatives, teams and memberships."""

from django.db.models import Exists, OuterRef
from django.db.models.signals import m2m_changed

from buurt import tellingen
from buurt.tellingen import ZONDER_DAG, Reeks, created_day

from .models import Activiteit, Deelname, Initiatief, Succes, Team


def _succes(row):
    yield "successen", row["datum"], 1


def _activiteit(row):
    yield "activiteiten", row["dag"], 1
    if row["loopt"]:
        yield "activiteiten_lopend", ZONDER_DAG, 1


def _initiatief(row):
    yield "initiatieven", row["dag"], 1
    if row["voortbouwend"]:
        yield "voortbouwend", row["dag"], 1
    if row["status"] == Initiatief.Status.LOOPT:
        yield "initiatieven_lopend", ZONDER_DAG, 1


def _team(row):
    yield "teams", row["dag"], 1


def _deelname(row):
    # A changed agreement ends one membership and starts another: neither a join nor a
    # departure (as initiatieven.teams.zonder_voortzettingen and vertrokken count them).
    if not row["voortzetting"]:
        yield "deelnames_begonnen", row["toegetreden_op"], 1
    if row["vertrokken_op"] is None:
        yield "deelnames_actief", ZONDER_DAG, 1
    elif row["einde"] != Deelname.Einde.GEWIJZIGD:
        yield "deelnames_gestopt", row["vertrokken_op"], 1


def _voortzetting():
    return {
        "voortzetting": Exists(
            Deelname.objects.filter(
                team=OuterRef("team"),
                partner=OuterRef("partner"),
                einde=Deelname.Einde.GEWIJZIGD,
                vertrokken_op=OuterRef("toegetreden_op"),
                pk__lt=OuterRef("pk"),
            )
        )
    }


def _voortbouwend():
    through = Initiatief.bouwt_voort_op.through
    return {
        **created_day(),
        "voortbouwend": Exists(through.objects.filter(initiatief=OuterRef("pk"))),
    }


def _m2m(sender, instance, action, reverse, pk_set, **kwargs):
    """The initiatives an activity is linked to or unlinked from (``bouwt_voort_op``)."""
    if action not in M2M_ACTIONS:
        return
    if not reverse:
        entities = [(Initiatief, instance.pk)]
    elif action == "pre_clear":
        linked = sender.objects.filter(activiteit=instance).values_list("initiatief_id", flat=True)
        entities = instance.__dict__["_tellingen_clear"] = [(Initiatief, pk) for pk in linked]
    elif action == "post_clear":
        entities = instance.__dict__.pop("_tellingen_clear", [])
    else:
        entities = [(Initiatief, pk) for pk in pk_set]
    (tellingen.voor if action.startswith("pre_") else tellingen.na)(entities)


M2M_ACTIONS = {"pre_add", "post_add", "pre_remove", "post_remove", "pre_clear", "post_clear"}


def _unlinked_by(activiteit):
    """Deleting an activity unlinks the initiatives that build on it."""
    if activiteit.pk:
        through = Initiatief.bouwt_voort_op.through
        linked = through.objects.filter(activiteit=activiteit.pk)
        for pk in linked.values_list("initiatief_id", flat=True):
            yield Initiatief, pk


def connect():
    tellingen.register(Reeks(Succes, "buurt", ["datum"], _succes))
    tellingen.register(Reeks(Activiteit, "buurt", ["loopt"], _activiteit, created_day))
    tellingen.register(Reeks(Initiatief, "buurt", ["status"], _initiatief, _voortbouwend))
    tellingen.register(Reeks(Team, "initiatief__buurt", [], _team, created_day))
    tellingen.register(
        Reeks(
            Deelname,
            "team__initiatief__buurt",
            ["toegetreden_op", "vertrokken_op", "einde"],
            _deelname,
            _voortzetting,
        )
    )
    tellingen.depends(Activiteit, _unlinked_by, only_delete=True)
    m2m_changed.connect(
        _m2m, sender=Initiatief.bouwt_voort_op.through, dispatch_uid="tellingen-voortbouwend"
    )
