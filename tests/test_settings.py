import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from zorgzaam.settings import database_from_url, env_bool

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k" * 50


def start_django(**env):
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "zorgzaam.settings"},
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_secret_key():
    result = start_django(DEBUG="false", ALLOWED_HOSTS="zorgzaam.example.be")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_an_insecure_development_key():
    result = start_django(
        DEBUG="false", SECRET_KEY="django-insecure-" + "x" * 40, ALLOWED_HOSTS="a.be"
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = start_django(DEBUG="false", SECRET_KEY=GOOD_KEY)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_refuses_a_wildcard_host():
    result = start_django(DEBUG="false", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="*")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_key_and_hosts():
    result = start_django(DEBUG="false", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="zorgzaam.example.be")
    assert result.returncode == 0, result.stderr


def test_database_url_is_parsed():
    db = database_from_url("postgres://zorg:p%40ss@db.example.be:6543/zorgzaam")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "zorg",
        "p@ss",
        "db.example.be",
        "6543",
        "zorgzaam",
    )
    assert db["CONN_MAX_AGE"] > 0 and db["CONN_HEALTH_CHECKS"]


@pytest.mark.parametrize("url", ["mysql://a@b/c", "postgres://a@b:5432/"])
def test_bad_database_url_fails_loudly(url):
    with pytest.raises(ImproperlyConfigured):
        database_from_url(url)


def test_bad_boolean_fails_loudly(monkeypatch):
    monkeypatch.setenv("ZORGZAAM_TEST_FLAG", "misschien")
    with pytest.raises(ImproperlyConfigured):
        env_bool("ZORGZAAM_TEST_FLAG")


def env_example():
    """The production environment that .env.example documents, with a real secret key."""
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _sep, value = line.partition("=")
            values[name] = value
    return {**values, "SECRET_KEY": GOOD_KEY + "-deploy-check-only"}


def test_the_documented_production_environment_passes_the_deploy_check():
    clean = {k: v for k, v in os.environ.items() if k not in env_example()}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**clean, **env_example()},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_plain_http_health_probe_is_not_redirected(db, client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/health/").status_code == 200
    assert client.get("/accounts/login/").status_code == 301
