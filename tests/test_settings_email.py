"""In production, partner-link e-mails (tokens and addresses) must not go to the logs."""

import os
import subprocess
import sys

from tests.test_settings import GOOD_KEY, ROOT

PRINT_BACKEND = (
    "import django; django.setup(); from django.conf import settings; print(settings.EMAIL_BACKEND)"
)


def email_backend(**env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_BACKEND"}
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="zorgzaam.settings")
    result = subprocess.run(  # noqa: S603 (a fixed command line)
        [sys.executable, "-c", PRINT_BACKEND], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_sends_mail_over_smtp_by_default():
    backend = email_backend(DEBUG="false", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="a.be")
    assert backend == "django.core.mail.backends.smtp.EmailBackend"


def test_development_prints_mail_to_the_console():
    assert email_backend(DEBUG="true") == "django.core.mail.backends.console.EmailBackend"


def test_the_backend_can_still_be_chosen():
    backend = email_backend(
        DEBUG="false",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="a.be",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    assert backend == "django.core.mail.backends.locmem.EmailBackend"
