from . import Route

PUBLIC = dict.fromkeys(("anonymous", "outsider", "onderzoeker", "coordinator"), 200)

ROUTES = [
    Route(
        "health",
        expect={"GET": PUBLIC, "POST": dict.fromkeys(PUBLIC, 405)},
        expect_text='"status": "ok"',
        content_type="application/json",
    ),
    Route(
        "login",
        expect={"GET": PUBLIC, "POST": PUBLIC},  # POST without data: the form again
        expect_text="Aanmelden",
    ),
    Route(
        "logout",
        expect={"GET": dict.fromkeys(PUBLIC, 405), "POST": PUBLIC},
        expect_text="Je bent afgemeld",
    ),
]
