from datetime import date

from buurt.models import Relatie
from buurt.services import add_relatie
from tests import factories as f


def test_add_relatie_returns_the_running_one_either_way_round(buurt):
    anna, bert = f.make_actor(buurt), f.make_actor(buurt)
    first, created = add_relatie(buurt, anna, bert, "doorverwijzen", date(2025, 1, 1))
    again, created_again = add_relatie(buurt, bert, anna, "actief_afstemmen", date(2025, 2, 1))
    assert created and not created_again
    assert again == first
    assert Relatie.objects.count() == 1
