"""The kinds of attention items: for each, which objects need attention and where it is fixed.

Each kind is one queryset over indexed columns of one buurt, so a page shows the first items
with a LIMIT and counts the rest in a second query, at any size of buurt. The chances of
step 3 are the exception: they are found by step 3's own finder (initiatieven/fruit.py), in
a fixed number of queries too, see lijst.py.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Subquery
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from buurt import privacy
from buurt.models import Actor
from initiatieven.kansen import plus_maanden
from initiatieven.models import Deelname, Initiatief, Team
from overleg.models import Actie, Overleg
from partners.models import Enthousiasme, Partner, Partnerlink
from rollen.models import Uitnodiging

from .models import Soort

# How long until enthusiasm, a team's meetings and a partner link need looking at again.
ENTHOUSIASME_MAANDEN = 6
OVERLEG_MAANDEN = 3
LINK_DAGEN = 14


@dataclass
class Context:
    """What every kind needs to know: the buurt, today and now, and how links start
    (empty on a page; the site's address in an e-mail)."""

    buurt: object
    today: object
    now: object
    site: str = ""

    def url(self, name, *args, anchor=""):
        path = reverse(name, args=[self.buurt.slug, *args])
        return f"{self.site}{path}{f'#{anchor}' if anchor else ''}"


@dataclass
class Item:
    soort: str
    sleutel: str
    titel: str
    detail: str
    url: str
    oplossen: str  # the link's text: what to do there


def veel_teams_drempel():
    return settings.AANDACHT_VEEL_TEAMS


def _datum(value):
    return date_format(value, "j F Y")


# --- Overdue actions ---------------------------------------------------------------------


def acties_te_laat(ctx):
    return (
        Actie.objects.in_buurt(ctx.buurt)
        .te_laat(ctx.today)
        .select_related("partner__actor", "coordinator", "overleg")
        .order_by("tegen", "id")
    )


def actie_item(actie, ctx):
    dagen = (ctx.today - actie.tegen).days
    detail = ngettext(
        "%(wie)s · tegen %(datum)s, %(n)s dag te laat",
        "%(wie)s · tegen %(datum)s, %(n)s dagen te laat",
        dagen,
    ) % {"wie": actie.wie, "datum": _datum(actie.tegen), "n": dagen}
    if actie.overleg_id:
        url = ctx.url("overleg:overleg_detail", actie.overleg_id, anchor=f"actie-{actie.pk}")
        oplossen = _("Naar het overleg")
    else:
        url = ctx.url("overleg:actie_edit", actie.pk)
        oplossen = _("Naar de actie")
    return Item(Soort.ACTIE_TE_LAAT, str(actie.pk), actie.wat, detail, url, oplossen)


# --- Enthusiasm not looked at for months -----------------------------------------------------


def enthousiasme_oud(ctx):
    since = plus_maanden(ctx.today, -ENTHOUSIASME_MAANDEN)
    recent = Enthousiasme.objects.filter(partner=OuterRef("pk"), datum__gte=since)
    latest = Enthousiasme.objects.filter(partner=OuterRef("pk")).order_by("-datum", "-id")
    return (
        Partner.objects.in_buurt(ctx.buurt)
        .filter(~Exists(recent))
        .annotate(laatst_ingeschat=Subquery(latest.values("datum")[:1]))
        .select_related("actor")
        .order_by(F("laatst_ingeschat").asc(nulls_first=True), "actor__naam", "id")
    )


def enthousiasme_item(partner, ctx):
    if partner.laatst_ingeschat:
        detail = _("laatst ingeschat op %(datum)s") % {"datum": _datum(partner.laatst_ingeschat)}
    else:
        detail = _("nog nooit ingeschat")
    url = ctx.url("coordinatie:actor_detail", partner.actor_id, anchor="partner-titel")
    return Item(
        Soort.ENTHOUSIASME_OUD,
        str(partner.pk),
        partner.actor.naam,
        detail,
        url,
        _("Enthousiasme bekijken"),
    )


# --- Partners in many teams ------------------------------------------------------------------


def veel_teams(ctx):
    """Partners with many active memberships: grouped over the buurt's few memberships
    first, not over all its partners."""
    drukke = (
        Deelname.objects.in_buurt(ctx.buurt)
        .actief()
        .order_by()
        .values("partner_id")
        .annotate(n=Count("pk"))
        .filter(n__gte=veel_teams_drempel())
        .values("partner_id")
    )
    n_teams = (
        Deelname.objects.filter(partner=OuterRef("pk"), vertrokken_op__isnull=True)
        .order_by()
        .values("partner")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Partner.objects.filter(pk__in=drukke)
        .annotate(n_teams=Subquery(n_teams))
        .select_related("actor")
        .order_by("-n_teams", "actor__naam", "id")
    )


def veel_teams_item(partner, ctx):
    detail = ngettext(
        "zit in %(n)s team", "zit in %(n)s teams: wordt het niet te veel?", partner.n_teams
    ) % {"n": partner.n_teams}
    url = ctx.url("coordinatie:actor_detail", partner.actor_id)
    return Item(
        Soort.VEEL_TEAMS, str(partner.pk), partner.actor.naam, detail, url, _("Naar de partner")
    )


# --- Teams without a meeting -----------------------------------------------------------------


def teams_zonder_overleg(ctx):
    """Teams of initiatives still going, at least three months old, without a meeting in the
    last three months (a team that was just made has not missed one yet)."""
    since = ctx.now - timedelta(days=round(OVERLEG_MAANDEN * 30.5))
    recent = Overleg.objects.filter(
        team=OuterRef("pk"), begint_op__gte=since, begint_op__lte=ctx.now
    )
    latest = Overleg.objects.filter(team=OuterRef("pk"), begint_op__lte=ctx.now).order_by(
        "-begint_op"
    )
    return (
        Team.objects.in_buurt(ctx.buurt)
        .exclude(initiatief__status__in=[Initiatief.Status.AFGEROND, Initiatief.Status.GESTOPT])
        .filter(aangemaakt_op__lt=since)
        .filter(~Exists(recent))
        .annotate(laatste_overleg=Subquery(latest.values("begint_op")[:1]))
        .select_related("initiatief")
        .order_by(F("laatste_overleg").asc(nulls_first=True), "naam", "id")
    )


def team_item(team, ctx):
    if team.laatste_overleg:
        detail = _("%(initiatief)s · laatste overleg op %(datum)s") % {
            "initiatief": team.initiatief.naam,
            "datum": _datum(team.laatste_overleg),
        }
    else:
        detail = _("%(initiatief)s · nog nooit overlegd") % {"initiatief": team.initiatief.naam}
    url = ctx.url("initiatieven:team_edit", team.pk)
    return Item(Soort.TEAM_ZONDER_OVERLEG, str(team.pk), team.naam, detail, url, _("Naar het team"))


# --- Running initiatives without a trekker ---------------------------------------------------


def zonder_trekker(ctx):
    trekkers = Initiatief.trekkers.through.objects.filter(initiatief_id=OuterRef("pk"))
    return (
        Initiatief.objects.in_buurt(ctx.buurt)
        .lopend()
        .filter(~Exists(trekkers))
        .order_by("naam", "id")
    )


def initiatief_item(initiatief, ctx):
    url = ctx.url("initiatieven:initiatief_detail", initiatief.pk)
    return Item(
        Soort.ZONDER_TREKKER,
        str(initiatief.pk),
        initiatief.naam,
        _("loopt, maar niemand trekt het"),
        url,
        _("Trekkers kiezen"),
    )


# --- Partner links about to expire ----------------------------------------------------------


def links_verlopen(ctx):
    """Valid links that end within two weeks, of partners without a newer one that lasts."""
    until = ctx.now + timedelta(days=LINK_DAGEN)
    lasting = Partnerlink.objects.geldig(ctx.now).filter(
        partner=OuterRef("partner"), verloopt_op__gt=until
    )
    return (
        Partnerlink.objects.geldig(ctx.now)
        .filter(partner__actor__buurt=ctx.buurt, verloopt_op__lte=until)
        .filter(~Exists(lasting))
        .select_related("partner__actor")
        .order_by("verloopt_op", "id")
    )


def link_item(link, ctx):
    detail = _("persoonlijke link verloopt op %(datum)s") % {"datum": _datum(link.verloopt_op)}
    url = ctx.url("partnerportaal:partnerlink_list", link.partner_id)
    return Item(
        Soort.LINK_VERLOOPT,
        str(link.pk),
        link.partner.actor.naam,
        detail,
        url,
        _("Nieuwe link maken"),
    )


# --- Invitations not accepted ----------------------------------------------------------------


def uitnodigingen(ctx):
    return Uitnodiging.objects.in_buurt(ctx.buurt).openstaand().order_by("verloopt_op", "id")


def uitnodiging_item(uitnodiging, ctx):
    values = {"rol": uitnodiging.get_rol_display(), "datum": _datum(uitnodiging.verloopt_op)}
    if uitnodiging.verloopt_op <= ctx.now:
        detail = _("als %(rol)s · verlopen op %(datum)s, niet aanvaard") % values
    else:
        detail = _("als %(rol)s · nog niet aanvaard, verloopt op %(datum)s") % values
    url = ctx.url("rollen:mensen", anchor=f"uitnodiging-{uitnodiging.pk}")
    return Item(
        Soort.UITNODIGING,
        str(uitnodiging.pk),
        uitnodiging.email,
        detail,
        url,
        _("Opnieuw sturen of intrekken"),
    )


# --- Natural persons recorded without a legal basis -----------------------------------------


def zonder_grondslag(ctx):
    return (
        Actor.objects.in_buurt(ctx.buurt)
        .natuurlijke_personen()
        .filter(privacy.zonder_grondslag())
        .order_by("naam", "id")
    )


def persoon_item(actor, ctx):
    return Item(
        Soort.GEEN_GRONDSLAG,
        str(actor.pk),
        actor.naam,
        _("%(soort)s, bijgehouden zonder vastgelegde grondslag")
        % {"soort": actor.get_soort_display()},
        ctx.url("privacy:grondslag", actor.pk),
        _("Grondslag vastleggen"),
    )


@dataclass
class Kind:
    queryset: object  # callable(ctx) -> QuerySet
    item: object  # callable(obj, ctx) -> Item
    uitleg: str
    telling: str = ""  # the count of buurt.tellingen that says how many, if any


# Every kind of Soort except the chances (lijst.py), in the order of Soort.
KINDS = {
    Soort.ACTIE_TE_LAAT: Kind(
        acties_te_laat,
        actie_item,
        gettext_lazy("Acties die nog open staan na de afgesproken datum."),
    ),
    Soort.ENTHOUSIASME_OUD: Kind(
        enthousiasme_oud,
        enthousiasme_item,
        gettext_lazy("Partners van wie het enthousiasme al zes maanden of nooit werd ingeschat."),
    ),
    Soort.VEEL_TEAMS: Kind(
        veel_teams, veel_teams_item, gettext_lazy("Partners die in veel teams tegelijk zitten.")
    ),
    Soort.TEAM_ZONDER_OVERLEG: Kind(
        teams_zonder_overleg,
        team_item,
        gettext_lazy("Teams van lopende initiatieven die al drie maanden niet samenkwamen."),
    ),
    Soort.ZONDER_TREKKER: Kind(
        zonder_trekker, initiatief_item, gettext_lazy("Initiatieven die lopen zonder trekker.")
    ),
    Soort.LINK_VERLOOPT: Kind(
        links_verlopen,
        link_item,
        gettext_lazy("Persoonlijke links van partners die binnen twee weken verlopen."),
    ),
    Soort.UITNODIGING: Kind(
        uitnodigingen,
        uitnodiging_item,
        gettext_lazy("Uitnodigingen die (nog) niet aanvaard werden."),
    ),
    Soort.GEEN_GRONDSLAG: Kind(
        zonder_grondslag,
        persoon_item,
        gettext_lazy(
            "Bewoners en professionals voor wie nog niet vastligt op welke grond de buurt hen "
            "bijhoudt (toestemming of een andere grondslag)."
        ),
        telling="zonder_grondslag",
    ),
}
