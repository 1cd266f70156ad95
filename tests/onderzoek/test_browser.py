import pytest

from buurt.models import Actor
from tests.browser import browser_page, login  # noqa: F401


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_coordinator_imports_a_spreadsheet_after_a_dry_run(browser_page, coordinator, tmp_path):  # noqa: F811
    page, base_url = browser_page
    sheet = tmp_path / "actoren.csv"
    sheet.write_text("naam;soort\nVzw Samen;vereniging\nJeugdhuis Kadee;organisatie\n")
    login(page, base_url, "coord")
    page.goto(f"{base_url}/buurten/noord/import/")
    page.set_input_files("#id_bestand", str(sheet))
    page.click("button:has-text('Proefdraai')")
    page.wait_for_selector("text=2 nieuw, 0 bijgewerkt, 0 ongewijzigd.")
    assert Actor.objects.count() == 0
    page.click("button:has-text('Bevestig en importeer')")
    page.wait_for_selector("text=Import klaar: 2 nieuw, 0 bijgewerkt.")
    assert sorted(Actor.objects.values_list("naam", flat=True)) == ["Jeugdhuis Kadee", "Vzw Samen"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_researcher_finds_the_export_form_from_the_nav(browser_page, onderzoeker):  # noqa: F811
    page, base_url = browser_page
    login(page, base_url, "onderzoeker")
    page.click("header >> text=Onderzoek")
    assert page.locator("h1").inner_text() == "Data exporteren voor onderzoek"
    assert page.locator("input[name=buurten][value=noord]").is_checked()
