from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverlegConfig(AppConfig):
    name = "overleg"
    verbose_name = _("Overleg en acties")

    def ready(self):
        from buurt.tijdlijn import register

        from . import models

        register(models.Overleg)
        register(models.Deelnemer)
        register(models.Overlegcoordinator)
        register(models.Actie)
