"""The pages in a real Chromium: what a person sees, accessible, and nothing from elsewhere."""

from __future__ import annotations

from tests.helpers import Api, make_case
from tests.web.conftest import Pages, check_accessibility, screenshot


def test_a_contact_person_signs_in_and_sees_their_tasks(pages: Pages, api: Api) -> None:
    make_case(api)
    pages.page.goto(pages.base_url + "/app/")
    assert "/app/login" in pages.page.url
    check_accessibility(pages.page)
    screenshot(pages.page, "login")
    pages.login("Kari Kontakt")
    assert pages.page.locator("h1").inner_text() == "Mine oppgaver"
    assert pages.page.title() == "Mine oppgaver – Fosterflyt"
    check_accessibility(pages.page)
    screenshot(pages.page, "mine-oppgaver")
    assert pages.foreign_requests() == []
