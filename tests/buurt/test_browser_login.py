import pytest

from buurt.models import Rol
from tests import factories as f
from tests.browser import browser_page, login  # noqa: F401


@pytest.mark.browser
def test_coordinator_logs_in_and_sees_the_four_steps(browser_page):  # noqa: F811
    page, base_url = browser_page
    buurt = f.make_buurt(slug="kessel-lo", naam="Kessel-Lo")
    f.grant(f.make_user("ilse"), buurt, Rol.Soort.COORDINATOR)
    f.make_partner(buurt, niveau="vuur")

    login(page, base_url, "ilse")

    assert page.url.endswith("/buurten/kessel-lo/")
    assert page.get_by_role("heading", name="Kessel-Lo").is_visible()
    steps = page.locator("ol.steps > li h3").all_inner_texts()
    assert [s.split(".")[0] for s in steps] == ["1", "2", "3", "4"]
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_url("**/accounts/logout/")
    assert page.get_by_role("heading", name="Je bent afgemeld").is_visible()
    page.goto(f"{base_url}/buurten/kessel-lo/")
    assert "/accounts/login/" in page.url


@pytest.mark.browser
def test_wrong_password_gets_a_dutch_message(browser_page):  # noqa: F811
    page, base_url = browser_page
    f.make_user("ilse")
    login(page, base_url, "ilse", password="fout")
    assert page.get_by_role("alert").inner_text().startswith("Je gebruikersnaam")
