from django import forms
from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Actor, Relatie, Samenwerkingsintensiteit


class ActorFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam"), required=False, max_length=100)
    soort = forms.ChoiceField(
        label=_("Soort"), required=False, choices=[("", _("alle soorten")), *Actor.Soort.choices]
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        required=False,
        choices=[("", _("alle sectoren")), *Actor.Sector.choices],
    )
    via = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        queryset = queryset.search(data["q"].strip())
        if data["soort"]:
            queryset = queryset.filter(soort=data["soort"])
        if data["sector"]:
            queryset = queryset.filter(sector=data["sector"])
        if data["via"]:
            queryset = queryset.filter(aangebracht_door_id=data["via"])
        return queryset

    def querystring(self):
        """The active filter as a query string, without the page number."""
        if not self.is_valid():
            return ""
        qd = QueryDict(mutable=True)
        for key, value in self.cleaned_data.items():
            if value:
                qd[key] = value
        return qd.urlencode()


class ActorForm(forms.ModelForm):
    """Quick entry: name, kind, sector and who knows them.

    A second actor with the same name in the buurt is flagged before it is saved; the
    coordinator confirms with ``bevestig_dubbel`` when it really is someone else.
    """

    bevestig_dubbel = forms.BooleanField(
        label=_("Ja, dit is een andere actor met dezelfde naam"), required=False
    )

    class Meta:
        model = Actor
        fields = ["naam", "soort", "sector", "aangebracht_door"]

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt = buurt
        self.instance.buurt = buurt
        self.duplicate = None
        # Whose knowledge the map stands on: the partners. Offering every actor would
        # make a select of a hundred thousand options in a large buurt.
        keep = Q(partner__isnull=False)
        if self.instance.aangebracht_door_id:
            keep |= Q(pk=self.instance.aangebracht_door_id)
        door = Actor.objects.in_buurt(buurt).filter(keep).order_by("naam")
        if self.instance.pk:
            door = door.exclude(pk=self.instance.pk)
        self.fields["aangebracht_door"].queryset = door
        self.fields["aangebracht_door"].empty_label = _("— niemand / onbekend —")
        self.fields["aangebracht_door"].label = _("Gekend via (partner)")
        self.fields["sector"].choices = [("", _("— geen —")), *Actor.Sector.choices]
        # static/js/app.js puts the cursor here after an HTMX swap, ready for the next one.
        self.fields["naam"].widget.attrs["data-autofocus"] = ""

    def clean(self):
        cleaned = super().clean()
        naam = (cleaned.get("naam") or "").strip()
        if naam:
            cleaned["naam"] = naam
            dubbel = Actor.objects.in_buurt(self.buurt).filter(naam__iexact=naam)
            if self.instance.pk:
                dubbel = dubbel.exclude(pk=self.instance.pk)
            self.duplicate = dubbel.first()
            if self.duplicate and not cleaned.get("bevestig_dubbel"):
                self.add_error(
                    "naam",
                    _(
                        "Er is al een actor “%(naam)s” in deze buurt. Is dit iemand anders? "
                        "Vink dan hieronder aan dat het een andere actor is."
                    )
                    % {"naam": self.duplicate.naam},
                )
        return cleaned


class RelatieForm(forms.Form):
    naar = forms.CharField(
        label=_("Met welke actor?"),
        max_length=200,
        help_text=_("Typ de naam zoals hij in de lijst staat."),
    )
    intensiteit = forms.ChoiceField(
        label=_("Samenwerkingsintensiteit"), choices=Samenwerkingsintensiteit.choices
    )
    sinds = forms.DateField(
        label=_("Sinds"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor

    def clean_naar(self):
        naam = self.cleaned_data["naar"].strip()
        matches = list(
            Actor.objects.in_buurt(self.actor.buurt)
            .filter(naam__iexact=naam)
            .exclude(pk=self.actor.pk)[:2]
        )
        if not matches:
            raise forms.ValidationError(_("Geen andere actor met die naam in deze buurt."))
        if len(matches) > 1:
            raise forms.ValidationError(
                _("Er zijn meerdere actoren met die naam; leg de relatie vanuit de andere actor.")
            )
        return matches[0]

    def clean(self):
        cleaned = super().clean()
        naar = cleaned.get("naar")
        if naar is not None:
            lopend = Relatie.objects.filter(tot__isnull=True).filter(
                Q(van=self.actor, naar=naar) | Q(van=naar, naar=self.actor)
            )
            if lopend.exists():
                self.add_error("naar", _("Er loopt al een relatie met deze actor."))
        return cleaned

    def save(self):
        data = self.cleaned_data
        return Relatie.objects.create(
            buurt=self.actor.buurt,
            van=self.actor,
            naar=data["naar"],
            intensiteit=data["intensiteit"],
            sinds=data["sinds"],
        )
