from django.utils import timezone

from tests import factories as f

from . import FORM, GET_ONLY, NOT_ALLOWED, Route, slug, write


def _overleg(w):
    overleg = f.make_overleg(w.buurt, "Partneroverleg maart", partners=[w.partner])
    return {"slug": w.buurt.slug, "pk": overleg.pk}


def _actie(w):
    actie = f.make_actie(w.buurt, "Flyers drukken", partner=w.partner)
    return {"slug": w.buurt.slug, "pk": actie.pk}


def _attendance(w):
    overleg = w.buurt.overleggen.get()
    return {"partners": list(overleg.deelnemers.values_list("pk", flat=True))}


ROUTES = [
    Route(
        "overleg:overleg_list",
        kwargs=slug,
        expect=GET_ONLY,
        expect_text="Overleg",
    ),
    Route(
        "overleg:overleg_create",
        kwargs=slug,
        expect=FORM,
        expect_text="Nieuw overleg",
    ),
    Route(
        "overleg:overleg_detail",
        kwargs=_overleg,
        expect=GET_ONLY,
        expect_text="Partneroverleg maart",
    ),
    Route(
        "overleg:overleg_ics",
        kwargs=_overleg,
        expect=GET_ONLY,
        expect_text="SUMMARY:Partneroverleg maart",
        content_type="text/calendar",
    ),
    Route(
        "overleg:overleg_edit",
        kwargs=_overleg,
        expect=FORM,  # a POST without data shows the form again, with its errors
        expect_text="Partneroverleg maart bewerken",
    ),
    Route(
        "overleg:overleg_aanwezig",
        kwargs=_overleg,
        data=_attendance,
        expect={"GET": NOT_ALLOWED, "POST": write(302)},
    ),
    Route(
        "overleg:overleg_actie_add",
        kwargs=_overleg,
        data=lambda w: {
            "wat": "Zaal reserveren",
            "partner": "Vzw Samen",
            "tegen": timezone.localdate().isoformat(),
        },
        expect={"GET": NOT_ALLOWED, "POST": write(302)},
    ),
    Route(
        "overleg:overleg_delete",
        kwargs=_overleg,
        expect={"GET": write(200), "POST": write(302)},
        expect_text="Partneroverleg maart verwijderen?",
    ),
    Route(
        "overleg:actie_list",
        kwargs=slug,
        expect=GET_ONLY,
        expect_text="Open acties",
    ),
    Route(
        "overleg:actie_create",
        kwargs=slug,
        expect=FORM,
        expect_text="Nieuwe actie",
    ),
    Route(
        "overleg:actie_edit",
        kwargs=_actie,
        expect=FORM,
        expect_text="Actie: Flyers drukken",
    ),
    Route(
        "overleg:actie_done",
        kwargs=_actie,
        data=lambda w: {"gedaan_op": timezone.localdate().isoformat()},
        expect={"GET": NOT_ALLOWED, "POST": write(302)},
    ),
]
