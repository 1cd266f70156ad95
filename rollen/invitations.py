"""Invitation links: the e-mail, the session that holds an opened invitation, the rate limit.

The link carries the token; ``/uitnodiging/<token>/`` puts the invitation's id and token
hash in the session and redirects at once to ``/uitnodiging/``, so the token leaves the
address bar, the history and the logs of every later request. The hash is checked again on
every request: after a re-send (a new token) the old link and the sessions opened with it
stop working.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from buurt import mail
from buurt.ratelimit import FailureLimit
from buurt.tokens import hash_token

from .models import Uitnodiging
from .services import record_sent

SESSION_KEY = "uitnodiging"

RATE_LIMIT_FAILURES = 20
RATE_LIMIT_WINDOW = 10 * 60
invitation_limit = FailureLimit("uitnodiging-mislukt", RATE_LIMIT_FAILURES, RATE_LIMIT_WINDOW)


def send(request, uitnodiging, token):
    """E-mail the invitation; record and return whether the mail server took it."""
    url = request.build_absolute_uri(reverse("rollen:uitnodiging_entry", args=[token]))
    subject = _("Uitnodiging voor %(buurt)s op Zorgzaam") % {"buurt": uitnodiging.buurt.naam}
    context = {
        "uitnodiging": uitnodiging,
        "buurt": uitnodiging.buurt,
        "url": url,
        "afzender": request.user,
    }
    sent = mail.send(uitnodiging.email, subject, "rollen/uitnodiging_email", context)
    record_sent(uitnodiging, sent)
    return sent


def find_valid(token):
    if not token or len(token) > 200:
        return None
    return Uitnodiging.objects.geldig().filter(token_hash=hash_token(token)).first()


def remember(request, uitnodiging):
    request.session[SESSION_KEY] = {"id": uitnodiging.pk, "hash": uitnodiging.token_hash}


def from_session(request):
    """(id, token hash) of the invitation this browser opened, or (None, None)."""
    value = request.session.get(SESSION_KEY)
    if not isinstance(value, dict):
        return None, None
    return value.get("id"), value.get("hash")


def opened(request):
    """The still valid invitation this browser opened, or None."""
    pk, token_hash = from_session(request)
    if not pk or not token_hash:
        return None
    return (
        Uitnodiging.objects.geldig()
        .select_related("buurt", "aangemaakt_door")
        .filter(pk=pk, token_hash=token_hash)
        .first()
    )


def forget(request):
    request.session.pop(SESSION_KEY, None)
