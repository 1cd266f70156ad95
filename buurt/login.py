"""The login form, with password guessing limited per client address.

After ``LOGIN_FAILURES`` failed attempts from one address within ``LOGIN_WINDOW`` seconds,
that address gets 429 and no password is checked until the window has passed. The count
lives in the cache (the database by default), so it holds across app servers.
"""

from functools import wraps

from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.utils.translation import gettext as _

from .ratelimit import FailureLimit

LOGIN_FAILURES = 10
LOGIN_WINDOW = 15 * 60
login_limit = FailureLimit("login-mislukt", LOGIN_FAILURES, LOGIN_WINDOW)


class LoginView(auth_views.LoginView):
    def post(self, request, *args, **kwargs):
        if login_limit.is_blocked(request):
            # An unbound form: the password is not checked at all.
            form = self.get_form_class()(
                request, initial={"username": request.POST.get("username", "")[:150]}
            )
            context = self.get_context_data(form=form, blocked=True)
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        login_limit.record_failure(self.request)
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context.get("blocked"):
            context["blocked_message"] = _(
                "Te veel mislukte pogingen vanaf dit adres. Probeer het over een kwartier opnieuw."
            )
        return context


def limit_guessing(login_view):
    """The same limit around another login view (the admin's), which answers a failed
    attempt with its form again (200) and a success with a redirect."""

    @wraps(login_view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            return login_view(request, *args, **kwargs)
        if login_limit.is_blocked(request):
            message = _(
                "Te veel mislukte pogingen vanaf dit adres. Probeer het over een kwartier opnieuw."
            )
            return HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
        response = login_view(request, *args, **kwargs)
        if response.status_code == 200:
            login_limit.record_failure(request)
        return response

    return wrapped
