"""Step 4, "ontwar de bomen": teams, the gap between agreed and preferred participation,
and the four health criteria of a small team, computed from the data."""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from buurt.models import Samenwerkingsintensiteit

from .models import Deelname, Middel, Participatieniveau, Team, Teamintensiteit, Voorkeur


@dataclass
class Criterium:
    naam: str
    ok: bool
    ontbreekt: str = ""


@dataclass
class Lid:
    deelname: Deelname
    voorkeur: str | None = None  # the partner's own preferred level, if known
    voorkeur_voor_team: bool = False

    @property
    def kloof(self):
        """Rungs between preferred and agreed level: >0 wants more, <0 wants less."""
        if self.voorkeur is None:
            return 0
        rank = Participatieniveau.rank
        return rank(self.voorkeur) - rank(self.deelname.participatieniveau)

    @property
    def kloof_abs(self):
        return abs(self.kloof)

    @property
    def voorkeur_label(self):
        return Participatieniveau(self.voorkeur).label if self.voorkeur else ""

    @property
    def middelen_labels(self):
        return [Middel(m).label for m in self.deelname.middelen if m in Middel.values]


@dataclass
class TeamOverzicht:
    team: Team
    leden: list = field(default_factory=list)

    @property
    def intensiteit_label(self):
        value = self.team.huidige_intensiteit
        return Samenwerkingsintensiteit(value).label if value else ""

    @property
    def criteria(self):
        return health_criteria(self.team, [lid.deelname for lid in self.leden])

    @property
    def gezond(self):
        return all(c.ok for c in self.criteria)


def teams_page_queryset(buurt):
    actief = Deelname.objects.actief().select_related("partner__actor")
    latest = Teamintensiteit.objects.filter(team=OuterRef("pk")).order_by("-datum", "-id")
    return (
        Team.objects.in_buurt(buurt)
        .select_related("initiatief")
        .with_intensiteit()
        .annotate(intensiteit_sinds=Subquery(latest.values("datum")[:1]))
        .prefetch_related(Prefetch("deelnames", queryset=actief, to_attr="actieve_deelnames"))
        .order_by("naam", "id")
    )


def team_overzichten(teams):
    """Wrap a page of teams (from teams_page_queryset) with members and preferences.

    One query for all preferences of the page, whatever its size.
    """
    teams = list(teams)
    voorkeuren = latest_voorkeuren(teams)
    overzichten = []
    for team in teams:
        leden = []
        for deelname in team.actieve_deelnames:
            eigen = voorkeuren.get((deelname.partner_id, team.pk))
            algemeen = voorkeuren.get((deelname.partner_id, None))
            leden.append(
                Lid(deelname, voorkeur=eigen or algemeen, voorkeur_voor_team=eigen is not None)
            )
        overzichten.append(TeamOverzicht(team, leden))
    return overzichten


def latest_voorkeuren(teams):
    """{(partner_id, team_id or None): niveau} with the latest record for each key."""
    partner_ids = {d.partner_id for team in teams for d in team.actieve_deelnames}
    if not partner_ids:
        return {}
    team_ids = [team.pk for team in teams]
    rows = (
        Voorkeur.objects.filter(partner_id__in=partner_ids)
        .filter(Q(team_id__in=team_ids) | Q(team__isnull=True))
        .order_by("partner_id", "team_id", "-datum", "-id")
        .values_list("partner_id", "team_id", "participatieniveau")
    )
    latest = {}
    for partner_id, team_id, niveau in rows:
        latest.setdefault((partner_id, team_id), niveau)
    return latest


def health_criteria(team, deelnames):
    """The four criteria of a healthy team, each saying what is missing."""
    criteria = []

    criteria.append(
        Criterium(
            _("Eén specifiek doel dat de partners delen"),
            bool(team.doel.strip()),
            _("Schrijf het specifieke doel van het team op."),
        )
    )

    niet_nodig = [str(d.partner) for d in deelnames if not d.nodig]
    ontbreekt = []
    if len(deelnames) < 2:
        ontbreekt.append(_("Een team heeft minstens twee partners nodig die elkaar nodig hebben."))
    if niet_nodig:
        ontbreekt.append(
            _("Niet nodig voor het doel: %(namen)s.") % {"namen": ", ".join(niet_nodig)}
        )
    criteria.append(
        Criterium(_("Alle nodige en geen overbodige partners"), not ontbreekt, " ".join(ontbreekt))
    )

    met_middelen = sum(1 for d in deelnames if d.middelen)
    criteria.append(
        Criterium(
            _("Partners bundelen echt middelen"),
            met_middelen >= 2,
            ngettext(
                "Pas %(n)d partner brengt middelen in; minstens twee nodig.",
                "Pas %(n)d partners brengen middelen in; minstens twee nodig.",
                met_middelen,
            )
            % {"n": met_middelen},
        )
    )

    ontbreekt = []
    if not team.beslist_samen:
        ontbreekt.append(_("Het team beslist nog niet samen als gelijkwaardige partners."))
    if not team.besluitvorming.strip():
        ontbreekt.append(_("Beschrijf hoe het team beslist."))
    criteria.append(
        Criterium(
            _("Samen beslissen als gelijkwaardige partners"), not ontbreekt, " ".join(ontbreekt)
        )
    )
    for criterium in criteria:
        if criterium.ok:
            criterium.ontbreekt = ""
    return criteria


def partner_matrix(overzichten):
    """Partners x teams of the page: rows of (partner, [level or None per team])."""
    partners = {}
    for overzicht in overzichten:
        for lid in overzicht.leden:
            partners.setdefault(lid.deelname.partner_id, lid.deelname.partner)
    rows = []
    for partner_id, partner in sorted(partners.items(), key=lambda item: str(item[1]).lower()):
        cells = []
        for overzicht in overzichten:
            match = next(
                (lid for lid in overzicht.leden if lid.deelname.partner_id == partner_id), None
            )
            cells.append(match.deelname.get_participatieniveau_display() if match else None)
        rows.append((partner, cells))
    return rows
