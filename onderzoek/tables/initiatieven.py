"""The tables about what the buurt does: activities, initiatives with their status history,
teams with their intensity and their memberships (ended ones included)."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from buurt.models import Samenwerkingsintensiteit
from initiatieven.models import (
    Activiteit,
    Deelname,
    Doelgroep,
    Frequentie,
    Initiatief,
    Middel,
    Participatieniveau,
    Statuswijziging,
    Team,
    Teamintensiteit,
    Thema,
)

from ..schema import Column, Table, buurt_column, id_column

TABLES = (
    Table(
        "activiteiten",
        _("activiteiten"),
        "Existing activities and werkingen (the low-hanging fruit).",
        Activiteit,
        (
            id_column("Internal id of the activity."),
            buurt_column("buurt"),
            Column("naam", "naam", "string", "Name of the activity.", required=True),
            Column("doelgroep", "doelgroep", "string", "Target group.", Doelgroep),
            Column("thema", "thema", "string", "Theme.", Thema),
            Column("frequentie", "frequentie", "string", "Frequency.", Frequentie),
            Column("loopt", "loopt", "boolean", "Whether it still runs."),
            Column("gestart_op", "gestart_op", "date", "Start date."),
            Column("gestopt_op", "gestopt_op", "date", "Stop date."),
            Column("aangemaakt_op", "aangemaakt_op", "datetime", "When it was recorded (UTC)."),
            Column(
                "omschrijving",
                "omschrijving",
                "string",
                "Description (free text).",
                identifiable_only=True,
            ),
        ),
        "buurt",
    ),
    Table(
        "initiatieven",
        _("initiatieven"),
        "Initiatives by kind, with the answers that chose the kind, the answer to the "
        "scale question and their dates.",
        Initiatief,
        (
            id_column("Internal id of the initiative."),
            buurt_column("buurt"),
            Column("naam", "naam", "string", "Name of the initiative.", required=True),
            Column(
                "soort", "soort", "string", "Kind of initiative.", Initiatief.Soort, required=True
            ),
            Column(
                "soort_doel",
                "soort_doel",
                "string",
                "What the initiative wants to achieve: the first question of the guided "
                "choice of its kind, which the goal decides. Empty when the kind was "
                "chosen without the questions.",
                Initiatief.SoortDoel,
            ),
            Column(
                "soort_gegroeid",
                "soort_gegroeid",
                "string",
                "Asked when residents do something together: has it grown from the "
                "residents themselves? Empty when not asked.",
                Initiatief.SoortGegroeid,
            ),
            Column(
                "soort_aanleiding",
                "soort_aanleiding",
                "string",
                "Asked of an initiative that stimulates or supports residents: why it is "
                "needed. Empty when not asked.",
                Initiatief.SoortAanleiding,
            ),
            Column(
                "schaal_antwoord",
                "schaal_antwoord",
                "string",
                "Answer to the optional scale question the research asks of a "
                "neighbourhood-oriented care initiative: is the goal best served by an "
                "initiative at buurt level? Empty when not answered or another kind.",
                Initiatief.Schaal,
            ),
            Column("status", "status", "string", "Status.", Initiatief.Status, required=True),
            Column(
                "gestart_door",
                "gestart_door",
                "string",
                "Who started it: residents, volunteers or professionals (bottom-up) or policy "
                "(top-down); empty when not recorded.",
                Initiatief.GestartDoor,
            ),
            Column(
                "nieuw",
                "nieuw",
                "boolean",
                "True when it builds on no existing activity (reaching higher).",
            ),
            Column("gestart_op", "gestart_op", "date", "Start date."),
            Column("afgerond_op", "afgerond_op", "date", "End date."),
            Column("aangemaakt_op", "aangemaakt_op", "datetime", "When it was recorded (UTC)."),
            Column("doel", "doel", "string", "Goal (free text).", identifiable_only=True),
            Column(
                "trekkers_nodig",
                "trekkers_nodig",
                "string",
                "What the trekkers of a residents' initiative need (free text).",
                identifiable_only=True,
            ),
            Column(
                "schaal_toelichting",
                "schaal_toelichting",
                "string",
                "Motivation of the scale answer (free text).",
                identifiable_only=True,
            ),
        ),
        "buurt",
        annotate=lambda identifiable: {
            "nieuw": ~Exists(
                Initiatief.bouwt_voort_op.through.objects.filter(initiatief_id=OuterRef("pk"))
            )
        },
    ),
    Table(
        "statuswijzigingen",
        _("statusgeschiedenis van initiatieven"),
        "Each initiative's status lifecycle: from datum on, the initiative has status. The "
        "latest record per initiative (by datum, then id) is its current status, which "
        "initiatieven.status repeats. The reason given for a change is free text and is not "
        "exported; neither is who recorded it.",
        Statuswijziging,
        (
            id_column("Internal id of the status change."),
            buurt_column("initiatief__buurt"),
            Column(
                "initiatief",
                "initiatief_id",
                "integer",
                "Initiative id (initiatieven.id).",
                required=True,
            ),
            Column(
                "status",
                "status",
                "string",
                "Status from this date on.",
                Initiatief.Status,
                required=True,
            ),
            Column("datum", "datum", "date", "From when the status holds.", required=True),
            Column("aangemaakt_op", "aangemaakt_op", "datetime", "When it was recorded (UTC)."),
        ),
        "initiatief__buurt",
    ),
    Table(
        "ondersteuningen",
        _("ondersteunde bewonersinitiatieven"),
        "Which residents' initiatives (kind 1) a zorgzaam buurtinitiatief (kind 2) "
        "stimulates or supports.",
        Initiatief.ondersteunt.through,
        (
            id_column("Internal id of the link."),
            buurt_column("from_initiatief__buurt"),
            Column(
                "zorgzaam_buurtinitiatief",
                "from_initiatief_id",
                "integer",
                "The supporting zorgzaam buurtinitiatief (initiatieven.id).",
                required=True,
            ),
            Column(
                "bewonersinitiatief",
                "to_initiatief_id",
                "integer",
                "The supported residents' initiative (initiatieven.id).",
                required=True,
            ),
        ),
        "from_initiatief__buurt",
    ),
    Table(
        "teams",
        _("teams"),
        "Small goal-oriented teams within an initiative.",
        Team,
        (
            id_column("Internal id of the team."),
            buurt_column("initiatief__buurt"),
            Column("initiatief", "initiatief_id", "integer", "Initiative id (initiatieven.id)."),
            Column("naam", "naam", "string", "Name of the team.", required=True),
            Column(
                "beslist_samen",
                "beslist_samen",
                "boolean",
                "Whether the team decides together as equal partners.",
            ),
            Column(
                "beslist_autonoom",
                "beslist_autonoom",
                "boolean",
                "Whether the team decides on its own way of working (autonomy).",
            ),
            Column("aangemaakt_op", "aangemaakt_op", "datetime", "When it was recorded (UTC)."),
            Column("doel", "doel", "string", "Shared goal (free text).", identifiable_only=True),
            Column(
                "besluitvorming",
                "besluitvorming",
                "string",
                "How the team decides (free text).",
                identifiable_only=True,
            ),
            Column(
                "autonomie",
                "autonomie",
                "string",
                "How the team chooses its way of working (free text).",
                identifiable_only=True,
            ),
        ),
        "initiatief__buurt",
    ),
    Table(
        "teamintensiteiten",
        _("samenwerkingsintensiteit van teams"),
        "Dated records of a team's collaboration intensity, both as the team works now "
        "(huidig) and as its goal needs it (nodig); per team and soort the latest counts.",
        Teamintensiteit,
        (
            id_column("Internal id of the record."),
            buurt_column("team__initiatief__buurt"),
            Column("team", "team_id", "integer", "Team id (teams.id).", required=True),
            Column(
                "soort",
                "soort",
                "string",
                "Whether the record is the current intensity or the one the goal needs.",
                Teamintensiteit.Soort,
                required=True,
            ),
            Column(
                "intensiteit",
                "intensiteit",
                "string",
                "Collaboration intensity, low to high.",
                Samenwerkingsintensiteit,
                required=True,
            ),
            Column("datum", "datum", "date", "Date of the record.", required=True),
        ),
        "team__initiatief__buurt",
    ),
    Table(
        "deelnames",
        _("deelnames"),
        "Partners in teams, with the agreed participation level and join and leave dates. A "
        "membership ends, it is never deleted: ended memberships stay, so the make-up of a "
        "team on any past date can be reconstructed.",
        Deelname,
        (
            id_column("Internal id of the membership."),
            buurt_column("team__initiatief__buurt"),
            Column("team", "team_id", "integer", "Team id (teams.id).", required=True),
            Column(
                "partner",
                "partner__actor_id",
                "string",
                "Pseudonym of the partner's actor.",
                pseudonym=True,
                required=True,
            ),
            Column(
                "participatieniveau",
                "participatieniveau",
                "string",
                "Agreed participation level, low to high.",
                Participatieniveau,
                required=True,
            ),
            Column("nodig", "nodig", "boolean", "Whether the partner is needed for the goal."),
            Column(
                "middelen",
                "middelen",
                "string",
                "Resources contributed, separated by ';'.",
                Middel,
                multiple=True,
            ),
            Column("toegetreden_op", "toegetreden_op", "date", "Joined.", required=True),
            Column("vertrokken_op", "vertrokken_op", "date", "Left; empty while a member."),
            Column(
                "einde",
                "einde",
                "string",
                "Why the membership ended: the partner left the team, or the agreement "
                "(participation level, needed or resources) changed, in which case a new "
                "membership of the same partner and team starts the same day. Empty while a "
                "member.",
                Deelname.Einde,
            ),
        ),
        "team__initiatief__buurt",
    ),
)
