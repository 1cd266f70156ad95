"""A small success, logged by the coordinator."""

from django import forms
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.forms import NAME_SEPARATOR, suggest_attrs
from buurt.gezondheid import GezondheidsControle
from buurt.models import Actor

from ..models import Succes, Team
from .base import names_field, resolve_initiatief, resolve_named, resolve_names


class SuccesForm(GezondheidsControle, forms.ModelForm):
    # A success often names people: what they did, not how they are.
    gezondheid_velden = ("titel", "beschrijving")
    partners = names_field(_("Betrokken partners"), required=False)
    # Names with a few suggestions, not selects: a large buurt has hundreds of each.
    initiatief = forms.CharField(label=_("Initiatief (optioneel)"), required=False, max_length=200)
    team = forms.CharField(
        label=_("Team (optioneel)"),
        required=False,
        max_length=200,
        help_text=_("Het initiatief van het team wordt ook dat van het succes."),
    )

    class Meta:
        model = Succes
        fields = ["titel", "datum", "beschrijving", "initiatief", "team"]
        widgets = {
            "datum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "beschrijving": forms.Textarea(attrs={"rows": 2}),
        }

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
        self.fields["beschrijving"].label = _("Omschrijving (optioneel)")
        for name, url in (
            ("initiatief", "initiatieven:initiatief_suggestions"),
            ("team", "initiatieven:team_suggestions"),
        ):
            self.fields[name].widget.attrs.update(
                suggest_attrs(buurt, self.add_prefix(name), url=reverse(url, args=[buurt.slug]))
            )
        if self.instance.pk:
            names = self.instance.partners.values_list("actor__naam", flat=True)
            self.initial["partners"] = f"{NAME_SEPARATOR} ".join(names)
            self.initial["initiatief"] = getattr(self.instance.initiatief, "naam", "")
            self.initial["team"] = getattr(self.instance.team, "naam", "")

    def clean_initiatief(self):
        naam = self.cleaned_data["initiatief"]
        return resolve_initiatief(self.buurt, naam) if naam.strip() else None

    def clean_team(self):
        naam = self.cleaned_data["team"].strip()
        if not naam:
            return None
        teams = Team.objects.in_buurt(self.buurt).select_related("initiatief")
        initiatief = self.cleaned_data.get("initiatief")
        if initiatief and teams.filter(naam__iexact=naam, initiatief=initiatief).exists():
            # Teams of different initiatives may share a name: the initiative tells them apart.
            teams = teams.filter(initiatief=initiatief)
        return resolve_named(
            teams,
            naam,
            ambiguous=_("Meerdere teams heten “%(naam)s”. Vul ook het initiatief in."),
            not_found=_("Geen team “%(naam)s” in deze buurt."),
        )

    def clean_partners(self):
        candidates = Actor.objects.in_buurt(self.buurt).partners()
        not_found = _("“%(naam)s” is geen partner in deze buurt.")
        actoren = resolve_names(candidates, self.cleaned_data["partners"], not_found)
        return [actor.partner for actor in actoren]

    def clean(self):
        cleaned = super().clean()
        team = cleaned.get("team")
        if team and not cleaned.get("initiatief"):
            # A team's success is also its initiative's: the initiative's page shows it.
            cleaned["initiatief"] = team.initiatief
        return cleaned

    @transaction.atomic
    def save(self):
        """Save the success with the partners involved, new or edited."""
        succes = super().save()
        succes.partners.set(self.cleaned_data["partners"])
        return succes
