"""New initiatives: what they build on and their fire, their kind, the scale question."""

from collections import defaultdict

from django import forms
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from buurt.forms import suggest_attrs

from .. import soortkeuze
from ..models import Activiteit, Initiatief
from ..vuur import geen_vuur, partners_named
from .base import NoLabelColon, names_field, split_names


def activiteiten_named(buurt, names):
    """(activities, problems): the activities of the buurt with these names, in one query,
    matched case-insensitively like partner names; ``problems`` says which fail."""
    if not names:
        return [], []
    wanted = Q()
    for naam in names:
        wanted |= Q(naam__iexact=naam)
    found = defaultdict(list)
    for activiteit in Activiteit.objects.in_buurt(buurt).filter(wanted).order_by("pk"):
        found[activiteit.naam.lower()].append(activiteit)
    activiteiten, problems = [], []
    for naam in names:
        matches = found.get(naam.lower(), [])
        if len(matches) == 1:
            activiteiten.append(matches[0])
        elif matches:
            problems.append(
                _("Meerdere activiteiten heten “%(naam)s”. Geef ze eerst een andere naam.")
                % {"naam": naam}
            )
        else:
            problems.append(
                _("“%(naam)s” is geen activiteit in deze buurt. Voeg ze eerst toe bij stap 3.")
                % {"naam": naam}
            )
    return activiteiten, problems


class InitiatiefForm(NoLabelColon, forms.ModelForm):
    """Every new initiative: what it builds on, its trekkers and their fire, its kind with
    the answers that chose it, and for a buurtgericht zorginitiatief the optional scale
    question. Without an existing activity to build on, it reaches higher: it needs a
    partner with fire, or a confirmation to start anyway."""

    bouwt_voort_op = names_field(_("Bouwt voort op de bestaande activiteiten"), required=False)
    partners = names_field(_("Partners die je nodig hebt"), required=False)
    toch_starten = forms.BooleanField(
        label=_("Geen van deze partners heeft vuur. Ik start toch."), required=False
    )
    # Filled in by "Welke soort?"; an answer that does not fit the questions is dropped.
    soort_doel = forms.CharField(required=False, max_length=30, widget=forms.HiddenInput)
    soort_gegroeid = forms.CharField(required=False, max_length=30, widget=forms.HiddenInput)
    soort_aanleiding = forms.CharField(required=False, max_length=30, widget=forms.HiddenInput)

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
            *soortkeuze.QUESTIONS,
        ]
        labels = {"naam": _("Naam van het initiatief")}
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
        self.buurt = buurt
        self.instance.buurt = buurt
        self.gekozen = []
        if "ondersteunt" in self.fields:
            self.fields["ondersteunt"].queryset = Initiatief.objects.in_buurt(buurt).filter(
                soort=Initiatief.Soort.BEWONERSINITIATIEF
            )
        self.fields["bouwt_voort_op"].help_text = _(
            "Namen van bestaande activiteiten, gescheiden door een puntkomma. Leeg laten "
            "voor iets nieuws: dan reik je hoger."
        )
        # A name field with a few suggestions, never a list of every partner of the buurt.
        self.fields["partners"].widget.attrs.update(
            suggest_attrs(buurt, self.add_prefix("partners"), partners_only=True, multiple=True)
        )

    @property
    def geen_vuur(self):
        return geen_vuur(self.gekozen)

    def clean_bouwt_voort_op(self):
        names = split_names(self.cleaned_data["bouwt_voort_op"])
        activiteiten, problems = activiteiten_named(self.buurt, names)
        if problems:
            raise forms.ValidationError(problems)
        return activiteiten

    def clean_partners(self):
        partners, problems = partners_named(self.buurt, split_names(self.cleaned_data["partners"]))
        if problems:
            raise forms.ValidationError(problems)
        self.gekozen = partners
        return partners

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
        antwoorden = soortkeuze.valid_answers(cleaned)
        for key in soortkeuze.QUESTIONS:
            cleaned[key] = antwoorden.get(key, "")
        self._clean_vuur(cleaned)
        return cleaned

    def _clean_vuur(self, cleaned):
        """Something new reaches higher: it needs partners, and fire or a confirmation."""
        if cleaned.get("bouwt_voort_op") or "bouwt_voort_op" in self.errors:
            return
        if "partners" not in cleaned:
            return
        if not cleaned["partners"]:
            self.add_error(
                "partners",
                _(
                    "Geef minstens één partner op: iets nieuws vraagt vuur. Of kies de "
                    "activiteiten waarop het voortbouwt."
                ),
            )
        elif self.geen_vuur and not cleaned.get("toch_starten"):
            self.add_error(
                "toch_starten",
                _(
                    "Geen van de gekozen partners heeft vuur. Zoek eerst vuur, "
                    "of bevestig dat je toch start."
                ),
            )

    def initiatief_data(self):
        """The keyword arguments of ``services.create_initiatief`` for the cleaned form."""
        data = dict(self.cleaned_data)
        data["trekkers"] = [p.actor for p in data.pop("partners", [])]
        data.pop("toch_starten", None)
        return data


class SchaalForm(NoLabelColon, forms.ModelForm):
    class Meta:
        model = Initiatief
        fields = ["schaal_antwoord", "schaal_toelichting"]
        widgets = {"schaal_toelichting": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["schaal_antwoord"].required = True


class SoortKeuzeForm(NoLabelColon, forms.Form):
    """The questions of "Welke soort?": only those the answers so far call for. An answer
    that does not fit is left unanswered, never an error."""

    def __init__(self, data=None):
        super().__init__(data)
        self.antwoorden = soortkeuze.valid_answers(data or {})
        for key in soortkeuze.asked(self.antwoorden):
            field = Initiatief._meta.get_field(key)
            self.fields[key] = forms.ChoiceField(
                label=capfirst(field.verbose_name), choices=field.choices, widget=forms.RadioSelect
            )

    def proposal(self):
        """(soort, reason) once every question is answered, else None."""
        return soortkeuze.proposal(self.antwoorden)


class PartnerKeuzeForm(forms.Form):
    """The partner names of a preview in "reik hoger", checked like those of a submission."""

    partners = names_field(_("Partners die je nodig hebt"), required=False)

    def partners_named(self, buurt):
        """(partners, problems) as ``vuur.partners_named``; the field's errors are problems."""
        if not self.is_valid():
            return [], self.errors["partners"]
        return partners_named(buurt, split_names(self.cleaned_data["partners"]))


class ReikHogerForm(InitiatiefForm):
    """A new initiative that does not build on an existing activity."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["bouwt_voort_op"]
