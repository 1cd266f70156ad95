"""Meetings and actions, as counts and dates only: no titles, agendas, notes, decisions or
what an action was about, and no coordinator. Researchers see how often meetings were held,
who came (as numbers) and whether actions were done in time."""

from django.db import models
from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from overleg.models import Actie, Overleg

from ..schema import Column, Table, buurt_column, id_column


class Overlegsoort(models.TextChoices):
    TEAMOVERLEG = "teamoverleg", _("teamoverleg")
    INITIATIEFOVERLEG = "initiatiefoverleg", _("overleg van een initiatief")
    PARTNEROVERLEG = "partneroverleg", _("partneroverleg")


class ActieVoor(models.TextChoices):
    PARTNER = "partner", _("partner")
    COORDINATOR = "coordinator", _("coördinator")


class Afloop(models.TextChoices):
    OP_TIJD = "op_tijd", _("op tijd gedaan")
    TE_LAAT = "te_laat", _("te laat gedaan")
    OPEN = "open", _("open")
    OPEN_TE_LAAT = "open_te_laat", _("open, tegen-datum voorbij")


def _overleg_annotations(identifiable):
    return {
        "soort": Case(
            When(team__isnull=False, then=Value(Overlegsoort.TEAMOVERLEG)),
            When(initiatief__isnull=False, then=Value(Overlegsoort.INITIATIEFOVERLEG)),
            default=Value(Overlegsoort.PARTNEROVERLEG),
            output_field=CharField(),
        ),
        "gehouden": Case(
            When(begint_op__lte=timezone.now(), then=Value(True)),
            default=Value(False),
            output_field=models.BooleanField(),
        ),
        "partners_uitgenodigd": Count("deelnemers", distinct=True),
        "partners_aanwezig": Count(
            "deelnemers", filter=Q(deelnemers__aanwezig=True), distinct=True
        ),
        "coordinatoren_uitgenodigd": Count("overlegcoordinatoren", distinct=True),
        "coordinatoren_aanwezig": Count(
            "overlegcoordinatoren", filter=Q(overlegcoordinatoren__aanwezig=True), distinct=True
        ),
    }


def _actie_annotations(identifiable):
    today = timezone.localdate()
    return {
        "voor": Case(
            When(partner__isnull=False, then=Value(ActieVoor.PARTNER)),
            default=Value(ActieVoor.COORDINATOR),
            output_field=CharField(),
        ),
        "afloop": Case(
            When(gedaan_op__isnull=True, tegen__lt=today, then=Value(Afloop.OPEN_TE_LAAT)),
            When(gedaan_op__isnull=True, then=Value(Afloop.OPEN)),
            When(gedaan_op__lte=F("tegen"), then=Value(Afloop.OP_TIJD)),
            default=Value(Afloop.TE_LAAT),
            output_field=CharField(),
        ),
    }


TABLES = (
    Table(
        "overleggen",
        _("overleggen"),
        "Meetings of a team, an initiative or the whole buurt (partneroverleg), as dates and "
        "counts: no title, agenda, notes or decisions, and not who was there.",
        Overleg,
        (
            id_column("Internal id of the meeting."),
            buurt_column("buurt"),
            Column("soort", "soort", "string", "Kind of meeting.", Overlegsoort, required=True),
            Column("team", "team_id", "integer", "Id of the team (teams), for a team meeting."),
            Column(
                "initiatief",
                "initiatief_id",
                "integer",
                "Id of the initiative (initiatieven), for an initiative's meeting.",
            ),
            Column("begint_op", "begint_op", "datetime", "When it began (UTC).", required=True),
            Column("eindigt_op", "eindigt_op", "datetime", "When it ended (UTC), if recorded."),
            Column(
                "gehouden",
                "gehouden",
                "boolean",
                "True when it had begun by the time of the export (held); False for one "
                "still planned.",
                required=True,
            ),
            Column(
                "partners_uitgenodigd",
                "partners_uitgenodigd",
                "integer",
                "Partners invited.",
                required=True,
            ),
            Column(
                "partners_aanwezig",
                "partners_aanwezig",
                "integer",
                "Invited partners marked present.",
                required=True,
            ),
            Column(
                "coordinatoren_uitgenodigd",
                "coordinatoren_uitgenodigd",
                "integer",
                "Coordinators invited.",
                required=True,
            ),
            Column(
                "coordinatoren_aanwezig",
                "coordinatoren_aanwezig",
                "integer",
                "Invited coordinators marked present.",
                required=True,
            ),
            Column("aangemaakt_op", "aangemaakt_op", "datetime", "When it was recorded (UTC)."),
        ),
        "buurt",
        annotate=_overleg_annotations,
    ),
    Table(
        "acties",
        _("acties"),
        "Actions agreed at a meeting or on their own: for whom (a partner, as pseudonym, or "
        "a coordinator, not named), by when, and whether they were done in time. Not what "
        "the action was, nor its note.",
        Actie,
        (
            id_column("Internal id of the action."),
            buurt_column("buurt"),
            Column("overleg", "overleg_id", "integer", "Id of the meeting (overleggen), if any."),
            Column("team", "team_id", "integer", "Id of the team (teams), if any."),
            Column("initiatief", "initiatief_id", "integer", "Id of the initiative, if any."),
            Column("voor", "voor", "string", "Who it is for.", ActieVoor, required=True),
            Column(
                "partner",
                "partner__actor_id",
                "string",
                "Pseudonym of the partner's actor it is for; empty for a coordinator.",
                pseudonym=True,
            ),
            Column(
                "aangemaakt_op",
                "aangemaakt_op",
                "datetime",
                "When it was agreed (UTC).",
                required=True,
            ),
            Column("tegen", "tegen", "date", "Due date.", required=True),
            Column("gedaan_op", "gedaan_op", "date", "Date it was done; empty while open."),
            Column(
                "afloop",
                "afloop",
                "string",
                "Done in time (on or before the due date), done late, open, or open past its "
                "due date on the day of the export.",
                Afloop,
                required=True,
            ),
        ),
        "buurt",
        annotate=_actie_annotations,
    ),
)
