from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.models import Actor
from buurt.tijdlijn import buurt_id_via


class Niveau(models.TextChoices):
    """Enthusiasm of a partner: none, a spark (limited) or fire (a lot)."""

    GEEN = "geen", _("geen")
    VONK = "vonk", _("vonk")
    VUUR = "vuur", _("vuur")


class PartnerQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(actor__buurt=buurt)

    def with_enthousiasme(self):
        """Annotate the current (latest) enthusiasm level and its date, None for a partner
        not yet rated: kept at write time in HuidigEnthousiasme (partners/huidig.py)."""
        return self.annotate(
            huidig_enthousiasme=F("huidig__niveau"), enthousiasme_datum=F("huidig__datum")
        )


class Partner(models.Model):
    """An actor that takes part in the collaboration."""

    actor = models.OneToOneField(
        Actor, on_delete=models.CASCADE, related_name="partner", verbose_name=_("actor")
    )
    contactpersoon = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partnerschappen",
        verbose_name=_("gekoppelde gebruiker"),
    )
    partner_sinds = models.DateField(_("partner sinds"), default=timezone.localdate)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["actor__naam", "id"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return str(self.actor)

    def tijdlijn_buurt_id(self):
        return buurt_id_via(self, "actor")

    @property
    def buurt(self):
        return self.actor.buurt


class EnthousiasmeQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(partner__actor__buurt=buurt)


class Enthousiasme(models.Model):
    """A dated assessment of a partner's enthusiasm. The current one is the latest."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="enthousiasme", verbose_name=_("partner")
    )
    niveau = models.CharField(_("enthousiasme"), max_length=10, choices=Niveau.choices)
    datum = models.DateField(_("datum"), default=timezone.localdate)
    notitie = models.TextField(_("notitie"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingeschat door"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = EnthousiasmeQuerySet.as_manager()

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("enthousiasme")
        verbose_name_plural = _("enthousiasme")
        indexes = [models.Index(fields=["partner", "-datum"], name="enthousiasme_partner_datum")]
        constraints = [
            models.CheckConstraint(
                condition=Q(niveau__in=["geen", "vonk", "vuur"]), name="enthousiasme_geldig"
            )
        ]

    def __str__(self):
        return f"{self.partner}: {self.get_niveau_display()} ({self.datum})"

    def tijdlijn_buurt_id(self):
        return buurt_id_via(self, "partner", "actor")


class PartnerlinkQuerySet(models.QuerySet):
    def geldig(self, now=None):
        now = now or timezone.now()
        return self.filter(ingetrokken_op__isnull=True, verloopt_op__gt=now)


class Partnerlink(models.Model):
    """Personal access for a partner without an account. Only the token's hash is stored."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="links", verbose_name=_("partner")
    )
    token_hash = models.CharField(_("token-hash"), max_length=64, unique=True, editable=False)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    verloopt_op = models.DateTimeField(_("verloopt op"))
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    laatst_gebruikt_op = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)

    objects = PartnerlinkQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = _("partnerlink")
        verbose_name_plural = _("partnerlinks")

    def __str__(self):
        return _("Link voor %(partner)s") % {"partner": self.partner}

    def tijdlijn_buurt_id(self):
        return buurt_id_via(self, "partner", "actor")

    @property
    def is_geldig(self):
        return self.ingetrokken_op is None and self.verloopt_op > timezone.now()


class HuidigEnthousiasme(models.Model):
    """A partner's latest rating, repeated (see partners/huidig.py): no row when the
    partner was never rated. Not in the timeline or any export; it is the ratings'."""

    partner = models.OneToOneField(
        Partner,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="huidig",
        verbose_name=_("partner"),
    )
    niveau = models.CharField(_("enthousiasme"), max_length=10, choices=Niveau.choices)
    datum = models.DateField(_("datum"))

    class Meta:
        verbose_name = _("huidig enthousiasme")
        verbose_name_plural = _("huidig enthousiasme")
        indexes = [models.Index(fields=["niveau", "partner"], name="huidig_niveau_partner")]

    def __str__(self):
        return f"{self.partner_id}: {self.niveau} ({self.datum})"
