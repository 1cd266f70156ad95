"""The forms of step 3: activities, and acting on a chance to connect them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from buurt.forms import NAME_SEPARATOR, suggest_attrs
from buurt.models import Actor, Samenwerkingsintensiteit

from ..models import Activiteit, Initiatief
from .base import BoundedModelMultipleChoiceField, NoLabelColon, names_field, resolve_names

# A suggestion joins two activities; an initiative rarely builds on more than a few.
MAX_ACTIVITEITEN = 50


class ActiviteitForm(NoLabelColon, forms.ModelForm):
    # Names with a few suggestions from the server: a buurt can hold 100,000 actors, far
    # too many for a select; without JavaScript one types the names.
    organisatoren = names_field(_("Organisatoren"), required=False)

    class Meta:
        model = Activiteit
        fields = ["naam", "organisatoren", "doelgroep", "thema", "frequentie", "loopt"]

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt = buurt
        self.instance.buurt = buurt
        list_id = None
        if self.instance.pk:
            # Edit rows sit on the page next to the add form: keep their ids apart.
            self.auto_id = f"id_activiteit{self.instance.pk}_%s"
            list_id = f"activiteit{self.instance.pk}-organisatoren-suggesties"
        attrs = suggest_attrs(
            buurt, self.add_prefix("organisatoren"), multiple=True, list_id=list_id
        )
        namen = [a.naam for a in self.instance.organisatoren.all()] if self.instance.pk else []
        self.initial["organisatoren"] = f"{NAME_SEPARATOR} ".join(namen)
        self.fields["organisatoren"].widget.attrs.update(attrs)

    def clean_organisatoren(self):
        return resolve_names(Actor.objects.in_buurt(self.buurt), self.cleaned_data["organisatoren"])


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

    activiteiten = BoundedModelMultipleChoiceField(
        queryset=Activiteit.objects.none(),
        widget=forms.MultipleHiddenInput,
        max_choices=MAX_ACTIVITEITEN,
        max_message=_("Kies hoogstens %(max)s activiteiten."),
    )
    naam = forms.CharField(label=_("Naam van het initiatief"), max_length=200)
    soort = forms.ChoiceField(label=_("Soort"), choices=Initiatief.Soort.choices)

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activiteiten"].queryset = Activiteit.objects.in_buurt(buurt)
