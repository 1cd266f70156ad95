"""A partner's own preference, filled in on the partner page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from buurt.gezondheid import GezondheidsControle

from ..models import Middel, Participatieniveau
from .base import validate_distinct


class VoorkeurForm(GezondheidsControle, forms.Form):
    gezondheid_velden = ("notitie",)

    participatieniveau = forms.ChoiceField(
        label=_("Hoe wil je betrokken zijn?"),
        choices=Participatieniveau.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe je betrokken wil zijn.")},
    )
    middelen = forms.MultipleChoiceField(
        label=_("Wat kan je inbrengen?"),
        choices=Middel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        validators=[validate_distinct],
        error_messages={"invalid_choice": _("Kies middelen uit de lijst.")},
    )
    notitie = forms.CharField(
        label=_("Wil je nog iets kwijt? (optioneel)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
