"""What is kept of an erasure or an anonymisation: when, by whom, in which buurt, which kind
of actor. Nothing that identifies the person: no name, no id, no contact data."""

from django.conf import settings
from django.db import models
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.models import Actor, Buurt


class WissingQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)

    def volgend_nummer(self, buurt):
        """The next "bewoner 12" of the buurt: numbers are never given twice, also not
        after an anonymised person was erased later."""
        hoogste = self.in_buurt(buurt).aggregate(n=Max("volgnummer"))["n"]
        return (hoogste or 0) + 1


class Wissing(models.Model):
    class Manier(models.TextChoices):
        GEWIST = "gewist", _("gewist")
        GEANONIMISEERD = "geanonimiseerd", _("geanonimiseerd")

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="wissingen", verbose_name=_("buurt")
    )
    manier = models.CharField(_("wat"), max_length=20, choices=Manier.choices)
    soort = models.CharField(_("soort actor"), max_length=20, choices=Actor.Soort.choices)
    was_partner = models.BooleanField(_("was partner"), default=False)
    # An anonymised person's number ("bewoner 12"): it names no one, and keeps the number
    # from being given twice.
    volgnummer = models.PositiveIntegerField(_("volgnummer"), null=True, blank=True)
    op = models.DateTimeField(_("op"), default=timezone.now)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
        help_text=_("Leeg: het commando voor de bewaartermijn."),
    )
    vermeldingen = models.PositiveIntegerField(
        _("vermeldingen vervangen"),
        default=0,
        help_text=_("Hoeveel teksten elders de persoon noemden en nu “[verwijderd]” lezen."),
    )

    objects = WissingQuerySet.as_manager()

    class Meta:
        ordering = ["-op", "-id"]
        verbose_name = _("wissing")
        verbose_name_plural = _("wissingen")
        constraints = [
            models.UniqueConstraint(
                fields=["buurt", "volgnummer"],
                condition=Q(volgnummer__isnull=False),
                name="wissing_volgnummer_uniek",
            ),
            models.CheckConstraint(
                condition=Q(manier__in=["gewist", "geanonimiseerd"]), name="wissing_geldige_manier"
            ),
        ]

    def __str__(self):
        return _("%(soort)s %(manier)s") % {
            "soort": self.get_soort_display(),
            "manier": self.get_manier_display(),
        }
