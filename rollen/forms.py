from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from buurt.models import Rol

ROL_CHOICES = [("", _("— kies —")), *Rol.Soort.choices]


def _rol_field(label):
    return forms.ChoiceField(
        label=label,
        choices=ROL_CHOICES,
        error_messages={
            "required": _("Kies een rol: coördinator of onderzoeker."),
            "invalid_choice": _("Kies een rol: coördinator of onderzoeker."),
        },
    )


class UitnodigingForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        error_messages={
            "required": _("Vul het e-mailadres in van wie je wil uitnodigen."),
            "invalid": _("Dit is geen geldig e-mailadres. Kijk het na, bv. naam@voorbeeld.be."),
            "max_length": _("Dit e-mailadres is te lang (hoogstens 254 tekens)."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    rol = _rol_field(_("Als"))


class RolForm(forms.Form):
    rol = _rol_field(_("Nieuwe rol"))


class AccountForm(UserCreationForm):
    """A new account for whoever accepts an invitation. Its e-mail is the invited address;
    Django's password validators run on the password, with that address among the user's
    attributes."""

    class Meta(UserCreationForm.Meta):
        fields = ("username", "first_name", "last_name")
        labels = {
            "username": _("Gebruikersnaam"),
            "first_name": _("Voornaam"),
            "last_name": _("Familienaam (optioneel)"),
        }

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.email = email
        self.fields["first_name"].required = True
        self.fields["first_name"].error_messages["required"] = _("Vul je voornaam in.")
        self.fields["username"].error_messages["required"] = _("Kies een gebruikersnaam.")
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["password1"].label = _("Wachtwoord")
        self.fields["password1"].help_text = _(
            "Minstens 8 tekens, niet te gelijkend op je naam of e-mailadres, geen veelgebruikt "
            "wachtwoord en niet alleen cijfers."
        )
        self.fields["password2"].label = _("Wachtwoord, nog eens")
        self.fields["password2"].help_text = _("Typ hetzelfde wachtwoord nog eens, ter controle.")
        for name in ("password1", "password2"):
            self.fields[name].error_messages["required"] = _("Vul een wachtwoord in.")
