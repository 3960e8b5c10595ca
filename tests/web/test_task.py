"""The task page over HTTP (both databases): the step's form from its definition, refused
input kept with a message next to the field and nothing saved, drafts, expiry mid-form, a
double submit, skipping, and the step's documents."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import update

from app.db import utcnow
from app.web_sessions.models import WebSession
from tests.helpers import Api, Case, make_case, ok
from tests.web.conftest import WebClient, csrf_of

VISIT = "oppfolgingsbesok"


def visit_task(case: Case) -> dict[str, Any]:
    tasks = ok(
        case.tenant.leader.get(
            "/v1/tasks", params={"placement_id": case.placement["id"], "limit": 100}
        )
    )["items"]
    return next(t for t in tasks if t["definition_key"] == VISIT and t["status"] == "open")


def task_of(case: Case, task_id: str) -> dict[str, Any]:
    return dict(ok(case.tenant.leader.get(f"/v1/tasks/{task_id}")))


VISIT_FORM = {
    "handling": "fullfor",
    "svar-besoksdato": "3.2.2026",
    "svar-snakket_med_barnet_alene": "ja",
    "svar-barnets_mening": "Jeg liker å bo her, men savner mamma.",
    "svar-vurdering": "Barnet har det godt i fosterhjemmet.",
}


def test_the_task_page_shows_the_deadline_its_basis_and_the_steps_form(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    task = visit_task(case)
    web.login("kari@test.example")
    page = web.get(f"/app/tasks/{task['id']}")
    assert page.status_code == 200, page.text
    assert f"<title>Oppgave {task['id']} – Fosterflyt</title>" in page.text
    assert task["title"] in page.text
    assert "Fosterhjemsforskriften" in page.text
    assert 'name="svar-besoksdato"' in page.text
    assert 'type="radio"' in page.text
    print(page.text)
