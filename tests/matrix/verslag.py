from . import AGGREGATES, NOT_ALLOWED, Route, slug

ROUTES = [
    # Researchers get a version without names of natural persons.
    Route(
        "verslag:verslag",
        kwargs=slug,
        expect={"GET": AGGREGATES, "POST": NOT_ALLOWED},
        expect_text="Verslag van Noord",
    ),
    Route(
        "verslag:verslag_pdf",
        kwargs=slug,
        expect={"GET": AGGREGATES, "POST": NOT_ALLOWED},
        expect_text="%PDF-",
        content_type="application/pdf",
    ),
]
