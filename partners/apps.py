from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from .links import forget_partner_on_login

        user_logged_in.connect(forget_partner_on_login, dispatch_uid="forget_partner_on_login")
