from django import forms
from django.utils.translation import gettext_lazy as _

from buurt.forms import suggest_attrs
from buurt.gezondheid import GezondheidsControle
from buurt.models import Actor

from .links import DEFAULT_DAYS
from .models import Niveau


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


class EnthousiasmeForm(GezondheidsControle, forms.Form):
    gezondheid_velden = ("notitie",)

    niveau = forms.ChoiceField(label=_("Enthousiasme"), choices=Niveau.choices)
    notitie = forms.CharField(
        label=_("Waarom? (optioneel)"),
        required=False,
        max_length=500,
        error_messages={"max_length": _("Houd het kort: hoogstens %(limit_value)d tekens.")},
    )


class PartnerCreateForm(forms.Form):
    actor = forms.CharField(
        label=_("Welke actor wordt partner?"),
        max_length=200,
        help_text=_("De naam zoals hij bij Ken je buurt staat."),
    )
    actor_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    niveau = forms.ChoiceField(
        label=_("Eerste inschatting"),
        required=False,
        choices=[("", _("— later —")), *Niveau.choices],
    )

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt = buurt
        self.fields["actor"].widget.attrs.update(suggest_attrs(buurt, self.add_prefix("actor")))

    def clean(self):
        cleaned = super().clean()
        candidates = Actor.objects.in_buurt(self.buurt)
        if cleaned.get("actor_id"):
            candidates = candidates.filter(pk=cleaned["actor_id"])
        elif cleaned.get("actor"):
            candidates = candidates.filter(naam__iexact=cleaned["actor"].strip())
        else:
            return cleaned
        matches = list(candidates.select_related("partner")[:2])
        if not matches:
            self.add_error(
                "actor",
                _("Geen actor met die naam in deze buurt. Voeg hem eerst toe bij Ken je buurt."),
            )
        elif len(matches) > 1:
            self.add_error(
                "actor",
                _("Meerdere actoren hebben die naam: maak de partner vanuit de actor zelf."),
            )
        elif hasattr(matches[0], "partner"):
            self.add_error("actor", _("%(naam)s is al partner.") % {"naam": matches[0].naam})
        else:
            cleaned["found"] = matches[0]
        return cleaned
