from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiatievenConfig(AppConfig):
    name = "initiatieven"
    verbose_name = _("Initiatieven")

    def ready(self):
        from buurt.tijdlijn import register

        from . import models, tellingen

        register(models.Activiteit, m2m_fields={"organisatoren"})
        register(models.Initiatief, m2m_fields={"trekkers", "bouwt_voort_op", "ondersteunt"})
        register(models.Statuswijziging)
        register(models.Team)
        register(models.Teamintensiteit)
        register(models.Deelname)
        register(models.Voorkeur)
        register(models.Succes, m2m_fields={"partners"})
        register(models.Kansstatus)
        tellingen.connect()
