"""Mijn account: name and e-mail, my buurten and roles, logging out everywhere."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aandacht.forms import DigestForm
from aandacht.models import wil_digest
from buurt.login import login_limit
from buurt.models import Rol

from .. import twofactor
from ..forms import AccountForm
from ..sessions import end_all_sessions


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    user = request.user
    if request.method == "POST":
        if login_limit.is_blocked(request):
            return rate_limited(request)
        form = AccountForm(request.POST, instance=user)
        if form.is_valid():
            form.save()
            messages.success(request, _("Je gegevens zijn bewaard."))
            return redirect("accounts:account")
        if form.wrong_password:
            login_limit.record_failure(request)
    else:
        form = AccountForm(instance=user)
    rollen = Rol.objects.filter(user=user).select_related("buurt").order_by("buurt__naam")
    device = twofactor.app_device(user)
    context = {
        "form": form,
        "rollen": rollen,
        "app": device,
        "codes_left": twofactor.remaining_codes(user) if device else None,
        "required_in": [rol.buurt for rol in rollen if rol.buurt.tweestapsverificatie_verplicht],
        # The weekly digest is for coordinators.
        "digest_form": DigestForm(initial={"wil_digest": wil_digest(user)})
        if any(rol.rol == Rol.Soort.COORDINATOR for rol in rollen)
        else None,
    }
    return render(request, "accounts/account.html", context)


@login_required
@require_POST
def sessions_end(request):
    """Log out on every device, this one included: delete all of the user's sessions."""
    end_all_sessions(request.user)
    logout(request)
    messages.success(request, _("Je bent afgemeld op alle toestellen. Meld je opnieuw aan."))
    return redirect("login")


def rate_limited(request, message=None):
    message = message or _(
        "Te veel mislukte pogingen vanaf dit adres. Probeer het over een kwartier opnieuw."
    )
    return render(request, "accounts/rate_limited.html", {"message": message}, status=429)
