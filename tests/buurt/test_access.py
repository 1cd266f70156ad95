import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from buurt.access import can_edit, get_actor_for_user, get_buurt_for_user
from initiatieven.access import get_team_for_user
from partners.access import get_partner_for_user
from tests import factories as f


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_coordinator_gets_the_buurt_with_write_access(coordinator, buurt):
    found = get_buurt_for_user(request_for(coordinator), buurt.slug, write=True)
    assert found == buurt
    assert can_edit(found)


def test_outsider_gets_404_not_403(outsider, buurt):
    with pytest.raises(Http404):
        get_buurt_for_user(request_for(outsider), buurt.slug, write=True)


def test_anonymous_gets_404(buurt):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(Http404):
        get_buurt_for_user(request_for(AnonymousUser()), buurt.slug)


def test_objects_of_another_buurt_are_404_even_for_a_coordinator(coordinator, buurt, other_buurt):
    elders_actor = f.make_actor(other_buurt)
    elders_partner = f.make_partner(other_buurt)
    elders_team = f.make_team(f.make_initiatief(other_buurt))
    request = request_for(coordinator)
    with pytest.raises(Http404):
        get_actor_for_user(request, buurt.slug, elders_actor.pk)
    with pytest.raises(Http404):
        get_partner_for_user(request, buurt.slug, elders_partner.pk)
    with pytest.raises(Http404):
        get_team_for_user(request, buurt.slug, elders_team.pk)


def test_objects_in_the_buurt_are_found(coordinator, buurt):
    actor = f.make_actor(buurt)
    assert get_actor_for_user(request_for(coordinator), buurt.slug, actor.pk) == (buurt, actor)


def test_researcher_sees_only_aggregate_pages_and_never_writes(onderzoeker, buurt):
    request = request_for(onderzoeker)
    found = get_buurt_for_user(request, buurt.slug, for_researchers=True)
    assert not can_edit(found)
    with pytest.raises(PermissionDenied):
        get_buurt_for_user(request, buurt.slug)  # a page with names of people
    with pytest.raises(PermissionDenied):
        get_buurt_for_user(request, buurt.slug, write=True, for_researchers=True)


def test_researcher_cannot_open_an_actor(onderzoeker, buurt):
    actor = f.make_actor(buurt)
    with pytest.raises(PermissionDenied):
        get_actor_for_user(request_for(onderzoeker), buurt.slug, actor.pk)
