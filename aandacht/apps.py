from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AandachtConfig(AppConfig):
    name = "aandacht"
    verbose_name = _("Wat vraagt aandacht")
