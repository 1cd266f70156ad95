import json
from collections import defaultdict

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.forms import NAME_SEPARATOR, dutch_empty_choices, resolve_actor, suggest_attrs
from buurt.models import Actor, Samenwerkingsintensiteit
from partners.models import Niveau, Partner

from .models import Activiteit, Initiatief, Middel, Participatieniveau, Succes, Team

MAX_SUGGESTIONS = 10


class NoLabelColon:
    """Labels without Django's trailing colon, like every other form in the app, and a
    Dutch empty choice in selects instead of "---------"."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        dutch_empty_choices(self)


class ActiviteitForm(NoLabelColon, forms.ModelForm):
    # Names with a few suggestions from the server: a buurt can hold 100,000 actors, far
    # too many for a select; without JavaScript one types the names.
    organisatoren = forms.CharField(
        label=_("Organisatoren"),
        required=False,
        max_length=2000,
        help_text=_("Namen, gescheiden door een puntkomma."),
    )

    class Meta:
        model = Activiteit
        fields = ["naam", "organisatoren", "doelgroep", "thema", "frequentie", "loopt"]

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt = buurt
        self.instance.buurt = buurt
        attrs = suggest_attrs(buurt, self.add_prefix("organisatoren"), multiple=True)
        if self.instance.pk:
            # Edit rows sit on the page next to the add form: keep their ids apart.
            self.auto_id = f"id_activiteit{self.instance.pk}_%s"
            list_id = f"activiteit{self.instance.pk}-organisatoren-suggesties"
            vals = {**json.loads(attrs["hx-vals"]), "list": list_id}
            attrs.update(list=list_id, **{"hx-target": f"#{list_id}", "hx-vals": json.dumps(vals)})
        namen = [a.naam for a in self.instance.organisatoren.all()] if self.instance.pk else []
        self.initial["organisatoren"] = f"{NAME_SEPARATOR} ".join(namen)
        self.fields["organisatoren"].widget.attrs.update(attrs)

    def clean_organisatoren(self):
        candidates = Actor.objects.in_buurt(self.buurt)
        actoren, errors = [], []
        for naam in partner_names(self.cleaned_data["organisatoren"]):
            try:
                actoren.append(resolve_actor(candidates, naam))
            except forms.ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return actoren


class RelatieVoorstelForm(NoLabelColon, forms.Form):
    """Record a relation suggested by the low-hanging-fruit finder."""

    van = forms.ModelChoiceField(queryset=Actor.objects.none(), widget=forms.HiddenInput)
    naar = forms.ModelChoiceField(queryset=Actor.objects.none(), widget=forms.HiddenInput)
    intensiteit = forms.ChoiceField(
        label=_("Samenwerkingsintensiteit"),
        choices=Samenwerkingsintensiteit.choices,
        initial=Samenwerkingsintensiteit.PASSIEF_INFO_DELEN,
    )

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["van"].queryset = Actor.objects.in_buurt(buurt)
        self.fields["naar"].queryset = Actor.objects.in_buurt(buurt)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("van") and cleaned.get("van") == cleaned.get("naar"):
            raise forms.ValidationError(_("Een actor kan geen relatie met zichzelf hebben."))
        return cleaned


class VoortbouwForm(NoLabelColon, forms.Form):
    """Start an initiative that builds on the activities of a suggestion."""

    activiteiten = forms.ModelMultipleChoiceField(
        queryset=Activiteit.objects.none(), widget=forms.MultipleHiddenInput
    )
    naam = forms.CharField(label=_("Naam van het initiatief"), max_length=200)
    soort = forms.ChoiceField(label=_("Soort"), choices=Initiatief.Soort.choices)

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activiteiten"].queryset = Activiteit.objects.in_buurt(buurt)


class InitiatiefForm(NoLabelColon, forms.ModelForm):
    class Meta:
        model = Initiatief
        fields = ["naam", "soort", "doel", "schaal_antwoord", "schaal_toelichting"]
        widgets = {
            "doel": forms.Textarea(attrs={"rows": 2}),
            "schaal_toelichting": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.buurt = buurt

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("soort") != Initiatief.Soort.BUURTGERICHT_ZORGINITIATIEF:
            cleaned["schaal_antwoord"] = ""
            cleaned["schaal_toelichting"] = ""
        elif cleaned.get("schaal_antwoord") == Initiatief.Schaal.NEE and not cleaned.get(
            "schaal_toelichting"
        ):
            self.add_error(
                "schaal_toelichting",
                _("Leg uit welke schaal beter past en waarom."),
            )
        return cleaned


class SchaalForm(NoLabelColon, forms.ModelForm):
    class Meta:
        model = Initiatief
        fields = ["schaal_antwoord", "schaal_toelichting"]
        widgets = {"schaal_toelichting": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["schaal_antwoord"].required = True

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("schaal_antwoord") == Initiatief.Schaal.NEE and not cleaned.get(
            "schaal_toelichting"
        ):
            self.add_error("schaal_toelichting", _("Leg uit welke schaal beter past en waarom."))
        return cleaned


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


def partner_names(text):
    """The distinct names in a field of names separated by a semicolon, in typed order."""
    return list(dict.fromkeys(n.strip() for n in text.split(NAME_SEPARATOR) if n.strip()))


def partners_named(buurt, names):
    """(partners, problems): the partners of the buurt with these actor names, in one query.

    Names match case-insensitively, as in step 1. Each partner carries its current
    enthusiasm; ``problems`` says, in Dutch, which names are unknown or ambiguous.
    """
    if not names:
        return [], []
    wanted = Q()
    for naam in names:
        wanted |= Q(actor__naam__iexact=naam)
    found = defaultdict(list)
    for partner in (
        Partner.objects.in_buurt(buurt).filter(wanted).select_related("actor").with_enthousiasme()
    ):
        found[partner.actor.naam.lower()].append(partner)
    partners, problems = [], []
    for naam in names:
        matches = found.get(naam.lower(), [])
        if len(matches) == 1:
            partners.append(matches[0])
        elif matches:
            problems.append(
                _("Meerdere partners heten “%(naam)s”. Geef ze eerst een onderscheidende naam.")
                % {"naam": naam}
            )
        else:
            problems.append(_("“%(naam)s” is geen partner in deze buurt.") % {"naam": naam})
    return partners, problems


def partners_met_vuur(buurt):
    """(names, more): a few partners whose current enthusiasm is fire, who a new initiative
    needs most, and whether there are more."""
    names = list(
        Partner.objects.in_buurt(buurt)
        .with_enthousiasme()
        .filter(huidig_enthousiasme=Niveau.VUUR)
        .order_by("actor__naam", "id")
        .values_list("actor__naam", flat=True)[: MAX_SUGGESTIONS + 1]
    )
    return names[:MAX_SUGGESTIONS], len(names) > MAX_SUGGESTIONS


class ReikHogerForm(NoLabelColon, forms.Form):
    """A new initiative that does not build on an existing activity."""

    naam = forms.CharField(label=_("Naam van het initiatief"), max_length=200)
    soort = forms.ChoiceField(label=_("Soort"), choices=Initiatief.Soort.choices)
    doel = forms.CharField(label=_("Doel"), required=False, widget=forms.Textarea({"rows": 2}))
    partners = forms.CharField(
        label=_("Partners die je nodig hebt"),
        max_length=2000,
        help_text=_("Namen, gescheiden door een puntkomma."),
    )
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
        partners, problems = partners_named(
            self.buurt, partner_names(self.cleaned_data["partners"])
        )
        if problems:
            raise forms.ValidationError(problems)
        if not partners:
            raise forms.ValidationError(_("Geef minstens één partner op."))
        return partners

    def clean(self):
        cleaned = super().clean()
        partners = cleaned.get("partners")
        geen_vuur = partners and not any(p.huidig_enthousiasme == Niveau.VUUR for p in partners)
        if geen_vuur and not cleaned.get("toch_starten"):
            self.add_error(
                "toch_starten",
                _(
                    "Geen van de gekozen partners heeft vuur. Zoek eerst vuur, "
                    "of bevestig dat je toch start."
                ),
            )
        return cleaned


class TeamForm(NoLabelColon, forms.ModelForm):
    intensiteit = forms.ChoiceField(
        label=_("Samenwerkingsintensiteit"), choices=Samenwerkingsintensiteit.choices
    )
    # A name with a few suggestions: a large buurt has hundreds of initiatives.
    initiatief = forms.CharField(label=_("Initiatief"), max_length=200)

    class Meta:
        model = Team
        fields = ["initiatief", "naam", "doel", "beslist_samen", "besluitvorming"]
        widgets = {
            "doel": forms.Textarea(attrs={"rows": 2}),
            "besluitvorming": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt = buurt
        if self.instance.pk:
            del self.fields["initiatief"]
            self.auto_id = f"id_team{self.instance.pk}_%s"
            return
        attrs = suggest_attrs(buurt, self.add_prefix("initiatief"))
        attrs["hx-get"] = reverse("initiatieven:initiatief_suggestions", args=[buurt.slug])
        self.fields["initiatief"].widget.attrs.update(attrs)
        gekozen = str(self.initial.get("initiatief") or "")
        if gekozen.isdigit():  # "Team vormen" on the list of initiatives passes its id
            self.initial["initiatief"] = (
                Initiatief.objects.in_buurt(buurt)
                .filter(pk=gekozen)
                .values_list("naam", flat=True)
                .first()
            )

    def clean_initiatief(self):
        naam = self.cleaned_data["initiatief"].strip()
        matches = list(Initiatief.objects.in_buurt(self.buurt).filter(naam__iexact=naam)[:2])
        if len(matches) > 1:
            raise forms.ValidationError(
                _("Meerdere initiatieven heten “%(naam)s”. Geef ze eerst een andere naam."),
                params={"naam": naam},
            )
        if not matches:
            raise forms.ValidationError(
                _("Geen initiatief “%(naam)s” in deze buurt."), params={"naam": naam}
            )
        return matches[0]


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


LedenFormSet = forms.formset_factory(LidForm, formset=BaseLedenFormSet, extra=4, max_num=12)


class DeelnameForm(NoLabelColon, forms.Form):
    participatieniveau = forms.ChoiceField(
        label=_("Afgesproken participatieniveau"), choices=Participatieniveau.choices
    )
    nodig = forms.BooleanField(label=_("Nodig voor het doel"), required=False)
    middelen = forms.MultipleChoiceField(
        label=_("Brengt in"),
        choices=Middel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    vertrekt = forms.BooleanField(
        label=_("Verlaat het team vandaag"),
        required=False,
        help_text=_("De deelname wordt afgesloten, niet gewist: de geschiedenis blijft."),
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
