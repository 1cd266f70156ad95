from . import FORM, NOT_ALLOWED, Route, write

ROUTES = [
    Route(
        "importeren:import",
        kwargs=lambda w: {"slug": w.buurt.slug},
        # A POST without a file shows the form again with an error.
        expect=FORM,
        expect_text="Actoren en activiteiten importeren",
    ),
    Route(
        "importeren:import_template",
        kwargs=lambda w: {"slug": w.buurt.slug, "kind": "actoren"},
        expect={"GET": write(200), "POST": NOT_ALLOWED},
        expect_text="naam,soort,sector",  # the header row of the actors CSV
        content_type="text/csv",
    ),
]
