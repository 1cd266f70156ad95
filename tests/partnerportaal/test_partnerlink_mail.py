"""Partner links go out over real SMTP (a local aiosmtpd server): Dutch, text and HTML."""

import re

from django.urls import reverse

from partners.models import Partnerlink


def create(client, world, **data):
    url = reverse("partnerportaal:partnerlink_create", args=[world.buurt.slug, world.partner.pk])
    return client.post(url, {"dagen": "7", **data}, follow=True)


def test_the_link_arrives_as_text_and_html_and_says_when_it_expires(
    coordinator_client, world, smtp_inbox
):
    response = create(coordinator_client, world, email="an@example.be")
    assert "De link is per e-mail verstuurd" in response.text
    [message] = smtp_inbox.to("an@example.be")
    assert "Jouw persoonlijke link voor Noord" in message["Subject"]
    link = Partnerlink.objects.get()
    expires = f"De link werkt tot {link.verloopt_op.day} "
    text, html = smtp_inbox.text(message), smtp_inbox.html(message)
    token_url = re.search(r"http\S+/partner/\S+/", text).group(0)
    assert token_url in html
    assert expires in text and expires in html
    assert "Dag Vzw Samen" in text


def test_the_html_mail_has_no_images_or_tracking(coordinator_client, world, smtp_inbox):
    create(coordinator_client, world, email="an@example.be")
    html = smtp_inbox.html(smtp_inbox.messages[0])
    assert "<img" not in html.lower()
    links = re.findall(r'href="([^"]+)"', html)
    assert len(links) == 1 and "/partner/" in links[0]
    assert "utm_" not in html


def test_a_failed_send_is_reported_and_the_link_is_kept(coordinator_client, world, smtp_down):
    response = create(coordinator_client, world, email="an@example.be")
    assert response.status_code == 200
    assert "Versturen naar an@example.be is mislukt" in response.text
    assert Partnerlink.objects.filter(partner=world.partner).count() == 1
