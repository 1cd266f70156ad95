"""The state of a chance of step 3, as its buttons post it."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from buurt.forms import id_field

from ..kansen import MAANDEN
from ..models import Kansstatus
from .base import NoLabelColon

Status = Kansstatus.Status
PAIR_MISSING = _("Welke kans? Er ontbreekt een activiteit.")
PAIR_INVALID = _("Dat is geen activiteit van deze buurt.")


def _activiteit_field():
    return id_field(
        widget=forms.HiddenInput,
        error_messages={
            "required": PAIR_MISSING,
            "invalid": PAIR_INVALID,
            "min_value": PAIR_INVALID,
            "max_value": PAIR_INVALID,
        },
    )


class KansForm(NoLabelColon, forms.Form):
    """The pair of activities a chance is about (checked against the buurt by the service)."""

    activiteit_a = _activiteit_field()
    activiteit_b = _activiteit_field()

    def pair(self):
        return self.cleaned_data["activiteit_a"], self.cleaned_data["activiteit_b"]


class KansstatusForm(KansForm):
    # "verbonden" is not among them: connecting is its own action, which records the relation.
    status = forms.ChoiceField(
        choices=[
            (Status.BESPROKEN, Status.BESPROKEN.label),
            (Status.NIET_NU, Status.NIET_NU.label),
            (Status.VOORGESTELD, _("weer voorstellen")),
        ],
        error_messages={
            "required": _("Kies wat er met de kans gebeurt."),
            "invalid_choice": _("Onbekende status: kies besproken, niet nu of weer voorstellen."),
        },
    )
    maanden = forms.TypedChoiceField(
        label=_("Niet nu, voor"),
        choices=[
            (m, ngettext_lazy("%(n)s maand", "%(n)s maanden", "n") % {"n": m}) for m in MAANDEN
        ],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={
            "invalid_choice": _("Kies voor hoelang: 1, 3, 6 of 12 maanden."),
        },
    )
    notitie = forms.CharField(label=_("Notitie"), max_length=500, required=False)
