from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnderzoekConfig(AppConfig):
    name = "onderzoek"
    verbose_name = _("Onderzoek")
