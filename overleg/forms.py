"""Forms for meetings and actions: the coordinator's, and the one a partner marks done with."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.forms import NAME_SEPARATOR, resolve_actor, suggest_attrs
from buurt.models import Actor, Rol
from initiatieven.forms.base import (
    BoundedModelMultipleChoiceField,
    NoLabelColon,
    names_field,
    resolve_names,
)
from initiatieven.models import Initiatief, Team
from partners.models import Partner

from .models import Actie, Overleg

TEXT_MAX_LENGTH = 10_000
MAX_COORDINATOREN = 50
NOT_A_PARTNER = _("“%(naam)s” is geen partner in deze buurt.")


def coordinatoren_of(buurt):
    return (
        get_user_model()
        .objects.filter(buurtrollen__buurt=buurt, buurtrollen__rol=Rol.Soort.COORDINATOR)
        .order_by("first_name", "last_name", "username")
    )


def user_label(user):
    return user.get_full_name() or user.get_username()


def _datetime_widget():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _date_widget():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _team_and_initiatief(form, buurt):
    form.fields["team"].queryset = (
        Team.objects.in_buurt(buurt).select_related("initiatief").order_by("naam", "id")
    )
    form.fields["team"].label_from_instance = lambda team: f"{team.naam} ({team.initiatief})"
    form.fields["initiatief"].queryset = Initiatief.objects.in_buurt(buurt).order_by("naam", "id")


class OverlegForm(NoLabelColon, forms.ModelForm):
    partners = names_field(_("Uitgenodigde partners"), required=False)
    coordinatoren = BoundedModelMultipleChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Uitgenodigde coördinatoren"),
        max_choices=MAX_COORDINATOREN,
        max_message=_("Kies hoogstens %(max)s coördinatoren."),
    )

    class Meta:
        model = Overleg
        fields = ["titel", "team", "initiatief", "begint_op", "eindigt_op", "plaats"]
        fields += ["agenda", "notities", "besluiten"]
        widgets = {
            "begint_op": _datetime_widget(),
            "eindigt_op": _datetime_widget(),
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "notities": forms.Textarea(attrs={"rows": 4}),
            "besluiten": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "team": _("Een teamoverleg; laat team en initiatief leeg voor een partneroverleg."),
            "initiatief": _("Of het overleg van een initiatief (niet allebei)."),
        }

    def __init__(self, *args, buurt, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt = buurt
        self.instance.buurt = buurt
        _team_and_initiatief(self, buurt)
        self.fields["begint_op"].label = _("Begint op (datum en uur)")
        self.fields["eindigt_op"].label = _("Eindigt op (optioneel)")
        self.fields["titel"].widget.attrs["data-autofocus"] = ""
        for name in ("agenda", "notities", "besluiten"):
            self.fields[name].max_length = TEXT_MAX_LENGTH
            self.fields[name].widget.attrs["maxlength"] = TEXT_MAX_LENGTH
        self.fields["partners"].widget.attrs.update(
            suggest_attrs(buurt, self.add_prefix("partners"), partners_only=True, multiple=True)
        )
        self.fields["coordinatoren"].queryset = coordinatoren_of(buurt)
        self.fields["coordinatoren"].label_from_instance = user_label
        if self.instance.pk:
            names = self.instance.deelnemers.values_list("partner__actor__naam", flat=True)
            self.initial["partners"] = f"{NAME_SEPARATOR} ".join(names)
            self.initial["coordinatoren"] = list(
                self.instance.overlegcoordinatoren.values_list("user_id", flat=True)
            )

    def clean_partners(self):
        candidates = Actor.objects.in_buurt(self.buurt).partners()
        actoren = resolve_names(candidates, self.cleaned_data["partners"], NOT_A_PARTNER)
        return [actor.partner for actor in actoren]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("team") and cleaned.get("initiatief"):
            self.add_error("initiatief", _("Kies een team of een initiatief, niet allebei."))
        return cleaned


class AanwezigheidForm(forms.Form):
    """Who came: checkboxes for the invited partners and coordinators (their row ids)."""

    partners = forms.TypedMultipleChoiceField(coerce=int, required=False)
    coordinatoren = forms.TypedMultipleChoiceField(coerce=int, required=False)

    def __init__(self, *args, overleg, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].choices = [
            (row.pk, str(row.partner))
            for row in overleg.deelnemers.select_related("partner__actor")
        ]
        self.fields["coordinatoren"].choices = [
            (row.pk, user_label(row.user))
            for row in overleg.overlegcoordinatoren.select_related("user")
        ]


class ActieForm(NoLabelColon, forms.ModelForm):
    """An action: for a partner (by name, with suggestions) or a coordinator."""

    partner = forms.CharField(label=_("Voor partner"), max_length=200, required=False)

    class Meta:
        model = Actie
        fields = ["wat", "partner", "coordinator", "tegen", "team", "initiatief", "notitie"]
        fields += ["gedaan_op"]
        widgets = {"tegen": _date_widget(), "gedaan_op": _date_widget()}
        labels = {
            "wat": _("Wat"),
            "coordinator": _("Of voor coördinator"),
            "tegen": _("Tegen (datum)"),
            "notitie": _("Notitie (optioneel)"),
            "gedaan_op": _("Gedaan op (leeg: nog open)"),
        }

    def __init__(self, *args, buurt, overleg=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.buurt = buurt
        self.instance.buurt = buurt
        if overleg is not None:
            self.instance.overleg = overleg
        if overleg is not None or (self.instance.pk and self.instance.overleg_id):
            # A meeting's action belongs to the meeting's team or initiative.
            del self.fields["team"], self.fields["initiatief"]
        else:
            _team_and_initiatief(self, buurt)
        if overleg is not None:
            self.auto_id = f"id_overleg{overleg.pk}_actie_%s"
        self.fields["coordinator"].queryset = coordinatoren_of(buurt)
        self.fields["coordinator"].label_from_instance = user_label
        self.fields["coordinator"].required = False
        self.fields["partner"].widget.attrs.update(
            suggest_attrs(
                buurt,
                self.add_prefix("partner"),
                partners_only=True,
                list_id=f"{self.auto_id % 'partner'}-suggesties",
            )
        )
        self.fields["tegen"].initial = timezone.localdate
        if not self.instance.pk:
            del self.fields["gedaan_op"]
        if self.instance.pk and self.instance.partner_id:
            self.initial["partner"] = self.instance.partner.actor.naam

    def clean_partner(self):
        naam = self.cleaned_data["partner"].strip()
        if not naam:
            return None
        candidates = Actor.objects.in_buurt(self.buurt).partners()
        return resolve_actor(candidates, naam, NOT_A_PARTNER).partner

    def clean_gedaan_op(self):
        datum = self.cleaned_data["gedaan_op"]
        if datum and datum > timezone.localdate():
            raise ValidationError(_("Een actie kan niet gedaan zijn in de toekomst."))
        return datum

    def clean(self):
        cleaned = super().clean()
        partner, coordinator = cleaned.get("partner"), cleaned.get("coordinator")
        if "partner" in cleaned and "coordinator" in cleaned and bool(partner) == bool(coordinator):
            self.add_error(
                "partner", _("Kies een partner of een coördinator: voor wie is deze actie?")
            )
        if cleaned.get("team") and cleaned.get("initiatief"):
            self.add_error("initiatief", _("Kies een team of een initiatief, niet allebei."))
        return cleaned


class GedaanForm(NoLabelColon, forms.Form):
    """Mark an action done on a date, with a short note: the coordinator's and the partner's."""

    gedaan_op = forms.DateField(label=_("Gedaan op"), widget=_date_widget())
    notitie = forms.CharField(label=_("Korte notitie (optioneel)"), max_length=500, required=False)

    def __init__(self, *args, actie, **kwargs):
        kwargs.setdefault("auto_id", f"id_actie{actie.pk}_%s")
        super().__init__(*args, **kwargs)
        self.actie = actie
        self.fields["gedaan_op"].initial = timezone.localdate
        self.fields["notitie"].initial = actie.notitie

    def clean_gedaan_op(self):
        datum = self.cleaned_data["gedaan_op"]
        if datum > timezone.localdate():
            raise ValidationError(_("Een actie kan niet gedaan zijn in de toekomst."))
        if datum < self.actie.aangemaakt_datum:
            raise ValidationError(
                _("Deze actie werd pas op %(datum)s aangemaakt: ze kan niet eerder gedaan zijn."),
                params={"datum": self.actie.aangemaakt_datum.strftime("%d/%m/%Y")},
            )
        return datum


class FilterForm(NoLabelColon, forms.Form):
    """Meetings or actions of one team, initiative, coordinator or partner (the partner by
    id only: the links from the partner's page carry it; no page lists every partner)."""

    team = forms.ModelChoiceField(queryset=Team.objects.none(), required=False)
    initiatief = forms.ModelChoiceField(queryset=Initiatief.objects.none(), required=False)
    coordinator = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(), required=False, label=_("Coördinator")
    )
    partner = forms.ModelChoiceField(
        queryset=Partner.objects.none(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, data, *, buurt, **kwargs):
        super().__init__(data, **kwargs)
        self.buurt = buurt
        _team_and_initiatief(self, buurt)
        self.fields["team"].label = _("Team")
        self.fields["initiatief"].label = _("Initiatief")
        self.fields["coordinator"].queryset = coordinatoren_of(buurt)
        self.fields["coordinator"].label_from_instance = user_label
        self.fields["partner"].queryset = Partner.objects.in_buurt(buurt).select_related("actor")

    def chosen(self):
        """The filters given, as {name: object}; an invalid one is left out (and shown)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class ActieFilterForm(FilterForm):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        TE_LAAT = "te_laat", _("te laat")
        GEDAAN = "gedaan", _("gedaan")
        ALLE = "alle", _("alle")

    status = forms.ChoiceField(label=_("Welke"), choices=Status.choices, required=False)

    def status_value(self):
        value = self.cleaned_data.get("status") if hasattr(self, "cleaned_data") else None
        return value or self.Status.OPEN
