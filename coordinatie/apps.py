from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinatieConfig(AppConfig):
    name = "coordinatie"
    verbose_name = _("Coördinatie")
