from . import NOT_ALLOWED, READ, Route, write

GET_ONLY = {"GET": READ, "POST": NOT_ALLOWED}
POST_ONLY = {"GET": NOT_ALLOWED}


def _slug(w):
    return {"slug": w.buurt.slug}


def _actor(w):
    return {"slug": w.buurt.slug, "pk": w.actor.pk}


ROUTES = [
    Route("buurt:ken_je_buurt", kwargs=_slug, expect=GET_ONLY),
    Route(
        "buurt:actor_create",
        kwargs=_slug,
        expect={**POST_ONLY, "POST": write(302)},
        data=lambda w: {"naam": "Nieuwe buur", "soort": "bewoner"},
    ),
    Route("coordinatie:actor_detail", kwargs=_actor, expect=GET_ONLY),
    Route(
        "buurt:actor_suggestions",
        kwargs=_slug,
        expect={
            "GET": {**READ, "coordinator": 400},  # without a datalist id
            "POST": NOT_ALLOWED,
        },
    ),
    Route("buurt:actor_row", kwargs=_actor, expect=GET_ONLY),
    Route(
        "buurt:actor_edit",
        kwargs=_actor,
        expect={"GET": write(200), "POST": write(302)},
        data=lambda w: {
            f"actor-{w.actor.pk}-naam": "Andere naam",
            f"actor-{w.actor.pk}-soort": "vereniging",
        },
    ),
    Route("buurt:actor_delete", kwargs=_actor, expect={"GET": write(200), "POST": write(302)}),
    Route(
        "coordinatie:relatie_create",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.ander.pk},
        expect={**POST_ONLY, "POST": write(302)},
        data=lambda w: {"naar": "Vzw Samen", "intensiteit": "doorverwijzen", "sinds": "2026-02-01"},
    ),
    Route(
        "buurt:relatie_end",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.relatie.pk},
        expect={**POST_ONLY, "POST": write(302)},
    ),
    Route("coordinatie:vonken", kwargs=_slug, expect=GET_ONLY),
    Route(
        "coordinatie:rate_enthousiasme",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.partner.pk},
        expect={**POST_ONLY, "POST": write(302)},
        data=lambda w: {"niveau": "vuur"},
    ),
    Route(
        "coordinatie:partner_create",
        kwargs=_slug,
        expect={**POST_ONLY, "POST": write(302)},
        data=lambda w: {"actor": w.actor.naam},
    ),
    Route(
        "coordinatie:succes_create",
        kwargs=_slug,
        expect={**POST_ONLY, "POST": write(302)},
        data=lambda w: {"titel": "Buurtfeest", "datum": "2026-05-01", "partners": "Vzw Samen"},
    ),
]
