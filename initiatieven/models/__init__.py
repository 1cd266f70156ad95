"""Activities, initiatives, teams, participation and successes, one module each."""

from .activiteit import Activiteit, ActiviteitQuerySet
from .initiatief import Initiatief, InitiatiefQuerySet
from .kans import Kansstatus, KansstatusQuerySet
from .status import Statuswijziging, StatuswijzigingQuerySet
from .succes import Succes, SuccesQuerySet
from .team import Deelname, DeelnameQuerySet, Team, Teamintensiteit, TeamQuerySet
from .vocabularies import (
    LADDER_UITLEG,
    Doelgroep,
    Frequentie,
    Middel,
    Participatieniveau,
    Thema,
    validate_middelen,
)
from .voorkeur import Voorkeur, VoorkeurQuerySet

__all__ = [
    "LADDER_UITLEG",
    "Activiteit",
    "ActiviteitQuerySet",
    "Deelname",
    "DeelnameQuerySet",
    "Doelgroep",
    "Frequentie",
    "Initiatief",
    "InitiatiefQuerySet",
    "Kansstatus",
    "KansstatusQuerySet",
    "Middel",
    "Participatieniveau",
    "Statuswijziging",
    "StatuswijzigingQuerySet",
    "Succes",
    "SuccesQuerySet",
    "Team",
    "TeamQuerySet",
    "Teamintensiteit",
    "Thema",
    "Voorkeur",
    "VoorkeurQuerySet",
    "validate_middelen",
]
