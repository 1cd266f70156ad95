from buurt.models import Actor

from . import NOT_ALLOWED, Route, slug, write

NAAM = "Jan Persoon"


def _persoon(w):
    actor, _created = Actor.objects.get_or_create(
        buurt=w.buurt, naam=NAAM, defaults={"soort": Actor.Soort.BEWONER}
    )
    return {"slug": w.buurt.slug, "pk": actor.pk}


PAGE = {"GET": write(200), "POST": NOT_ALLOWED}
# A confirmation page: a POST without the box ticked shows it again.
CONFIRM = {"GET": write(200), "POST": write(200)}

ROUTES = [
    Route("privacy:overzicht", kwargs=slug, expect=PAGE, expect_text="Privacy"),
    Route("privacy:bewaartermijn", kwargs=slug, expect=CONFIRM, expect_text="Bewaartermijn"),
    Route("privacy:exports", kwargs=slug, expect=PAGE, expect_text="Exports voor onderzoek"),
    Route("privacy:wissen", kwargs=_persoon, expect=CONFIRM, expect_text=f"{NAAM} wissen"),
    Route(
        "privacy:anonimiseren",
        kwargs=_persoon,
        expect=CONFIRM,
        expect_text=f"{NAAM} anonimiseren",
    ),
    Route(
        "privacy:grondslag",
        kwargs=_persoon,
        expect={"GET": write(200), "POST": write(302)},
        data=lambda w: {"grondslag": "algemeen_belang", "grondslag_toelichting": "OCMW"},
        expect_text=f"Grondslag van {NAAM}",
    ),
    Route("privacy:inzage", kwargs=_persoon, expect=PAGE, expect_text=f"Inzage: {NAAM}"),
    Route(
        "privacy:inzage_json",
        kwargs=_persoon,
        expect=PAGE,
        expect_text=f'"over": "{NAAM}"',
        content_type="application/json",
    ),
]
