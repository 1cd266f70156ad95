"""Hostile input on every page that reads a form or a query: never a 500, and a refused
request writes nothing.

Hypothesis draws the values (NUL bytes, digits such as "²" and "٣", numbers too large for
the database, 10,000-character strings, long lists, wrong types) for the fields a route
posts in the permission matrix and for the parameters the pages read. A 500 raises in the
test client, so it fails the test. A bounded number of examples per route keeps the file
within CI's time.
"""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from buurt.models import Actor, Relatie
from initiatieven.models import Activiteit, Deelname, Initiatief, Succes, Team, Voorkeur
from partners.models import Partner
from tests.matrix import all_routes

MAIN_TABLES = (Actor, Relatie, Partner, Activiteit, Initiatief, Team, Deelname, Succes, Voorkeur)

# The query and form parameters the pages read beyond the fields of their forms.
KNOWN_PARAMS = (
    "q",
    "soort",
    "sector",
    "via",
    "pagina",
    "field",
    "list",
    "multiple",
    "partners_only",
    "naam",
    "partners",
    "toon",
    "bewerk",
    "initiatief",
    "actor",
    "partner",
    "intensiteit",
    "formaat",
    "sectie",
)

HOSTILE = st.sampled_from(
    [
        "\x00",
        "Okra\x00",
        "²",
        "٣",
        "99999999999999999999",
        str(2**63),
        "-1",
        "0",
        "1e3",
        "1.5",
        "",
        " ",
        "None",
        "[]",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "x" * 10_000,
        "; ".join(f"naam{i}" for i in range(2_000)),
    ]
)
SCALARS = st.one_of(
    HOSTILE,
    st.text(max_size=30),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
)
# Long lists of short items (10,000 copies of a 10,000-character string is 100 MB to encode):
# below and above Django's DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000), a form's cap, then a 400.
ITEMS = st.sampled_from(["1", "²", "\x00", "99999999999999999999", "tijd", "Okra"])
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=5),
    ITEMS.map(lambda item: [item] * 900),
    ITEMS.map(lambda item: [item] * 10_000),
)


def _form_routes():
    for route in all_routes():
        for method in ("GET", "POST"):
            if route.expect[method]["coordinator"] != 405:
                yield pytest.param(route, method, id=f"{route.name}-{method}")


def _row_counts():
    return [model.objects.count() for model in MAIN_TABLES]


def _refused(response):
    return 400 <= response.status_code < 500 or (
        response.status_code == 200 and b'class="errorlist"' in response.content
    )


@pytest.mark.parametrize(("route", "method"), list(_form_routes()))
def test_hostile_values_never_give_a_500_nor_a_refused_write(route, method, world):
    url = reverse(route.name, kwargs=route.url_kwargs(world))
    valid = route.post_data(world)
    names = st.sampled_from(sorted({*valid, *KNOWN_PARAMS}))

    @settings(
        max_examples=12,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(hostile=st.dictionaries(names, VALUES, min_size=1, max_size=4), htmx=st.booleans())
    def post_or_get(hostile, htmx):
        client = Client()
        client.force_login(world.users["coordinator"])
        headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        before = _row_counts()
        if method == "GET":
            response = client.get(url, hostile, **headers)
        else:
            response = client.post(url, {**valid, **hostile}, **headers)
        assert response.status_code != 500
        if _refused(response):
            assert _row_counts() == before, (response.status_code, hostile)

    post_or_get()
