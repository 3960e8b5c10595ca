"""The task and assessment pages in a real Chromium: completing a visit and downloading its
document, the text kept across a session that timed out mid-form, a task completed with the
keyboard alone, a leader approving an assessment outcome; axe on every state of each page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import update

from app.db import utcnow
from app.web_sessions.models import WebSession
from tests.helpers import Api, make_case, ok
from tests.web.conftest import Pages, check_accessibility, screenshot
from tests.web.funnel import walked_to_decision
from tests.web.test_task import task_of, visit_task

WORDS = "Jeg liker å bo her, men savner mamma."


def submit(page: Any, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def reflows_at_320_px(page: Any, name: str) -> None:
    """WCAG 1.4.10: at 320 CSS pixels wide, nothing needs scrolling sideways."""
    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 800})
    wide = page.evaluate(
        "[...document.querySelectorAll('main *')]"
        ".filter(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)"
        ".map(e => e.tagName + '.' + e.className)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, wide
    screenshot(page, name)
    page.set_viewport_size(size)


def fill_visit(page: Any) -> None:
    page.get_by_label("Dato for besøket").fill("3.2.2026")
    page.get_by_role("group", name="Snakket med barnet alene").get_by_label("Ja").check()
    page.get_by_label("Barnets egne synspunkter").fill(WORDS)
    page.get_by_label("Barnevernstjenestens vurdering").fill("Barnet har det godt.")


def test_a_contact_person_completes_a_visit_and_downloads_its_document(
    pages: Pages, api: Api
) -> None:
    case = make_case(api)
    task = visit_task(case)
    url = f"/app/tasks/{task['id']}"
    pages.login("Kari Kontakt", next_url=url)
    page = pages.page
    assert page.title() == f"Oppgave {task['id']} – Fosterflyt"
    check_accessibility(page)
    screenshot(page, "oppgave-tom")
    reflows_at_320_px(page, "oppgave-tom-320")

    submit(page, "Fullfør oppgaven")
    assert page.locator(".ds-error-summary").is_visible()
    check_accessibility(page)
    screenshot(page, "oppgave-feil")

    fill_visit(page)
    submit(page, "Fullfør oppgaven")
    assert "Oppgaven er fullført." in page.inner_text("main")
    assert task_of(case, task["id"])["status"] == "completed"

    submit(page, "Lag dokument")
    assert "Dokumentet er laget." in page.inner_text("main")
    check_accessibility(page)
    screenshot(page, "oppgave-fullfort")
    with page.expect_download() as info:
        page.get_by_role("link", name="Last ned Word").first.click()
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    with open(download.path(), "rb") as file:
        assert file.read(2) == b"PK"
    assert pages.foreign_requests() == []


def test_text_typed_before_the_session_timed_out_is_there_after_login(
    pages: Pages, api: Api, connection: Any
) -> None:
    case = make_case(api)
    task = visit_task(case)
    url = f"/app/tasks/{task['id']}"
    pages.login("Kari Kontakt", next_url=url)
    page = pages.page
    page.get_by_label("Barnets egne synspunkter").fill(WORDS)
    connection.execute(update(WebSession).values(last_seen_at=utcnow() - timedelta(minutes=31)))
    submit(page, "Fullfør oppgaven")
    assert "/app/login" in page.url
    assert "Du ble logget ut" in page.inner_text("main")
    submit(page, "Kari Kontakt")
    assert page.url.endswith(url)
    assert "Vi har tatt vare på det du skrev sist" in page.inner_text("main")
    assert page.get_by_label("Barnets egne synspunkter").input_value() == WORDS
    check_accessibility(page)
    screenshot(page, "oppgave-utkast-etter-innlogging")
    assert task_of(case, task["id"])["status"] == "open"
    assert pages.foreign_requests() == []


def _tab_to(page: Any, element_id: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def test_a_task_is_completed_with_the_keyboard_alone(pages: Pages, api: Api) -> None:
    case = make_case(api)
    task = visit_task(case)
    pages.login("Kari Kontakt", next_url=f"/app/tasks/{task['id']}")
    page = pages.page
    _tab_to(page, "felt-svar-besoksdato")
    page.keyboard.type("3.2.2026")
    _tab_to(page, "felt-svar-snakket_med_barnet_alene")
    page.keyboard.press("Space")
    _tab_to(page, "felt-svar-barnets_mening")
    page.keyboard.type(WORDS)
    _tab_to(page, "felt-svar-vurdering")
    page.keyboard.type("Barnet har det godt.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Fullfør oppgaven"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Oppgaven er fullført." in page.inner_text("main")
    done = task_of(case, task["id"])
    assert done["status"] == "completed"
    assert done["answers"]["snakket_med_barnet_alene"] is True
    assert pages.foreign_requests() == []


def test_a_leader_approves_an_assessment_outcome(pages: Pages, api: Api) -> None:
    case = make_case(api)
    workflow_id, _ = walked_to_decision(case)
    url = f"/app/assessments/{workflow_id}"
    pages.login("Kari Kontakt", next_url=url)
    page = pages.page
    assert "Venter på leders beslutning" in page.inner_text("main")
    check_accessibility(page)
    screenshot(page, "vurdering-kontaktperson")

    pages.context.clear_cookies()
    pages.login("Lise Leder", next_url=url)
    assert "Kontaktpersonens anbefaling" in page.inner_text("main")
    check_accessibility(page)
    screenshot(page, "vurdering-leder")
    reflows_at_320_px(page, "vurdering-leder-320")
    page.get_by_label("Fortsette arbeidet med gjenforening som mål").check()
    page.get_by_label("Begrunnelse for beslutningen").fill("Foreldrene er på god vei.")
    submit(page, "Godkjenn utfallet")
    assert "Utfallet er godkjent" in page.inner_text("main")
    check_accessibility(page)
    screenshot(page, "vurdering-godkjent")
    workflow = ok(case.tenant.leader.get(f"/v1/workflows/{workflow_id}"))
    assert (workflow["status"], workflow["outcome"]) == ("completed", "fortsette_gjenforening")
    assert pages.foreign_requests() == []
