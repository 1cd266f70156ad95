"""Two-factor sign-in, enforced for every page (after django_otp's OTPMiddleware).

A logged-in user with a confirmed device who has not yet given a code in this session is
sent to the code page, whatever they ask for: the app, their account, the admin. A user
without a device who has a role in a buurt that requires two-factor sign-in is sent to set
one up before any page but their account's. Partner links are not accounts: ``/partner/``
stays open to them.
"""

from functools import cache
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from . import twofactor


@cache
def _always_open():
    """The paths anyone logged in may reach before giving a code: these exactly (the code
    page's neighbours, such as new recovery codes, are not among them)."""
    return frozenset(
        (
            reverse("accounts:otp_verify"),
            reverse("logout"),
            reverse("health"),
            reverse("buurt:over"),
        )
    )


@cache
def _open_without_device():
    """Paths a user whose buurt requires two-factor sign-in may reach before setting it up."""
    return (reverse("accounts:account"), reverse("partnerportaal:partner_home"))


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified():
            detour = self._detour(request, user)
            if detour is not None:
                return detour
        return self.get_response(request)

    def _detour(self, request, user):
        path = request.path_info
        if path in _always_open() or path.startswith(settings.STATIC_URL):
            return None
        has_device, required = twofactor.state(user)
        if has_device:
            return _send_to(request, "accounts:otp_verify")
        if required and not path.startswith(_open_without_device()):
            return _send_to(request, "accounts:otp_setup")
        return None


def _send_to(request, name):
    url = reverse(name)
    if request.method == "GET":
        url = f"{url}?{urlencode({'next': request.get_full_path()})}"
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)
