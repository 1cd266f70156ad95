"""A partner's own, dated preference for how they want to be involved."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.tijdlijn import buurt_id_via
from partners.models import Partner

from .team import Team
from .vocabularies import Participatieniveau, validate_middelen


class VoorkeurQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(partner__actor__buurt=buurt)


class Voorkeur(models.Model):
    """A partner's own preferred participation level, in general or for one team."""

    class Bron(models.TextChoices):
        COORDINATOR = "coordinator", _("coördinator")
        PARTNERLINK = "partnerlink", _("partner via persoonlijke link")
        ACCOUNT = "account", _("partner via account")

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="voorkeuren", verbose_name=_("partner")
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="voorkeuren",
        verbose_name=_("team"),
        help_text=_("Leeg voor een algemene voorkeur."),
    )
    participatieniveau = models.CharField(
        _("gewenst participatieniveau"), max_length=20, choices=Participatieniveau.choices
    )
    middelen = models.JSONField(
        _("middelen die de partner kan inbrengen"),
        default=list,
        blank=True,
        validators=[validate_middelen],
    )
    notitie = models.TextField(_("notitie"), blank=True)
    bron = models.CharField(_("ingevuld door"), max_length=20, choices=Bron.choices)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    datum = models.DateTimeField(_("datum"), default=timezone.now)

    objects = VoorkeurQuerySet.as_manager()

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("voorkeur")
        verbose_name_plural = _("voorkeuren")
        indexes = [
            models.Index(fields=["partner", "team", "-datum"], name="voorkeur_partner_team_datum")
        ]

    def __str__(self):
        return f"{self.partner}: {self.get_participatieniveau_display()}"

    def tijdlijn_buurt_id(self):
        return buurt_id_via(self, "partner", "actor")
