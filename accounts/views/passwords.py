"""Password reset and change: Django's own views, with Dutch templates and e-mails.

Asking for a reset link is limited per client address, every request counted (it sends
mail); the answer is the same whether or not the address has an account. A link works
once, for ``PASSWORD_RESET_TIMEOUT`` seconds: the token is bound to the password hash, so
it stops working when the password changes, and so do the user's other sessions.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _

from buurt.login import login_limit
from buurt.ratelimit import FailureLimit

from ..forms import PasswordChangeForm
from .account import rate_limited

RESET_REQUESTS = 5
RESET_WINDOW = 60 * 60
reset_limit = FailureLimit("wachtwoord-vergeten", RESET_REQUESTS, RESET_WINDOW)


def _valid_hours():
    return settings.PASSWORD_RESET_TIMEOUT // 3600


class ValidHoursMixin:
    """The pages say how long a link works, as the e-mail does."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(geldig_uren=_valid_hours(), **kwargs)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    html_email_template_name = "registration/password_reset_email.html"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def post(self, request, *args, **kwargs):
        if reset_limit.is_blocked(request):
            return rate_limited(
                request,
                _("Te veel aanvragen vanaf dit adres. Probeer het over een uur opnieuw."),
            )
        reset_limit.record_failure(request)  # every request counts: each may send mail
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        self.extra_email_context = {
            "geldig_tot": timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT),
            "geldig_uren": _valid_hours(),
        }
        return super().form_valid(form)


class PasswordResetDoneView(ValidHoursMixin, auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class PasswordResetConfirmView(ValidHoursMixin, auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def render_to_response(self, context, **kwargs):
        if not self.validlink:
            # Used, expired or never valid: the page says so, as a 404 like a bad partner link.
            kwargs["status"] = 404
        return super().render_to_response(context, **kwargs)


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    """A wrong old password counts as a failed login: a session left open is no way to
    guess the password."""

    form_class = PasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def post(self, request, *args, **kwargs):
        if login_limit.is_blocked(request):
            return rate_limited(request)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if form.has_error("old_password"):
            login_limit.record_failure(self.request)
        return super().form_invalid(form)


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"
