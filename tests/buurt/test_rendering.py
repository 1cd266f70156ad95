from django.template.loader import render_to_string
from django.test import RequestFactory
from django_htmx.middleware import HtmxDetails

from buurt.rendering import paginate, wants_partial


def _request(query="", **headers):
    request = RequestFactory().get(f"/lijst/{query}", **headers)
    request.htmx = HtmxDetails(request)
    return request


def test_page_links_keep_the_other_query_parameters():
    page = paginate(_request("?q=buur&successen=2&pagina=2"), range(30), 10)
    assert page.number == 2
    assert page.previous_query.urlencode() == "q=buur&successen=2&pagina=1"
    assert page.next_query.urlencode() == "q=buur&successen=2&pagina=3"


def test_a_second_list_pages_by_its_own_parameter():
    page = paginate(_request("?pagina=3"), range(30), 10, param="successen")
    assert page.number == 1
    assert page.previous_query is None
    assert page.next_query.urlencode() == "pagina=3&successen=2"


def test_an_out_of_range_page_gives_the_last_one():
    page = paginate(_request("?pagina=99"), range(30), 10)
    assert page.number == 3
    assert page.next_query is None


def test_the_include_swaps_with_htmx_only_when_given_a_target():
    page = paginate(_request("?q=a&pagina=2"), range(30), 10)
    plain = render_to_string("includes/pagination.html", {"page": page})
    assert 'href="?q=a&amp;pagina=3"' in plain
    assert "hx-get" not in plain
    swapped = render_to_string("includes/pagination.html", {"page": page, "target": "lijst"})
    assert 'hx-get="?q=a&amp;pagina=1"' in swapped
    assert 'hx-target="#lijst"' in swapped
    assert 'hx-push-url="true"' in swapped


def test_one_page_needs_no_pagination():
    page = paginate(_request(), range(5), 10)
    assert render_to_string("includes/pagination.html", {"page": page}).strip() == ""


def test_a_partial_is_for_htmx_requests_that_are_not_history_restores():
    assert not wants_partial(_request())
    assert wants_partial(_request(HTTP_HX_REQUEST="true"))
    restore = _request(HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert not wants_partial(restore)


def test_a_partial_for_a_target_only_when_that_element_is_swapped():
    request = _request(HTTP_HX_REQUEST="true", HTTP_HX_TARGET="actor-results")
    assert wants_partial(request, target="actor-results")
    assert not wants_partial(request, target="partner-results")
