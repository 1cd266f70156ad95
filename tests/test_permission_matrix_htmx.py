"""The permission matrix once more, as HTMX requests: partials enforce access as pages do.

The coordinator is left out: with HTMX a write answers with a partial instead of a
redirect, so only the refusals are compared.
"""

import pytest
from django.urls import reverse

from tests.matrix import all_routes

REFUSED_PERSONAS = ("anonymous", "outsider", "onderzoeker", "partner")
HTMX = {"HX-Request": "true", "HX-Target": "actor-results", "HX-Current-URL": "http://testserver/"}

CASES = [
    pytest.param(route, method, persona, id=f"{route.name}-{method}-{persona}")
    for route in all_routes()
    for method in ("GET", "POST")
    for persona in REFUSED_PERSONAS
    # The partner-side pages answer the partner themselves, and an invitation's link
    # answers whoever has it: those are not refusals.
    if route.expect[method][persona] in (302, 403, 404, 405)
    and not route.name.startswith("partnerportaal:partner_")
    and route.name != "rollen:uitnodiging_entry"
]


@pytest.mark.parametrize(("route", "method", "persona"), CASES)
def test_htmx_requests_are_refused_like_pages(route, method, persona, world, persona_client):
    client = persona_client(persona)
    url = reverse(route.name, kwargs=route.url_kwargs(world))
    if method == "GET":
        response = client.get(url, headers=HTMX)
    else:
        response = client.post(url, route.post_data(world), headers=HTMX)
    assert response.status_code == route.expect[method][persona]
    if response.status_code == 302 and persona in ("anonymous", "partner"):
        assert response["Location"].startswith(reverse("login"))
