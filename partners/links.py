"""Personal partner links: tokens, the short partner-only session, and rate limiting.

A token is shown once and never stored: the database keeps only ``hash_token(token)``.
Tokens must not reach logs or messages; see README.md ("Persoonlijke partnerlinks").
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from buurt.ratelimit import FailureLimit
from buurt.tokens import hash_token

from .models import Partner, Partnerlink

TOKEN_BYTES = 32
DEFAULT_DAYS = 30
PARTNER_SESSION_SECONDS = 2 * 60 * 60

SESSION_PARTNER = "partner_id"
SESSION_LINK = "partnerlink_id"
SESSION_UNTIL = "partner_sessie_tot"

RATE_LIMIT_FAILURES = 20
RATE_LIMIT_WINDOW = 10 * 60
link_limit = FailureLimit("partnerlink-mislukt", RATE_LIMIT_FAILURES, RATE_LIMIT_WINDOW)


def create_link(partner, door=None, days=DEFAULT_DAYS):
    """Make a new link for `partner`; return (link, token). The token exists only here."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    link = Partnerlink.objects.create(
        partner=partner,
        token_hash=hash_token(token),
        aangemaakt_door=door,
        verloopt_op=timezone.now() + timedelta(days=days),
    )
    return link, token


def link_path(token):
    return reverse("partnerportaal:partner_entry", args=[token])


def link_url(token, request=None):
    if request is not None:
        return request.build_absolute_uri(link_path(token))
    return settings.SITE_URL.rstrip("/") + link_path(token)


def find_valid_link(token):
    if not token or len(token) > 200:
        return None
    return (
        Partnerlink.objects.geldig()
        .select_related("partner")
        .filter(token_hash=hash_token(token))
        .first()
    )


def revoke(link):
    if link.ingetrokken_op is None:
        link.ingetrokken_op = timezone.now()
        link.save(update_fields=["ingetrokken_op"])
    return link


def start_partner_session(request, link):
    """Replace whatever session there was by a short one that only grants this partner."""
    request.session.flush()  # new key, and any logged-in user is logged out
    request.session[SESSION_PARTNER] = link.partner_id
    request.session[SESSION_LINK] = link.pk
    until = timezone.now() + timedelta(seconds=PARTNER_SESSION_SECONDS)
    request.session[SESSION_UNTIL] = until.timestamp()
    request.session.set_expiry(PARTNER_SESSION_SECONDS)
    Partnerlink.objects.filter(pk=link.pk).update(laatst_gebruikt_op=timezone.now())


def end_partner_session(request):
    for key in (SESSION_PARTNER, SESSION_LINK, SESSION_UNTIL):
        request.session.pop(key, None)
    request.session.cycle_key()


def forget_partner_on_login(sender, request, user, **kwargs):
    """A login in a browser that held a partner-link session ends that session: the account
    must not go on answering as the partner, nor keep the link's two-hour expiry."""
    if request is not None and SESSION_PARTNER in request.session:
        for key in (SESSION_PARTNER, SESSION_LINK, SESSION_UNTIL):
            request.session.pop(key, None)
        request.session.set_expiry(None)


def partner_from_session(request):
    """The partner of a still valid link session, or None. The link is re-checked every time,
    so revoking a link also ends sessions opened with it."""
    partner_id = request.session.get(SESSION_PARTNER)
    link_id = request.session.get(SESSION_LINK)
    until = request.session.get(SESSION_UNTIL, 0)
    if not partner_id or not link_id or until < timezone.now().timestamp():
        return None
    link = (
        Partnerlink.objects.geldig()
        .filter(pk=link_id, partner_id=partner_id)
        .select_related("partner__actor__buurt")
        .first()
    )
    return link.partner if link else None


def account_partners(user):
    if not user.is_authenticated:
        return Partner.objects.none()
    return Partner.objects.filter(user=user).select_related("actor__buurt")
