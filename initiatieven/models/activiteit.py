"""Existing activities and werkingen: the low-hanging fruit of step 3."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from buurt.models import Actor, Buurt

from .vocabularies import Doelgroep, Frequentie, Thema


class ActiviteitQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)

    def lopend(self):
        return self.filter(loopt=True)


class Activiteit(models.Model):
    """An existing activity or werking in the buurt: the low-hanging fruit."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="activiteiten", verbose_name=_("buurt")
    )
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    organisatoren = models.ManyToManyField(
        Actor, related_name="activiteiten", blank=True, verbose_name=_("organisatoren")
    )
    doelgroep = models.CharField(
        _("doelgroep"), max_length=20, choices=Doelgroep.choices, blank=True
    )
    thema = models.CharField(_("thema"), max_length=20, choices=Thema.choices, blank=True)
    frequentie = models.CharField(
        _("frequentie"), max_length=20, choices=Frequentie.choices, blank=True
    )
    loopt = models.BooleanField(_("loopt nog"), default=True)
    gestart_op = models.DateField(_("gestart op"), null=True, blank=True)
    gestopt_op = models.DateField(_("gestopt op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = ActiviteitQuerySet.as_manager()

    class Meta:
        ordering = ["naam", "id"]
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        indexes = [models.Index(fields=["buurt", "naam"], name="activiteit_buurt_naam")]
        constraints = [
            models.CheckConstraint(
                condition=Q(gestopt_op__isnull=True)
                | Q(gestart_op__isnull=True)
                | Q(gestopt_op__gte=F("gestart_op")),
                name="activiteit_gestopt_na_gestart",
            )
        ]

    def __str__(self):
        return self.naam
