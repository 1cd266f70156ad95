"""Meetings (overleg) of a team, an initiative or the whole buurt, and the actions agreed there."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import DateField, F, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurt.models import Buurt
from buurt.tijdlijn import buurt_id_via
from initiatieven.models import Initiatief, Team
from partners.models import Partner


class OverlegQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)

    def komend(self, now=None):
        """Meetings that have not ended yet (those without an end count from their start)."""
        now = now or timezone.now()
        return self.filter(Q(eindigt_op__gte=now) | Q(eindigt_op__isnull=True, begint_op__gte=now))

    def voorbij(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(eindigt_op__lt=now) | Q(eindigt_op__isnull=True, begint_op__lt=now))

    def gehouden(self, now=None):
        """Meetings that have started: the ones a researcher counts as held."""
        return self.filter(begint_op__lte=now or timezone.now())

    # By subquery, not a join: counts of the invitees annotated afterwards stay whole.
    def voor_partner(self, partner):
        return self.filter(pk__in=Deelnemer.objects.filter(partner=partner).values("overleg_id"))

    def voor_coordinator(self, user):
        return self.filter(pk__in=Overlegcoordinator.objects.filter(user=user).values("overleg_id"))

    def voor_team(self, team):
        return self.filter(team=team)

    def voor_initiatief(self, initiatief):
        """The initiative's own meetings and those of its teams."""
        return self.filter(Q(initiatief=initiatief) | Q(team__initiatief=initiatief))


class Overleg(models.Model):
    """A meeting: of a team, of an initiative, or of the whole buurt (a partneroverleg)."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="overleggen", verbose_name=_("buurt")
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="overleggen",
        verbose_name=_("team"),
    )
    initiatief = models.ForeignKey(
        Initiatief,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="overleggen",
        verbose_name=_("initiatief"),
    )
    titel = models.CharField(_("titel"), max_length=200)
    begint_op = models.DateTimeField(_("begint op"))
    eindigt_op = models.DateTimeField(_("eindigt op"), null=True, blank=True)
    plaats = models.CharField(_("plaats"), max_length=300, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    notities = models.TextField(_("notities"), blank=True)
    besluiten = models.TextField(_("besluiten"), blank=True)
    partners = models.ManyToManyField(
        Partner,
        through="Deelnemer",
        related_name="overleggen",
        blank=True,
        verbose_name=_("uitgenodigde partners"),
    )
    coordinatoren = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Overlegcoordinator",
        related_name="overleggen",
        blank=True,
        verbose_name=_("uitgenodigde coördinatoren"),
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now, editable=False)

    objects = OverlegQuerySet.as_manager()

    class Meta:
        ordering = ["-begint_op", "-id"]
        verbose_name = _("overleg")
        verbose_name_plural = _("overleggen")
        indexes = [
            models.Index(fields=["buurt", "-begint_op"], name="overleg_buurt_begin"),
            models.Index(fields=["team", "-begint_op"], name="overleg_team_begin"),
            models.Index(fields=["initiatief", "-begint_op"], name="overleg_initiatief_begin"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(team__isnull=True) | Q(initiatief__isnull=True),
                name="overleg_team_of_initiatief",
            ),
            models.CheckConstraint(
                condition=Q(eindigt_op__isnull=True) | Q(eindigt_op__gt=F("begint_op")),
                name="overleg_eindigt_na_begin",
            ),
        ]

    def __str__(self):
        return self.titel

    @property
    def soort(self):
        if self.team_id:
            return _("teamoverleg")
        if self.initiatief_id:
            return _("overleg van een initiatief")
        return _("partneroverleg")

    def clean(self):
        errors = {}
        if self.team_id and self.initiatief_id:
            errors["initiatief"] = _("Kies een team of een initiatief, niet allebei.")
        elif self.team_id and self.team.initiatief.buurt_id != self.buurt_id:
            errors["team"] = _("Kies een team uit deze buurt.")
        elif self.initiatief_id and self.initiatief.buurt_id != self.buurt_id:
            errors["initiatief"] = _("Kies een initiatief uit deze buurt.")
        if self.begint_op and self.eindigt_op and self.eindigt_op <= self.begint_op:
            errors["eindigt_op"] = _("Een overleg eindigt na het begint.")
        if errors:
            raise ValidationError(errors)


class Deelnemer(models.Model):
    """A partner invited to a meeting, and whether they came."""

    overleg = models.ForeignKey(
        Overleg, on_delete=models.CASCADE, related_name="deelnemers", verbose_name=_("overleg")
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        related_name="deelnames_overleg",
        verbose_name=_("partner"),
    )
    aanwezig = models.BooleanField(_("aanwezig"), default=False)

    class Meta:
        ordering = ["partner__actor__naam", "id"]
        verbose_name = _("deelnemer aan een overleg")
        verbose_name_plural = _("deelnemers aan een overleg")
        constraints = [
            models.UniqueConstraint(fields=["overleg", "partner"], name="deelnemer_een_keer"),
        ]

    def __str__(self):
        return f"{self.partner} — {self.overleg}"

    def tijdlijn_buurt_id(self):
        return buurt_id_via(self, "overleg")

    def clean(self):
        if (
            self.partner_id
            and self.overleg_id
            and self.partner.actor.buurt_id != self.overleg.buurt_id
        ):
            raise ValidationError({"partner": _("Kies een partner uit deze buurt.")})


class Overlegcoordinator(models.Model):
    """A coordinator invited to a meeting, and whether they came."""

    overleg = models.ForeignKey(
        Overleg,
        on_delete=models.CASCADE,
        related_name="overlegcoordinatoren",
        verbose_name=_("overleg"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("coördinator"),
    )
    aanwezig = models.BooleanField(_("aanwezig"), default=False)

    class Meta:
        ordering = ["user__first_name", "user__username", "id"]
        verbose_name = _("coördinator op een overleg")
        verbose_name_plural = _("coördinatoren op een overleg")
        constraints = [
            models.UniqueConstraint(fields=["overleg", "user"], name="overlegcoordinator_een_keer"),
        ]

    def __str__(self):
        naam = self.user.get_full_name() or self.user.get_username()
        return f"{naam} — {self.overleg}"

    def tijdlijn_buurt_id(self):
        return buurt_id_via(self, "overleg")


class ActieQuerySet(models.QuerySet):
    def in_buurt(self, buurt):
        return self.filter(buurt=buurt)

    def open(self):
        return self.filter(gedaan_op__isnull=True)

    def gedaan(self):
        return self.filter(gedaan_op__isnull=False)

    def te_laat(self, today=None):
        """Open actions whose due date has passed."""
        return self.open().filter(tegen__lt=today or timezone.localdate())

    def voor_partner(self, partner):
        return self.filter(partner=partner)

    def voor_coordinator(self, user):
        return self.filter(coordinator=user)

    def voor_team(self, team):
        return self.filter(team=team)

    def voor_initiatief(self, initiatief):
        """The initiative's own actions and those of its teams."""
        return self.filter(Q(initiatief=initiatief) | Q(team__initiatief=initiatief))


class Actie(models.Model):
    """Who does what by when, agreed at a meeting or on its own; done on a date."""

    buurt = models.ForeignKey(
        Buurt, on_delete=models.CASCADE, related_name="acties", verbose_name=_("buurt")
    )
    overleg = models.ForeignKey(
        Overleg,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name=_("overleg"),
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name=_("team"),
    )
    initiatief = models.ForeignKey(
        Initiatief,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name=_("initiatief"),
    )
    wat = models.CharField(_("wat"), max_length=300)
    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name=_("partner"),
    )
    # PROTECT: an open action is never lost with an account; it is handed over first.
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name=_("coördinator"),
    )
    tegen = models.DateField(_("tegen"))
    gedaan_op = models.DateField(_("gedaan op"), null=True, blank=True)
    notitie = models.CharField(_("notitie"), max_length=500, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now, editable=False)

    objects = ActieQuerySet.as_manager()

    class Meta:
        ordering = ["tegen", "id"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        indexes = [
            models.Index(
                fields=["buurt", "tegen"],
                condition=Q(gedaan_op__isnull=True),
                name="actie_buurt_open_tegen",
            ),
            models.Index(fields=["partner", "tegen"], name="actie_partner_tegen"),
            models.Index(fields=["team", "tegen"], name="actie_team_tegen"),
            models.Index(fields=["initiatief", "tegen"], name="actie_initiatief_tegen"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(partner__isnull=False, coordinator__isnull=True)
                    | Q(partner__isnull=True, coordinator__isnull=False)
                ),
                name="actie_partner_of_coordinator",
            ),
            models.CheckConstraint(
                condition=Q(team__isnull=True) | Q(initiatief__isnull=True),
                name="actie_team_of_initiatief",
            ),
            # The database compares with the creation's UTC date, never later than Brussels';
            # clean() holds the exact rule in local time.
            models.CheckConstraint(
                condition=Q(gedaan_op__isnull=True)
                | Q(gedaan_op__gte=Cast("aangemaakt_op", DateField())),
                name="actie_gedaan_na_aanmaak",
            ),
        ]

    def __str__(self):
        return self.wat

    @property
    def wie(self):
        if self.partner_id:
            return self.partner
        user = self.coordinator
        return (user.get_full_name() or user.get_username()) if user else ""

    @property
    def aangemaakt_datum(self):
        return timezone.localdate(self.aangemaakt_op)

    def is_te_laat(self, today=None):
        return self.gedaan_op is None and self.tegen < (today or timezone.localdate())

    def clean(self):
        errors = {}
        if bool(self.partner_id) == bool(self.coordinator_id):
            errors["partner"] = _("Kies een partner of een coördinator (één van beide).")
        if self.team_id and self.initiatief_id:
            errors["initiatief"] = _("Kies een team of een initiatief, niet allebei.")
        if self.partner_id and self.partner.actor.buurt_id != self.buurt_id:
            errors["partner"] = _("Kies een partner uit deze buurt.")
        if self.team_id and self.team.initiatief.buurt_id != self.buurt_id:
            errors["team"] = _("Kies een team uit deze buurt.")
        if self.initiatief_id and self.initiatief.buurt_id != self.buurt_id:
            errors["initiatief"] = _("Kies een initiatief uit deze buurt.")
        if self.overleg_id and self.overleg.buurt_id != self.buurt_id:
            errors["overleg"] = _("Kies een overleg uit deze buurt.")
        if self.gedaan_op and self.gedaan_op < self.aangemaakt_datum:
            errors["gedaan_op"] = _(
                "Een actie kan niet gedaan zijn vóór ze werd aangemaakt (%(datum)s)."
            ) % {"datum": self.aangemaakt_datum.strftime("%d/%m/%Y")}
        if errors:
            raise ValidationError(errors)
