from . import LOGIN, NOT_ALLOWED, PERSONAS, Route

# Any account, in whatever buurt; anonymous visitors (and partner sessions) log in first.
ACCOUNT = {"anonymous": LOGIN, "outsider": 200, "onderzoeker": 200, "coordinator": 200}
REDIRECTED = {**ACCOUNT, "outsider": 302, "onderzoeker": 302, "coordinator": 302}
PUBLIC = dict.fromkeys(PERSONAS, 200)
PUBLIC_GET_ONLY = {"GET": PUBLIC, "POST": dict.fromkeys(PERSONAS, 405)}

ROUTES = [
    Route(
        "accounts:account",
        expect={"GET": ACCOUNT, "POST": REDIRECTED},
        data=lambda w: {
            "first_name": "Ilse",
            "last_name": "Peeters",
            "email": "ilse@example.org",
            "wachtwoord": "geheim-wachtwoord",
        },
        expect_text="Mijn account",
    ),
    Route("accounts:sessions_end", expect={"GET": NOT_ALLOWED, "POST": REDIRECTED}),
    # A POST without data shows the form again, with its errors.
    Route(
        "accounts:password_change",
        expect={"GET": ACCOUNT, "POST": ACCOUNT},
        expect_text="Wachtwoord wijzigen",
    ),
    Route(
        "accounts:password_change_done",
        expect={"GET": ACCOUNT, "POST": NOT_ALLOWED},
        expect_text="Wachtwoord gewijzigd",
    ),
    Route(
        "accounts:password_reset",
        expect={"GET": PUBLIC, "POST": PUBLIC},
        expect_text="Wachtwoord vergeten",
    ),
    Route("accounts:password_reset_done", expect=PUBLIC_GET_ONLY, expect_text="Kijk in je mailbox"),
    Route(
        "accounts:password_reset_complete",
        expect=PUBLIC_GET_ONLY,
        expect_text="Je wachtwoord is gewijzigd",
    ),
    # A link that does not work answers 404 to everyone, with a page that says so.
    Route(
        "accounts:password_reset_confirm",
        kwargs=lambda w: {"uidb64": "MQ", "token": "ongeldig-token"},
        expect={"GET": dict.fromkeys(PERSONAS, 404), "POST": dict.fromkeys(PERSONAS, 404)},
    ),
    # The personas have no device: there is no code to give, nothing to show or switch off.
    Route("accounts:otp_verify", expect={"GET": REDIRECTED, "POST": REDIRECTED}),
    Route(
        "accounts:otp_setup",
        expect={"GET": ACCOUNT, "POST": ACCOUNT},
        expect_text="Tweestapsverificatie instellen",
    ),
    Route("accounts:otp_recovery_codes", expect={"GET": REDIRECTED, "POST": REDIRECTED}),
    Route("accounts:otp_disable", expect={"GET": REDIRECTED, "POST": REDIRECTED}),
]
