"""The weekly digest: through a real SMTP server, with opt-out, failures reported, and a
cost per coordinator that does not grow with the others."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aandacht import digest
from aandacht.models import Digestvoorkeur
from buurt.models import Rol
from tests import factories as f

from . import builders as b

pytestmark = pytest.mark.django_db

SITE = "https://zorgzaam.example.be"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE + "/"


def _coordinator(buurt, username, email=None):
    user = f.make_user(username, email=email or f"{username}@example.org", first_name="Sara")
    f.grant(user, buurt, Rol.Soort.COORDINATOR)
    return user


def _run(*args):
    out, err = StringIO(), StringIO()
    call_command("aandacht_digest", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_coordinator_gets_their_buurtens_items_over_smtp(smtp_inbox, buurt, other_buurt):
    user = _coordinator(buurt, "sara")
    f.grant(user, other_buurt, Rol.Soort.COORDINATOR)
    items = b.een_van_elk(buurt)
    b.initiatief_zonder_trekker(other_buurt, "Soep op zondag")
    out, _err = _run()
    assert "1 verzonden" in out
    [message] = smtp_inbox.to("sara@example.org")
    assert message["Subject"] == "Wat vraagt aandacht in je buurten"
    text, html = smtp_inbox.text(message), smtp_inbox.html(message)
    for body in (text, html):
        assert "Dag Sara," in body
        assert "Noord" in body and "Zuid" in body
        assert "Soep op zondag" in body and "Flyers rondbrengen" in body
        assert "Acties over tijd: 1" in body
    # Every link is absolute, to this site, and goes straight to the fix.
    actie_url = SITE + reverse("overleg:actie_edit", args=["noord", items["actie_te_laat"].pk])
    assert actie_url in text and f'href="{actie_url}"' in html
    assert SITE + reverse("aandacht:aandacht", args=["noord"]) in text
    assert SITE + reverse("accounts:account") + "#wekelijkse-mail" in text
    # No tracking: no images, no remote resources, no redirecting links.
    assert "<img" not in html and "src=" not in html


def test_coordinators_who_opted_out_and_researchers_get_nothing(smtp_inbox, buurt):
    _coordinator(buurt, "sara")
    uit = _coordinator(buurt, "jan")
    Digestvoorkeur.objects.create(user=uit, wil_digest=False)
    onderzoeker = f.make_user("olga", email="olga@example.org")
    f.grant(onderzoeker, buurt, Rol.Soort.ONDERZOEKER)
    b.initiatief_zonder_trekker(buurt)
    _run()
    assert len(smtp_inbox.to("sara@example.org")) == 1
    assert smtp_inbox.to("jan@example.org") == []
    assert smtp_inbox.to("olga@example.org") == []


def test_nothing_to_report_sends_nothing(smtp_inbox, buurt):
    _coordinator(buurt, "sara")
    out, _err = _run()
    assert smtp_inbox.messages == []
    assert "0 verzonden, 1 zonder iets te melden" in out


def test_a_snoozed_item_stays_out_of_the_digest(smtp_inbox, coordinator_client, buurt):
    _coordinator(buurt, "sara")
    initiatief = b.initiatief_zonder_trekker(buurt, "Repair café")
    b.initiatief_zonder_trekker(buurt, "Soepbar")
    coordinator_client.post(
        reverse("aandacht:uitstellen", args=["noord", "zonder_trekker", initiatief.pk]),
        {"tot": b.today().replace(year=b.today().year + 1).isoformat(), "reden": "Later"},
    )
    _run()
    text = smtp_inbox.text(smtp_inbox.to("sara@example.org")[0])
    assert "Soepbar" in text and "Repair café" not in text


def test_a_failed_send_is_reported_and_the_others_still_get_theirs(smtp_inbox, buurt, monkeypatch):
    eerste = _coordinator(buurt, "eerste")
    _coordinator(buurt, "tweede")
    b.initiatief_zonder_trekker(buurt)
    real_send = digest.send

    def send(to, *args):
        return False if to == eerste.email else real_send(to, *args)

    monkeypatch.setattr(digest, "send", send)
    with pytest.raises(CommandError, match="1 e-mail"):
        _run()
    assert len(smtp_inbox.to("tweede@example.org")) == 1


def test_an_unreachable_mail_server_is_reported_per_coordinator_without_addresses(smtp_down, buurt):
    for name in ("een", "twee"):
        _coordinator(buurt, name)
    b.initiatief_zonder_trekker(buurt)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("aandacht_digest", stdout=StringIO(), stderr=err)
    lines = err.getvalue().splitlines()
    assert len(lines) == 2 and all("mislukt" in line for line in lines)
    assert "@" not in err.getvalue()


def test_coordinators_are_read_in_chunks_and_each_gets_one_mail(smtp_inbox):
    for i in range(5):
        buurt = f.make_buurt()
        _coordinator(buurt, f"coord{i}")
        b.initiatief_zonder_trekker(buurt)
    out, _err = _run("--chunk", "2")
    assert "5 verzonden" in out
    assert sorted(m["To"] for m in smtp_inbox.messages) == [
        f"coord{i}@example.org" for i in range(5)
    ]


def _queries_for(n, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    while Rol.objects.filter(rol="coordinator").count() < n:
        buurt = f.make_buurt()
        _coordinator(buurt, f"c{buurt.pk}")
        b.initiatief_zonder_trekker(buurt)
    with CaptureQueriesContext(connection) as ctx:
        _run()
    return len(ctx.captured_queries)


def test_the_queries_grow_by_the_same_amount_per_coordinator(db, settings):
    """Each coordinator costs the same, however many there are: nothing is loaded for all
    of them at once (bench/aandacht.py measures the memory for 500 buurten)."""
    three, six, nine = (_queries_for(n, settings) for n in (3, 6, 9))
    assert six - three == nine - six > 0


def test_mijn_account_turns_the_digest_off_and_on(coordinator_client, coordinator):
    account = reverse("accounts:account")
    html = coordinator_client.get(account).text
    assert 'id="wekelijkse-mail"' in html
    assert 'name="wil_digest" id="id_wil_digest" checked' in html
    response = coordinator_client.post(reverse("aandacht:digest_voorkeur"), {})
    assert response.url == account + "#wekelijkse-mail"
    assert Digestvoorkeur.objects.get(user=coordinator).wil_digest is False
    html = coordinator_client.get(account).text
    assert "Je krijgt geen wekelijkse e-mail meer." in html
    assert 'name="wil_digest" id="id_wil_digest" checked' not in html
    coordinator_client.post(reverse("aandacht:digest_voorkeur"), {"wil_digest": "on"})
    assert Digestvoorkeur.objects.get(user=coordinator).wil_digest is True


def test_only_coordinators_see_the_digest_choice(onderzoeker_client):
    assert 'id="wekelijkse-mail"' not in onderzoeker_client.get(reverse("accounts:account")).text
