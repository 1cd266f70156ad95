from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverlegConfig(AppConfig):
    name = "overleg"
    verbose_name = _("Overleg en acties")

    def ready(self):
        from buurt.tijdlijn import register

        from . import models

        # When a meeting or action was made is the moment of its first entry already.
        register(models.Overleg, exclude_fields=["aangemaakt_op"])
        register(models.Deelnemer)
        register(models.Overlegcoordinator)
        register(models.Actie, exclude_fields=["aangemaakt_op"])
