"""A small success, logged by the coordinator."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.forms import suggest_attrs
from buurt.models import Actor

from ..models import Initiatief, Succes
from .base import names_field, resolve_names


class SuccesForm(forms.ModelForm):
    partners = names_field(_("Betrokken partners"), required=False)

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
        candidates = Actor.objects.in_buurt(self.buurt).partners()
        not_found = _("“%(naam)s” is geen partner in deze buurt.")
        actoren = resolve_names(candidates, self.cleaned_data["partners"], not_found)
        return [actor.partner for actor in actoren]
