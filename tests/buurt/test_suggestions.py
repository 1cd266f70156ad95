from django.test import RequestFactory

from buurt.models import Actor
from buurt.suggestions import datalist_response
from tests import factories as f


def _get(**params):
    return RequestFactory().get("/", {"field": "naam", "list": "naam-suggesties", **params})


def test_a_datalist_holds_a_few_distinct_matching_names_in_order(buurt):
    for naam in ("Buurthuis", "Buurtwerk", "buurtwerk", "Bibliotheek", "Buurtsport"):
        f.make_actor(buurt, naam)
    response = datalist_response(_get(naam="buurt"), Actor.objects.in_buurt(buurt), limit=2)
    assert response.status_code == 200
    assert response.content.decode().strip() == (
        '<datalist id="naam-suggesties"><option value="Buurthuis"></option>'
        '<option value="Buurtsport"></option></datalist>'
    )


def test_a_field_of_several_names_matches_the_last_and_keeps_the_others(buurt):
    f.make_actor(buurt, "Okra")
    response = datalist_response(_get(naam="Anna; ok", multiple="1"), Actor.objects.all())
    assert '<option value="Anna; Okra">' in response.content.decode()


def test_nothing_typed_suggests_nothing(buurt):
    f.make_actor(buurt, "Okra")
    response = datalist_response(_get(naam="  "), Actor.objects.all())
    assert "<option" not in response.content.decode()


def test_a_list_id_that_is_no_plain_name_is_refused(buurt):
    response = datalist_response(_get(list='x" onmouseover="alert(1)'), Actor.objects.all())
    assert response.status_code == 400
