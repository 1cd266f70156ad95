from . import LOGIN, NOT_ALLOWED, Route, write

RESEARCHERS_ONLY = {"anonymous": LOGIN, "outsider": 403, "onderzoeker": 200, "coordinator": 403}

ROUTES = [
    Route("onderzoek:index", expect={"GET": RESEARCHERS_ONLY, "POST": NOT_ALLOWED}),
    Route(
        "importeren:import",
        kwargs=lambda w: {"slug": w.buurt.slug},
        # A POST without a file shows the form again with an error.
        expect={"GET": write(200), "POST": write(200)},
    ),
    Route(
        "importeren:import_template",
        kwargs=lambda w: {"slug": w.buurt.slug, "kind": "actoren"},
        expect={"GET": write(200), "POST": NOT_ALLOWED},
    ),
]
