from django import forms
from django.utils.translation import gettext_lazy as _


class ImportForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Wat importeer je?"),
        choices=[("actoren", _("Actoren")), ("activiteiten", _("Activiteiten"))],
        initial="actoren",
        widget=forms.RadioSelect,
    )
    bestand = forms.FileField(
        label=_("Bestand (CSV of XLSX)"),
        help_text=_("Hoogstens 1 MB. Gebruik bij voorkeur het sjabloon."),
        error_messages={"required": _("Kies een bestand."), "empty": _("Het bestand is leeg.")},
    )
