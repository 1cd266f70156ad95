from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnerportaalConfig(AppConfig):
    name = "partnerportaal"
    verbose_name = _("Partnerportaal")
