"""One-time submission tokens: a double click on a create form creates one thing.

Each rendering of the form carries a fresh token (``{% once_field %}``); the view asks
``first_submission`` right before its write. The cache remembers the tokens already used
(the database by default, so it holds across app servers); keys hold a hash of the token.
"""

import secrets

from django.contrib import messages
from django.core.cache import cache
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from .tokens import hash_token

FIELD = "eenmalig"
REMEMBER_FOR = 24 * 60 * 60  # seconds; long enough for a page sent again from the history
ALREADY_SAVED = _("Dit was al bewaard.")


def new_token():
    return secrets.token_urlsafe(16)


def first_submission(request, scope):
    """False when this user (or partner session) already submitted this form's token for
    `scope`; True otherwise, also for a POST without a token (an old page, an API client).

    Atomic: of identical submissions at once, one wins ``cache.add``.
    """
    token = request.POST.get(FIELD, "")
    if not token:
        return True
    who = request.user.pk if request.user.is_authenticated else request.session.session_key
    digest = hash_token(f"{scope}\0{who}\0{token}")
    return cache.add(f"eenmalig:{digest}", 1, REMEMBER_FOR)


def already_saved(request, to, *args, message=ALREADY_SAVED, **kwargs):
    """Without JS, a duplicate goes where the first submission went, with a note."""
    messages.info(request, message)
    return redirect(to, *args, **kwargs)
