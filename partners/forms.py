from django import forms
from django.utils.translation import gettext_lazy as _

from initiatieven.models import Middel, Participatieniveau

from .links import DEFAULT_DAYS

# One plain sentence per rung of the participation ladder, for partners.
LADDER_UITLEG = {
    Participatieniveau.INFORMEREN: _(
        "Je wordt op de hoogte gehouden van wat er gebeurt; er wordt niets van je verwacht."
    ),
    Participatieniveau.RAADPLEGEN: _("Af en toe wordt je mening gevraagd, maar anderen beslissen."),
    Participatieniveau.ADVISEREN: _(
        "Je geeft advies, gevraagd of ongevraagd, en er wordt ernstig rekening mee gehouden."
    ),
    Participatieniveau.COPRODUCEREN: _(
        "Je werkt samen met de anderen aan het doel en brengt zelf iets in."
    ),
    Participatieniveau.MEEBESLISSEN: _(
        "Je beslist als gelijkwaardige partner mee over wat er gebeurt."
    ),
}


class PartnerlinkForm(forms.Form):
    dagen = forms.IntegerField(
        label=_("Geldig gedurende (dagen)"),
        min_value=1,
        max_value=365,
        initial=DEFAULT_DAYS,
        error_messages={
            "required": _("Vul in hoeveel dagen de link geldig blijft."),
            "invalid": _("Vul een geheel aantal dagen in."),
            "min_value": _("Een link blijft minstens 1 dag geldig."),
            "max_value": _("Een link blijft hoogstens 365 dagen geldig."),
        },
    )
    email = forms.EmailField(
        label=_("Stuur de link naar (e-mail, optioneel)"),
        required=False,
        error_messages={"invalid": _("Vul een geldig e-mailadres in, of laat het leeg.")},
    )


class VoorkeurForm(forms.Form):
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
        error_messages={"invalid_choice": _("Kies middelen uit de lijst.")},
    )
    notitie = forms.CharField(
        label=_("Wil je nog iets kwijt? (optioneel)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
