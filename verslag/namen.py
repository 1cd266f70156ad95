"""Who may be named in the report: coordinators get the full report; researchers a version
that names no natural person (a bewoner or a professional), only their kind."""

from django.utils.translation import gettext as _

from buurt.models import Actor

ZONDER_NAAM = {
    Actor.Soort.BEWONER: lambda: _("een bewoner"),
    Actor.Soort.PROFESSIONAL: lambda: _("een professional"),
}


def publieke_naam(actor, volledig):
    """The actor's name, or for a natural person in the researchers' version their kind."""
    if volledig or not actor.is_natuurlijk_persoon:
        return actor.naam
    return ZONDER_NAAM[actor.soort]()
