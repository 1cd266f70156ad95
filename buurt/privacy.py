"""What the GDPR asks of the lowest app: the legal basis on which a natural person is
recorded (fields of ``Actor``), and the log of research exports, which the research app
writes and the privacy pages show (they are siblings and cannot reach each other's models).
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Grondslag(models.TextChoices):
    """The legal bases of article 6 GDPR a buurt can have for recording a person."""

    TOESTEMMING = "toestemming", _("toestemming van de persoon")
    OVEREENKOMST = "overeenkomst", _("overeenkomst (bv. vrijwilligersovereenkomst)")
    ALGEMEEN_BELANG = "algemeen_belang", _("taak van algemeen belang (bv. OCMW, gemeente)")
    GERECHTVAARDIGD_BELANG = "gerechtvaardigd_belang", _("gerechtvaardigd belang")
    WETTELIJKE_PLICHT = "wettelijke_plicht", _("wettelijke verplichting")


class ToestemmingHoe(models.TextChoices):
    MONDELING = "mondeling", _("mondeling")
    SCHRIFTELIJK = "schriftelijk", _("schriftelijk (papier)")
    EMAIL = "email", _("per e-mail")
    FORMULIER = "formulier", _("via een formulier")


GRONDSLAGEN = [value for value, _label in Grondslag.choices]


class Persoonsgegevens(models.Model):
    """The legal basis of a natural person's record, and whether it was anonymised."""

    # Database defaults too: bulk writes (import, COPY) name only the columns they fill.
    grondslag = models.CharField(
        _("grondslag"), max_length=30, choices=Grondslag.choices, blank=True, db_default=""
    )
    toestemming_op = models.DateField(_("toestemming gegeven op"), null=True, blank=True)
    toestemming_hoe = models.CharField(
        _("toestemming gegeven hoe"),
        max_length=20,
        choices=ToestemmingHoe.choices,
        blank=True,
        db_default="",
    )
    toestemming_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("toestemming gevraagd door"),
    )
    grondslag_toelichting = models.CharField(
        _("toelichting bij de grondslag"),
        max_length=300,
        blank=True,
        db_default="",
        help_text=_("Kort: waarom mag de buurt deze persoon bijhouden zonder toestemming?"),
    )
    # Set once the person became "bewoner 12": the record keeps its shape, not its person.
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def heeft_grondslag(self):
        return bool(self.grondslag)


def zonder_grondslag():
    """The Q of natural persons recorded without a legal basis (anonymised ones need none)."""
    return Q(grondslag="", geanonimiseerd_op__isnull=True)


class ExportregistratieQuerySet(models.QuerySet):
    def voor_buurt(self, buurt):
        return self.filter(buurten=buurt)


class Exportregistratie(models.Model):
    """One research export: who took which buurten's data, when, and what."""

    class Via(models.TextChoices):
        WEB = "web", _("onderzoekspagina")
        CLI = "cli", _("beheerder (commando)")

    op = models.DateTimeField(_("op"), default=timezone.now, db_index=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    buurten = models.ManyToManyField(
        "buurt.Buurt", related_name="exportregistraties", verbose_name=_("buurten")
    )
    tabellen = models.JSONField(_("tabellen"), default=list)
    formaat = models.CharField(_("formaat"), max_length=10)
    via = models.CharField(_("via"), max_length=10, choices=Via.choices, default=Via.WEB)
    identificeerbaar = models.BooleanField(_("identificeerbaar"), default=False)

    objects = ExportregistratieQuerySet.as_manager()

    class Meta:
        ordering = ["-op", "-id"]
        verbose_name = _("exportregistratie")
        verbose_name_plural = _("exportregistraties")

    def __str__(self):
        return f"{self.get_via_display()} {self.op:%Y-%m-%d %H:%M}"

    @classmethod
    @transaction.atomic
    def registreer(cls, buurten, tabellen, formaat, door=None, via=Via.WEB, identificeerbaar=False):
        """Record one export: the page does so before the file streams, the command after
        the files are written."""
        registratie = cls.objects.create(
            door=door,
            tabellen=list(tabellen),
            formaat=formaat,
            via=via,
            identificeerbaar=identificeerbaar,
        )
        registratie.buurten.set(buurten)
        return registratie
