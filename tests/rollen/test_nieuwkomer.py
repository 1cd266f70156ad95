"""The issue's 'done when', tried as a newcomer would: a coordinator invites
nieuw@example.org as onderzoeker, the mail arrives at a real local SMTP server, the link opens
an account form, and the new researcher sees the dashboard and /onderzoek/ but no names."""

import re

from django.contrib.auth import get_user_model
from django.urls import reverse

from buurt.models import Rol
from rollen.models import Uitnodiging

from .steps import ACCOUNT, accept_page, invite, link_path, mensen, opened


def test_a_newcomer_invited_as_researcher_gets_in_and_sees_no_names(
    coordinator_client, buurt, smtp_inbox
):
    response = invite(coordinator_client, buurt, "nieuw@example.org", "onderzoeker")
    assert response.status_code == 302
    page = mensen(coordinator_client, buurt).text
    assert "De uitnodiging is verstuurd naar nieuw@example.org." in page
    assert "nieuw@example.org" in page.split("Openstaande uitnodigingen")[1]

    [message] = smtp_inbox.to("nieuw@example.org")
    assert message["Subject"] == "Uitnodiging voor Noord op Zorgzaam"
    path = link_path(smtp_inbox, "nieuw@example.org")

    newcomer = opened(path)
    form = newcomer.get(accept_page())
    assert form.status_code == 200
    assert "Maak je account" in form.text
    assert "nieuw@example.org" in form.text
    assert 'name="password2"' in form.text
    assert path not in form.text

    done = newcomer.post(accept_page(), ACCOUNT)
    assert done.status_code == 302
    assert done["Location"] == reverse("coordinatie:dashboard", args=[buurt.slug])
    user = get_user_model().objects.get(username="nora")
    assert user.email == "nieuw@example.org"
    assert user.get_full_name() == "Nora Nieuw"
    assert user.check_password(ACCOUNT["password1"])
    assert Rol.objects.get(user=user, buurt=buurt).rol == "onderzoeker"
    uitnodiging = Uitnodiging.objects.get()
    assert uitnodiging.aanvaard_door == user and uitnodiging.aanvaard_op is not None

    dashboard = newcomer.get(done["Location"])
    assert dashboard.status_code == 200
    assert "Welkom in Noord! Je bent er nu onderzoeker." in dashboard.text
    assert newcomer.get("/onderzoek/").status_code == 200
    for name in ("buurt:ken_je_buurt", "coordinatie:vonken", "rollen:mensen"):
        assert newcomer.get(reverse(name, args=[buurt.slug])).status_code == 403


def test_the_mail_is_dutch_text_and_html_says_who_what_and_until_when(
    coordinator, coordinator_client, buurt, smtp_inbox
):
    coordinator.first_name, coordinator.last_name = "Cora", "Coördinator"
    coordinator.save()
    invite(coordinator_client, buurt, "nieuw@example.org", "coordinator")
    [message] = smtp_inbox.to("nieuw@example.org")
    text, html = smtp_inbox.text(message), smtp_inbox.html(message)
    uitnodiging = Uitnodiging.objects.get()
    datum = f"De link werkt tot {uitnodiging.verloopt_op.day} "
    for body in (text, html):
        assert "Cora Coördinator nodigt je uit als coördinator in de zorgzame buurt Noord" in body
        assert datum in body
        assert link_path(smtp_inbox, "nieuw@example.org") in body
    assert "<img" not in html.lower() and "utm_" not in html
    assert len(re.findall(r'href="([^"]+)"', html)) == 1
