from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.forms import NAME_SEPARATOR, resolve_actor, suggest_attrs
from buurt.models import Actor
from initiatieven.models import Initiatief, Middel, Participatieniveau, Succes

from .links import DEFAULT_DAYS
from .models import Niveau

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


class EnthousiasmeForm(forms.Form):
    niveau = forms.ChoiceField(label=_("Enthousiasme"), choices=Niveau.choices)


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


class SuccesForm(forms.ModelForm):
    partners = forms.CharField(
        label=_("Betrokken partners"),
        required=False,
        max_length=2000,
        help_text=_("Namen, gescheiden door een puntkomma."),
    )

    class Meta:
        model = Succes
        fields = ["titel", "datum", "initiatief"]
        widgets = {"datum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt = buurt
        self.instance.buurt = buurt
        self.fields["titel"].label = _("Wat lukte er?")
        self.fields["titel"].widget.attrs["data-autofocus"] = ""
        self.fields["datum"].initial = timezone.localdate
        self.fields["partners"].widget.attrs.update(
            suggest_attrs(buurt, self.add_prefix("partners"), partners_only=True, multiple=True)
        )
        self.fields["initiatief"].queryset = Initiatief.objects.in_buurt(buurt).order_by("naam")
        self.fields["initiatief"].empty_label = _("— geen —")

    def clean_partners(self):
        names = [n.strip() for n in self.cleaned_data["partners"].split(NAME_SEPARATOR)]
        candidates = Actor.objects.in_buurt(self.buurt).partners()
        partners, errors = [], []
        for naam in dict.fromkeys(n for n in names if n):
            try:
                actor = resolve_actor(
                    candidates, naam, _("“%(naam)s” is geen partner in deze buurt.")
                )
                partners.append(actor.partner)
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return partners
