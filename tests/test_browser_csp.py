import pytest
from playwright.sync_api import expect

from buurt.models import Rol
from tests import factories as f
from tests.browser import browser_page, login  # noqa: F401

PAGES = ["", "ken-je-buurt/", "vonken/", "fruit/", "initiatieven/", "bomen/", "bomen/bos/"]


@pytest.mark.browser
def test_pages_and_htmx_run_under_the_content_security_policy(browser_page):  # noqa: F811
    page, base_url = browser_page
    buurt = f.make_buurt(slug="csp", naam="Csp")
    f.grant(f.make_user("ilse"), buurt, Rol.Soort.COORDINATOR)
    actor = f.make_actor(buurt, "Buurthuis De Linde")
    f.make_relatie(actor, f.make_partner(buurt, "Vzw Samen", niveau="vuur").actor)
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    login(page, base_url, "ilse")
    for path in PAGES:
        page.goto(f"{base_url}/buurten/csp/{path}")
        page.wait_for_load_state("networkidle")
    page.goto(f"{base_url}/buurten/csp/ken-je-buurt/")
    page.get_by_label("Naam", exact=True).fill("Jeugdhuis Kadee")
    page.locator("#id_soort").select_option("vereniging")
    page.get_by_role("button", name="Toevoegen").click()

    # Two actors were there (Buurthuis De Linde and the partner); the HTMX add makes three.
    expect(page.locator("#actor-list .actor-row", has_text="Jeugdhuis Kadee")).to_have_count(1)
    expect(page.locator("#actor-list .actor-row")).to_have_count(3)
    assert violations == []
