"""The weekly e-mail: each coordinator who wants it gets what needs attention in their buurten.

Coordinators are read in chunks by primary key, and each mail is made one buurt at a time:
a buurt's section is rendered to text as soon as its items are known, so memory holds one
chunk of users and one buurt's items, whatever the number of buurten.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from buurt.mail import send
from buurt.models import Buurt, Rol

from .lijst import overzicht
from .models import Digestvoorkeur

PER_SOORT = 5
CHUNK = 200


@dataclass
class Verslag:
    """What a run did, for the command's output."""

    verzonden: int = 0
    niets: int = 0
    mislukt: int = 0


def ontvangers(chunk=CHUNK):
    """Active coordinators with an e-mail address who did not opt out, ``chunk`` at a time."""
    User = get_user_model()
    coordinator = Rol.objects.filter(user=OuterRef("pk"), rol=Rol.Soort.COORDINATOR)
    opted_out = Digestvoorkeur.objects.filter(user=OuterRef("pk"), wil_digest=False)
    users = (
        User.objects.filter(is_active=True)
        .exclude(email="")
        .filter(Exists(coordinator))
        .filter(~Exists(opted_out))
        .order_by("pk")
    )
    last = 0
    while True:
        batch = list(users.filter(pk__gt=last)[:chunk])
        if not batch:
            return
        yield from batch
        last = batch[-1].pk


def buurten_van(user):
    return Buurt.objects.filter(rollen__user=user, rollen__rol=Rol.Soort.COORDINATOR).order_by(
        "naam", "pk"
    )


def _site():
    return settings.SITE_URL.rstrip("/")


def secties(user):
    """(text, html) of each of the user's buurten with something that needs attention."""
    site = _site()
    for buurt in buurten_van(user).iterator(chunk_size=CHUNK):
        groepen = [g for g in overzicht(buurt, limit=PER_SOORT, site=site) if g.aantal]
        if not groepen:
            continue
        context = {
            "buurt": buurt,
            "groepen": groepen,
            "url": site + reverse("aandacht:aandacht", args=[buurt.slug]),
        }
        yield (
            render_to_string("aandacht/digest_buurt.txt", context),
            render_to_string("aandacht/digest_buurt.html", context),
        )


def stuur(user):
    """Send ``user`` their digest: True sent, False failed, None when nothing needs attention."""
    parts = list(secties(user))
    if not parts:
        return None
    context = {
        "user": user,
        # Rendered templates: the HTML parts are escaped already (SafeString).
        "teksten": [text for text, _html in parts],
        "htmls": [html for _text, html in parts],
        "account_url": _site() + reverse("accounts:account") + "#wekelijkse-mail",
        "datum": timezone.localdate(),
    }
    subject = _("Wat vraagt aandacht in je buurten")
    return send(user.email, subject, "aandacht/digest_email", context)


def run(report, chunk=CHUNK):
    """Send every digest; ``report(line)`` hears of each failure. Returns the Verslag."""
    verslag = Verslag()
    with translation.override(settings.LANGUAGE_CODE):
        for user in ontvangers(chunk):
            result = stuur(user)
            if result is None:
                verslag.niets += 1
            elif result:
                verslag.verzonden += 1
            else:
                verslag.mislukt += 1
                # The address is personal data: the output names the account, not the address.
                report(_("Versturen naar gebruiker #%(pk)s mislukt.") % {"pk": user.pk})
    return verslag
