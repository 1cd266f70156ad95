"""What needs attention is computed, not stored: only the coordinators' choices are kept here,
to put an item off until a date (with the reason why) and to (not) get the weekly digest."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.models import Buurt


class Soort(models.TextChoices):
    """The kinds of attention items, in the order the page shows them."""

    ACTIE_TE_LAAT = "actie_te_laat", _("acties over tijd")
    ENTHOUSIASME_OUD = "enthousiasme_oud", _("enthousiasme lang niet bekeken")
    VEEL_TEAMS = "veel_teams", _("partners in veel teams")
    TEAM_ZONDER_OVERLEG = "team_zonder_overleg", _("teams zonder overleg")
    ZONDER_TREKKER = "zonder_trekker", _("lopende initiatieven zonder trekker")
    KANS = "kans", _("open kansen om te verbinden")
    LINK_VERLOOPT = "link_verloopt", _("persoonlijke links die bijna verlopen")
    UITNODIGING = "uitnodiging", _("uitnodigingen niet aanvaard")
    GEEN_GRONDSLAG = "geen_grondslag", _("personen zonder grondslag")


class UitstelQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)

    def lopend(self, today=None):
        """Still hiding its item: the date is still to come."""
        return self.filter(tot__gt=today or timezone.localdate())


class Uitstel(models.Model):
    """A coordinator puts one attention item off until ``tot``, with the reason why.

    The item is named by its kind and the key of its object (a primary key, or for a chance
    of step 3 the pair of activities, "a-b"). Older records stay as history.
    """

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="uitstellen", verbose_name=_("buurt")
    )
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    sleutel = models.CharField(_("sleutel"), max_length=40)
    tot = models.DateField(_("uitgesteld tot"))
    reden = models.TextField(_("reden"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    op = models.DateTimeField(_("op"), default=timezone.now)

    objects = UitstelQuerySet.as_manager()

    class Meta:
        ordering = ["-op", "-id"]
        verbose_name = _("uitstel")
        verbose_name_plural = _("uitstellen")
        indexes = [
            models.Index(fields=["buurt", "soort", "sleutel", "tot"], name="uitstel_item"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(reden=""), name="uitstel_met_reden"),
            models.CheckConstraint(
                condition=Q(soort__in=[s.value for s in Soort]), name="uitstel_geldige_soort"
            ),
        ]

    def __str__(self):
        return _("%(soort)s uitgesteld tot %(tot)s") % {
            "soort": self.get_soort_display(),
            "tot": self.tot,
        }


class Digestvoorkeur(models.Model):
    """Whether a coordinator gets the weekly e-mail; without a record, they do."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digestvoorkeur",
        verbose_name=_("gebruiker"),
    )
    wil_digest = models.BooleanField(_("wekelijkse e-mail met wat aandacht vraagt"), default=True)

    class Meta:
        verbose_name = _("voorkeur voor de wekelijkse e-mail")
        verbose_name_plural = _("voorkeuren voor de wekelijkse e-mail")

    def __str__(self):
        return str(self.user)


def wil_digest(user):
    """Whether ``user`` gets the weekly e-mail (yes, unless they said no)."""
    voorkeur = Digestvoorkeur.objects.filter(user=user).values_list("wil_digest", flat=True)
    return next(iter(voorkeur), True)
