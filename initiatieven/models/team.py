"""Small teams of step 4, their dated collaboration intensity and their members."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.models import Samenwerkingsintensiteit
from buurt.tijdlijn import buurt_id_via
from partners.models import Partner

from .initiatief import Initiatief
from .vocabularies import Participatieniveau, validate_middelen


class TeamQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(initiatief__buurt=buurt)

    def with_intensiteit(self):
        """Annotate the current and the needed intensity, each with the date it was set."""
        annotations = {}
        for soort, naam in (
            (Teamintensiteit.Soort.HUIDIG, "huidige"),
            (Teamintensiteit.Soort.NODIG, "nodige"),
        ):
            latest = Teamintensiteit.objects.filter(team=OuterRef("pk"), soort=soort).order_by(
                "-datum", "-id"
            )
            annotations[f"{naam}_intensiteit"] = Subquery(latest.values("intensiteit")[:1])
            annotations[f"{naam}_intensiteit_sinds"] = Subquery(latest.values("datum")[:1])
        return self.annotate(**annotations)


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
    beslist_autonoom = models.BooleanField(
        _("beslist zelf over de eigen werkwijze"), default=False, db_default=False
    )
    autonomie = models.TextField(
        _("hoe kiest het team zijn werkwijze?"), blank=True, default="", db_default=""
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["naam", "id"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.naam

    def tijdlijn_buurt_id(self):
        return buurt_id_via(self, "initiatief")

    def latest_intensiteit(self, soort="huidig"):
        """The current (or needed) intensity: the latest record, or None before the first."""
        latest = self.intensiteiten.filter(soort=soort).order_by("-datum", "-id")
        return latest.values_list("intensiteit", flat=True).first()


class Teamintensiteit(models.Model):
    """Dated record of a team's collaboration intensity, as it is or as the goal needs it.

    For each soort the latest record counts; the older ones are the team's history.
    """

    class Soort(models.TextChoices):
        HUIDIG = "huidig", _("huidige samenwerkingsintensiteit")
        NODIG = "nodig", _("nodige samenwerkingsintensiteit")

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="intensiteiten", verbose_name=_("team")
    )
    soort = models.CharField(
        _("soort"),
        max_length=10,
        choices=Soort.choices,
        default=Soort.HUIDIG,
        db_default=Soort.HUIDIG,
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
        indexes = [
            models.Index(fields=["team", "soort", "-datum"], name="teamintensiteit_team_soort")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=["huidig", "nodig"]), name="teamintensiteit_geldige_soort"
            )
        ]

    def __str__(self):
        soort, intensiteit = self.get_soort_display(), self.get_intensiteit_display()
        return f"{self.team}: {soort} {intensiteit} ({self.datum})"

    def tijdlijn_buurt_id(self):
        return buurt_id_via(self, "team", "initiatief")


class DeelnameQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(team__initiatief__buurt=buurt)

    def actief(self):
        return self.filter(vertrokken_op__isnull=True)


class Deelname(models.Model):
    """A partner in a team, with the agreed participation level, from one date to another.

    A membership ends, it is never deleted: so the team's make-up on any past date stays known.
    """

    class Einde(models.TextChoices):
        VERTROKKEN = "vertrokken", _("vertrokken")
        GEWIJZIGD = "gewijzigd", _("afspraak gewijzigd")

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
    # Why the membership ended: the partner left, or the agreement changed (a new membership
    # with the new level or resources starts the same day).
    einde = models.CharField(
        _("einde"), max_length=12, choices=Einde.choices, blank=True, default="", db_default=""
    )

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

    def tijdlijn_buurt_id(self):
        return buurt_id_via(self, "team", "initiatief")

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
