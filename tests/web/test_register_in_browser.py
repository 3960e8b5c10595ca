"""The register forms and the conflict page in Chromium, as a leader uses them."""

from __future__ import annotations

from typing import Any

from tests.helpers import Api, make_case
from tests.web.conftest import Pages, check_accessibility, screenshot


def test_a_leader_registers_a_child_with_a_mistake_corrects_it_and_checks_the_answers(
    pages: Pages, api: Api
) -> None:
    api.tenant()
    pages.login("Lise Leder")
    page = pages.page
    page.get_by_role("link", name="Registrer", exact=True).click()
    page.get_by_role("link", name="Registrer et barn").click()
    check_accessibility(page)
    screenshot(page, "registrer-barn")
    page.get_by_label("Fornavn").fill("Nora")
    page.get_by_label("Fødselsdato").fill("31.02.2016")
    page.get_by_role("button", name="Fortsett").click()
    summary = page.locator(".ds-error-summary")
    assert "Fyll inn etternavn" in summary.inner_text()
    check_accessibility(page)
    screenshot(page, "registrer-barn-feil")
    summary.get_by_role("link", name="Fyll inn etternavn").click()
    assert page.evaluate("document.activeElement.id") == "felt-family_name"
    page.get_by_label("Etternavn").fill("Nilsen")
    page.get_by_label("Fødselsdato").fill("3.4.2016")
    page.get_by_role("button", name="Fortsett").click()
    assert page.locator("h1").inner_text() == "Sjekk svarene før du lagrer"
    check_accessibility(page)
    screenshot(page, "registrer-barn-sjekk")
    page.get_by_role("button", name="Lagre").click()
    assert "Barnet er registrert." in page.locator("[role=status]").inner_text()
    assert pages.foreign_requests() == []


def test_two_people_edit_the_same_placement_and_the_second_sees_both_versions(
    pages: Pages, browser: Any, api: Api
) -> None:
    case = make_case(api)
    edit = f"/app/placements/{case.placement['id']}/edit"
    other = Pages(browser.new_context(locale="nb-NO"), pages.base_url)
    try:
        pages.login("Lise Leder", edit)
        other.login("Lise Leder", edit)
        check_accessibility(pages.page)
        screenshot(pages.page, "endre-plassering")
        other.page.get_by_label("Dato oppdragsavtalen varer til").fill("31.12.2028")
        other.page.get_by_role("button", name="Lagre endringene").click()
        pages.page.get_by_label("Dato oppdragsavtalen varer til").fill("1.6.2029")
        pages.page.get_by_role("button", name="Lagre endringene").click()
        assert pages.page.locator("h1").inner_text() == "Noen andre har endret plasseringen"
        table = pages.page.locator("table").inner_text()
        assert "31.12.2028" in table
        assert "1.6.2029" in table
        check_accessibility(pages.page)
        screenshot(pages.page, "konflikt")
    finally:
        other.context.close()
    saved = case.tenant.integration.get(f"/v1/placements/{case.placement['id']}").json()
    assert saved["agreement_end_date"] == "2028-12-31"
