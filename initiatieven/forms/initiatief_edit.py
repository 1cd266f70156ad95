"""Editing one initiative, and changing its status."""

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from buurt.forms import DASHES, MAX_ID, dutch_empty_choices, suggest_attrs
from buurt.models import Actor

from ..models import Activiteit, Initiatief
from .base import (
    BoundedModelMultipleChoiceField,
    NoLabelColon,
    names_field,
    resolve_names,
    split_names,
)
from .initiatief import activiteiten_named

# Trekkers, activities or supported initiatives one edit may keep: plenty for one initiative.
MAX_CHOICES = 200


def _checked_current(queryset, current, label, help_text):
    """Checkboxes for what the initiative has now (untick to remove). Any object of the
    buurt validates, so a form shown before someone else added one still saves; an id
    from another buurt is a form error."""
    field = BoundedModelMultipleChoiceField(
        queryset=queryset,
        required=False,
        label=label,
        help_text=help_text,
        widget=forms.CheckboxSelectMultiple,
        max_choices=MAX_CHOICES,
        max_message=_("Kies hoogstens %(max)s."),
    )
    field.widget.choices = [(obj.pk, str(obj)) for obj in current]
    return field


class InitiatiefEditForm(NoLabelColon, forms.Form):
    """Everything about one initiative except its kind, status and scale answer.

    ``versie`` is the version the form showed: the service refuses the save when someone
    else saved in between, instead of silently undoing their change."""

    versie = forms.IntegerField(
        min_value=1,
        max_value=MAX_ID,
        widget=forms.HiddenInput,
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value", "max_value"),
            _("Dit formulier is onvolledig. Laad de pagina opnieuw en sla opnieuw op."),
        ),
    )

    def __init__(self, data=None, *, initiatief):
        self.initiatief = initiatief
        buurt = initiatief.buurt
        trekkers = list(initiatief.trekkers.all())
        activiteiten = list(initiatief.bouwt_voort_op.all())
        initial = {
            "versie": initiatief.versie,
            "naam": initiatief.naam,
            "doel": initiatief.doel,
            "gestart_door": initiatief.gestart_door,
            "trekkers_nodig": initiatief.trekkers_nodig,
            "trekkers": [a.pk for a in trekkers],
            "bouwt_voort_op": [a.pk for a in activiteiten],
        }
        super().__init__(data, initial=initial)
        fields = forms.fields_for_model(
            Initiatief,
            fields=["naam", "doel", "gestart_door", "trekkers_nodig"],
            labels={"naam": _("Naam van het initiatief")},
            widgets={
                "doel": forms.Textarea(attrs={"rows": 3}),
                "trekkers_nodig": forms.Textarea(attrs={"rows": 2}),
            },
        )
        self.fields = {
            **{name: fields[name] for name in ("naam", "doel", "gestart_door")},
            "trekkers": _checked_current(
                Actor.objects.in_buurt(buurt),
                trekkers,
                _("Trekkers"),
                _("Vink uit wie niet meer trekt."),
            ),
            "trekkers_erbij": names_field(_("Trekkers toevoegen"), required=False),
            "trekkers_nodig": fields["trekkers_nodig"],
            "bouwt_voort_op": _checked_current(
                Activiteit.objects.in_buurt(buurt),
                activiteiten,
                _("Bouwt voort op"),
                _("Vink uit waarop het niet meer voortbouwt."),
            ),
            "activiteiten_erbij": names_field(
                _("Bouwt ook voort op de activiteiten"), required=False
            ),
            "versie": self.fields["versie"],
        }
        self.fields["trekkers_erbij"].help_text = _(
            "Namen van actoren uit deze buurt, gescheiden door een puntkomma."
        )
        self.fields["trekkers_erbij"].widget.attrs.update(
            suggest_attrs(buurt, self.add_prefix("trekkers_erbij"), multiple=True)
        )
        # Nothing to untick yet: only the field to add names.
        for name, current in (("trekkers", trekkers), ("bouwt_voort_op", activiteiten)):
            if not current:
                del self.fields[name]
        if initiatief.soort == Initiatief.Soort.ZORGZAAM_BUURTINITIATIEF:
            self.fields["ondersteunt"] = BoundedModelMultipleChoiceField(
                queryset=Initiatief.objects.in_buurt(buurt).filter(
                    soort=Initiatief.Soort.BEWONERSINITIATIEF
                ),
                required=False,
                label=capfirst(Initiatief._meta.get_field("ondersteunt").verbose_name),
                widget=forms.CheckboxSelectMultiple,
                max_choices=MAX_CHOICES,
                max_message=_("Kies hoogstens %(max)s."),
            )
            self.initial["ondersteunt"] = [i.pk for i in initiatief.ondersteunt.all()]
        dutch_empty_choices(self)  # again: the fields were made after NoLabelColon ran

    def clean_trekkers_erbij(self):
        return resolve_names(
            Actor.objects.in_buurt(self.initiatief.buurt), self.cleaned_data["trekkers_erbij"]
        )

    def clean_activiteiten_erbij(self):
        names = split_names(self.cleaned_data["activiteiten_erbij"])
        activiteiten, problems = activiteiten_named(self.initiatief.buurt, names)
        if problems:
            raise forms.ValidationError(problems)
        return activiteiten

    def clean(self):
        cleaned = super().clean()
        if "ondersteunt" in cleaned:
            try:
                self.initiatief.validate_ondersteunt(list(cleaned["ondersteunt"]))
            except forms.ValidationError as error:
                self.add_error(None, error)
        return cleaned

    def initiatief_data(self):
        """The keyword arguments of ``services.update_initiatief`` for the cleaned form."""
        data = self.cleaned_data
        return {
            "versie": data["versie"],
            "naam": data["naam"],
            "doel": data["doel"],
            "gestart_door": data["gestart_door"],
            "trekkers_nodig": data["trekkers_nodig"],
            "trekkers": list(dict.fromkeys([*data.get("trekkers", []), *data["trekkers_erbij"]])),
            "bouwt_voort_op": list(
                dict.fromkeys([*data.get("bouwt_voort_op", []), *data["activiteiten_erbij"]])
            ),
            "ondersteunt": list(data["ondersteunt"]) if "ondersteunt" in data else None,
        }


class StatusForm(NoLabelColon, forms.Form):
    """A change of status from a date on, with an optional reason; the service checks it."""

    status = forms.ChoiceField(
        label=_("Nieuwe status"), choices=[("", DASHES), *Initiatief.Status.choices]
    )
    datum = forms.DateField(
        label=_("Vanaf"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reden = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Waarom verandert de status? Vrijblijvend."),
    )
