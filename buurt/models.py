from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import zoekindex
from .gezondheid import HELP_TEXT as GEEN_GEZONDHEID

# Exportregistratie is defined beside the legal basis; importing it here registers it.
from .privacy import GRONDSLAGEN, Exportregistratie, Persoonsgegevens  # noqa: F401


class Samenwerkingsintensiteit(models.TextChoices):
    """How intensely actors work together, low to high."""

    DOORVERWIJZEN = "doorverwijzen", _("doorverwijzen")
    PASSIEF_INFO_DELEN = "passief_info_delen", _("passief info delen")
    ACTIEF_AFSTEMMEN = "actief_afstemmen", _("actief afstemmen")
    TIJDELIJK_PARTNERSCHAP = "tijdelijk_partnerschap", _("tijdelijk partnerschap")
    PERMANENT_PARTNERSCHAP = "permanent_partnerschap", _("permanent partnerschap")
    LERENDE_GEMEENSCHAP = "lerende_gemeenschap", _("lerende gemeenschap")


class BuurtQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(rollen__user=user)


class Buurt(models.Model):
    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    gemeente = models.CharField(_("gemeente"), max_length=200, blank=True)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    gestart_op = models.DateField(_("gestart op"), null=True, blank=True)
    # Set by an administrator; accounts.middleware sends everyone with a role here who has
    # no authenticator app yet to its setup page first.
    tweestapsverificatie_verplicht = models.BooleanField(
        _("tweestapsverificatie verplicht"),
        default=False,
        help_text=_(
            "Wie een rol heeft in deze buurt, meldt zich aan met wachtwoord én een code uit "
            "een app; wie nog geen app heeft ingesteld, doet dat eerst."
        ),
    )

    objects = BuurtQuerySet.as_manager()

    class Meta:
        ordering = ["naam"]
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("coordinatie:dashboard", args=[self.slug])


class Rol(models.Model):
    class Soort(models.TextChoices):
        COORDINATOR = "coordinator", _("coördinator")
        ONDERZOEKER = "onderzoeker", _("onderzoeker")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="buurtrollen",
        verbose_name=_("gebruiker"),
    )
    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="rollen", verbose_name=_("buurt")
    )
    rol = models.CharField(_("rol"), max_length=20, choices=Soort.choices)

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        constraints = [
            models.UniqueConstraint(fields=["user", "buurt"], name="rol_een_per_user_per_buurt"),
            models.CheckConstraint(
                condition=Q(rol__in=["coordinator", "onderzoeker"]), name="rol_geldige_soort"
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_rol_display()} in {self.buurt}"


class ActorQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)

    def natuurlijke_personen(self):
        return self.filter(soort__in=Actor.NATUURLIJKE_PERSONEN)

    def partners(self):
        """The actors that are partners: ``is_partner``, kept by the database, no join."""
        return self.filter(is_partner=True)

    def search(self, text):
        """Actors whose name contains `text`, case-insensitively; on SQLite through the
        trigram index of buurt/zoekindex.py, on PostgreSQL through that of migration 0003."""
        if not text:
            return self
        if zoekindex.answers(connections[self.db], text):
            # The text is a bound parameter; the SQL around it is fixed.
            return self.filter(pk__in=RawSQL(*zoekindex.matching_ids(text)))  # noqa: S611
        return self.filter(naam__icontains=text)


def _label(choices, value):
    """The label of `value` in `choices`, or the value itself when it is not one of them,
    as Django's get_FOO_display does."""
    try:
        return choices(value).label
    except ValueError:
        return value


class Actor(Persoonsgegevens):
    class Soort(models.TextChoices):
        BEWONER = "bewoner", _("bewoner")
        VERENIGING = "vereniging", _("vereniging")
        PROFESSIONAL = "professional", _("professional")
        ORGANISATIE = "organisatie", _("organisatie")

    class Sector(models.TextChoices):
        ZORG = "zorg", _("zorg")
        WELZIJN = "welzijn", _("welzijn")
        ONDERWIJS = "onderwijs", _("onderwijs")
        CULTUUR = "cultuur", _("cultuur")
        SPORT = "sport", _("sport")
        JEUGD = "jeugd", _("jeugd")
        WONEN = "wonen", _("wonen")
        HANDEL = "handel", _("handel en horeca")
        LEVENSBESCHOUWING = "levensbeschouwing", _("levensbeschouwing")
        BESTUUR = "bestuur", _("lokaal bestuur")
        BUURT = "buurt", _("buurtleven")
        ANDERE = "andere", _("andere")

    # Residents and professionals are people: their data is personal data.
    NATUURLIJKE_PERSONEN = (Soort.BEWONER, Soort.PROFESSIONAL)

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="actoren", verbose_name=_("buurt")
    )
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, blank=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True, help_text=GEEN_GEZONDHEID)
    email = models.EmailField(_("e-mail"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=40, blank=True)
    adres = models.CharField(_("adres"), max_length=300, blank=True)
    aangebracht_door = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aangebracht",
        verbose_name=_("gekend via"),
        help_text=_("De actor die deze actor kent en heeft aangebracht."),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True, db_index=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    # Whether a partner row points here, kept by the database's triggers (migration
    # partners/0003), whatever the app writes: a buurt's partners are paged by name on an
    # index of their own ("actor_partner_naam") instead of sorting them all.
    is_partner = models.BooleanField(_("partner"), default=False, db_default=False, editable=False)

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["naam", "id"]
        verbose_name = _("actor")
        verbose_name_plural = _("actoren")
        indexes = [
            models.Index(fields=["buurt", "naam"], name="actor_buurt_naam"),
            models.Index(fields=["buurt", "soort", "naam"], name="actor_buurt_soort_naam"),
            models.Index(fields=["buurt", "sector", "naam"], name="actor_buurt_sector_naam"),
            models.Index(fields=["buurt", "aangemaakt_op"], name="actor_buurt_aangemaakt"),
            models.Index(fields=["buurt", "aangebracht_door"], name="actor_buurt_aangebracht"),
            models.Index(
                fields=["buurt", "naam", "id"],
                condition=Q(is_partner=True),
                name="actor_partner_naam",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(aangebracht_door=F("pk")), name="actor_niet_door_zichzelf"
            ),
            models.CheckConstraint(
                condition=Q(soort__in=["bewoner", "vereniging", "professional", "organisatie"]),
                name="actor_geldige_soort",
            ),
            models.CheckConstraint(
                condition=Q(grondslag__in=["", *GRONDSLAGEN]), name="actor_geldige_grondslag"
            ),
        ]

    def __str__(self):
        return self.naam

    # Django's get_FOO_display builds a dict of every choice on each call; a list of 50
    # actors calls these 100 times. The enum finds the label directly.
    def get_soort_display(self):
        return _label(self.Soort, self.soort)

    def get_sector_display(self):
        return _label(self.Sector, self.sector)

    @property
    def is_natuurlijk_persoon(self):
        return self.soort in self.NATUURLIJKE_PERSONEN

    def clean(self):
        door = self.aangebracht_door
        if door is not None:
            if self.pk and door.pk == self.pk:
                raise ValidationError(
                    {"aangebracht_door": _("Een actor kan zichzelf niet aanbrengen.")}
                )
            if self.buurt_id and door.buurt_id != self.buurt_id:
                raise ValidationError({"aangebracht_door": _("Kies een actor uit dezelfde buurt.")})


class RelatieQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)

    def actief(self, on=None):
        on = on or timezone.localdate()
        return self.filter(sinds__lte=on).filter(Q(tot__isnull=True) | Q(tot__gte=on))

    def van_actor(self, actor):
        return self.filter(Q(van=actor) | Q(naar=actor))

    def lopend_tussen(self, a, b):
        """The running relation between two actors, either way round: at most one may run."""
        return self.filter(tot__isnull=True).filter(Q(van=a, naar=b) | Q(van=b, naar=a))


class Relatie(models.Model):
    """A working link between two actors of one buurt; ended, never overwritten."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="relaties", verbose_name=_("buurt")
    )
    van = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="relaties_van", verbose_name=_("van")
    )
    naar = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="relaties_naar", verbose_name=_("naar")
    )
    intensiteit = models.CharField(
        _("samenwerkingsintensiteit"), max_length=30, choices=Samenwerkingsintensiteit.choices
    )
    sinds = models.DateField(_("sinds"))
    tot = models.DateField(_("tot"), null=True, blank=True)
    notitie = models.TextField(_("notitie"), blank=True)

    objects = RelatieQuerySet.as_manager()

    class Meta:
        ordering = ["-sinds", "id"]
        verbose_name = _("relatie")
        verbose_name_plural = _("relaties")
        indexes = [
            models.Index(fields=["buurt", "sinds"], name="relatie_buurt_sinds"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(van=F("naar")), name="relatie_niet_met_zichzelf"),
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=F("sinds")),
                name="relatie_tot_na_sinds",
            ),
            models.UniqueConstraint(
                fields=["van", "naar"],
                condition=Q(tot__isnull=True),
                name="relatie_een_lopende_per_paar",
            ),
        ]

    def __str__(self):
        return f"{self.van} ↔ {self.naar} ({self.get_intensiteit_display()})"

    def clean(self):
        if self.van_id and self.naar_id and self.van_id == self.naar_id:
            raise ValidationError(_("Een actor kan geen relatie met zichzelf hebben."))
        if self.tot and self.sinds and self.tot < self.sinds:
            raise ValidationError({"tot": _("De einddatum ligt vóór de begindatum.")})
        for field in ("van", "naar"):
            actor = getattr(self, field, None) if getattr(self, f"{field}_id") else None
            if actor is not None and self.buurt_id and actor.buurt_id != self.buurt_id:
                raise ValidationError({field: _("Kies een actor uit dezelfde buurt.")})


class BeleidsverwachtingQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)

    def lopend(self, on=None):
        """The expectations that hold on `on` (today by default)."""
        on = on or timezone.localdate()
        return self.filter(sinds__lte=on).filter(Q(tot__isnull=True) | Q(tot__gte=on))


class Beleidsverwachting(models.Model):
    """What policy (the city, a funder, the region) expects of the buurt: the top-down
    expectations, set beside what grew bottom-up. Ended, never overwritten."""

    class Bron(models.TextChoices):
        STAD = "stad", _("stad of gemeente")
        FINANCIER = "financier", _("financier")
        REGIO = "regio", _("regio")
        ANDERE = "andere", _("andere")

    buurt = models.ForeignKey(
        Buurt,
        on_delete=models.CASCADE,
        related_name="beleidsverwachtingen",
        verbose_name=_("buurt"),
    )
    bron = models.CharField(_("van wie"), max_length=20, choices=Bron.choices)
    wat = models.TextField(_("wat wordt verwacht"))
    sinds = models.DateField(_("sinds"))
    tot = models.DateField(_("tot"), null=True, blank=True)
    notitie = models.TextField(_("notitie"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = BeleidsverwachtingQuerySet.as_manager()

    class Meta:
        ordering = ["-sinds", "-id"]
        verbose_name = _("beleidsverwachting")
        verbose_name_plural = _("beleidsverwachtingen")
        indexes = [models.Index(fields=["buurt", "sinds"], name="beleid_buurt_sinds")]
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=F("sinds")),
                name="beleid_tot_na_sinds",
            ),
            models.CheckConstraint(
                condition=Q(bron__in=["stad", "financier", "regio", "andere"]),
                name="beleid_geldige_bron",
            ),
        ]

    def __str__(self):
        return f"{self.get_bron_display()}: {self.wat[:60]}"

    @property
    def lopend(self):
        today = timezone.localdate()
        return self.sinds <= today and (self.tot is None or self.tot >= today)

    def clean(self):
        if self.tot and self.sinds and self.tot < self.sinds:
            raise ValidationError({"tot": _("De einddatum ligt vóór de begindatum.")})


from .telling import Telling  # noqa: E402, F401 (the counts kept at write time)
from .wijziging import Wijziging, WijzigingQuerySet  # noqa: E402, F401 (the timeline's model)
