"""Password rules with Dutch messages where Django's Dutch translation has none."""

from django.contrib.auth.password_validation import MinimumLengthValidator as BaseMinimum
from django.utils.translation import ngettext


class MinimumLengthValidator(BaseMinimum):
    """Django's rule; its "too short" message is missing from Django's Dutch catalogue."""

    def get_error_message(self):
        return ngettext(
            "Dit wachtwoord is te kort. Het moet minstens %(n)d teken bevatten.",
            "Dit wachtwoord is te kort. Het moet minstens %(n)d tekens bevatten.",
            self.min_length,
        ) % {"n": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Je wachtwoord moet minstens %(n)d teken bevatten.",
            "Je wachtwoord moet minstens %(n)d tekens bevatten.",
            self.min_length,
        ) % {"n": self.min_length}
