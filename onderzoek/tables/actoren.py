"""The tables about actors and partners: who is in the buurt, how they are linked, how
enthusiastic they are, what they prefer and the small successes they share."""

from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.utils.translation import gettext_lazy as _

from buurt.models import Actor, Beleidsverwachting, Relatie, Samenwerkingsintensiteit
from initiatieven.models import Middel, Participatieniveau, Succes, Voorkeur
from partners.models import Enthousiasme, Niveau, Partner

from ..schema import Column, Table, buurt_column, id_column

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
)
