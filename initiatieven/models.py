from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.models import Actor, Buurt, Samenwerkingsintensiteit
from partners.models import Partner


class Participatieniveau(models.TextChoices):
    """The participation ladder, low to high."""

    INFORMEREN = "informeren", _("informeren")
    RAADPLEGEN = "raadplegen", _("raadplegen")
    ADVISEREN = "adviseren", _("adviseren")
    COPRODUCEREN = "coproduceren", _("coproduceren")
    MEEBESLISSEN = "meebeslissen", _("meebeslissen")

    @classmethod
    def rank(cls, value):
        return cls.values.index(value) if value in cls.values else None


# One plain sentence per rung of the participation ladder, for partners.
LADDER_UITLEG = {
    Participatieniveau.INFORMEREN: _(
        "Je wordt op de hoogte gehouden van wat er gebeurt; er wordt niets van je verwacht."
    ),
    Participatieniveau.RAADPLEGEN: _("Af en toe wordt je mening gevraagd, maar anderen beslissen."),
    Participatieniveau.ADVISEREN: _(
        "Je geeft advies, gevraagd of ongevraagd, en er wordt ernstig rekening mee gehouden."
    ),
    Participatieniveau.COPRODUCEREN: _(
        "Je werkt samen met de anderen aan het doel en brengt zelf iets in."
    ),
    Participatieniveau.MEEBESLISSEN: _(
        "Je beslist als gelijkwaardige partner mee over wat er gebeurt."
    ),
}


class Middel(models.TextChoices):
    """Resources a partner can bring."""

    TIJD = "tijd", _("tijd")
    RUIMTE = "ruimte", _("ruimte")
    VRIJWILLIGERS = "vrijwilligers", _("vrijwilligers")
    EXPERTISE = "expertise", _("expertise")
    NETWERK = "netwerk", _("netwerk")
    FINANCIERING = "financiering", _("financiering")
    MATERIAAL = "materiaal", _("materiaal")
    COMMUNICATIE = "communicatie", _("communicatie")


def validate_middelen(value):
    if not isinstance(value, list) or any(item not in Middel.values for item in value):
        raise ValidationError(_("Kies middelen uit de lijst."))


class Doelgroep(models.TextChoices):
    IEDEREEN = "iedereen", _("alle buurtbewoners")
    KINDEREN = "kinderen", _("kinderen")
    JONGEREN = "jongeren", _("jongeren")
    GEZINNEN = "gezinnen", _("gezinnen")
    SENIOREN = "senioren", _("senioren")
    MANTELZORGERS = "mantelzorgers", _("mantelzorgers")
    NIEUWKOMERS = "nieuwkomers", _("nieuwkomers")
    BEPERKING = "beperking", _("mensen met een beperking")
    KWETSBAAR = "kwetsbaar", _("kwetsbare bewoners")


class Thema(models.TextChoices):
    ONTMOETING = "ontmoeting", _("ontmoeting")
    EENZAAMHEID = "eenzaamheid", _("eenzaamheid")
    ZORG = "zorg", _("zorg en ondersteuning")
    GEZONDHEID = "gezondheid", _("gezondheid en bewegen")
    VOEDING = "voeding", _("voeding")
    MOBILITEIT = "mobiliteit", _("mobiliteit")
    WONEN = "wonen", _("wonen")
    GROEN = "groen", _("groen en buitenruimte")
    CULTUUR = "cultuur", _("cultuur")
    ARMOEDE = "armoede", _("armoede")


class Frequentie(models.TextChoices):
    EENMALIG = "eenmalig", _("eenmalig")
    WEKELIJKS = "wekelijks", _("wekelijks")
    MAANDELIJKS = "maandelijks", _("maandelijks")
    JAARLIJKS = "jaarlijks", _("jaarlijks")
    DOORLOPEND = "doorlopend", _("doorlopend")


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


class InitiatiefQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)

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

    # The questions the research asks of each kind of initiative.
    VRAGEN = {
        Soort.BEWONERSINITIATIEF: [
            _("Wie zijn de trekkers, en hoe houden we hun vuur brandend?"),
            _("Wat hebben ze nodig om te groeien, zonder het over te nemen?"),
            _("Laat duizend bloemen bloeien: welke kleine initiatieven verdienen een duwtje?"),
        ],
        Soort.ZORGZAAM_BUURTINITIATIEF: [
            _("Zijn er al bewonersinitiatieven? Zo niet: wie start er een?"),
            _("Zijn ze warm, maar nog niet zorgzaam? Hoe worden ze dat?"),
            _("Vallen er bewoners uit de boot? Hoe wordt het initiatief inclusief?"),
            _("Ondersteunen vrijwilligers en professionals, of nemen ze over?"),
        ],
        Soort.BUURTGERICHT_ZORGINITIATIEF: [
            _("Welke zorg- en welzijnsprofessionals trekken het initiatief?"),
            _("Hoe sluit het aan bij wat bewoners zelf al doen?"),
            _("Is de buurt de juiste schaal voor dit doel?"),
        ],
    }
    # Only an initiative of professionals has to ask whether the buurt is its right scale.
    SCHAAL_SOORT = Soort.BUURTGERICHT_ZORGINITIATIEF

    class Status(models.TextChoices):
        IDEE = "idee", _("idee")
        LOPEND = "lopend", _("lopend")
        AFGEROND = "afgerond", _("afgerond")
        GESTOPT = "gestopt", _("gestopt")

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
    schaal_antwoord = models.CharField(
        _("is de buurt de juiste schaal?"), max_length=10, choices=Schaal.choices, blank=True
    )
    schaal_toelichting = models.TextField(_("toelichting bij de schaal"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.IDEE
    )
    gestart_op = models.DateField(_("gestart op"), null=True, blank=True)
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

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

    def clean(self):
        if self.schaal_antwoord == self.Schaal.NEE and not self.schaal_toelichting:
            raise ValidationError(
                {"schaal_toelichting": _("Leg uit welke schaal beter past en waarom.")}
            )


class TeamQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(initiatief__buurt=buurt)

    def with_intensiteit(self):
        latest = Teamintensiteit.objects.filter(team=OuterRef("pk")).order_by("-datum", "-id")
        return self.annotate(huidige_intensiteit=Subquery(latest.values("intensiteit")[:1]))


class Team(models.Model):
    """A small, goal-oriented team within an initiative."""

    initiatief = models.ForeignKey(
        Initiatief, on_delete=models.CASCADE, related_name="teams", verbose_name=_("initiatief")
    )
    naam = models.CharField(_("naam"), max_length=200)
    doel = models.TextField(_("specifiek gedeeld doel"), blank=True)
    beslist_samen = models.BooleanField(
        _("beslist samen als gelijkwaardige partners"), default=False
    )
    besluitvorming = models.TextField(_("hoe beslist het team?"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["naam", "id"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.naam

    def latest_intensiteit(self):
        """The current intensity: the latest record, or None before the first one."""
        latest = self.intensiteiten.order_by("-datum", "-id")
        return latest.values_list("intensiteit", flat=True).first()


class Teamintensiteit(models.Model):
    """Dated record of a team's collaboration intensity. The current one is the latest."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="intensiteiten", verbose_name=_("team")
    )
    intensiteit = models.CharField(
        _("samenwerkingsintensiteit"), max_length=30, choices=Samenwerkingsintensiteit.choices
    )
    datum = models.DateField(_("datum"), default=timezone.localdate)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("samenwerkingsintensiteit van een team")
        verbose_name_plural = _("samenwerkingsintensiteiten van teams")
        indexes = [models.Index(fields=["team", "-datum"], name="teamintensiteit_team_datum")]

    def __str__(self):
        return f"{self.team}: {self.get_intensiteit_display()} ({self.datum})"


class DeelnameQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(team__initiatief__buurt=buurt)

    def actief(self):
        return self.filter(vertrokken_op__isnull=True)


class Deelname(models.Model):
    """A partner in a team, with the agreed participation level."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="deelnames", verbose_name=_("team")
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="deelnames", verbose_name=_("partner")
    )
    participatieniveau = models.CharField(
        _("afgesproken participatieniveau"), max_length=20, choices=Participatieniveau.choices
    )
    nodig = models.BooleanField(_("nodig voor het doel"), default=True)
    middelen = models.JSONField(
        _("ingebrachte middelen"), default=list, blank=True, validators=[validate_middelen]
    )
    toegetreden_op = models.DateField(_("toegetreden op"), default=timezone.localdate)
    vertrokken_op = models.DateField(_("vertrokken op"), null=True, blank=True)

    objects = DeelnameQuerySet.as_manager()

    class Meta:
        ordering = ["team", "partner__actor__naam", "id"]
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        constraints = [
            models.CheckConstraint(
                condition=Q(vertrokken_op__isnull=True) | Q(vertrokken_op__gte=F("toegetreden_op")),
                name="deelname_vertrokken_na_toegetreden",
            ),
            models.UniqueConstraint(
                fields=["team", "partner"],
                condition=Q(vertrokken_op__isnull=True),
                name="deelname_een_lopende_per_team",
            ),
        ]

    def __str__(self):
        return f"{self.partner} in {self.team}"

    def clean(self):
        if self.vertrokken_op and self.toegetreden_op and self.vertrokken_op < self.toegetreden_op:
            raise ValidationError(
                {"vertrokken_op": _("De vertrekdatum ligt vóór de datum van toetreden.")}
            )
        if (
            self.team_id
            and self.partner_id
            and self.team.initiatief.buurt_id != self.partner.actor.buurt_id
        ):
            raise ValidationError({"partner": _("Kies een partner uit dezelfde buurt.")})


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
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = SuccesQuerySet.as_manager()

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("klein succes")
        verbose_name_plural = _("kleine successen")
        indexes = [models.Index(fields=["buurt", "-datum"], name="succes_buurt_datum")]

    def __str__(self):
        return self.titel
