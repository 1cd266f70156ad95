from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporterenConfig(AppConfig):
    name = "importeren"
    verbose_name = _("Importeren")
