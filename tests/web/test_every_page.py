"""Every page of the web app, in every role that sees it, in Chromium: 0 axe-core violations
at WCAG 2.1 A/AA, and it reflows at 320 px (WCAG 1.4.10) and at 200 % zoom without scrolling
sideways. A new page must be listed here (or excluded with a reason), or the first test fails."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from tests.helpers import Api, Case, make_case
from tests.test_tenancy import _api_routes
from tests.web.conftest import Pages, check_accessibility, screenshot
from tests.web.funnel import funnel_id

CONTACT = "Kari Kontakt"
LEADER = "Lise Leder"
SUPERVISOR = "Siv Veileder"

# (who, the page's path; {p} is the case's placement, {c} its child), and a name for its picture.
PAGES: list[tuple[str, str, str]] = [
    (CONTACT, "/app/", "mine-oppgaver-kontaktperson"),
    (LEADER, "/app/", "mine-oppgaver-leder"),
    (LEADER, "/app/register", "registrer"),
    (LEADER, "/app/register/child", "registrer-barn"),
    (LEADER, "/app/register/foster-home", "registrer-fosterhjem"),
    (LEADER, "/app/register/placement", "registrer-plassering"),
    (CONTACT, "/app/register/placement", "registrer-plassering-kontaktperson"),
    (LEADER, "/app/placements/{p}/edit", "endre-plassering"),
    (CONTACT, "/app/placements/{p}/edit", "endre-plassering-kontaktperson"),
    (LEADER, "/app/leader", "lederoversikt"),
    (LEADER, "/app/leader/reassign", "flytt-saker"),
    (SUPERVISOR, "/app/supervisor", "mine-fosterhjem"),
    (SUPERVISOR, "/app/", "mine-oppgaver-veileder"),
    (CONTACT, "/app/placements/{p}", "barnet-kontaktperson"),
    (LEADER, "/app/placements/{p}", "barnet-leder"),
    (CONTACT, "/app/calendar", "min-kalender"),
    (CONTACT, "/app/tasks/{t}", "oppgave-kontaktperson"),
    (LEADER, "/app/tasks/{t}", "oppgave-leder"),
    (SUPERVISOR, "/app/tasks/{s}", "oppgave-veileder"),
    (CONTACT, "/app/assessments/{a}", "vurdering-kontaktperson"),
    (LEADER, "/app/assessments/{a}", "vurdering-leder"),
]
# Pages not in the tour, and why (each is covered by its own browser test, or is no page).
NOT_TOURED = {
    "/app/login": "before login: tests/web/test_pages_in_browser.py",
    "/app/logged-out": "after logout: tests/web/test_pages_in_browser.py",
    "/app/static/{name}": "stylesheets and scripts",
    "/app/documents/{document_id}/download": "a file, not a page",
    "/app/tasks/{task_id}/documents/{document_id}": "a file, not a page",
    "/app/login/oidc": "a redirect to the identity provider",
    "/app/login/callback": "the identity provider's redirect back: tests/web/test_login_*.py",
    "/app/calendar/{feed_id}/revoke": "a confirmation page: tests/web/test_calendar*.py",
}


def test_every_page_is_in_the_tour(live_server: Any) -> None:
    app: FastAPI = live_server.app
    toured = {path.split("?")[0] for _, path, _ in PAGES}
    pages = {
        path
        for path, route in _api_routes(app)
        if path.startswith("/app") and "GET" in (route.methods or ())
    }
    names = {"{p}": "{placement_id}", "{c}": "{child_id}", "{t}": "{task_id}", "{s}": "{task_id}"}
    names["{a}"] = "{workflow_id}"
    placeholders = set()
    for path in toured:
        for short, long in names.items():
            path = path.replace(short, long)
        placeholders.add(path)
    missing = sorted(pages - placeholders - set(NOT_TOURED))
    assert not missing, f"add these pages to PAGES in {__file__}: {missing}"


def _url(path: str, case: Case) -> str:
    ids = {"p": case.placement["id"], "c": case.child["id"]}
    if "{t}" in path or "{s}" in path:
        open_tasks = case.tenant.leader.get(
            "/v1/tasks", params={"placement_id": case.placement["id"], "status": "open"}
        ).json()["items"]
        visit = next(t for t in open_tasks if t["definition_key"] == "oppfolgingsbesok")
        ids["t"] = visit["id"]
        supervisor = [t for t in open_tasks if t["responsible_role"] == "supervisor"]
        ids["s"] = supervisor[0]["id"] if supervisor else visit["id"]
    if "{a}" in path:
        ids["a"] = funnel_id(case)
    return path.format(**ids)


@pytest.mark.parametrize(("who", "path", "name"), PAGES, ids=[f"{w}:{p}" for w, p, _ in PAGES])
def test_the_page_is_accessible_and_reflows(
    pages: Pages, api: Api, who: str, path: str, name: str
) -> None:
    case = make_case(api)
    if who == SUPERVISOR:
        staff = api.admin.created(
            f"/v1/staff?service_id={case.tenant.service_id}",
            {"name": SUPERVISOR, "email": "siv@test.example", "role": "supervisor"},
        )
        given = case.tenant.leader.patch(
            f"/v1/placements/{case.placement['id']}",
            json={"supervisor_id": staff["id"]},
            headers={"If-Match": "*"},
        )
        assert given.status_code == 200, given.text
    page = pages.page
    pages.login(who, _url(path, case))
    assert page.url.endswith(_url(path, case)), page.url
    assert page.title().endswith(" – Fosterflyt")
    check_accessibility(page)
    screenshot(page, name)
    for width in (320, 640):  # a phone, and 200 % zoom of a 1280 px window
        page.set_viewport_size({"width": width, "height": 800})
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{path} scrolls sideways at {width} px ({overflow} px wide)"
    assert pages.foreign_requests() == []
