from django.urls import path

from .views import account, passwords, twofactor

app_name = "accounts"

urlpatterns = [
    path("", account.account, name="account"),
    path("afmelden-overal/", account.sessions_end, name="sessions_end"),
    path("wachtwoord/", passwords.PasswordChangeView.as_view(), name="password_change"),
    path(
        "wachtwoord/gewijzigd/",
        passwords.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("wachtwoord-vergeten/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        passwords.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-vergeten/klaar/",
        passwords.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "wachtwoord-vergeten/<uidb64>/<token>/",
        passwords.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("tweestapsverificatie/", twofactor.otp_verify, name="otp_verify"),
    path("tweestapsverificatie/instellen/", twofactor.otp_setup, name="otp_setup"),
    path(
        "tweestapsverificatie/herstelcodes/",
        twofactor.otp_recovery_codes,
        name="otp_recovery_codes",
    ),
    path("tweestapsverificatie/uitzetten/", twofactor.otp_disable, name="otp_disable"),
]
