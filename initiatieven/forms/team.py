"""The forms of step 4: a team, its members, one membership and its dated changes."""

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.forms import parse_id, resolve_actor, suggest_attrs
from buurt.models import Actor, Samenwerkingsintensiteit

from ..models import Initiatief, Middel, Participatieniveau, Team
from .base import NoLabelColon, resolve_initiatief, validate_distinct


class TeamForm(NoLabelColon, forms.ModelForm):
    intensiteit = forms.ChoiceField(
        label=_("Huidige samenwerkingsintensiteit"), choices=Samenwerkingsintensiteit.choices
    )
    nodige_intensiteit = forms.ChoiceField(
        label=_("Nodige samenwerkingsintensiteit voor het doel"),
        choices=[("", _("— nog niet bepaald —")), *Samenwerkingsintensiteit.choices],
        required=False,
    )
    # A name with a few suggestions: a large buurt has hundreds of initiatives.
    initiatief = forms.CharField(label=_("Initiatief"), max_length=200)

    class Meta:
        model = Team
        fields = [
            "initiatief",
            "naam",
            "doel",
            "beslist_samen",
            "besluitvorming",
            "beslist_autonoom",
            "autonomie",
        ]
        widgets = {
            "doel": forms.Textarea(attrs={"rows": 2}),
            "besluitvorming": forms.Textarea(attrs={"rows": 2}),
            "autonomie": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt = buurt
        if self.instance.pk:
            del self.fields["initiatief"]
            self.auto_id = f"id_team{self.instance.pk}_%s"
            return
        attrs = suggest_attrs(
            buurt,
            self.add_prefix("initiatief"),
            url=reverse("initiatieven:initiatief_suggestions", args=[buurt.slug]),
        )
        self.fields["initiatief"].widget.attrs.update(attrs)
        gekozen = parse_id(self.initial.get("initiatief"))
        if gekozen:  # "Team vormen" on the list of initiatives passes its id
            self.initial["initiatief"] = (
                Initiatief.objects.in_buurt(buurt)
                .filter(pk=gekozen)
                .values_list("naam", flat=True)
                .first()
            )

    def clean_initiatief(self):
        return resolve_initiatief(self.buurt, self.cleaned_data["initiatief"])


class LidForm(NoLabelColon, forms.Form):
    """One member row of a new team."""

    partner = forms.CharField(label=_("Partner"), required=False, max_length=200)
    participatieniveau = forms.ChoiceField(
        label=_("Afgesproken participatieniveau"),
        choices=[("", _("— kies —")), *Participatieniveau.choices],
        required=False,
    )
    nodig = forms.BooleanField(label=_("Nodig voor het doel"), required=False, initial=True)
    middelen = forms.MultipleChoiceField(
        label=_("Brengt in"),
        choices=Middel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        validators=[validate_distinct],
    )

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt = buurt
        # A name with a few suggestions: a select of every partner is too big in a large buurt.
        self.fields["partner"].widget.attrs.update(
            suggest_attrs(buurt, self.add_prefix("partner"), partners_only=True)
        )

    def clean_partner(self):
        naam = self.cleaned_data["partner"].strip()
        if not naam:
            return None
        candidates = Actor.objects.in_buurt(self.buurt).partners()
        actor = resolve_actor(candidates, naam, _("“%(naam)s” is geen partner in deze buurt."))
        return actor.partner

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("partner") and not cleaned.get("participatieniveau"):
            self.add_error(
                "participatieniveau", _("Kies het participatieniveau dat jullie afspreken.")
            )
        if (
            cleaned.get("participatieniveau")
            and not cleaned.get("partner")
            and "partner" not in self.errors
        ):
            self.add_error("partner", _("Kies een partner voor dit niveau."))
        return cleaned


class BaseLedenFormSet(forms.BaseFormSet):
    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt = buurt

    def get_form_kwargs(self, index):
        return {"buurt": self.buurt}

    def clean(self):
        if any(self.errors):
            return
        partners = [f.cleaned_data["partner"] for f in self.forms if f.cleaned_data.get("partner")]
        if not partners:
            raise forms.ValidationError(_("Voeg minstens één partner toe aan het team."))
        if len(partners) != len(set(partners)):
            raise forms.ValidationError(_("Elke partner kan maar één keer in het team."))

    def leden(self):
        return [f.cleaned_data for f in self.forms if f.cleaned_data.get("partner")]


# A crafted TOTAL_FORMS builds no more than twelve forms (Django's default is 1,000 more).
LedenFormSet = forms.formset_factory(
    LidForm, formset=BaseLedenFormSet, extra=4, max_num=12, absolute_max=12, validate_max=True
)


GEEN_DATUM = _("Geen geldige datum: gebruik de vorm JJJJ-MM-DD.")


def _date_field(label, **kwargs):
    """A date that starts at today; left empty, it means today as well."""
    return forms.DateField(
        label=label,
        required=False,
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": GEEN_DATUM},
        **kwargs,
    )


class NieuwLidForm(LidForm):
    """A partner joining an existing team, from a date (the dates are checked by
    ``initiatieven.teams.add_deelname``)."""

    toegetreden_op = _date_field(_("Lid sinds"))

    def __init__(self, *args, buurt, **kwargs):
        kwargs.setdefault("prefix", "lid")
        super().__init__(*args, buurt=buurt, **kwargs)
        self.fields["partner"].required = True
        self.fields["partner"].error_messages["required"] = _("Welke partner komt erbij?")


class DeelnameForm(NoLabelColon, forms.Form):
    """A new agreement for a running membership, from a date (see
    ``initiatieven.teams.change_deelname``)."""

    participatieniveau = forms.ChoiceField(
        label=_("Afgesproken participatieniveau"), choices=Participatieniveau.choices
    )
    nodig = forms.BooleanField(label=_("Nodig voor het doel"), required=False)
    middelen = forms.MultipleChoiceField(
        label=_("Brengt in"),
        choices=Middel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        validators=[validate_distinct],
    )
    datum = _date_field(
        _("Geldt vanaf"),
        help_text=_("De vorige afspraak loopt tot die dag en blijft in de geschiedenis."),
    )


class VertrekForm(NoLabelColon, forms.Form):
    """A partner leaving the team (see ``initiatieven.teams.end_deelname``)."""

    vertrokken_op = _date_field(
        _("Vertrokken op"),
        help_text=_("De deelname wordt afgesloten, niet gewist: de geschiedenis blijft."),
    )


class SamenstellingForm(forms.Form):
    """``?op=YYYY-MM-DD``: the day whose team make-up the team page shows."""

    op = forms.DateField(
        label=_("Samenstelling op"),
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": GEEN_DATUM,
            "required": _("Kies een datum."),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_op(self):
        day = self.cleaned_data["op"]
        if day > timezone.localdate():
            raise forms.ValidationError(
                _("Die datum ligt in de toekomst: de samenstelling van vandaag staat hierboven.")
            )
        return day
