"""What partners add to the buurt's counts (buurt/tellingen.py): a partner by the day it
became one, by its current enthusiasm and by how its level went; and its current level
(partners/huidig.py), rebuilt and checked with the counts."""

import itertools

from django.db.models import Exists, F, OuterRef

from buurt import tellingen
from buurt.models import Actor
from buurt.tellingen import ZONDER_DAG, Reeks

from . import huidig
from .models import Enthousiasme, Niveau, Partner

ONBEKEND = "onbekend"  # the level of a partner not yet rated


def _partner(row):
    yield "partners", row["partner_sinds"], 1
    ratings = row["ratings"]  # (datum, niveau), by date and id
    yield f"niveau:{ratings[-1][1] if ratings else ONBEKEND}", ZONDER_DAG, 1
    # Per level, the day of the partner's newest rating at that level: the partners with a
    # vonk rating in a period that ends today are those whose newest one is in it. And every
    # rating by its day, to see that none is dated after such a period.
    newest = {niveau: datum for datum, niveau in ratings}
    for niveau, datum in newest.items():
        yield f"laatst:{niveau}", datum, 1
    for datum, _niveau in ratings:
        yield "beoordelingen", datum, 1
    # The level at the end of each day: the day's last rating. The sum up to a day is the
    # number of partners at that level that day.
    before = None
    for datum, same_day in itertools.groupby(ratings, key=lambda rating: rating[0]):
        level = list(same_day)[-1][1]
        if level != before:
            if before is not None:
                yield f"reeks:{before}", datum, -1
            yield f"reeks:{level}", datum, 1
            before = level


def per_niveau(buurt):
    """{niveau: partners} of the buurt's partners by current level (every Niveau), None for
    those not yet rated, read from the counts."""
    sleutels = {f"niveau:{niveau}": niveau for niveau in Niveau.values}
    sleutels[f"niveau:{ONBEKEND}"] = None
    sommen = tellingen.sommen_tot(buurt, list(sleutels), [ZONDER_DAG])
    return {niveau: sommen[sleutel][0] for sleutel, niveau in sleutels.items()}


class PartnerReeks(Reeks):
    def with_related(self, rows, **lookups):
        path = {"pk": "partner_id"} | {f"{self.buurt_path}_id": f"partner__{self.buurt_path}_id"}
        ratings = (
            Enthousiasme.objects.filter(**{path[key]: value for key, value in lookups.items()})
            .order_by("partner_id", "datum", "id")
            .values_list("partner_id", "datum", "niveau")
        )
        per_partner = {
            pk: [(datum, niveau) for _pk, datum, niveau in group]
            # One partner's ratings (on every write) in one fetch; a buurt's by a cursor.
            for pk, group in itertools.groupby(
                ratings if "pk" in lookups else ratings.iterator(), key=lambda r: r[0]
            )
        }
        for row in rows:
            yield {**row, "ratings": per_partner.get(row["pk"], [])}


def _rated(rating):
    """A rating changes its partner's counts."""
    if rating.partner_id:
        yield Partner, rating.partner_id


def _levels_differ(buurt_id):
    return {
        f"huidig enthousiasme van partner {pk}": levels
        for pk, levels in huidig.verschillen(buurt_id).items()
    }


HEEFT_PARTNER = Exists(Partner.objects.filter(actor=OuterRef("pk")))


def _wrong_flags(buurt_id):
    """The buurt's actors whose ``is_partner`` (kept by the database's triggers) says
    otherwise than their partner rows."""
    return (
        Actor.objects.filter(buurt_id=buurt_id)
        .annotate(heeft_partner=HEEFT_PARTNER)
        .exclude(is_partner=F("heeft_partner"))
    )


def _flags_rebuilt(buurt_id):
    Actor.objects.filter(pk__in=_wrong_flags(buurt_id).values("pk")).update(
        is_partner=HEEFT_PARTNER
    )


def _flags_differ(buurt_id):
    return {
        f"partnervlag van actor {pk}": (stored, heeft)
        for pk, stored, heeft in _wrong_flags(buurt_id).values_list(
            "pk", "is_partner", "heeft_partner"
        )
    }


def connect():
    tellingen.register(
        PartnerReeks(Partner, "actor__buurt", ["partner_sinds"], _partner, per_row=True)
    )
    tellingen.depends(Enthousiasme, _rated)
    tellingen.rebuilds(huidig.herbereken, _levels_differ)
    tellingen.rebuilds(_flags_rebuilt, _flags_differ)
