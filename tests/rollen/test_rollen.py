"""Coordinators change and remove roles, after a confirmation; the last coordinator of a
buurt stays one; every change is in the timeline, and no token hash is."""

import pytest
from django.urls import reverse

from buurt.models import Rol, Wijziging
from buurt.tokens import hash_token
from rollen.models import Uitnodiging
from tests import factories as f
from tests.queries import count_get_queries

from .steps import invite, link_path, mensen


def _rol(user, buurt):
    return Rol.objects.get(user=user, buurt=buurt)


def _url(name, rol):
    return reverse(f"rollen:{name}", args=[rol.buurt.slug, rol.pk])


def test_the_page_lists_who_has_which_role(coordinator_client, buurt, onderzoeker, outsider):
    onderzoeker.first_name, onderzoeker.email = "Olga", "olga@example.org"
    onderzoeker.save()
    page = mensen(coordinator_client, buurt).text
    assert "Olga" in page and "olga@example.org" in page
    assert "coördinator" in page and "onderzoeker" in page
    assert "buitenstaander" not in page  # a coordinator of another buurt
    assert "laatste coördinator: maak eerst iemand anders coördinator" in page


def test_the_coordinator_navigation_links_to_the_people(coordinator_client, buurt, world):
    dashboard = coordinator_client.get(reverse("coordinatie:dashboard", args=[buurt.slug]))
    assert f'href="{reverse("rollen:mensen", args=[buurt.slug])}"' in dashboard.text
    assert ">Mensen</a>" in dashboard.text


def test_researchers_see_no_link_to_the_people(onderzoeker_client, buurt):
    dashboard = onderzoeker_client.get(reverse("coordinatie:dashboard", args=[buurt.slug]))
    assert dashboard.status_code == 200
    assert reverse("rollen:mensen", args=[buurt.slug]) not in dashboard.text


def test_changing_a_role_asks_first(coordinator_client, buurt, onderzoeker):
    rol = _rol(onderzoeker, buurt)
    confirm = coordinator_client.get(_url("rol_wijzigen", rol))
    assert "onderzoeker is nu onderzoeker in Noord." in confirm.text
    assert '<option value="coordinator" selected>' in confirm.text
    assert _rol(onderzoeker, buurt).rol == "onderzoeker"

    response = coordinator_client.post(_url("rol_wijzigen", rol), {"rol": "coordinator"})
    assert response.status_code == 302
    assert response["Location"] == reverse("rollen:mensen", args=[buurt.slug])
    assert _rol(onderzoeker, buurt).rol == "coordinator"
    assert "onderzoeker is nu coördinator." in mensen(coordinator_client, buurt).text


@pytest.mark.parametrize("value", ["", "beheerder", "\x00"])
def test_a_bad_role_is_refused_and_writes_nothing(coordinator_client, buurt, onderzoeker, value):
    rol = _rol(onderzoeker, buurt)
    response = coordinator_client.post(_url("rol_wijzigen", rol), {"rol": value})
    assert response.status_code == 200
    assert "Kies een rol: coördinator of onderzoeker." in response.text
    assert _rol(onderzoeker, buurt).rol == "onderzoeker"


def test_removing_a_role_asks_first_and_keeps_the_account(coordinator_client, buurt, onderzoeker):
    rol = _rol(onderzoeker, buurt)
    confirm = coordinator_client.get(_url("rol_verwijderen", rol))
    assert "Ja, verwijder de rol" in confirm.text and 'class="button danger"' in confirm.text
    assert Rol.objects.filter(pk=rol.pk).exists()
    response = coordinator_client.post(_url("rol_verwijderen", rol))
    assert response.status_code == 302
    assert not Rol.objects.filter(pk=rol.pk).exists()
    onderzoeker.refresh_from_db()  # the account stays
    assert "onderzoeker heeft geen rol meer in Noord." in mensen(coordinator_client, buurt).text
    assert coordinator_client.post(_url("rol_verwijderen", rol)).status_code == 404


def test_the_last_coordinator_can_neither_leave_nor_be_demoted(
    coordinator_client, coordinator, buurt
):
    rol = _rol(coordinator, buurt)
    message = "Je bent de laatste coördinator van Noord. Maak eerst iemand anders coördinator"
    for name in ("rol_wijzigen", "rol_verwijderen"):
        page = coordinator_client.get(_url(name, rol))
        assert page.status_code == 200 and message in page.text
        assert "Ja, " not in page.text  # no button to confirm
    demote = coordinator_client.post(_url("rol_wijzigen", rol), {"rol": "onderzoeker"})
    leave = coordinator_client.post(_url("rol_verwijderen", rol))
    assert demote.status_code == leave.status_code == 409
    assert message in demote.text and message in leave.text
    assert _rol(coordinator, buurt).rol == "coordinator"
    assert not Wijziging.objects.filter(buurt=buurt, content_type__model="rol", action=1)


def test_with_a_second_coordinator_one_may_step_down(coordinator_client, coordinator, buurt):
    f.grant(f.make_user("tweede"), buurt, "coordinator")
    rol = _rol(coordinator, buurt)
    response = coordinator_client.post(_url("rol_wijzigen", rol), {"rol": "onderzoeker"})
    assert response["Location"] == reverse("coordinatie:dashboard", args=[buurt.slug])
    assert _rol(coordinator, buurt).rol == "onderzoeker"
    assert mensen(coordinator_client, buurt).status_code == 403


def test_a_coordinator_who_removes_themself_goes_home(coordinator_client, coordinator, buurt):
    f.grant(f.make_user("tweede"), buurt, "coordinator")
    response = coordinator_client.post(_url("rol_verwijderen", _rol(coordinator, buurt)))
    assert response["Location"] == reverse("buurt:home")
    assert not Rol.objects.filter(user=coordinator, buurt=buurt).exists()


def test_roles_of_another_buurt_cannot_be_touched(coordinator_client, buurt, outsider):
    elders = Rol.objects.get(user=outsider)
    for name in ("rol_wijzigen", "rol_verwijderen"):
        url = reverse(f"rollen:{name}", args=[buurt.slug, elders.pk])
        assert coordinator_client.post(url, {"rol": "onderzoeker"}).status_code == 404
    assert Rol.objects.get(user=outsider).rol == "coordinator"


def test_the_timeline_has_role_changes_and_invitations_without_token_hashes(
    coordinator_client, buurt, onderzoeker, smtp_inbox
):
    rol = _rol(onderzoeker, buurt)
    coordinator_client.post(_url("rol_wijzigen", rol), {"rol": "coordinator"})
    invite(coordinator_client, buurt, "nieuw@example.org")
    uitnodiging = Uitnodiging.objects.get()
    coordinator_client.post(
        reverse("rollen:uitnodiging_opnieuw", args=[buurt.slug, uitnodiging.pk])
    )
    coordinator_client.post(
        reverse("rollen:uitnodiging_intrekken", args=[buurt.slug, uitnodiging.pk])
    )
    coordinator_client.post(_url("rol_verwijderen", rol))

    entries = Wijziging.objects.filter(buurt=buurt)
    assert entries.filter(content_type__model="rol", object_id=rol.pk, action=1).exists()
    assert entries.filter(content_type__model="rol", object_id=rol.pk, action=2).exists()
    for_invitation = entries.filter(content_type__model="uitnodiging", object_id=uitnodiging.pk)
    assert for_invitation.filter(action=0).exists()
    assert any("ingetrokken_op" in e.changes for e in for_invitation.filter(action=1))
    mails = smtp_inbox.to("nieuw@example.org")
    assert len(mails) == 2
    tokens = [link_path(smtp_inbox, "nieuw@example.org", i).split("/")[-2] for i in range(2)]
    secrets = [*tokens, *(hash_token(token) for token in tokens)]
    stored = " ".join(str(e.changes) + e.object_repr for e in entries)
    assert "token_hash" not in stored
    assert not any(secret in stored for secret in secrets)
    timeline = coordinator_client.get(reverse("coordinatie:tijdlijn", args=[buurt.slug])).text
    assert "uitnodiging" in timeline.lower() and "nieuw@example.org" in timeline


def test_the_page_runs_as_many_queries_for_many_people(coordinator_client, buurt):
    def count():
        return count_get_queries(coordinator_client, reverse("rollen:mensen", args=[buurt.slug]))

    first = count()
    for n in range(5):
        f.grant(f.make_user(f"extra{n}", email=f"extra{n}@example.org"), buurt, "onderzoeker")
        invite(coordinator_client, buurt, f"gast{n}@example.org")
    mensen(coordinator_client, buurt)  # shows (and so empties) the invitations' messages
    assert count() == first
