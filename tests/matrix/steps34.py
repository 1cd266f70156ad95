from initiatieven.models import Initiatief

from . import NOT_ALLOWED, READ, Route, write


def _slug(w):
    return {"slug": w.buurt.slug}


def _buurtgericht(w):
    Initiatief.objects.filter(pk=w.initiatief.pk).update(
        soort=Initiatief.Soort.BUURTGERICHT_ZORGINITIATIEF
    )
    return {"slug": w.buurt.slug, "pk": w.initiatief.pk}


ROUTES = [
    Route("initiatieven:fruit", kwargs=_slug, expect={"GET": READ, "POST": write(200)}),
    Route(
        "initiatieven:activiteit_edit",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.activiteit.pk},
        expect={"GET": READ, "POST": write(200)},
    ),
    Route(
        "initiatieven:fruit_connect",
        kwargs=_slug,
        expect={"GET": NOT_ALLOWED, "POST": write(302)},
        data=lambda w: {"van": w.actor.pk, "naar": w.ander.pk, "intensiteit": "doorverwijzen"},
    ),
    Route(
        "initiatieven:fruit_build_on",
        kwargs=_slug,
        expect={"GET": NOT_ALLOWED, "POST": write(302)},
        data=lambda w: {
            "activiteiten": [w.activiteit.pk],
            "naam": "Samen",
            "soort": "bewonersinitiatief",
        },
    ),
    Route("initiatieven:reik_hoger", kwargs=_slug, expect={"GET": write(200), "POST": write(200)}),
    Route("initiatieven:initiatief_list", kwargs=_slug, expect={"GET": READ, "POST": write(200)}),
    Route(
        "initiatieven:soort_choose", kwargs=_slug, expect={"GET": write(200), "POST": NOT_ALLOWED}
    ),
    Route(
        "initiatieven:schaal_edit",
        kwargs=_buurtgericht,
        expect={"GET": NOT_ALLOWED, "POST": write(200)},
    ),
    Route("initiatieven:bomen", kwargs=_slug, expect={"GET": READ, "POST": NOT_ALLOWED}),
    Route("initiatieven:team_create", kwargs=_slug, expect={"GET": write(200), "POST": write(200)}),
    Route(
        "initiatieven:initiatief_suggestions",
        kwargs=_slug,
        expect={
            "GET": {**READ, "coordinator": 400},  # without a datalist id
            "POST": NOT_ALLOWED,
        },
    ),
    Route(
        "initiatieven:team_edit",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.team.pk},
        expect={"GET": write(200), "POST": write(200)},
    ),
    Route(
        "initiatieven:deelname_edit",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.deelname.pk},
        expect={"GET": write(200), "POST": write(200)},
    ),
    Route("initiatieven:bos", kwargs=_slug, expect={"GET": READ, "POST": NOT_ALLOWED}),
]
