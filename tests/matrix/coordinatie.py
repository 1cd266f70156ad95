from . import AGGREGATES, GET_ONLY, NOT_ALLOWED, POST_ONLY, Route, slug, write

ROUTES = [
    Route(
        "coordinatie:dashboard",
        kwargs=slug,
        expect={"GET": AGGREGATES, "POST": NOT_ALLOWED},
        expect_text="Noord · Leuven",  # the buurt's name and gemeente
    ),
    Route(
        "coordinatie:actor_detail",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.actor.pk},
        expect=GET_ONLY,
        expect_text="Buurthuis De Linde vereniging",  # the actor's name and soort
    ),
    Route(
        "coordinatie:relatie_create",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.ander.pk},
        expect={**POST_ONLY, "POST": write(302)},
        data=lambda w: {"naar": "Vzw Samen", "intensiteit": "doorverwijzen", "sinds": "2026-02-01"},
    ),
    Route(
        "coordinatie:vonken", kwargs=slug, expect=GET_ONLY, expect_text="2. Zoek vonken (en vuur)"
    ),
    # The timeline names people: never for researchers.
    Route("coordinatie:tijdlijn", kwargs=slug, expect=GET_ONLY, expect_text="Tijdlijn"),
    Route(
        "coordinatie:rate_enthousiasme",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.partner.pk},
        expect={**POST_ONLY, "POST": write(302)},
        data=lambda w: {"niveau": "vuur"},
    ),
    Route(
        "coordinatie:partner_create",
        kwargs=slug,
        expect={**POST_ONLY, "POST": write(302)},
        data=lambda w: {"actor": w.actor.naam},
    ),
    Route(
        "coordinatie:succes_create",
        kwargs=slug,
        expect={**POST_ONLY, "POST": write(302)},
        data=lambda w: {"titel": "Buurtfeest", "datum": "2026-05-01", "partners": "Vzw Samen"},
    ),
    Route(
        "coordinatie:succes_edit",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.succes.pk},
        expect={"GET": write(200), "POST": write(302)},
        data=lambda w: {"titel": "Eerste soepbar", "datum": "2026-05-01", "team": w.team.naam},
        expect_text="Klein succes bewerken",
    ),
]
