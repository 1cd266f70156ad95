from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuurtConfig(AppConfig):
    name = "buurt"
    verbose_name = _("Buurt")

    def ready(self):
        from django.db.models.signals import post_delete

        from . import models, tellingen
        from .tijdlijn import forget_buurt, register

        post_delete.connect(forget_buurt, sender=models.Buurt, dispatch_uid="tijdlijn_forget_buurt")

        register(models.Buurt)
        register(models.Rol)
        register(models.Actor)
        register(models.Relatie)
        register(models.Beleidsverwachting)
        tellingen.connect()
