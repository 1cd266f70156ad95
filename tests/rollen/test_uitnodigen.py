"""A coordinator invites someone: bad input writes nothing, sending can fail and be repeated,
a re-send replaces the link, a revoke needs a confirmation."""

from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from buurt.models import Rol
from rollen.models import Uitnodiging
from rollen.services import invite as invite_service
from tests import factories as f
from tests.smtp import Inbox, _free_port

from .steps import invite, link_path, mensen, opened


def test_an_invitation_is_valid_seven_days_and_stores_only_the_hash(
    coordinator_client, coordinator, buurt, smtp_inbox
):
    before = timezone.now()
    invite(coordinator_client, buurt, "Nieuw@Example.ORG")
    uitnodiging = Uitnodiging.objects.get()
    assert uitnodiging.email == "Nieuw@example.org"
    assert uitnodiging.rol == "onderzoeker" and uitnodiging.aangemaakt_door == coordinator
    assert before + timedelta(days=7) <= uitnodiging.verloopt_op
    assert uitnodiging.verloopt_op <= timezone.now() + timedelta(days=7)
    assert uitnodiging.laatst_verzonden_op is not None and not uitnodiging.verzenden_mislukt
    token = link_path(smtp_inbox, "Nieuw@example.org").split("/")[-2]
    assert token not in str(Uitnodiging.objects.values().get())
    assert len(uitnodiging.token_hash) == 64


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"email": "geen-adres"}, "Dit is geen geldig e-mailadres."),
        ({"email": ""}, "Vul het e-mailadres in van wie je wil uitnodigen."),
        ({"email": "x\x00@example.org"}, "Null-tekens zijn niet toegestaan."),
        ({"rol": "beheerder"}, "Kies een rol: coördinator of onderzoeker."),
        ({"rol": ""}, "Kies een rol: coördinator of onderzoeker."),
    ],
)
def test_bad_input_is_refused_in_dutch_and_writes_nothing(
    coordinator_client, buurt, smtp_inbox, data, error
):
    response = invite(coordinator_client, buurt, **{"email": "nieuw@example.org", **data})
    assert response.status_code == 200
    assert 'class="errorlist"' in response.text
    assert error in response.text
    assert not Uitnodiging.objects.exists()
    assert not smtp_inbox.messages


def test_an_address_with_a_role_in_the_buurt_is_refused(
    coordinator_client, buurt, other_buurt, smtp_inbox
):
    f.grant(f.make_user("collega", email="collega@example.org"), buurt, "onderzoeker")
    f.grant(f.make_user("elders", email="elders@example.org"), other_buurt)
    response = invite(coordinator_client, buurt, "COLLEGA@example.org")
    assert "COLLEGA@example.org heeft al een rol in Noord." in response.text
    assert not Uitnodiging.objects.exists()
    # A role in another buurt is not this buurt's business, and not a reason to refuse.
    assert invite(coordinator_client, buurt, "elders@example.org").status_code == 302
    assert len(smtp_inbox.messages) == 1


def test_a_second_open_invitation_for_the_same_address_is_refused(
    coordinator_client, buurt, other_buurt, smtp_inbox
):
    invite(coordinator_client, buurt, "nieuw@example.org")
    response = invite(coordinator_client, buurt, "NIEUW@example.org", "coordinator")
    assert "Er staat al een uitnodiging open voor NIEUW@example.org." in response.text
    assert Uitnodiging.objects.count() == 1
    assert len(smtp_inbox.messages) == 1
    # Another buurt may invite the same person.
    invite_service(other_buurt, "nieuw@example.org", "onderzoeker", None)
    assert Uitnodiging.objects.count() == 2


def test_a_revoked_invitation_does_not_block_a_new_one(coordinator_client, buurt, smtp_inbox):
    invite(coordinator_client, buurt, "nieuw@example.org")
    uitnodiging = Uitnodiging.objects.get()
    url = reverse("rollen:uitnodiging_intrekken", args=[buurt.slug, uitnodiging.pk])
    coordinator_client.post(url)
    assert invite(coordinator_client, buurt, "nieuw@example.org").status_code == 302
    assert Uitnodiging.objects.openstaand().count() == 1


def test_a_double_click_sends_one_invitation(coordinator_client, buurt, smtp_inbox):
    data = {"eenmalig": "een-token-van-het-formulier"}
    invite(coordinator_client, buurt, **data)
    second = invite(coordinator_client, buurt, **data)
    assert second.status_code == 302
    assert "Dit was al bewaard." in mensen(coordinator_client, buurt).text
    assert len(smtp_inbox.messages) == 1


def test_a_failed_send_is_reported_and_the_invitation_kept_then_resent(
    coordinator_client, buurt, smtp_down, settings
):
    response = invite(coordinator_client, buurt, "nieuw@example.org")
    assert response.status_code == 302
    page = mensen(coordinator_client, buurt).text
    assert "Versturen naar nieuw@example.org is mislukt. De uitnodiging is bewaard" in page
    assert "versturen mislukt — opnieuw versturen" in page
    uitnodiging = Uitnodiging.objects.get()
    assert uitnodiging.verzenden_mislukt and uitnodiging.laatst_verzonden_op is None

    # The mail server is back: sending again works, and the page says so.
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_PORT = controller.port
    try:
        url = reverse("rollen:uitnodiging_opnieuw", args=[buurt.slug, uitnodiging.pk])
        assert coordinator_client.post(url).status_code == 302
    finally:
        controller.stop()
    assert len(inbox.to("nieuw@example.org")) == 1
    uitnodiging.refresh_from_db()
    assert not uitnodiging.verzenden_mislukt and uitnodiging.laatst_verzonden_op
    page = mensen(coordinator_client, buurt).text
    assert "De uitnodiging is verstuurd naar nieuw@example.org." in page
    assert "versturen mislukt" not in page


def test_resending_makes_a_new_link_and_extends_the_validity(coordinator_client, buurt, smtp_inbox):
    invite(coordinator_client, buurt, "nieuw@example.org")
    uitnodiging = Uitnodiging.objects.get()
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(
        verloopt_op=timezone.now() - timedelta(days=1)
    )
    assert "verlopen op" in mensen(coordinator_client, buurt).text
    old = link_path(smtp_inbox, "nieuw@example.org")
    url = reverse("rollen:uitnodiging_opnieuw", args=[buurt.slug, uitnodiging.pk])
    assert coordinator_client.post(url).status_code == 302
    new = link_path(smtp_inbox, "nieuw@example.org")
    assert new != old
    uitnodiging.refresh_from_db()
    assert uitnodiging.verloopt_op > timezone.now() + timedelta(days=6)
    assert opened(new)
    assert Client().get(old).status_code == 404


def test_revoking_asks_first_then_the_link_stops_working(coordinator_client, buurt, smtp_inbox):
    invite(coordinator_client, buurt, "nieuw@example.org")
    uitnodiging = Uitnodiging.objects.get()
    path = link_path(smtp_inbox, "nieuw@example.org")
    url = reverse("rollen:uitnodiging_intrekken", args=[buurt.slug, uitnodiging.pk])
    confirm = coordinator_client.get(url)
    assert "Ja, trek de uitnodiging in" in confirm.text
    assert 'class="button danger"' in confirm.text
    uitnodiging.refresh_from_db()
    assert uitnodiging.ingetrokken_op is None  # only asked, nothing written
    response = coordinator_client.post(url)
    assert response.status_code == 302
    uitnodiging.refresh_from_db()
    assert uitnodiging.ingetrokken_op is not None
    page = mensen(coordinator_client, buurt).text
    assert "De uitnodiging voor nieuw@example.org is ingetrokken" in page
    assert "Geen openstaande uitnodigingen." in page
    assert Client().get(path).status_code == 404
    assert coordinator_client.get(url).status_code == 404  # nothing left to revoke


def test_invitations_of_another_buurt_cannot_be_touched(coordinator_client, buurt, other_buurt):
    elders, _token = invite_service(other_buurt, "x@example.org", "onderzoeker", None)
    for name in ("rollen:uitnodiging_intrekken", "rollen:uitnodiging_opnieuw"):
        url = reverse(name, args=[buurt.slug, elders.pk])
        assert coordinator_client.post(url).status_code == 404
    elders.refresh_from_db()
    assert elders.is_geldig and elders.laatst_verzonden_op is None
    assert not Rol.objects.filter(buurt=other_buurt).exists()
