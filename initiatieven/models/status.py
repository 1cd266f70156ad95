"""An initiative's status lifecycle: each change a dated record with an optional reason."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.tijdlijn import buurt_id_via

from .initiatief import Initiatief


class StatuswijzigingQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(initiatief__buurt=buurt)


class Statuswijziging(models.Model):
    """From ``datum`` on, the initiative has ``status``. The latest record is the current one,
    and ``Initiatief.status`` repeats it so that lists need no subquery."""

    initiatief = models.ForeignKey(
        Initiatief,
        on_delete=models.CASCADE,
        related_name="statuswijzigingen",
        verbose_name=_("initiatief"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Initiatief.Status.choices)
    datum = models.DateField(_("datum"), default=timezone.localdate)
    reden = models.TextField(_("reden"), blank=True, default="", db_default="")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = StatuswijzigingQuerySet.as_manager()

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        indexes = [
            models.Index(fields=["initiatief", "-datum", "-id"], name="statuswijziging_initiatief")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in Initiatief.Status]),
                name="statuswijziging_geldige_status",
            )
        ]

    def __str__(self):
        return f"{self.initiatief}: {self.get_status_display()} ({self.datum})"

    def tijdlijn_buurt_id(self):
        return buurt_id_via(self, "initiatief")
