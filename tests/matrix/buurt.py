import datetime

from buurt.models import Beleidsverwachting

from . import GET_ONLY, LOGIN, NOT_ALLOWED, PERSONAS, POST_ONLY, SUGGESTIONS, Route, slug, write


def _actor(w):
    return {"slug": w.buurt.slug, "pk": w.actor.pk}


def _verwachting(w):
    verwachting, _created = Beleidsverwachting.objects.get_or_create(
        buurt=w.buurt,
        bron=Beleidsverwachting.Bron.STAD,
        wat="Een buurtpunt tegen 2027",
        defaults={"sinds": datetime.date(2026, 1, 1)},
    )
    return {"slug": w.buurt.slug, "pk": verwachting.pk}


ROUTES = [
    Route(
        "buurt:home",
        expect={
            "GET": {"anonymous": LOGIN, "outsider": 302, "onderzoeker": 302, "coordinator": 302},
            "POST": NOT_ALLOWED,
        },
    ),
    Route(
        "buurt:over",
        expect={"GET": dict.fromkeys(PERSONAS, 200), "POST": dict.fromkeys(PERSONAS, 405)},
        expect_text="Over de methode",
    ),
    Route("buurt:ken_je_buurt", kwargs=slug, expect=GET_ONLY, expect_text="1. Ken je buurt"),
    Route(
        "buurt:actor_create",
        kwargs=slug,
        expect={**POST_ONLY, "POST": write(302)},
        data=lambda w: {"naam": "Nieuwe buur", "soort": "bewoner"},
    ),
    Route(
        "buurt:actor_suggestions",
        kwargs=slug,
        expect=SUGGESTIONS,
    ),
    Route("buurt:actor_row", kwargs=_actor, expect=GET_ONLY, expect_text='class="actor-row"'),
    Route(
        "buurt:actor_edit",
        kwargs=_actor,
        expect={"GET": write(200), "POST": write(302)},
        data=lambda w: {
            f"actor-{w.actor.pk}-naam": "Andere naam",
            f"actor-{w.actor.pk}-soort": "vereniging",
        },
        expect_text="Buurthuis De Linde bewerken",
    ),
    Route(
        "buurt:actor_delete",
        kwargs=_actor,
        expect={"GET": write(200), "POST": write(302)},
        expect_text="Buurthuis De Linde verwijderen",
    ),
    Route(
        "buurt:relatie_end",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.relatie.pk},
        expect={**POST_ONLY, "POST": write(302)},
    ),
    # Free text of policy: coordinators only; researchers see the counts on the dashboard.
    Route("buurt:beleid", kwargs=slug, expect=GET_ONLY, expect_text="Wat het beleid verwacht"),
    Route(
        "buurt:beleid_create",
        kwargs=slug,
        expect={**POST_ONLY, "POST": write(302)},
        data=lambda w: {"bron": "financier", "wat": "Zorg op buurtniveau", "sinds": "2026-02-01"},
    ),
    Route(
        "buurt:beleid_end",
        kwargs=_verwachting,
        expect={**POST_ONLY, "POST": write(302)},
        data=lambda w: {f"einde-{_verwachting(w)['pk']}-tot": "2026-03-01"},
    ),
]
