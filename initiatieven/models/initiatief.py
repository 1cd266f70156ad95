"""Initiatives, of the three kinds the research names."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from buurt.models import Actor, Buurt

from .activiteit import Activiteit


class InitiatiefQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)

    def lopend(self):
        return self.filter(status=Initiatief.Status.LOOPT)

    def niet_beeindigd(self):
        """Running or still to start: not finished, not stopped."""
        return self.exclude(status__in=[Initiatief.Status.AFGEROND, Initiatief.Status.GESTOPT])

    def with_counts(self):
        """Annotate how many activities each builds on and how many teams it has."""
        return self.annotate(
            n_activiteiten=Count("bouwt_voort_op", distinct=True),
            n_teams=Count("teams", distinct=True),
        )


class Initiatief(models.Model):
    class Soort(models.TextChoices):
        BEWONERSINITIATIEF = "bewonersinitiatief", _("warm en zorgzaam bewonersinitiatief")
        ZORGZAAM_BUURTINITIATIEF = "zorgzaam_buurtinitiatief", _("zorgzaam buurtinitiatief")
        BUURTGERICHT_ZORGINITIATIEF = (
            "buurtgericht_zorginitiatief",
            _("buurtgericht zorginitiatief"),
        )

    # What the research says of each kind, verbatim from its summary (in Dutch, not translated:
    # a quotation; tests/test_research_quotes.py holds every quote to the summary's text).
    # The research asks questions of kinds 2 and 3 only; of kind 1 it says: let it bloom.
    VRAGEN = {
        Soort.BEWONERSINITIATIEF: [
            "“Laat duizend bloemen bloeien”: zij die willen, doen lekker hun ding en nemen "
            "andere bewoners mee in hun enthousiasme.",
        ],
        Soort.ZORGZAAM_BUURTINITIATIEF: [
            "Zijn er geen bewonersinitiatieven?",
            "Zijn ze wel warm en gezellig, maar nog niet zorgzaam?",
            "Of vallen er bewoners uit de buurt?",
            "Dan is een zorgzaam buurtinitiatief misschien aan de orde.",
        ],
        Soort.BUURTGERICHT_ZORGINITIATIEF: [
            "Belangrijk is om zelfkritisch de vraag te stellen:",
            "is het doel dat we willen bereiken effectief het meest gebaat met een initiatief op "
            "buurtniveau?",
        ],
    }
    # Only integrated care at buurt level is asked whether the buurt is its right scale.
    SCHAAL_SOORT = Soort.BUURTGERICHT_ZORGINITIATIEF

    class Status(models.TextChoices):
        IDEE = "idee", _("idee")
        LOOPT = "loopt", _("loopt")
        GEPAUZEERD = "gepauzeerd", _("gepauzeerd")
        GESTOPT = "gestopt", _("gestopt")
        AFGEROND = "afgerond", _("afgerond")

    class GestartDoor(models.TextChoices):
        """Who started it: bottom-up (residents, volunteers, professionals) or top-down."""

        BEWONERS = "bewoners", _("bewoners")
        VRIJWILLIGERS = "vrijwilligers", _("vrijwilligers")
        PROFESSIONALS = "professionals", _("professionals")
        BELEID = "beleid", _("beleid")

    # The answers that chose the kind ("Welke soort?"). The goal decides, not who pulls it.
    class SoortDoel(models.TextChoices):
        SAMEN_LEVEN = (
            "samen_leven",
            _("bewoners doen samen iets: elkaar ontmoeten, helpen, feesten"),
        )
        BEWONERS_ONDERSTEUNEN = (
            "bewoners_ondersteunen",
            _(
                "initiatieven van bewoners stimuleren, ondersteunen of versterken, zodat ze "
                "inclusief en zorgzaam zijn"
            ),
        )
        ZORG_OP_BUURTNIVEAU = (
            "zorg_op_buurtniveau",
            _("zorg en welzijn geïntegreerd organiseren op buurtniveau"),
        )

    class SoortGegroeid(models.TextChoices):
        UIT_BEWONERS = "uit_bewoners", _("ja, bewoners trekken het zelf")
        GESTIMULEERD = (
            "gestimuleerd",
            _("nee, vrijwilligers of professionals starten of stimuleren het"),
        )

    class SoortAanleiding(models.TextChoices):
        GEEN_BEWONERSINITIATIEVEN = (
            "geen_bewonersinitiatieven",
            _("er zijn (nog) geen bewonersinitiatieven"),
        )
        NIET_ZORGZAAM = "niet_zorgzaam", _("ze zijn warm en gezellig, maar nog niet zorgzaam")
        UITVAL = "uitval", _("er vallen bewoners uit de boot")
        VERSTERKEN = "versterken", _("bestaande bewonersinitiatieven versterken")

    class Schaal(models.TextChoices):
        JA = "ja", _("ja, de buurt is de juiste schaal")
        NEE = "nee", _("nee, een andere schaal past beter")
        TWIJFEL = "twijfel", _("nog niet zeker")

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="initiatieven", verbose_name=_("buurt")
    )
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    doel = models.TextField(_("doel"), blank=True)
    trekkers = models.ManyToManyField(
        Actor, related_name="getrokken_initiatieven", blank=True, verbose_name=_("trekkers")
    )
    bouwt_voort_op = models.ManyToManyField(
        Activiteit,
        related_name="initiatieven",
        blank=True,
        verbose_name=_("bouwt voort op"),
        help_text=_("Leeg laten voor een nieuw initiatief (hoger reiken)."),
    )
    trekkers_nodig = models.TextField(
        _("wat hebben de trekkers nodig?"), blank=True, default="", db_default=""
    )
    # A zorgzaam buurtinitiatief stimulates, supports or strengthens residents' initiatives.
    ondersteunt = models.ManyToManyField(
        "self",
        symmetrical=False,
        related_name="ondersteund_door",
        blank=True,
        limit_choices_to={"soort": "bewonersinitiatief"},
        verbose_name=_("ondersteunt de bewonersinitiatieven"),
    )
    soort_doel = models.CharField(
        _("wat wil het initiatief bereiken?"),
        max_length=30,
        choices=SoortDoel.choices,
        blank=True,
        default="",
        db_default="",
    )
    soort_gegroeid = models.CharField(
        _("groeit het uit bewoners zelf?"),
        max_length=30,
        choices=SoortGegroeid.choices,
        blank=True,
        default="",
        db_default="",
    )
    soort_aanleiding = models.CharField(
        _("wat is de aanleiding?"),
        max_length=30,
        choices=SoortAanleiding.choices,
        blank=True,
        default="",
        db_default="",
    )
    schaal_antwoord = models.CharField(
        _("is de buurt de juiste schaal?"), max_length=10, choices=Schaal.choices, blank=True
    )
    schaal_toelichting = models.TextField(_("toelichting bij de schaal"), blank=True)
    gestart_door = models.CharField(
        _("gestart door"),
        max_length=20,
        choices=GestartDoor.choices,
        blank=True,
        default="",
        db_default="",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.IDEE
    )
    gestart_op = models.DateField(_("gestart op"), null=True, blank=True)
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    # Raised by every edit; a form posts the version it showed, so that a second editor is
    # warned instead of silently undoing the first one's change.
    versie = models.PositiveIntegerField(_("versie"), default=1, db_default=1)

    objects = InitiatiefQuerySet.as_manager()

    class Meta:
        ordering = ["naam", "id"]
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")
        indexes = [models.Index(fields=["buurt", "soort"], name="initiatief_buurt_soort")]
        constraints = [
            models.CheckConstraint(
                condition=Q(afgerond_op__isnull=True)
                | Q(gestart_op__isnull=True)
                | Q(afgerond_op__gte=F("gestart_op")),
                name="initiatief_afgerond_na_gestart",
            ),
            models.CheckConstraint(
                condition=Q(
                    soort__in=[
                        "bewonersinitiatief",
                        "zorgzaam_buurtinitiatief",
                        "buurtgericht_zorginitiatief",
                    ]
                ),
                name="initiatief_geldige_soort",
            ),
        ]

    def __str__(self):
        return self.naam

    @property
    def vraagt_schaal(self):
        return self.soort == self.SCHAAL_SOORT

    @property
    def laat_bloeien(self):
        """A residents' initiative gets no obligatory team and no health audit."""
        return self.soort == self.Soort.BEWONERSINITIATIEF

    def validate_ondersteunt(self, initiatieven):
        """Only a zorgzaam buurtinitiatief supports, and only bewonersinitiatieven of its buurt."""
        if not initiatieven:
            return
        if self.soort != self.Soort.ZORGZAAM_BUURTINITIATIEF:
            raise ValidationError(
                {
                    "ondersteunt": _(
                        "Alleen een zorgzaam buurtinitiatief ondersteunt bewonersinitiatieven."
                    )
                }
            )
        verkeerd = [
            i
            for i in initiatieven
            if i.buurt_id != self.buurt_id
            or i.soort != self.Soort.BEWONERSINITIATIEF
            or i.pk == self.pk
        ]
        if verkeerd:
            raise ValidationError(
                {"ondersteunt": _("Kies bewonersinitiatieven uit dezelfde buurt.")}
            )

    def clean(self):
        if self.schaal_antwoord == self.Schaal.NEE and not self.schaal_toelichting:
            raise ValidationError(
                {"schaal_toelichting": _("Leg uit welke schaal beter past en waarom.")}
            )
