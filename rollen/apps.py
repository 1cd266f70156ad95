from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RollenConfig(AppConfig):
    name = "rollen"
    verbose_name = _("Rollen en uitnodigingen")

    def ready(self):
        from buurt.tijdlijn import register

        from .models import Uitnodiging

        # The token's hash opens the invitation: it never goes into the timeline.
        register(Uitnodiging, exclude_fields=["token_hash"])
