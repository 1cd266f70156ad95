"""What coordinators did with a chance of step 3 (a pair of activities that could connect)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.models import Buurt

from .activiteit import Activiteit


class KansstatusQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)


class Kansstatus(models.Model):
    """Dated state of one chance; the latest record per pair counts, older ones are history.

    A chance without any record is ``voorgesteld`` (the app proposes it). ``niet_nu`` hides
    it until ``tot``.
    """

    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("voorgesteld")
        BESPROKEN = "besproken", _("besproken")
        VERBONDEN = "verbonden", _("verbonden")
        NIET_NU = "niet_nu", _("niet nu")

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="kansstatussen", verbose_name=_("buurt")
    )
    # The pair, smallest id first, as step 3 finds it.
    activiteit_a = models.ForeignKey(
        Activiteit, on_delete=models.CASCADE, related_name="+", verbose_name=_("activiteit")
    )
    activiteit_b = models.ForeignKey(
        Activiteit, on_delete=models.CASCADE, related_name="+", verbose_name=_("andere activiteit")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    tot = models.DateField(_("verborgen tot"), null=True, blank=True)
    notitie = models.TextField(_("notitie"), blank=True, default="", db_default="")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    op = models.DateTimeField(_("op"), default=timezone.now)

    objects = KansstatusQuerySet.as_manager()

    class Meta:
        ordering = ["-op", "-id"]
        verbose_name = _("status van een kans")
        verbose_name_plural = _("statussen van kansen")
        indexes = [
            models.Index(
                fields=["buurt", "activiteit_a", "activiteit_b", "-op"], name="kansstatus_paar"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(activiteit_a__lt=F("activiteit_b")), name="kansstatus_paar_geordend"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["voorgesteld", "besproken", "verbonden", "niet_nu"]),
                name="kansstatus_geldige_status",
            ),
            models.CheckConstraint(
                condition=Q(status="niet_nu", tot__isnull=False) | ~Q(status="niet_nu"),
                name="kansstatus_niet_nu_heeft_tot",
            ),
        ]

    def __str__(self):
        return f"{self.activiteit_a} – {self.activiteit_b}: {self.get_status_display()}"
