from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemodataConfig(AppConfig):
    name = "demodata"
    verbose_name = _("Demo- en schaaldata")
