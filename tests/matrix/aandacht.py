from datetime import timedelta

from django.utils import timezone

from rollen.services import invite

from . import GET_ONLY, LOGIN, NOT_ALLOWED, Route, slug, write

EVERYONE_LOGGED_IN = {"anonymous": LOGIN, "outsider": 302, "onderzoeker": 302, "coordinator": 302}


def _uitnodiging(w):
    """An item to put off: an invitation nobody accepted yet."""
    uitnodiging, _token = invite(w.buurt, "later@example.org", "onderzoeker", None)
    return {"slug": w.buurt.slug, "soort": "uitnodiging", "sleutel": str(uitnodiging.pk)}


def _uitstel(w):
    tot = timezone.localdate() + timedelta(days=7)
    return {"tot": tot.isoformat(), "reden": "Na de vakantie"}


ROUTES = [
    Route("aandacht:aandacht", kwargs=slug, expect=GET_ONLY, expect_text="Wat vraagt aandacht"),
    Route(
        "aandacht:soort",
        kwargs=lambda w: {"slug": w.buurt.slug, "soort": "uitnodiging"},
        expect=GET_ONLY,
        expect_text="Uitnodigingen niet aanvaard",
    ),
    Route(
        "aandacht:uitstellen",
        kwargs=_uitnodiging,
        data=_uitstel,
        expect={"GET": write(200), "POST": write(302)},
        expect_text="later@example.org uitstellen",
    ),
    Route("aandacht:overdracht", kwargs=slug, expect=GET_ONLY, expect_text="Overdracht van Noord"),
    Route(
        "aandacht:digest_voorkeur",
        data=lambda w: {"wil_digest": "on"},
        # Anyone with an account chooses for themselves; it concerns no buurt.
        expect={"GET": NOT_ALLOWED, "POST": EVERYONE_LOGGED_IN},
    ),
]
