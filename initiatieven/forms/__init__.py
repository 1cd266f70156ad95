"""The forms of the app, one module per job; importable from here as well."""

from .activiteit import ActiviteitForm, RelatieVoorstelForm, VoortbouwForm
from .initiatief import (
    InitiatiefForm,
    PartnerKeuzeForm,
    ReikHogerForm,
    SchaalForm,
    SoortKeuzeForm,
)
from .initiatief_edit import InitiatiefEditForm, StatusForm
from .succes import SuccesForm
from .team import DeelnameForm, LedenFormSet, LidForm, TeamForm
from .voorkeur import VoorkeurForm

__all__ = [
    "ActiviteitForm",
    "DeelnameForm",
    "InitiatiefEditForm",
    "InitiatiefForm",
    "LedenFormSet",
    "LidForm",
    "PartnerKeuzeForm",
    "ReikHogerForm",
    "RelatieVoorstelForm",
    "SchaalForm",
    "SoortKeuzeForm",
    "StatusForm",
    "SuccesForm",
    "TeamForm",
    "VoorkeurForm",
    "VoortbouwForm",
]
