from . import AGGREGATES, LOGIN, NOT_ALLOWED, Route

PUBLIC_GET = dict.fromkeys(("anonymous", "outsider", "onderzoeker", "coordinator"), 200)

ROUTES = [
    Route(
        "buurt:home",
        expect={
            "GET": {"anonymous": LOGIN, "outsider": 302, "onderzoeker": 302, "coordinator": 302},
            "POST": NOT_ALLOWED,
        },
    ),
    Route(
        "coordinatie:dashboard",
        kwargs=lambda w: {"slug": w.buurt.slug},
        expect={"GET": AGGREGATES, "POST": NOT_ALLOWED},
    ),
    Route("health", expect={"GET": PUBLIC_GET, "POST": dict.fromkeys(PUBLIC_GET, 405)}),
    Route(
        "login",
        expect={"GET": PUBLIC_GET, "POST": PUBLIC_GET},  # POST without data: the form again
    ),
    Route(
        "logout",
        expect={
            "GET": dict.fromkeys(PUBLIC_GET, 405),
            "POST": dict.fromkeys(PUBLIC_GET, 200),  # the "Je bent afgemeld" page
        },
    ),
]
