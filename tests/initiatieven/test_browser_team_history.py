"""The team page in a browser: members join, change their agreement and leave inline, and
the history follows without a reload."""

from datetime import timedelta

import pytest
from django.utils import timezone

from initiatieven.models import Deelname
from tests import factories as f
from tests.browser import browser_page, login  # noqa: F401

from .teamdata import make_team, team_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_adds_changes_and_ends_members_inline(
    browser_page,  # noqa: F811
    buurt,
    coordinator,
):
    page, base_url = browser_page
    team = make_team(buurt)
    okra = f.make_partner(buurt, "Okra")
    f.make_partner(buurt, "OCMW")
    f.make_deelname(team, okra, "raadplegen", toegetreden_op=timezone.localdate() - timedelta(30))

    login(page, base_url, coordinator.username)
    page.goto(base_url + team_url(buurt, team))
    leden = page.locator(f"#team-{team.pk}-leden")
    geschiedenis = page.locator(f"#team-{team.pk}-geschiedenis")

    leden.get_by_label("Partner").fill("OCMW")
    leden.locator("#id_lid-participatieniveau").select_option("coproduceren")
    leden.get_by_role("button", name="Lid toevoegen").click()
    page.locator("#messages").get_by_text("OCMW is lid van het team.").wait_for()
    geschiedenis.get_by_text("OCMW werd lid (coproduceren)").wait_for()

    okra_lid = leden.locator("li", has_text="Okra")
    okra_lid.get_by_text("Afspraak wijzigen of deelname beëindigen").click()
    okra_lid.get_by_label("Afgesproken participatieniveau").select_option("meebeslissen")
    okra_lid.get_by_role("button", name="Nieuwe afspraak bewaren").click()
    geschiedenis.get_by_text("nieuwe afspraak met Okra: raadplegen → meebeslissen").wait_for()

    ocmw_lid = leden.locator("li", has_text="OCMW")
    ocmw_lid.get_by_text("Afspraak wijzigen of deelname beëindigen").click()
    ocmw_lid.get_by_role("button", name="Deelname beëindigen").click()
    geschiedenis.get_by_text("OCMW verliet het team").wait_for()
    assert leden.locator("li", has_text="OCMW").count() == 0
    assert list(
        Deelname.objects.actief().values_list("partner__actor__naam", "participatieniveau")
    ) == [("Okra", "meebeslissen")]
    assert page.url == base_url + team_url(buurt, team)  # no reload, no navigation
