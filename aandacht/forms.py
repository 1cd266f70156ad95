from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

# Putting something off for longer than this is forgetting it: say so, and resolve it.
MAX_DAGEN = 366


class UitstelForm(forms.Form):
    tot = forms.DateField(
        label=_("Uitstellen tot"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Kies tot wanneer je dit uitstelt."),
            "invalid": _("Vul een geldige datum in, bijvoorbeeld 31/12/2026."),
        },
    )
    reden = forms.CharField(
        label=_("Waarom stel je het uit?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wie na jou komt, leest hier waarom het wacht."),
        error_messages={
            "required": _("Schrijf kort waarom je het uitstelt."),
            "max_length": _("Houd het kort: hoogstens %(limit_value)d tekens."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate()
        self.fields["tot"].widget.attrs.update(
            min=(self.today + timedelta(days=1)).isoformat(),
            max=(self.today + timedelta(days=MAX_DAGEN)).isoformat(),
        )
        if not self.is_bound:
            self.initial.setdefault("tot", self.today + timedelta(days=14))

    def clean_tot(self):
        tot = self.cleaned_data["tot"]
        if tot <= self.today:
            raise forms.ValidationError(_("Kies een datum na vandaag."))
        if tot > self.today + timedelta(days=MAX_DAGEN):
            raise forms.ValidationError(
                _("Stel hoogstens een jaar uit, tot %(datum)s.")
                % {"datum": date_format(self.today + timedelta(days=MAX_DAGEN), "j F Y")}
            )
        return tot


class DigestForm(forms.Form):
    wil_digest = forms.BooleanField(
        label=_("Stuur mij elke week een e-mail met wat aandacht vraagt in mijn buurten"),
        required=False,
    )
