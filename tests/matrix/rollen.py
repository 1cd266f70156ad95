from buurt.models import Rol
from rollen.services import invite

from . import LOGIN, Route, write

EVERYONE = ("anonymous", "outsider", "onderzoeker", "coordinator", "partner")
NOT_ALLOWED = {
    "anonymous": LOGIN,
    "outsider": 405,
    "onderzoeker": 405,
    "coordinator": 405,
    "partner": LOGIN,
}


def _slug(w):
    return {"slug": w.buurt.slug}


def _onderzoeker_rol(w):
    rol = Rol.objects.get(buurt=w.buurt, user=w.users["onderzoeker"])
    return {"slug": w.buurt.slug, "pk": rol.pk}


def _uitnodiging(w):
    uitnodiging, _token = invite(w.buurt, "open@example.org", "onderzoeker", None)
    return {"slug": w.buurt.slug, "pk": uitnodiging.pk}


def _token(w):
    _uitnodiging, token = invite(w.buurt, "link@example.org", "onderzoeker", None)
    return {"token": token}


ROUTES = [
    Route(
        "rollen:mensen",
        kwargs=_slug,
        expect={"GET": write(200), "POST": NOT_ALLOWED},
        expect_text="Mensen van Noord",
    ),
    Route(
        "rollen:uitnodigen",
        kwargs=_slug,
        data=lambda w: {"email": "nieuw@example.org", "rol": "onderzoeker"},
        expect={"GET": NOT_ALLOWED, "POST": write(302)},
    ),
    Route(
        "rollen:rol_wijzigen",
        kwargs=_onderzoeker_rol,
        data=lambda w: {"rol": "coordinator"},
        expect={"GET": write(200), "POST": write(302)},
        expect_text="Rol van onderzoeker wijzigen",
    ),
    Route(
        "rollen:rol_verwijderen",
        kwargs=_onderzoeker_rol,
        expect={"GET": write(200), "POST": write(302)},
        expect_text="Rol van onderzoeker verwijderen",
    ),
    Route(
        "rollen:uitnodiging_intrekken",
        kwargs=_uitnodiging,
        expect={"GET": write(200), "POST": write(302)},
        expect_text="Uitnodiging voor open@example.org intrekken",
    ),
    Route(
        "rollen:uitnodiging_opnieuw",
        kwargs=_uitnodiging,
        expect={"GET": NOT_ALLOWED, "POST": write(302)},
    ),
    Route(
        "rollen:uitnodiging_entry",
        kwargs=_token,
        # A valid link works for whoever has it: on to the token-free page.
        expect={"GET": dict.fromkeys(EVERYONE, 302), "POST": dict.fromkeys(EVERYONE, 405)},
    ),
    Route(
        "rollen:uitnodiging",
        # Without an opened invitation in the session there is nothing to accept.
        expect={"GET": dict.fromkeys(EVERYONE, 404), "POST": dict.fromkeys(EVERYONE, 404)},
    ),
]
