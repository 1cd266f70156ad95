import html
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.matrix import PERSONAS, all_routes

ROUTES = all_routes()
IGNORED_NAMESPACES = {"admin"}  # Django's admin has its own permission checks


def named_patterns(patterns=None, namespace=None):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            if ns in IGNORED_NAMESPACES:
                continue
            nested = f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else ns
            yield from named_patterns(pattern.url_patterns, nested)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_url_pattern_is_in_the_matrix():
    covered = {route.name for route in ROUTES}
    missing = sorted(set(named_patterns()) - covered)
    assert not missing, f"Add these URL names to tests/matrix/: {missing}"


def test_every_route_covers_every_persona_and_method():
    for route in ROUTES:
        assert set(route.expect) == {"GET", "POST"}, route.name
        for method, statuses in route.expect.items():
            assert set(statuses) == set(PERSONAS), (route.name, method)


def test_every_route_that_answers_200_names_what_only_its_page_shows():
    for route in ROUTES:
        answers_200 = any(200 in statuses.values() for statuses in route.expect.values())
        assert bool(route.expect_text) == answers_200, route.name


def own_text(response):
    """The page's <h1> as text; for a response without one (a partial, JSON, a file), its
    whole body. The <h1>, not the whole page: the navigation names the other pages too."""
    body = response.content.decode(errors="replace")  # a PDF is bytes
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.DOTALL)
    if not heading:
        return body
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", heading[1])).split())


CASES = [
    pytest.param(route, method, persona, id=f"{route.name}-{method}-{persona}")
    for route in ROUTES
    for method in ("GET", "POST")
    for persona in PERSONAS
]


@pytest.mark.parametrize(("route", "method", "persona"), CASES)
def test_permission_matrix(route, method, persona, world, persona_client):
    client = persona_client(persona)
    url = reverse(route.name, kwargs=route.url_kwargs(world))
    response = client.get(url) if method == "GET" else client.post(url, route.post_data(world))
    assert response.status_code == route.expect[method][persona]
    if response.status_code == 200:
        assert response["Content-Type"].startswith(route.content_type)
        assert route.expect_text in own_text(response)
