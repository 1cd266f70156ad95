"""Accepting an invitation: with a new account, or with the account one is logged in to."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from .. import invitations, services
from ..forms import AccountForm


def invitation_headers(view):
    """Pages reached by a token: never cached, never sent as referrer, not indexed."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapped


def _invalid(request):
    """One answer for an expired, revoked, used or replaced link: which one is not said."""
    invitations.forget(request)
    return render(request, "rollen/uitnodiging_ongeldig.html", status=404)


@invitation_headers
@require_GET
def uitnodiging_entry(request, token):
    # Failures are limited, not valid links, as for partner links: someone behind a
    # guesser's shared address still gets in with their own invitation.
    uitnodiging = invitations.find_valid(token)
    if uitnodiging is None:
        if invitations.invitation_limit.is_blocked(request):
            return render(request, "rollen/uitnodiging_te_veel.html", status=429)
        invitations.invitation_limit.record_failure(request)
        return _invalid(request)
    invitations.remember(request, uitnodiging)
    # Straight on to a URL without the token, so it leaves the address bar and history.
    return redirect("rollen:uitnodiging")


@invitation_headers
@require_http_methods(["GET", "POST"])
def uitnodiging(request):
    uitnodiging = invitations.opened(request)
    if uitnodiging is None:
        return _invalid(request)
    if request.user.is_authenticated:
        return _with_account(request, uitnodiging)
    return _new_account(request, uitnodiging)


def _welcome(request, uitnodiging):
    invitations.forget(request)
    messages.success(
        request,
        _("Welkom in %(buurt)s! Je bent er nu %(rol)s.")
        % {"buurt": uitnodiging.buurt.naam, "rol": uitnodiging.get_rol_display()},
    )
    return redirect("coordinatie:dashboard", slug=uitnodiging.buurt.slug)


def _new_account(request, uitnodiging):
    data = request.POST if request.method == "POST" else None
    form = AccountForm(data, email=uitnodiging.email)
    if form.is_valid():
        try:
            uitnodiging, user = services.accept_with_new_account(
                uitnodiging.pk, uitnodiging.token_hash, form
            )
        except services.Ongeldig:
            return _invalid(request)
        except IntegrityError:
            # The same username was taken a moment ago: the form's own message says so.
            user_model = type(form.instance)
            form.add_error("username", form.instance.unique_error_message(user_model, ["username"]))
        else:
            login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
            return _welcome(request, uitnodiging)
    return render(
        request,
        "rollen/uitnodiging.html",
        {"uitnodiging": uitnodiging, "form": form},
    )


def _with_account(request, uitnodiging):
    weigering = None
    if request.method == "POST":
        try:
            uitnodiging = services.accept_with_account(
                uitnodiging.pk, uitnodiging.token_hash, request.user
            )
        except services.Ongeldig:
            return _invalid(request)
        except services.Geweigerd as refusal:
            weigering = refusal.message
        else:
            return _welcome(request, uitnodiging)
    return render(
        request,
        "rollen/uitnodiging.html",
        {"uitnodiging": uitnodiging, "weigering": weigering},
        status=409 if weigering else 200,
    )
