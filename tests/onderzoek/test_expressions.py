import pytest

from buurt.models import Actor
from buurt.spreadsheets import FORMULA_PREFIXES, neutralise
from onderzoek.expressions import Neutralised
from tests import factories as f

NAMES = [f"{prefix}HYPERLINK(1)" for prefix in FORMULA_PREFIXES] + ["Okra", "'quoted", "50%"]


@pytest.mark.django_db
def test_the_database_neutralises_as_python_does(buurt):
    for naam in NAMES:
        f.make_actor(buurt, naam)
    safe = Actor.objects.annotate(safe=Neutralised("naam")).values_list("naam", "safe")
    assert {naam: value for naam, value in safe} == {naam: neutralise(naam) for naam in NAMES}
