"""Reaching higher: a new initiative needs partners with fire (a lot of enthusiasm)."""

from collections import defaultdict

from django.db.models import Q
from django.utils.translation import gettext as _

from buurt.suggestions import SUGGESTION_LIMIT
from partners.models import Niveau, Partner


def enthousiasme_label(niveau):
    """The label of a current enthusiasm level: a partner never rated has no level, not "geen"."""
    return Niveau(niveau).label if niveau else _("nog niet ingeschat")


def partners_named(buurt, names):
    """(partners, problems): the partners of the buurt with these actor names, in one query.

    Names match case-insensitively, as in step 1. Each partner carries its current
    enthusiasm and its label; ``problems`` says, in Dutch, which names are unknown or
    ambiguous.
    """
    if not names:
        return [], []
    wanted = Q()
    for naam in names:
        wanted |= Q(actor__naam__iexact=naam)
    found = defaultdict(list)
    for partner in (
        Partner.objects.in_buurt(buurt).filter(wanted).select_related("actor").with_enthousiasme()
    ):
        partner.enthousiasme_label = enthousiasme_label(partner.huidig_enthousiasme)
        found[partner.actor.naam.lower()].append(partner)
    partners, problems = [], []
    for naam in names:
        matches = found.get(naam.lower(), [])
        if len(matches) == 1:
            partners.append(matches[0])
        elif matches:
            problems.append(
                _("Meerdere partners heten “%(naam)s”. Geef ze eerst een onderscheidende naam.")
                % {"naam": naam}
            )
        else:
            problems.append(_("“%(naam)s” is geen partner in deze buurt.") % {"naam": naam})
    return partners, problems


def geen_vuur(partners):
    """True when partners are chosen and none of them has fire: a warning, not a refusal."""
    return bool(partners) and not any(p.huidig_enthousiasme == Niveau.VUUR for p in partners)


def partners_met_vuur(buurt):
    """(names, more): a few partners whose current enthusiasm is fire, who a new initiative
    needs most, and whether there are more."""
    names = list(
        Partner.objects.in_buurt(buurt)
        .with_enthousiasme()
        .filter(huidig_enthousiasme=Niveau.VUUR)
        .order_by("actor__naam", "id")
        .values_list("actor__naam", flat=True)[: SUGGESTION_LIMIT + 1]
    )
    return names[:SUGGESTION_LIMIT], len(names) > SUGGESTION_LIMIT
