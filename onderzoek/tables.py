"""What a research export contains: the tables, their columns and their meaning.

This module is the single source of the export and of its codebook: a column that is
not described here is not exported. Natural persons (bewoners, professionals) are never
named: every actor appears as a keyed pseudonym, and only organisations and verenigingen
keep their name. Free text (notes, descriptions, goals) may name people, so it is only
exported in an identifiable export, which only an administrator can make from the CLI.
Contact data and a partner's contactpersoon are never exported.
"""

from django.db.models import Case, CharField, Count, Exists, F, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _

from buurt.models import Actor, Beleidsverwachting, Relatie, Samenwerkingsintensiteit
from initiatieven.models import (
    Activiteit,
    Deelname,
    Doelgroep,
    Frequentie,
    Initiatief,
    Middel,
    Participatieniveau,
    Succes,
    Team,
    Teamintensiteit,
    Thema,
    Voorkeur,
)
from partners.models import Enthousiasme, Niveau, Partner

from .schema import Column, Table, buurt_column, id_column

PSEUDONYM_HELP = (
    "Pseudonym of the actor: a keyed HMAC-SHA256 of its internal id. The same export key "
    "gives the same pseudonym in every export, so waves can be linked; see the key fingerprint."
)


def _actor_annotations(identifiable):
    is_persoon = Q(soort__in=Actor.NATUURLIJKE_PERSONEN)
    return {
        "is_persoon": Case(When(is_persoon, then=Value(True)), default=Value(False)),
        "publieke_naam": F("naam")
        if identifiable
        else Case(When(is_persoon, then=Value("")), default=F("naam"), output_field=CharField()),
    }


TABLES = (
    Table(
        "actors",
        _("actoren"),
        "Every actor of the buurt: residents, associations, professionals, organisations.",
        Actor,
        (
            Column("actor", "pk", "string", PSEUDONYM_HELP, pseudonym=True, required=True),
            buurt_column("buurt"),
            Column("soort", "soort", "string", "Kind of actor.", Actor.Soort, required=True),
            Column(
                "natuurlijk_persoon",
                "is_persoon",
                "boolean",
                "True for a natural person (bewoner or professional), whose name is never "
                "exported in a pseudonymised export.",
            ),
            Column("sector", "sector", "string", "Sector the actor works in.", Actor.Sector),
            Column(
                "naam",
                "publieke_naam",
                "string",
                "Name of an association or organisation; empty for natural persons.",
            ),
            Column(
                "aangebracht_door",
                "aangebracht_door_id",
                "string",
                "Pseudonym of the actor who knew this actor and brought them in.",
                pseudonym=True,
            ),
            Column("aangemaakt_op", "aangemaakt_op", "datetime", "When it was recorded (UTC)."),
            Column("gewijzigd_op", "gewijzigd_op", "datetime", "Last change (UTC)."),
            Column(
                "omschrijving",
                "omschrijving",
                "string",
                "Free-text description.",
                identifiable_only=True,
            ),
            Column("email", "email", "string", "E-mail address.", identifiable_only=True),
            Column("telefoon", "telefoon", "string", "Phone number.", identifiable_only=True),
            Column("adres", "adres", "string", "Postal address.", identifiable_only=True),
        ),
        "buurt",
        annotate=_actor_annotations,
    ),
    Table(
        "relations",
        _("relaties"),
        "Working links between two actors; ended links keep their end date (tot).",
        Relatie,
        (
            id_column("Internal id of the relation."),
            buurt_column("buurt"),
            Column("van", "van_id", "string", "Pseudonym of one actor.", pseudonym=True),
            Column("naar", "naar_id", "string", "Pseudonym of the other actor.", pseudonym=True),
            Column(
                "intensiteit",
                "intensiteit",
                "string",
                "Collaboration intensity, low to high.",
                Samenwerkingsintensiteit,
                required=True,
            ),
            Column("sinds", "sinds", "date", "Start of the link.", required=True),
            Column("tot", "tot", "date", "End of the link; empty while it runs."),
            Column("notitie", "notitie", "string", "Free-text note.", identifiable_only=True),
        ),
        "buurt",
    ),
    Table(
        "beleidsverwachtingen",
        _("beleidsverwachtingen"),
        "What policy (the city, a funder, the region) expects of the buurt: dated, never "
        "overwritten; an expectation that no longer holds keeps its end date (tot). What is "
        "expected is free text and only in an identifiable export.",
        Beleidsverwachting,
        (
            id_column("Internal id of the expectation."),
            buurt_column("buurt"),
            Column(
                "bron",
                "bron",
                "string",
                "Whose expectation it is.",
                Beleidsverwachting.Bron,
                required=True,
            ),
            Column("sinds", "sinds", "date", "Since when it is expected.", required=True),
            Column("tot", "tot", "date", "Until when; empty while it holds."),
            Column("aangemaakt_op", "aangemaakt_op", "datetime", "When it was recorded (UTC)."),
            Column("wat", "wat", "string", "What is expected (free text).", identifiable_only=True),
            Column("notitie", "notitie", "string", "Free-text note.", identifiable_only=True),
        ),
        "buurt",
    ),
    Table(
        "partners",
        _("partners"),
        "Actors that take part in the collaboration. The contact person is never exported.",
        Partner,
        (
            Column(
                "actor",
                "actor_id",
                "string",
                "Pseudonym of the actor.",
                pseudonym=True,
                required=True,
            ),
            buurt_column("actor__buurt"),
            Column("partner_sinds", "partner_sinds", "date", "Partner since."),
            Column(
                "heeft_account", "heeft_account", "boolean", "Whether the partner has an account."
            ),
        ),
        "actor__buurt",
        annotate=lambda identifiable: {
            "heeft_account": Case(When(user__isnull=True, then=Value(False)), default=Value(True))
        },
    ),
    Table(
        "enthousiasme",
        _("enthousiasme"),
        "Dated assessments of a partner's enthusiasm; the latest is the current one.",
        Enthousiasme,
        (
            id_column("Internal id of the assessment."),
            buurt_column("partner__actor__buurt"),
            Column(
                "partner",
                "partner__actor_id",
                "string",
                "Pseudonym of the partner's actor.",
                pseudonym=True,
            ),
            Column("niveau", "niveau", "string", "Enthusiasm.", Niveau, required=True),
            Column("datum", "datum", "date", "Date of the assessment.", required=True),
            Column("aangemaakt_op", "aangemaakt_op", "datetime", "When it was recorded (UTC)."),
            Column("notitie", "notitie", "string", "Free-text note.", identifiable_only=True),
        ),
        "partner__actor__buurt",
    ),
    Table(
        "voorkeuren",
        _("voorkeuren"),
        "Dated records of a partner's own preferred participation level, in general (no "
        "team) or for one team; the latest per partner and team is the current one.",
        Voorkeur,
        (
            id_column("Internal id of the preference."),
            buurt_column("partner__actor__buurt"),
            Column(
                "partner",
                "partner__actor_id",
                "string",
                "Pseudonym of the partner's actor.",
                pseudonym=True,
            ),
            Column("team", "team_id", "integer", "Team id (teams.id); empty for in general."),
            Column(
                "participatieniveau",
                "participatieniveau",
                "string",
                "Preferred participation level, low to high.",
                Participatieniveau,
                required=True,
            ),
            Column(
                "middelen",
                "middelen",
                "string",
                "Resources the partner can bring, separated by ';'.",
                Middel,
                multiple=True,
            ),
            Column("bron", "bron", "string", "Who filled it in.", Voorkeur.Bron),
            Column("datum", "datum", "datetime", "When it was set (UTC).", required=True),
            Column("notitie", "notitie", "string", "Free-text note.", identifiable_only=True),
        ),
        "partner__actor__buurt",
    ),
    Table(
        "successen",
        _("kleine successen"),
        "Dated small successes. Titles and descriptions are free text and only in an "
        "identifiable export.",
        Succes,
        (
            id_column("Internal id of the success."),
            buurt_column("buurt"),
            Column("datum", "datum", "date", "Date of the success.", required=True),
            Column("initiatief", "initiatief_id", "integer", "Initiative id (initiatieven.id)."),
            Column("team", "team_id", "integer", "Team id (teams.id); empty when none."),
            Column("aantal_partners", "aantal_partners", "integer", "Partners involved."),
            Column("titel", "titel", "string", "Title (free text).", identifiable_only=True),
            Column(
                "beschrijving",
                "beschrijving",
                "string",
                "Description (free text).",
                identifiable_only=True,
            ),
        ),
        "buurt",
        annotate=lambda identifiable: {"aantal_partners": Count("partners")},
    ),
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
        "Partners in teams, with the agreed participation level and join and leave dates.",
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
        ),
        "team__initiatief__buurt",
    ),
)

TABLES_BY_NAME = {table.name: table for table in TABLES}
