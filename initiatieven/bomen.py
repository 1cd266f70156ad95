"""Step 4, "ontwar de bomen": teams, the gap between agreed and preferred participation,
the health criteria of a small team computed from the data, and who is missing."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from buurt.models import Samenwerkingsintensiteit
from partners.models import Niveau

from .models import Activiteit, Deelname, Initiatief, Middel, Participatieniveau, Team, Voorkeur

# "Niet elk doel vereist intensieve samenwerking": a goal that needs no more than these
# needs neither decisions taken together nor pooled resources.
LICHTE_INTENSITEITEN = (
    Samenwerkingsintensiteit.DOORVERWIJZEN,
    Samenwerkingsintensiteit.PASSIEF_INFO_DELEN,
)
# Above this many active members the card shows a tip (the app's, not the research's).
GROOT_TEAM = 8
MAX_SUGGESTIES = 5


@dataclass
class Criterium:
    naam: str
    ok: bool
    ontbreekt: str = ""
    niet_nodig: bool = False  # the goal does not need it: neither a check nor a cross
    tip: str = ""  # the app's advice, shown as a tip and never as the research's


def _niet_nodig(naam):
    return Criterium(naam, True, niet_nodig=True)


@dataclass
class Intensiteit:
    """The latest record of one soort of a team's intensity, and since when it holds."""

    waarde: str | None
    sinds: date | None

    @property
    def label(self):
        return Samenwerkingsintensiteit(self.waarde).label if self.waarde else ""


@dataclass
class Intensiteiten:
    huidig: Intensiteit
    nodig: Intensiteit

    @property
    def verschil(self):
        """>0: the team works more intensely than its goal needs; <0: less; 0 or unknown."""
        if not (self.huidig.waarde and self.nodig.waarde):
            return 0
        rank = Samenwerkingsintensiteit.values.index
        return rank(self.huidig.waarde) - rank(self.nodig.waarde)


def intensiteiten(team):
    """Current and needed intensity of a team annotated by ``TeamQuerySet.with_intensiteit``."""
    return Intensiteiten(
        Intensiteit(team.huidige_intensiteit, team.huidige_intensiteit_sinds),
        Intensiteit(team.nodige_intensiteit, team.nodige_intensiteit_sinds),
    )


@dataclass
class Suggestie:
    """A partner with a spark or fire who shares the initiative's theme or target group."""

    naam: str
    enthousiasme: str
    via: list = field(default_factory=list)  # names of the activities they organise

    @property
    def enthousiasme_label(self):
        return Niveau(self.enthousiasme).label


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
    wie_ontbreekt: list = field(default_factory=list)

    @property
    def intensiteiten(self):
        return intensiteiten(self.team)

    @property
    def audit(self):
        """A residents' initiative is let to bloom: its teams get no health check."""
        return not self.team.initiatief.laat_bloeien

    @property
    def criteria(self):
        if not self.audit:
            return []
        deelnames = [lid.deelname for lid in self.leden]
        return health_criteria(self.team, deelnames, nodig=self.intensiteiten.nodig.waarde)

    @property
    def gezond(self):
        return self.audit and all(c.ok for c in self.criteria)

    @property
    def groot(self):
        return self.audit and len(self.leden) > GROOT_TEAM


def teams_page_queryset(buurt):
    actief = Deelname.objects.actief().select_related("partner__actor")
    return (
        Team.objects.in_buurt(buurt)
        .select_related("initiatief")
        .with_intensiteit()
        .prefetch_related(Prefetch("deelnames", queryset=actief, to_attr="actieve_deelnames"))
        .order_by("naam", "id")
    )


def team_overzichten(teams):
    """Wrap a page of teams (from teams_page_queryset) with members, preferences and who
    is missing.

    A fixed number of queries for the whole page, whatever its size.
    """
    teams = list(teams)
    voorkeuren = latest_voorkeuren(teams)
    suggesties = wie_ontbreekt([team for team in teams if not team.initiatief.laat_bloeien])
    overzichten = []
    for team in teams:
        leden = []
        for deelname in team.actieve_deelnames:
            eigen = voorkeuren.get((deelname.partner_id, team.pk))
            algemeen = voorkeuren.get((deelname.partner_id, None))
            leden.append(
                Lid(deelname, voorkeur=eigen or algemeen, voorkeur_voor_team=eigen is not None)
            )
        overzichten.append(TeamOverzicht(team, leden, suggesties.get(team.pk, [])))
    return overzichten


def wie_ontbreekt(teams):
    """{team id: [Suggestie]}: partners with a spark or fire, not yet active members, who
    organise an activity the team's initiative builds on, or one with the same theme or
    target group as those. At most MAX_SUGGESTIES per team, fire first. Two queries.
    """
    if not teams:
        return {}
    basis = {}  # initiatief id -> (activity ids, themes, target groups)
    rows = Initiatief.bouwt_voort_op.through.objects.filter(
        initiatief_id__in={team.initiatief_id for team in teams}
    ).values_list("initiatief_id", "activiteit_id", "activiteit__thema", "activiteit__doelgroep")
    for initiatief_id, activiteit_id, thema, doelgroep in rows:
        ids, themas, doelgroepen = basis.setdefault(initiatief_id, (set(), set(), set()))
        ids.add(activiteit_id)
        themas.add(thema)
        doelgroepen.add(doelgroep)
    if not basis:
        return {}
    ids = set().union(*(b[0] for b in basis.values()))
    themas = set().union(*(b[1] for b in basis.values())) - {""}
    doelgroepen = set().union(*(b[2] for b in basis.values())) - {""}
    organisatoren = (
        Activiteit.organisatoren.through.objects.filter(
            activiteit__buurt_id=teams[0].initiatief.buurt_id
        )
        .filter(
            Q(activiteit_id__in=ids)
            | Q(activiteit__thema__in=themas)
            | Q(activiteit__doelgroep__in=doelgroepen)
        )
        # The current level is kept at write time: a join, not a subquery per organiser.
        .filter(actor__partner__huidig__niveau__in=[Niveau.VONK, Niveau.VUUR])
        .order_by("actor__naam", "activiteit__naam")
        .values_list(
            "actor_id",
            "actor__naam",
            "actor__partner__huidig__niveau",
            "activiteit_id",
            "activiteit__naam",
            "activiteit__thema",
            "activiteit__doelgroep",
        )
    )
    organisatoren = list(organisatoren)
    suggesties = {}
    for team in teams:
        if team.initiatief_id not in basis:
            continue
        ids, themas, doelgroepen = basis[team.initiatief_id]
        leden = {d.partner.actor_id for d in team.actieve_deelnames}
        kandidaten = {}
        for actor_id, naam, niveau, activiteit_id, activiteit, thema, doelgroep in organisatoren:
            if actor_id in leden:
                continue
            if not (
                activiteit_id in ids
                or (thema and thema in themas)
                or (doelgroep and doelgroep in doelgroepen)
            ):
                continue
            kandidaat = kandidaten.setdefault(actor_id, Suggestie(naam, niveau))
            kandidaat.via.append(activiteit)
        ranked = sorted(
            kandidaten.values(),
            key=lambda s: (s.enthousiasme != Niveau.VUUR, -len(s.via), s.naam.lower()),
        )
        suggesties[team.pk] = ranked[:MAX_SUGGESTIES]
    return suggesties


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


def health_criteria(team, deelnames, nodig=None):
    """The criteria of a healthy team, each saying what is missing.

    ``nodig`` is the intensity the goal needs: a goal that needs no more than referring or
    passively sharing information needs neither pooled resources nor joint decisions.
    """
    licht = nodig in LICHTE_INTENSITEITEN
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

    naam = _("Partners leggen de nodige middelen echt samen")
    if licht:
        criteria.append(_niet_nodig(naam))
    else:
        met_middelen = sum(1 for d in deelnames if d.middelen)
        criteria.append(
            Criterium(
                naam,
                met_middelen > 0,
                _("Nog geen enkele partner brengt middelen in."),
                tip=_(
                    "Samenleggen vraagt middelen van meer dan één partner: wie brengt nog iets in?"
                )
                if met_middelen == 1
                else "",
            )
        )

    naam = _("Samen beslissen als gelijkwaardige partners")
    if licht:
        criteria.append(_niet_nodig(naam))
    else:
        ontbreekt = []
        if not team.beslist_samen:
            ontbreekt.append(_("Het team beslist nog niet samen als gelijkwaardige partners."))
        if not team.besluitvorming.strip():
            ontbreekt.append(_("Beschrijf hoe het team beslist."))
        criteria.append(Criterium(naam, not ontbreekt, " ".join(ontbreekt)))

    ontbreekt = []
    if not team.beslist_autonoom:
        ontbreekt.append(_("Het team beslist nog niet zelf over zijn werkwijze."))
    if not team.autonomie.strip():
        ontbreekt.append(_("Beschrijf hoe het team zijn werkwijze kiest."))
    criteria.append(
        Criterium(
            _("Zoveel mogelijk autonomie: het team kiest zelf hoe het werkt"),
            not ontbreekt,
            " ".join(ontbreekt),
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
