"""What the tests of invitations do over and over: invite, read the mail, open the link."""

import re

from django.test import Client
from django.urls import reverse

PASSWORD = "Buurt-Samen-2026!"
ACCOUNT = {
    "username": "nora",
    "first_name": "Nora",
    "last_name": "Nieuw",
    "password1": PASSWORD,
    "password2": PASSWORD,
}
LINK = re.compile(r"https?://[^/\s]+(/uitnodiging/[A-Za-z0-9_\-]+/)")


def invite(client, buurt, email="nieuw@example.org", rol="onderzoeker", **extra):
    return client.post(
        reverse("rollen:uitnodigen", args=[buurt.slug]), {"email": email, "rol": rol, **extra}
    )


def mensen(client, buurt):
    return client.get(reverse("rollen:mensen", args=[buurt.slug]))


def link_path(smtp_inbox, address, which=-1):
    """The invitation link's path in the `which`-th mail to `address` (the last by default)."""
    message = smtp_inbox.to(address)[which]
    return LINK.search(smtp_inbox.text(message)).group(1)


def entry(token):
    return reverse("rollen:uitnodiging_entry", args=[token])


def opened(path, client=None):
    """A client (new and anonymous unless given) that opened the invitation link `path`."""
    client = client or Client()
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == reverse("rollen:uitnodiging")
    return client


def accept_page():
    return reverse("rollen:uitnodiging")


def main_text(response):
    """The page's <main>: what is the same for every visitor (the rest has a CSRF token)."""
    return re.search(r"<main.*?</main>", response.content.decode(), re.DOTALL).group(0)
