"""Mine oppgaver, the child page and Min kalender in a real Chromium: the deep link through the
login, 404 for another contact person's child, axe-core (WCAG 2.1 A/AA) in every role that sees
each page, and nothing loaded from another origin."""

from __future__ import annotations

from typing import Any

from tests.helpers import Api, Case, make_case
from tests.test_tenancy import document_of
from tests.web.conftest import Pages, check_accessibility, screenshot


def _second_contact_person(api: Api, case: Case) -> None:
    api.admin.created(
        f"/v1/staff?service_id={case.tenant.service_id}",
        {"name": "Per Kontakt", "email": "per@test.example", "role": "contact_person"},
    )


def _narrow(page: Any) -> None:
    """320 CSS pixels wide: the page reflows without sideways scrolling of the page itself."""
    page.set_viewport_size({"width": 320, "height": 800})
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > 321 && !e.closest('.ff-table-wrap *'))"
        ".map(e => e.tagName + '.' + e.className).slice(0, 8)"
    )
    assert width <= 320, (width, wide)


def test_the_deep_link_opens_the_child_page_after_login(pages: Pages, api: Api) -> None:
    case = make_case(api)
    document_of(case)
    path = f"/app/placements/{case.placement['id']}"
    pages.page.goto(pages.base_url + path)
    assert "/app/login" in pages.page.url
    pages.page.get_by_role("button", name="Kari Kontakt").click()
    pages.page.wait_for_load_state()
    assert pages.page.url == pages.base_url + path
    assert pages.page.title() == f"Plassering {case.placement['id']} – Fosterflyt"
    assert pages.page.locator("h1").inner_text() == "Emma Eksempel"
    assert pages.page.locator("#i-dag").is_visible()
    check_accessibility(pages.page)
    screenshot(pages.page, "barnet-kontaktperson")
    pages.page.locator("details.ff-wheel__details summary").first.click()
    check_accessibility(pages.page)
    _narrow(pages.page)
    screenshot(pages.page, "barnet-320px")
    assert pages.foreign_requests() == []


def test_starting_a_workflow_on_the_child_page_and_the_error_shown(pages: Pages, api: Api) -> None:
    case = make_case(api)
    pages.login("Kari Kontakt", next_url=f"/app/placements/{case.placement['id']}")
    pages.page.get_by_role("button", name="Start arbeidsforløpet").click()
    pages.page.wait_for_load_state()
    assert pages.page.locator(".ds-error-summary").is_visible()
    check_accessibility(pages.page)
    screenshot(pages.page, "barnet-feil")
    pages.page.get_by_label("Samvær mellom barnet og foreldrene").check()
    pages.page.get_by_role("button", name="Start arbeidsforløpet").click()
    pages.page.wait_for_load_state()
    assert "er startet" in pages.page.locator(".ds-alert").inner_text()
    check_accessibility(pages.page)
    assert pages.foreign_requests() == []


def test_a_leader_sees_the_child_page_accessibly(pages: Pages, api: Api) -> None:
    case = make_case(api)
    pages.login("Lise Leder", next_url=f"/app/placements/{case.placement['id']}")
    assert pages.page.locator("h1").inner_text() == "Emma Eksempel"
    check_accessibility(pages.page)
    screenshot(pages.page, "barnet-leder")
    pages.page.goto(pages.base_url + "/app/")
    check_accessibility(pages.page)
    screenshot(pages.page, "mine-oppgaver-leder")
    assert pages.foreign_requests() == []


def test_a_contact_person_opening_another_contact_persons_child_gets_404(
    pages: Pages, api: Api
) -> None:
    case = make_case(api)
    _second_contact_person(api, case)
    pages.login("Per Kontakt")
    response = pages.page.goto(pages.base_url + f"/app/placements/{case.placement['id']}")
    assert response is not None
    assert response.status == 404
    assert pages.page.locator("h1").inner_text() == "Fant ikke siden"
    assert "Emma" not in pages.page.content()
    check_accessibility(pages.page)
    screenshot(pages.page, "barnet-404")
    assert pages.foreign_requests() == []


def test_mine_oppgaver_filters_by_child(pages: Pages, api: Api) -> None:
    case = make_case(api)
    pages.login("Kari Kontakt")
    check_accessibility(pages.page)
    pages.page.get_by_label("Vis oppgavene for").select_option(label="Emma Eksempel")
    pages.page.get_by_role("button", name="Vis", exact=True).click()
    pages.page.wait_for_url(f"**/app/?barn={case.placement['id']}")
    pages.page.wait_for_load_state()
    assert pages.page.locator("#oppgaveliste").is_visible()
    check_accessibility(pages.page)
    screenshot(pages.page, "mine-oppgaver-filter")
    _narrow(pages.page)
    screenshot(pages.page, "mine-oppgaver-320px")
    assert pages.foreign_requests() == []


def test_min_kalender_creates_copies_and_revokes_the_link(pages: Pages, api: Api) -> None:
    make_case(api)
    pages.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=pages.base_url)
    pages.login("Kari Kontakt", next_url="/app/calendar")
    assert pages.page.title() == "Min kalender – Fosterflyt"
    check_accessibility(pages.page)
    screenshot(pages.page, "kalender-tom")
    pages.page.get_by_role("button", name="Lag en ny kalenderlenke").click()
    pages.page.wait_for_load_state()
    link = pages.page.get_by_role("textbox", name="Lenke").input_value()
    assert "/calendar/" in link
    assert link.endswith(".ics")
    pages.page.get_by_role("button", name="Kopier lenken").click()
    pages.page.wait_for_selector("#kopiert:has-text('Lenken er kopiert')")
    assert pages.page.evaluate("navigator.clipboard.readText()") == link
    check_accessibility(pages.page)
    screenshot(pages.page, "kalender-lenke")
    pages.page.goto(pages.base_url + "/app/calendar")
    assert link not in pages.page.content()
    pages.page.get_by_role("link", name="Stopp kalenderen").click()
    pages.page.wait_for_load_state()
    check_accessibility(pages.page)
    screenshot(pages.page, "kalender-stopp")
    pages.page.get_by_role("button", name="Ja, stopp kalenderen").click()
    pages.page.wait_for_load_state()
    assert "Kalenderen er stoppet" in pages.page.locator(".ds-alert").inner_text()
    check_accessibility(pages.page)
    assert pages.foreign_requests() == []


def test_a_leader_sees_min_kalender_accessibly(pages: Pages, api: Api) -> None:
    make_case(api)
    pages.login("Lise Leder", next_url="/app/calendar")
    pages.page.get_by_role("button", name="Lag en ny kalenderlenke").click()
    pages.page.wait_for_load_state()
    check_accessibility(pages.page)
    screenshot(pages.page, "kalender-leder")
    assert pages.foreign_requests() == []
