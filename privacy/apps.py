from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from buurt.tijdlijn import register

        from .models import Wissing

        # The buurt's timeline says that a person was erased or anonymised, never whom.
        register(Wissing)
