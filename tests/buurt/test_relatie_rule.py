from datetime import date

import pytest

from buurt.forms import RelatieForm
from buurt.models import Relatie
from tests import factories as f


def test_a_running_relation_is_found_either_way_round(buurt):
    a, b, c = f.make_actor(buurt), f.make_actor(buurt), f.make_actor(buurt)
    relatie = f.make_relatie(a, b)
    assert list(Relatie.objects.lopend_tussen(a, b)) == [relatie]
    assert list(Relatie.objects.lopend_tussen(b, a)) == [relatie]
    assert not Relatie.objects.lopend_tussen(a, c).exists()


def test_an_ended_relation_no_longer_runs(buurt):
    a, b = f.make_actor(buurt), f.make_actor(buurt)
    f.make_relatie(a, b, sinds=date(2024, 1, 1), tot=date(2025, 1, 1))
    assert not Relatie.objects.lopend_tussen(a, b).exists()


@pytest.mark.parametrize("reverse", [False, True])
def test_the_relation_form_refuses_a_second_running_relation(buurt, reverse):
    a, b = f.make_actor(buurt, "Anna"), f.make_actor(buurt, "Bert")
    f.make_relatie(*((b, a) if reverse else (a, b)))
    data = {"naar": "Bert", "intensiteit": "doorverwijzen", "sinds": "2025-01-01"}
    form = RelatieForm(data, actor=a)
    assert not form.is_valid()
    assert form.errors["naar"] == ["Er loopt al een relatie met deze actor."]
