"""The web app's harness: a signed-in httpx client for form tests (both databases), and a real
Chromium driven by Playwright for browser tests, with axe-core's WCAG check.

Browser tests run in the PostgreSQL leg of CI (decisions.md 11): they skip on SQLite unless
``FOSTERFLYT_BROWSER_TESTS=1``, and fail instead of skipping when ``FOSTERFLYT_REQUIRE_BROWSER=1``
and Chromium or Playwright is missing. Screenshots go to ``FOSTERFLYT_SCREENSHOTS`` (a directory)
when it is set."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import LiveServer
from tests.web.oidc import oidc_provider, oidc_server  # noqa: F401 (the provider's fixtures)

CHROMIUM = os.environ.get("FOSTERFLYT_CHROMIUM", "/usr/bin/chromium")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def browser_tests_wanted() -> bool:
    return bool(
        os.environ.get("FOSTERFLYT_TEST_DATABASE_URL")
        or os.environ.get("FOSTERFLYT_BROWSER_TESTS") == "1"
        or os.environ.get("FOSTERFLYT_REQUIRE_BROWSER") == "1"
    )


class WebClient:
    """An httpx client signed in to the web app as one staff member (via the development login,
    as a person would click it), with the session's CSRF token at hand."""

    def __init__(self, http: httpx.Client) -> None:
        self.http = http
        self.csrf = ""

    def login(self, email: str, next_url: str = "/app/") -> httpx.Response:
        self.http.cookies.clear()  # a fresh browser: no earlier session
        page = self.http.get("/app/login")
        assert page.status_code == 200
        response = self.http.post(
            "/app/login/development",
            data={"email": email, "next": next_url},
            headers={"Origin": str(self.http.base_url).rstrip("/")},
        )
        assert response.status_code == 303, response.text
        home = self.http.get(response.headers["location"])
        self.csrf = csrf_of(home.text)
        return home

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.http.get(url, **kwargs)

    def post(self, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> httpx.Response:
        body = {"csrf_token": self.csrf, **(data or {})}
        return self.http.post(url, data=body, **kwargs)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    return found.group(1) if found else ""


@pytest.fixture
def web(live_server: LiveServer, connection: Any) -> Iterator[WebClient]:
    with httpx.Client(base_url=live_server.url, timeout=30, follow_redirects=False) as client:
        yield WebClient(client)


# Package scope, not session: Playwright's sync API keeps an asyncio loop running in this
# thread while it is open, and later tests that call asyncio.run (tests/webhooks) would fail.
@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    if not browser_tests_wanted():
        pytest.skip("browser tests run in the PostgreSQL leg (FOSTERFLYT_BROWSER_TESTS=1 here)")
    required = os.environ.get("FOSTERFLYT_REQUIRE_BROWSER") == "1"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if required:
            raise
        pytest.skip("playwright is not installed")
    if shutil.which(CHROMIUM) is None and not Path(CHROMIUM).exists():
        if required:
            pytest.fail(f"Chromium is missing at {CHROMIUM}")
        pytest.skip(f"Chromium is missing at {CHROMIUM}")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        yield chromium
        chromium.close()


class Pages:
    """One browser context (a person at their own computer) against the test server: every
    request it makes is recorded, so a test can prove nothing left our origin."""

    def __init__(self, context: Any, base_url: str) -> None:
        self.context = context
        self.base_url = base_url
        self.requests: list[str] = []
        context.on("request", lambda request: self.requests.append(request.url))
        self.page = context.new_page()

    def login(self, name: str, next_url: str = "/app/") -> None:
        from urllib.parse import quote

        self.page.goto(f"{self.base_url}/app/login?next={quote(next_url, safe='/')}")
        self.page.get_by_role("button", name=re.compile(re.escape(name))).click()
        self.page.wait_for_load_state()

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.base_url)]


@pytest.fixture
def pages(browser: Any, live_server: LiveServer, connection: Any) -> Iterator[Pages]:
    context = browser.new_context(locale="nb-NO", timezone_id="Europe/Oslo")
    try:
        yield Pages(context, live_server.url)
    finally:
        context.close()


def check_accessibility(page: Any) -> None:
    """axe-core in the browser: no WCAG 2.1 A/AA violation on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = results.response["violations"]
    assert not violations, results.generate_report()


def screenshot(page: Any, name: str) -> None:
    directory = os.environ.get("FOSTERFLYT_SCREENSHOTS")
    if directory:
        Path(directory).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(directory) / f"{name}.png"), full_page=True)
