from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from buurt.tijdlijn import register

        from . import huidig, models, tellingen
        from .links import forget_partner_on_login

        register(models.Partner)
        register(models.Enthousiasme)
        # Only the hash of a link's token is stored, and it stays out of the timeline too.
        register(models.Partnerlink, exclude_fields=["token_hash", "laatst_gebruikt_op"])

        huidig.connect()
        tellingen.connect()
        user_logged_in.connect(forget_partner_on_login, dispatch_uid="forget_partner_on_login")
