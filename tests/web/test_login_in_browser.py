"""Signing in and out with OpenID Connect in a real Chromium, through the provider's own login
and consent pages (tools/oidc/): deep links survive the trip, logout ends the provider's
session too, a forged form is refused, and nothing but the provider is asked for anything."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, select

from app.web_sessions.models import WebSession
from tests.conftest import LiveServer
from tests.helpers import Api, make_case
from tests.web.conftest import Pages, check_accessibility, screenshot
from tests.web.oidc import OidcProvider


@pytest.fixture
def oidc_pages(browser: Any, oidc_server: LiveServer) -> Iterator[Pages]:
    context = browser.new_context(locale="nb-NO", timezone_id="Europe/Oslo")
    try:
        yield Pages(context, oidc_server.url)
    finally:
        context.close()


def _outside(pages: Pages, provider: OidcProvider) -> list[str]:
    """Requests to anyone but us and the provider (whose pages the login goes through)."""
    return [url for url in pages.foreign_requests() if not url.startswith(provider.issuer + "/")]


def _sign_in_at_provider(pages: Pages, login: str) -> None:
    """The provider's login and consent pages, until it sends the browser back to us."""
    page = pages.page
    page.locator('input[name="login"]').fill(login)
    page.locator('input[name="password"]').fill("any")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(lambda url: url.startswith(pages.base_url + "/app/"))
    page.wait_for_load_state()


def test_a_contact_person_signs_in_at_the_provider_and_comes_back(
    oidc_pages: Pages, oidc_provider: OidcProvider, api: Api
) -> None:
    make_case(api)
    page = oidc_pages.page
    page.goto(oidc_pages.base_url + "/app/?vis=alle")
    assert "/app/login" in page.url
    check_accessibility(page)
    screenshot(page, "login-med-oidc")
    page.get_by_role("link", name="Logg inn med kommunens innlogging").click()
    page.wait_for_url(lambda url: url.startswith(oidc_provider.issuer + "/"))
    _sign_in_at_provider(oidc_pages, "kari@test.example")
    assert page.url == oidc_pages.base_url + "/app/?vis=alle"
    assert page.locator("h1").inner_text() == "Mine oppgaver"
    assert "Kari Kontakt" in page.locator("header").inner_text()
    check_accessibility(page)
    assert _outside(oidc_pages, oidc_provider) == []


def test_a_deep_link_before_login_comes_back_to_the_same_page(
    oidc_pages: Pages, oidc_provider: OidcProvider, oidc_server: LiveServer, api: Api
) -> None:
    case = make_case(api)
    # The placement's page is built beside this one; until it is there (its address is then a
    # 404 without asking anyone to sign in), a deep link into Mine oppgaver stands in for it.
    exists = any(
        getattr(route, "path", "") == "/app/placements/{placement_id}"
        for route in oidc_server.app.routes
    )
    placement_id = case.placement["id"]
    path = f"/app/placements/{placement_id}" if exists else f"/app/?plassering={placement_id}"
    page = oidc_pages.page
    page.goto(oidc_pages.base_url + path)
    assert "/app/login?next=" in page.url
    page.get_by_role("link", name="Logg inn med kommunens innlogging").click()
    with page.expect_response(lambda r: r.url == oidc_pages.base_url + path) as landed:
        _sign_in_at_provider(oidc_pages, "kari@test.example")
    assert page.url == oidc_pages.base_url + path
    assert landed.value.status == 200
    assert _outside(oidc_pages, oidc_provider) == []


def test_logging_out_ends_the_session_here_and_at_the_provider(
    oidc_pages: Pages, oidc_provider: OidcProvider, api: Api
) -> None:
    make_case(api)
    page = oidc_pages.page
    page.goto(oidc_pages.base_url + "/app/login/oidc?next=/app/")
    _sign_in_at_provider(oidc_pages, "kari@test.example")
    page.get_by_role("button", name="Logg ut").click()
    # The provider asks whether to sign out of it too (its own page).
    page.wait_for_url(lambda url: url.startswith(oidc_provider.issuer + "/session/end"))
    page.get_by_role("button", name="Yes, sign me out").click()
    page.wait_for_url(oidc_pages.base_url + "/app/logged-out")
    assert page.locator("h1").inner_text() == "Du er logget ut"
    check_accessibility(page)
    screenshot(page, "logget-ut")
    page.goto(oidc_pages.base_url + "/app/")
    assert "/app/login" in page.url
    # Signed out at the provider too: it asks who the person is again.
    page.get_by_role("link", name="Logg inn med kommunens innlogging").click()
    page.locator('input[name="login"]').wait_for()
    assert _outside(oidc_pages, oidc_provider) == []


def test_a_person_fosterflyt_does_not_know_is_told_so(
    oidc_pages: Pages, oidc_provider: OidcProvider, api: Api
) -> None:
    make_case(api)
    page = oidc_pages.page
    page.goto(oidc_pages.base_url + "/app/login/oidc?next=/app/")
    _sign_in_at_provider(oidc_pages, "ukjent@test.example")
    assert page.locator("h1").inner_text() == "Du har ikke tilgang"
    assert page.title() == "Du har ikke tilgang – Fosterflyt"
    check_accessibility(page)
    screenshot(page, "innlogging-ukjent-person")
    assert _outside(oidc_pages, oidc_provider) == []


def test_a_form_with_a_forged_csrf_token_is_refused_and_changes_nothing(
    oidc_pages: Pages, oidc_provider: OidcProvider, api: Api, connection: Connection
) -> None:
    make_case(api)
    page = oidc_pages.page
    page.goto(oidc_pages.base_url + "/app/login/oidc?next=/app/")
    _sign_in_at_provider(oidc_pages, "kari@test.example")
    sessions_before = connection.execute(select(WebSession.id)).all()
    page.locator('form[action="/app/logout"] input[name="csrf_token"]').evaluate(
        "field => { field.value = 'forfalsket' }"
    )
    page.get_by_role("button", name="Logg ut").click()
    page.get_by_role("heading", name="Skjemaet kunne ikke sendes").wait_for()
    check_accessibility(page)
    screenshot(page, "skjema-avvist")
    assert connection.execute(select(WebSession.id)).all() == sessions_before
    page.goto(oidc_pages.base_url + "/app/")
    assert page.locator("h1").inner_text() == "Mine oppgaver"  # still signed in
    assert not re.search(r"/session/end", " ".join(oidc_pages.requests))
    assert _outside(oidc_pages, oidc_provider) == []
