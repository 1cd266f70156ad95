import os
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from buurt.models import Rol

from . import factories as f
from .smtp import smtp_down, smtp_inbox  # noqa: F401 (fixtures)

# Hashing real passwords dominates test time; tests don't need slow hashes.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def buurt(db):
    return f.make_buurt(slug="noord", naam="Noord")


@pytest.fixture
def other_buurt(db):
    return f.make_buurt(slug="zuid", naam="Zuid")


@pytest.fixture
def coordinator(buurt):
    user = f.make_user("coord")
    f.grant(user, buurt, Rol.Soort.COORDINATOR)
    return user


@pytest.fixture
def onderzoeker(buurt):
    user = f.make_user("onderzoeker")
    f.grant(user, buurt, Rol.Soort.ONDERZOEKER)
    return user


@pytest.fixture
def outsider(other_buurt):
    """A coordinator, but of another buurt."""
    user = f.make_user("buitenstaander")
    f.grant(user, other_buurt, Rol.Soort.COORDINATOR)
    return user


def _client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def coordinator_client(coordinator):
    return _client_for(coordinator)


@pytest.fixture
def onderzoeker_client(onderzoeker):
    return _client_for(onderzoeker)


@pytest.fixture
def outsider_client(outsider):
    return _client_for(outsider)


@pytest.fixture
def world(buurt, other_buurt, coordinator, onderzoeker, outsider):
    """One buurt with one of everything, plus another buurt, for permission tests."""
    actor = f.make_actor(buurt, "Buurthuis De Linde")
    ander = f.make_actor(buurt, "Jeugdhuis Kadee")
    partner = f.make_partner(buurt, "Vzw Samen", niveau="vonk")
    activiteit = f.make_activiteit(buurt, "Soepbar")
    initiatief = f.make_initiatief(buurt, "Burenhulp")
    team = f.make_team(initiatief, "Boodschappenteam")
    deelname = f.make_deelname(team, partner)
    relatie = f.make_relatie(actor, ander)
    succes = f.make_succes(buurt, "Eerste soepbar")
    return SimpleNamespace(
        buurt=buurt,
        other_buurt=other_buurt,
        actor=actor,
        ander=ander,
        partner=partner,
        activiteit=activiteit,
        initiatief=initiatief,
        team=team,
        deelname=deelname,
        relatie=relatie,
        succes=succes,
        users={"coordinator": coordinator, "onderzoeker": onderzoeker, "outsider": outsider},
    )


def partner_session_client(partner, **client_kwargs):
    """A client without an account that opened a valid personal link for `partner`."""
    client = Client(**client_kwargs)
    _link, token = f.make_partnerlink(partner)
    response = client.get(reverse("partnerportaal:partner_entry", args=[token]))
    assert response.status_code == 302
    return client


@pytest.fixture
def persona_client(world):
    def client_for(persona):
        if persona == "partner":
            return partner_session_client(world.partner)
        return _client_for(world.users.get(persona))

    return client_for


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After every test that wrote to the database, the stored counts of every buurt must
    equal a fresh count (buurt.tellingen): a write path that skips them fails here."""
    result = yield
    if not item.get_closest_marker("tellingen_mogen_afwijken"):
        _check_tellingen()
    return result


def _check_tellingen():
    from django.db import DatabaseError, connection

    from buurt.models import Buurt
    from buurt.tellingen import verschillen

    try:
        if connection.needs_rollback:
            return  # the test left a broken transaction: it fails on its own
        wrong = {buurt.slug: verschillen(buurt) for buurt in Buurt.objects.all()}
    except RuntimeError:  # no database access in this test
        return
    except DatabaseError:  # the test took the database away (the health check's 503)
        return
    wrong = {slug: sorted(diff.items())[:5] for slug, diff in wrong.items() if diff}
    assert not wrong, f"stored counts differ from a fresh count: {wrong}"


def pytest_collection_modifyitems(config, items):
    """Browser tests need the system Chromium. Without it they are skipped, loudly;
    under CI=true a missing Chromium is a failure instead."""
    from tests.browser import chromium_path

    if chromium_path():
        return
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if not browser_items:
        return
    if os.environ.get("CI", "").lower() == "true":
        return  # they run, and the browser fixture fails them: CI must not skip
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    message = (
        f"\n{'!' * 72}\n!! Chromium not found at /usr/bin/chromium: SKIPPING "
        f"{len(browser_items)} BROWSER TESTS.\n!! Install it with: apt-get install -y chromium\n"
        f"{'!' * 72}\n"
    )
    if reporter:
        reporter.write_line(message, red=True, bold=True)
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason="Chromium not installed (/usr/bin/chromium)"))
