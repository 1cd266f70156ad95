from initiatieven.models import Initiatief
from tests import factories as f

from . import FORM, GET_ONLY, NOT_ALLOWED, READ, SUGGESTIONS, Route, slug, write


def _buurtgericht(w):
    Initiatief.objects.filter(pk=w.initiatief.pk).update(
        soort=Initiatief.Soort.BUURTGERICHT_ZORGINITIATIEF
    )
    return {"slug": w.buurt.slug, "pk": w.initiatief.pk}


ROUTES = [
    Route(
        "initiatieven:fruit",
        kwargs=slug,
        expect={"GET": READ, "POST": write(200)},
        expect_text="3. Pluk laaghangend fruit",
    ),
    Route(
        "initiatieven:activiteit_edit",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.activiteit.pk},
        expect={"GET": READ, "POST": write(200)},
        expect_text="Soepbar",  # the activity's name
    ),
    Route(
        "initiatieven:fruit_connect",
        kwargs=slug,
        expect={"GET": NOT_ALLOWED, "POST": write(302)},
        data=lambda w: {"van": w.actor.pk, "naar": w.ander.pk, "intensiteit": "doorverwijzen"},
    ),
    Route(
        "initiatieven:fruit_build_on",
        kwargs=slug,
        expect={"GET": NOT_ALLOWED, "POST": write(302)},
        data=lambda w: {
            "activiteiten": [w.activiteit.pk],
            "naam": "Samen",
            "soort": "bewonersinitiatief",
        },
    ),
    Route(
        "initiatieven:kans_status",
        kwargs=slug,
        expect={"GET": NOT_ALLOWED, "POST": write(302)},
        data=lambda w: {
            "activiteit_a": w.activiteit.pk,
            "activiteit_b": f.make_activiteit(w.buurt, "Wandelclub").pk,
            "status": "besproken",
        },
    ),
    Route(
        "initiatieven:reik_hoger",
        kwargs=slug,
        expect=FORM,
        expect_text="Reik hoger: een nieuw initiatief",
    ),
    Route(
        "initiatieven:initiatief_list",
        kwargs=slug,
        expect={"GET": READ, "POST": write(200)},
        expect_text="Initiatieven",
    ),
    Route(
        "initiatieven:soort_choose",
        kwargs=slug,
        expect={"GET": write(200), "POST": NOT_ALLOWED},
        expect_text="Welke soort initiatief?",
    ),
    Route(
        "initiatieven:schaal_edit",
        kwargs=_buurtgericht,
        expect={"GET": NOT_ALLOWED, "POST": write(200)},
        expect_text="Burenhulp",  # the initiative's name
    ),
    Route(
        "initiatieven:initiatief_detail",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.initiatief.pk},
        expect=GET_ONLY,
        expect_text="Burenhulp",
    ),
    Route(
        "initiatieven:initiatief_edit",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.initiatief.pk},
        expect=FORM,
        expect_text="Burenhulp bewerken",
    ),
    Route(
        "initiatieven:initiatief_status",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.initiatief.pk},
        expect=FORM,
        expect_text="Status van Burenhulp",
    ),
    Route(
        "initiatieven:bomen",
        kwargs=slug,
        expect=GET_ONLY,
        expect_text="4. Ontwar de bomen",
    ),
    Route(
        "initiatieven:team_create",
        kwargs=slug,
        expect=FORM,
        expect_text="Nieuw team",
    ),
    Route(
        "initiatieven:initiatief_suggestions",
        kwargs=slug,
        expect=SUGGESTIONS,
    ),
    Route(
        "initiatieven:team_suggestions",
        kwargs=slug,
        expect=SUGGESTIONS,
    ),
    Route(
        "initiatieven:team_edit",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.team.pk},
        expect=FORM,
        expect_text="Team Boodschappenteam bewerken",
    ),
    Route(
        "initiatieven:deelname_edit",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.deelname.pk},
        expect=FORM,
        expect_text="Vzw Samen in Boodschappenteam",
    ),
    Route(
        "initiatieven:deelname_add",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.team.pk},
        # Vzw Samen is a member already: the team page shows the refusal.
        expect={"GET": NOT_ALLOWED, "POST": write(200)},
        data=lambda w: {"lid-partner": "Vzw Samen", "lid-participatieniveau": "adviseren"},
        expect_text="Team Boodschappenteam bewerken",
    ),
    Route(
        "initiatieven:deelname_end",
        kwargs=lambda w: {"slug": w.buurt.slug, "pk": w.deelname.pk},
        expect={"GET": NOT_ALLOWED, "POST": write(302)},  # no date: leaves today
    ),
    Route(
        "initiatieven:bos",
        kwargs=slug,
        expect=GET_ONLY,
        expect_text="Het bos",
    ),
]
