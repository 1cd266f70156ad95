"""New initiatives: by kind, with the scale question, or reaching higher."""

from django import forms
from django.utils.translation import gettext_lazy as _

from buurt.forms import suggest_attrs

from ..models import Initiatief
from ..vuur import geen_vuur, partners_named
from .base import NoLabelColon, names_field, split_names


class InitiatiefForm(NoLabelColon, forms.ModelForm):
    class Meta:
        model = Initiatief
        fields = [
            "naam",
            "soort",
            "gestart_door",
            "doel",
            "trekkers_nodig",
            "ondersteunt",
            "schaal_antwoord",
            "schaal_toelichting",
        ]
        widgets = {
            "doel": forms.Textarea(attrs={"rows": 2}),
            "trekkers_nodig": forms.Textarea(attrs={"rows": 2}),
            "ondersteunt": forms.CheckboxSelectMultiple,
            "schaal_toelichting": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "trekkers_nodig": _("Voor een bewonersinitiatief: wat vragen de trekkers zelf?"),
            "ondersteunt": _(
                "Voor een zorgzaam buurtinitiatief: welke bewonersinitiatieven het stimuleert "
                "of ondersteunt."
            ),
        }

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.buurt = buurt
        self.fields["ondersteunt"].queryset = Initiatief.objects.in_buurt(buurt).filter(
            soort=Initiatief.Soort.BEWONERSINITIATIEF
        )

    def clean(self):
        cleaned = super().clean()
        if "ondersteunt" in cleaned:
            self.instance.soort = cleaned.get("soort", "")
            try:
                self.instance.validate_ondersteunt(cleaned["ondersteunt"])
            except forms.ValidationError as error:
                self.add_error(None, error)
        # Only one kind answers the scale question; the model requires the explanation.
        if cleaned.get("soort") != Initiatief.SCHAAL_SOORT:
            cleaned["schaal_antwoord"] = ""
            cleaned["schaal_toelichting"] = ""
        return cleaned


class SchaalForm(NoLabelColon, forms.ModelForm):
    class Meta:
        model = Initiatief
        fields = ["schaal_antwoord", "schaal_toelichting"]
        widgets = {"schaal_toelichting": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["schaal_antwoord"].required = True


JA_NEE = [("ja", _("ja")), ("nee", _("nee"))]


class SoortKeuzeForm(NoLabelColon, forms.Form):
    """Four short questions from the research that point to one of the three kinds."""

    bewonersinitiatieven = forms.ChoiceField(
        label=_("Zijn er in de buurt al initiatieven van bewoners zelf?"),
        choices=JA_NEE,
        widget=forms.RadioSelect,
    )
    zorgzaam = forms.ChoiceField(
        label=_("Zijn die initiatieven niet alleen warm, maar ook zorgzaam?"),
        choices=JA_NEE,
        widget=forms.RadioSelect,
    )
    uitval = forms.ChoiceField(
        label=_("Vallen er bewoners uit de boot?"), choices=JA_NEE, widget=forms.RadioSelect
    )
    professional = forms.ChoiceField(
        label=_("Is de trekker een zorg- of welzijnsprofessional?"),
        choices=JA_NEE,
        widget=forms.RadioSelect,
    )

    def suggested_soort(self):
        data = self.cleaned_data
        if data["professional"] == "ja":
            return Initiatief.Soort.BUURTGERICHT_ZORGINITIATIEF
        warm_en_zorgzaam = data["bewonersinitiatieven"] == "ja" and data["zorgzaam"] == "ja"
        if warm_en_zorgzaam and data["uitval"] == "nee":
            return Initiatief.Soort.BEWONERSINITIATIEF
        return Initiatief.Soort.ZORGZAAM_BUURTINITIATIEF


class PartnerKeuzeForm(forms.Form):
    """The partner names of a preview in "reik hoger", checked like those of a submission."""

    partners = names_field(_("Partners die je nodig hebt"), required=False)

    def partners_named(self, buurt):
        """(partners, problems) as ``vuur.partners_named``; the field's errors are problems."""
        if not self.is_valid():
            return [], self.errors["partners"]
        return partners_named(buurt, split_names(self.cleaned_data["partners"]))


class ReikHogerForm(NoLabelColon, forms.Form):
    """A new initiative that does not build on an existing activity."""

    naam = forms.CharField(label=_("Naam van het initiatief"), max_length=200)
    soort = forms.ChoiceField(label=_("Soort"), choices=Initiatief.Soort.choices)
    gestart_door = forms.ChoiceField(
        label=_("Gestart door"),
        required=False,
        choices=[("", _("— geen —")), *Initiatief.GestartDoor.choices],
    )
    doel = forms.CharField(label=_("Doel"), required=False, widget=forms.Textarea({"rows": 2}))
    partners = names_field(_("Partners die je nodig hebt"))
    toch_starten = forms.BooleanField(
        label=_("Geen van deze partners heeft vuur. Ik start toch."), required=False
    )

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt = buurt
        # A name field with a few suggestions, never a list of every partner of the buurt.
        self.fields["partners"].widget.attrs.update(
            suggest_attrs(buurt, self.add_prefix("partners"), partners_only=True, multiple=True)
        )

    def clean_partners(self):
        partners, problems = partners_named(self.buurt, split_names(self.cleaned_data["partners"]))
        if problems:
            raise forms.ValidationError(problems)
        if not partners:
            raise forms.ValidationError(_("Geef minstens één partner op."))
        return partners

    def clean(self):
        cleaned = super().clean()
        if geen_vuur(cleaned.get("partners")) and not cleaned.get("toch_starten"):
            self.add_error(
                "toch_starten",
                _(
                    "Geen van de gekozen partners heeft vuur. Zoek eerst vuur, "
                    "of bevestig dat je toch start."
                ),
            )
        return cleaned
