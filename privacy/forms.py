from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.forms import MAX_ID, dutch_empty_choices
from buurt.gezondheid import GezondheidsControle
from buurt.models import Actor
from buurt.privacy import Grondslag

OMSCHRIJVING_MAX = 2000
TOELICHTING_MAX = 300


class GrondslagForm(GezondheidsControle, forms.ModelForm):
    """The legal basis on which the buurt records a person, and the description of them
    (the one free-text field about a person the app asks for)."""

    gezondheid_velden = ("omschrijving",)

    class Meta:
        model = Actor
        fields = [
            "grondslag",
            "toestemming_op",
            "toestemming_hoe",
            "grondslag_toelichting",
            "omschrijving",
        ]
        labels = {"grondslag": _("Op welke grondslag houdt de buurt deze persoon bij?")}
        widgets = {
            "toestemming_op": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "omschrijving": forms.Textarea(attrs={"rows": 3, "maxlength": OMSCHRIJVING_MAX}),
            "grondslag_toelichting": forms.TextInput(attrs={"maxlength": TOELICHTING_MAX}),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["grondslag"].choices = [("", _("— nog geen —")), *Grondslag.choices]
        self.fields["toestemming_hoe"].choices = [
            ("", _("— kies —")),
            *self.fields["toestemming_hoe"].choices[1:],
        ]
        self.fields["omschrijving"].validators.append(MaxLengthValidator(OMSCHRIJVING_MAX))
        dutch_empty_choices(self)

    def clean(self):
        cleaned = super().clean()
        grondslag = cleaned.get("grondslag")
        if grondslag == Grondslag.TOESTEMMING:
            op = cleaned.get("toestemming_op")
            if not op:
                self.add_error("toestemming_op", _("Wanneer gaf de persoon toestemming?"))
            elif op > timezone.localdate():
                self.add_error("toestemming_op", _("Die datum ligt in de toekomst."))
            if not cleaned.get("toestemming_hoe"):
                self.add_error("toestemming_hoe", _("Hoe gaf de persoon toestemming?"))
            cleaned["grondslag_toelichting"] = cleaned.get("grondslag_toelichting") or ""
        elif grondslag:
            if not (cleaned.get("grondslag_toelichting") or "").strip():
                self.add_error(
                    "grondslag_toelichting",
                    _("Zeg kort waarom de buurt deze persoon zonder toestemming mag bijhouden."),
                )
            cleaned["toestemming_op"] = None
            cleaned["toestemming_hoe"] = ""
        else:
            cleaned["toestemming_op"] = None
            cleaned["toestemming_hoe"] = ""
            cleaned["grondslag_toelichting"] = ""
        return cleaned


class BevestigForm(forms.Form):
    """A box to tick: no click by mistake on something that cannot be undone."""

    bevestig = forms.BooleanField(
        label=_("Ik begrijp dat dit niet ongedaan gemaakt kan worden"),
        error_messages={"required": _("Vink aan dat je begrijpt dat dit definitief is.")},
    )


class BewaartermijnForm(forms.Form):
    """The proposals a coordinator chose to anonymise (at most a page of them at once)."""

    MAX = 100

    personen = forms.TypedMultipleChoiceField(
        label=_("Anonimiseren"),
        coerce=int,
        error_messages={
            "required": _("Kies wie je wil anonimiseren."),
            "invalid_choice": _("Die persoon staat niet (meer) bij de voorstellen."),
        },
    )

    def __init__(self, *args, voorstellen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["personen"].choices = [(a.pk, a.naam) for a in voorstellen]

    def clean_personen(self):
        chosen = self.cleaned_data["personen"]
        if len(chosen) > self.MAX or any(pk > MAX_ID for pk in chosen):
            message = _("Kies hoogstens %(n)s personen tegelijk.") % {"n": self.MAX}
            raise forms.ValidationError(message)
        return chosen
