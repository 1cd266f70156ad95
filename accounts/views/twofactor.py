"""Two-factor sign-in: giving a code after the password, setting the app up, recovery
codes, switching it off. See accounts/twofactor.py for how codes are checked."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from buurt.models import Buurt

from .. import twofactor
from ..forms import CodeForm
from .account import rate_limited

PENDING_SECRET = "accounts:nieuw-geheim"  # noqa: S105 (a session key, not a secret)
CODES_KEY = "accounts:herstelcodes"

WRONG_CODE = gettext_lazy("Deze code klopt niet. Controleer hem en probeer opnieuw.")
THROTTLED = gettext_lazy("Na een verkeerde code moet je even wachten. Probeer het zo opnieuw.")


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return "buurt:home"


def _posted(request):
    return request.POST if request.method == "POST" else None


def _refuse(form, check):
    form.add_error("code", THROTTLED if check.throttled else WRONG_CODE)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    """The second step of logging in, for users with a device."""
    if request.user.is_verified() or not twofactor.state(request.user)[0]:
        return redirect(_next_url(request))
    form = CodeForm(_posted(request))
    if request.method == "POST":
        if twofactor.code_limit.is_blocked(request):
            return rate_limited(request)
        if form.is_valid():
            check = twofactor.check_code(request.user, form.cleaned_data["code"])
            if check.device is not None:
                twofactor.verified(request, check.device)
                return redirect(_next_url(request))
            twofactor.code_limit.record_failure(request)
            _refuse(form, check)
    context = {
        "form": form,
        "next": request.POST.get("next") or request.GET.get("next", ""),
        # Until the code is given, the header names no buurten.
        "my_buurten": Buurt.objects.none(),
    }
    return render(request, "accounts/otp_verify.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def otp_setup(request):
    """Show a new secret (QR code and text), and store it once the app gives a code."""
    user = request.user
    if twofactor.app_device(user) is not None:
        messages.info(request, _("Tweestapsverificatie staat al aan."))
        return redirect("accounts:account")
    secret = request.session.get(PENDING_SECRET)
    if secret is None:
        secret = request.session[PENDING_SECRET] = twofactor.new_secret()
    form = CodeForm(_posted(request), recovery=False)
    if request.method == "POST":
        if twofactor.code_limit.is_blocked(request):
            return rate_limited(request)
        if form.is_valid():
            totp = twofactor.check_new_secret(secret, form.cleaned_data["code"])
            if totp is not None:
                device, codes = twofactor.switch_on(user, secret, totp)
                twofactor.verified(request, device)
                del request.session[PENDING_SECRET]
                request.session[CODES_KEY] = codes
                messages.success(request, _("Tweestapsverificatie staat aan."))
                return redirect("accounts:otp_recovery_codes")
            twofactor.code_limit.record_failure(request)
            form.add_error("code", WRONG_CODE)
    context = {
        "form": form,
        "qr": twofactor.qr_data_uri(user, secret),
        "secret": twofactor.secret_text(secret),
        "required_in": twofactor.required_in(user),
        "next": request.GET.get("next", ""),
    }
    return render(request, "accounts/otp_setup.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def otp_recovery_codes(request):
    """GET shows new recovery codes once (then they are gone); POST makes new ones."""
    if not request.user.is_verified():
        # With the app on, accounts.middleware asks for a code first; without it, there
        # are no recovery codes to make.
        messages.info(request, _("Tweestapsverificatie staat uit: er zijn geen herstelcodes."))
        return redirect("accounts:account")
    if twofactor.app_device(request.user) is None:
        messages.info(request, _("Tweestapsverificatie staat uit: er zijn geen herstelcodes."))
        return redirect("accounts:account")
    if request.method == "POST":
        request.session[CODES_KEY] = twofactor.new_recovery_codes(request.user)
        messages.success(request, _("Je nieuwe herstelcodes zijn klaar; de oude werken niet meer."))
        return redirect("accounts:otp_recovery_codes")
    codes = request.session.pop(CODES_KEY, None)
    if codes is None:
        messages.info(
            request,
            _(
                "Herstelcodes worden maar één keer getoond. Ben je ze kwijt? "
                "Maak dan nieuwe: de oude werken dan niet meer."
            ),
        )
        return redirect("accounts:account")
    return render(request, "accounts/otp_recovery_codes.html", {"codes": codes})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def otp_disable(request):
    user = request.user
    if not twofactor.state(user)[0]:
        messages.info(request, _("Tweestapsverificatie staat al uit."))
        return redirect("accounts:account")
    required_in = twofactor.required_in(user)
    form = CodeForm(_posted(request))
    if request.method == "POST" and not required_in:
        if twofactor.code_limit.is_blocked(request):
            return rate_limited(request)
        if form.is_valid():
            check = twofactor.check_code(user, form.cleaned_data["code"])
            if check.device is not None:
                twofactor.switch_off(user)
                twofactor.forget_verification(request)
                messages.success(request, _("Tweestapsverificatie staat uit."))
                return redirect("accounts:account")
            twofactor.code_limit.record_failure(request)
            _refuse(form, check)
    context = {"form": form, "required_in": required_in}
    status = 403 if request.method == "POST" and required_in else 200
    return render(request, "accounts/otp_disable.html", context, status=status)
