from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AandachtConfig(AppConfig):
    name = "aandacht"
    verbose_name = _("Wat vraagt aandacht")

    def ready(self):
        from buurt.tijdlijn import register

        from .models import Uitstel

        # A personal setting (the digest) belongs to no buurt: only putting off is recorded.
        register(Uitstel)
