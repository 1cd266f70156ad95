"""Small successes that fan the fire."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.models import Buurt
from partners.models import Partner

from .initiatief import Initiatief
from .team import Team


class SuccesQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)


class Succes(models.Model):
    """A small success that fans the fire."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="successen", verbose_name=_("buurt")
    )
    titel = models.CharField(_("titel"), max_length=200)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    datum = models.DateField(_("datum"), default=timezone.localdate)
    partners = models.ManyToManyField(
        Partner, related_name="successen", blank=True, verbose_name=_("betrokken partners")
    )
    initiatief = models.ForeignKey(
        Initiatief,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successen",
        verbose_name=_("initiatief"),
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successen",
        verbose_name=_("team"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = SuccesQuerySet.as_manager()

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("klein succes")
        verbose_name_plural = _("kleine successen")
        indexes = [models.Index(fields=["buurt", "-datum"], name="succes_buurt_datum")]

    def __str__(self):
        return self.titel

    def clean(self):
        errors = {}
        if self.initiatief_id and self.initiatief.buurt_id != self.buurt_id:
            errors["initiatief"] = _("Kies een initiatief uit deze buurt.")
        if self.team_id:
            if self.team.initiatief.buurt_id != self.buurt_id:
                errors["team"] = _("Kies een team uit deze buurt.")
            elif self.initiatief_id and self.team.initiatief_id != self.initiatief_id:
                errors["team"] = _("Dit team hoort bij een ander initiatief.")
        if errors:
            raise ValidationError(errors)
