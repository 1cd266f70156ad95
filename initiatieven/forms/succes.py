"""A small success, logged by the coordinator."""

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.forms import NAME_SEPARATOR, suggest_attrs
from buurt.gezondheid import GezondheidsControle
from buurt.models import Actor

from ..models import Initiatief, Succes, Team
from .base import names_field, resolve_names


class SuccesForm(GezondheidsControle, forms.ModelForm):
    # A success often names people: what they did, not how they are.
    gezondheid_velden = ("titel", "beschrijving")
    partners = names_field(_("Betrokken partners"), required=False)

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
        self.fields["initiatief"].queryset = Initiatief.objects.in_buurt(buurt).order_by("naam")
        self.fields["initiatief"].empty_label = _("— geen —")
        self.fields["beschrijving"].label = _("Omschrijving (optioneel)")
        self.fields["team"].queryset = (
            Team.objects.in_buurt(buurt).select_related("initiatief").order_by("naam", "id")
        )
        self.fields["team"].empty_label = _("— geen —")
        self.fields["team"].label_from_instance = lambda team: f"{team.naam} ({team.initiatief})"
        if self.instance.pk:
            names = self.instance.partners.values_list("actor__naam", flat=True)
            self.initial["partners"] = f"{NAME_SEPARATOR} ".join(names)

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
