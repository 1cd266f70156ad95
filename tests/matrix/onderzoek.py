from . import LOGIN, NOT_ALLOWED, Route

RESEARCHERS_ONLY = {"anonymous": LOGIN, "outsider": 403, "onderzoeker": 200, "coordinator": 403}

ROUTES = [
    Route(
        "onderzoek:index",
        expect={"GET": RESEARCHERS_ONLY, "POST": NOT_ALLOWED},
        expect_text="Data exporteren voor onderzoek",
    ),
]
