from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


class AccountForm(forms.ModelForm):
    """Name and e-mail. A new address needs the current password: whoever has the e-mail
    address can reset the password, so changing it is as sensitive as the password."""

    wachtwoord = forms.CharField(
        label=_("Huidig wachtwoord (alleen nodig om je e-mailadres te wijzigen)"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name", "email"]
        labels = {
            "first_name": _("Voornaam"),
            "last_name": _("Achternaam"),
            "email": _("E-mailadres"),
        }
        help_texts = {
            "email": _("Hierop krijg je een link als je je wachtwoord vergeten bent."),
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.wrong_password = False

    def clean_email(self):
        return get_user_model().objects.normalize_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        new_email = "email" in self.changed_data and "email" in cleaned
        if new_email and not self.instance.check_password(cleaned.get("wachtwoord", "")):
            self.wrong_password = True
            self.add_error(
                "wachtwoord", _("Geef je huidige wachtwoord om je e-mailadres te wijzigen.")
            )
        return cleaned


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    error_messages = {
        **auth_forms.PasswordChangeForm.error_messages,
        "password_incorrect": _("Je huidige wachtwoord klopt niet. Probeer opnieuw."),
    }


class CodeForm(forms.Form):
    """One code: six digits from the app or, where allowed, a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, recovery=True, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        if recovery:
            field.label = _("Code uit je app, of een herstelcode")
            field.help_text = _("Zes cijfers uit je app, of een van je herstelcodes.")
        else:
            field.label = _("Code uit je app")
            field.help_text = _("De zes cijfers die je app nu toont.")
            field.widget.attrs["inputmode"] = "numeric"
