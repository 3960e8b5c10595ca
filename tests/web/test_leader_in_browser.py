"""The leader's and the supervisor's pages in a real Chromium: accessible (axe, WCAG 2.1 A/AA),
nothing from elsewhere, and moving a case by clicking through the form."""

from __future__ import annotations

from typing import Any

import pytest

from app.web.charts import Month, Series
from app.web.pages import leader as leader_page
from tests.helpers import Api, make_case
from tests.web.conftest import Pages, check_accessibility, screenshot

SERIES = [
    Series(
        "Oppfølgingsbesøk",
        [Month(2025 + (m + 11) // 12, (m + 11) % 12 + 1, 3 + m % 3, 5) for m in range(12)],
    ),
    Series(
        "Tilsynsbesøk",
        [Month(2025 + (m + 11) // 12, (m + 11) % 12 + 1, m % 2, 1 + m % 2) for m in range(12)],
    ),
]


def test_a_leader_sees_the_overview_and_moves_a_case(
    pages: Pages, api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = api.tenant()
    per: dict[str, Any] = api.admin.created(
        f"/v1/staff?service_id={tenant.service_id}",
        {"name": "Per Annen", "email": "per@test.example", "role": "contact_person"},
    )
    case = make_case(api, tenant)
    monkeypatch.setattr(leader_page, "on_time_series", lambda *args: SERIES)
    pages.login("Lise Leder", "/app/leader")
    page = pages.page
    assert page.title() == "Lederoversikt – Fosterflyt"
    check_accessibility(page)
    screenshot(page, "lederoversikt")
    page.get_by_text("Tallene i tabell: Oppfølgingsbesøk").click()
    check_accessibility(page)
    page.get_by_role("link", name="Flytt saker til en annen kontaktperson").click()
    page.get_by_label("Kontaktperson sakene flyttes fra").select_option(label="Kari Kontakt")
    page.get_by_role("button", name="Vis sakene").click()
    check_accessibility(page)
    page.get_by_role("button", name="Fortsett").click()  # nothing chosen: refused
    assert page.title() == "Feil: Flytt saker – Fosterflyt"
    check_accessibility(page)
    screenshot(page, "flytt-saker-feil")
    page.get_by_label("Emma Eksempel").check()
    page.get_by_label("Ny kontaktperson").select_option(label="Per Annen")
    page.get_by_role("button", name="Fortsett").click()
    assert page.title() == "Se over før du flytter sakene – Fosterflyt"
    check_accessibility(page)
    screenshot(page, "flytt-saker-se-over")
    page.get_by_role("button", name="Flytt sakene").click()
    assert "1 sak er flyttet" in page.locator("main").inner_text()
    moved = tenant.leader.get(f"/v1/placements/{case.placement['id']}").json()
    assert moved["contact_person_id"] == per["id"]
    page.set_viewport_size({"width": 320, "height": 800})
    page.reload()
    check_accessibility(page)
    screenshot(page, "lederoversikt-320")
    assert pages.foreign_requests() == []


def test_a_supervisor_sees_their_homes_and_tasks(pages: Pages, api: Api) -> None:
    tenant = api.tenant()
    siv: dict[str, Any] = api.admin.created(
        f"/v1/staff?service_id={tenant.service_id}",
        {"name": "Siv Veileder", "email": "siv@test.example", "role": "supervisor"},
    )
    case = make_case(api, tenant, supervisor_id=siv["id"])
    tasks = tenant.integration.get(
        "/v1/tasks", params={"placement_id": case.placement["id"], "status": "open"}
    ).json()["items"]
    given = tenant.leader.patch(
        f"/v1/tasks/{tasks[0]['id']}", json={"assignee_id": siv["id"]}, headers={"If-Match": "*"}
    )
    assert given.status_code == 200, given.text
    pages.login("Siv Veileder", "/app/supervisor")
    page = pages.page
    assert page.title() == "Mine fosterhjem – Fosterflyt"
    assert "Emma Eksempel" in page.locator("main").inner_text()
    check_accessibility(page)
    screenshot(page, "mine-fosterhjem")
    assert pages.foreign_requests() == []


def test_a_contact_person_gets_404_on_the_leader_page(pages: Pages, api: Api) -> None:
    make_case(api)
    pages.login("Kari Kontakt")
    response = pages.page.goto(pages.base_url + "/app/leader")
    assert response is not None
    assert response.status == 404
    check_accessibility(pages.page)
    assert pages.foreign_requests() == []
