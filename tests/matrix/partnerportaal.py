from django.utils import timezone

from tests import factories as f

from . import LOGIN, Route, write

EVERYONE = ("anonymous", "outsider", "onderzoeker", "coordinator", "partner")
NOT_ALLOWED_ANYONE = dict.fromkeys(EVERYONE, 405)
# Coordinator pages: the partner persona has no account, so it is sent to log in.
COORDINATOR_ONLY_NOT_ALLOWED = {
    "anonymous": LOGIN,
    "outsider": 405,
    "onderzoeker": 405,
    "coordinator": 405,
    "partner": LOGIN,
}
# The partner's own page: only a partner session (or a linked account) opens it.
ONLY_PARTNER = {**dict.fromkeys(EVERYONE, 403), "partner": 200}


def _partner(w):
    return {"slug": w.buurt.slug, "pk": w.partner.pk}


def _link(w):
    link, _token = f.make_partnerlink(w.partner)
    return {**_partner(w), "link_pk": link.pk}


def _overleg(w):
    return {"pk": f.make_overleg(w.buurt, "Partneroverleg maart", partners=[w.partner]).pk}


def _actie(w):
    return {"pk": f.make_actie(w.buurt, "Flyers drukken", partner=w.partner).pk}


def _token(w):
    _link, token = f.make_partnerlink(w.partner)
    return {"token": token}


ROUTES = [
    Route(
        "partnerportaal:partnerlink_list",
        kwargs=_partner,
        expect={"GET": write(200), "POST": COORDINATOR_ONLY_NOT_ALLOWED},
        expect_text="persoonlijke links en voorkeuren",
    ),
    Route(
        "partnerportaal:partnerlink_create",
        kwargs=_partner,
        data=lambda w: {"dagen": "30"},
        expect={"GET": COORDINATOR_ONLY_NOT_ALLOWED, "POST": write(302)},
    ),
    Route(
        "partnerportaal:partnerlink_created",
        kwargs=_link,
        expect={"GET": write(200), "POST": COORDINATOR_ONLY_NOT_ALLOWED},
        expect_text="Nieuwe link voor Vzw Samen",
    ),
    Route(
        "partnerportaal:partnerlink_revoke",
        kwargs=_link,
        expect={"GET": write(200), "POST": write(302)},
        expect_text="Link van Vzw Samen intrekken?",
    ),
    Route(
        "partnerportaal:partner_entry",
        kwargs=_token,
        # A valid link works for anyone who has it; it replaces their session.
        expect={"GET": dict.fromkeys(EVERYONE, 302), "POST": NOT_ALLOWED_ANYONE},
    ),
    Route(
        "partnerportaal:partner_home",
        data=lambda w: {"sectie": "algemeen", "algemeen-participatieniveau": "adviseren"},
        expect={"GET": ONLY_PARTNER, "POST": {**ONLY_PARTNER, "partner": 302}},
        expect_text="Hallo, Vzw Samen",
    ),
    Route(
        "partnerportaal:partner_leave",
        expect={"GET": NOT_ALLOWED_ANYONE, "POST": dict.fromkeys(EVERYONE, 200)},
        expect_text="Je bent afgesloten",
    ),
    Route(
        "partnerportaal:partner_overleg_ics",
        kwargs=_overleg,
        expect={"GET": ONLY_PARTNER, "POST": NOT_ALLOWED_ANYONE},
        expect_text="SUMMARY:Partneroverleg maart",
        content_type="text/calendar",
    ),
    Route(
        "partnerportaal:partner_actie_gedaan",
        kwargs=_actie,
        data=lambda w: {"gedaan_op": timezone.localdate().isoformat(), "notitie": "Klaar"},
        expect={"GET": NOT_ALLOWED_ANYONE, "POST": {**ONLY_PARTNER, "partner": 302}},
    ),
]
