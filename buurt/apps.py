from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuurtConfig(AppConfig):
    name = "buurt"
    verbose_name = _("Buurt")
