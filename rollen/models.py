from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.models import Buurt, Rol


class UitnodigingQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)

    def openstaand(self):
        """Neither accepted nor revoked; it may have expired (then it can be sent again)."""
        return self.filter(aanvaard_op__isnull=True, ingetrokken_op__isnull=True)

    def geldig(self, now=None):
        """Open and not expired: its link can still be used."""
        return self.openstaand().filter(verloopt_op__gt=now or timezone.now())


class Uitnodiging(models.Model):
    """An invitation by e-mail to a role in a buurt. Only the token's hash is stored; the
    token itself is in the e-mail and nowhere else."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="uitnodigingen", verbose_name=_("buurt")
    )
    email = models.EmailField(_("e-mail"))
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.Soort.choices)
    token_hash = models.CharField(_("token-hash"), max_length=64, unique=True, editable=False)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uitgenodigd door"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    verloopt_op = models.DateTimeField(_("verloopt op"))
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    aanvaard_op = models.DateTimeField(_("aanvaard op"), null=True, blank=True)
    aanvaard_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aanvaard door"),
    )
    laatst_verzonden_op = models.DateTimeField(_("laatst verzonden op"), null=True, blank=True)
    verzenden_mislukt = models.BooleanField(_("versturen mislukt"), default=False)

    objects = UitnodigingQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt_op", "-id"]
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        constraints = [
            # One open invitation per address and buurt, also when two are sent at once.
            models.UniqueConstraint(
                Lower("email"),
                "buurt",
                condition=Q(aanvaard_op__isnull=True, ingetrokken_op__isnull=True),
                name="uitnodiging_een_open_per_adres",
            ),
            models.CheckConstraint(
                condition=Q(rol__in=["coordinator", "onderzoeker"]),
                name="uitnodiging_geldige_rol",
            ),
        ]

    def __str__(self):
        return _("Uitnodiging voor %(email)s als %(rol)s") % {
            "email": self.email,
            "rol": self.get_rol_display(),
        }

    @property
    def is_open(self):
        return self.aanvaard_op is None and self.ingetrokken_op is None

    @property
    def is_verlopen(self):
        return self.verloopt_op <= timezone.now()

    @property
    def is_geldig(self):
        return self.is_open and not self.is_verlopen
