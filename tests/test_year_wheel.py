"""The year wheel of a care-order placement with the people and plans around the child (issue
#14, "done when"): two parents who live apart, a supervision visitor, a contact-visit
arrangement and a care plan. Over HTTP, as a journal system and a contact person use it."""

from __future__ import annotations

import io
import json
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from docx import Document as Docx

from app.clock import today
from tests.helpers import Api, Case, make_case, ok
from tests.people.helpers import add_parent, father
from tests.supervision.helpers import appoint, send_report

YEAR_AHEAD = today() + relativedelta(years=1)


def _in_the_year_ahead(on: str) -> bool:
    return today() <= date.fromisoformat(on) <= YEAR_AHEAD


@pytest.fixture
def case(api: Api) -> Case:
    """Moved in two months ago on a care order; everything around the child registered."""
    case = make_case(api, start_date=(today() - timedelta(days=60)).isoformat())
    add_parent(case)
    add_parent(case, **father())
    assert appoint(case).status_code == 201
    visited = today() - timedelta(days=12)
    report = send_report(
        case.tenant.contact,
        case.placement["id"],
        visit_date=visited,
        received_on=visited + timedelta(days=4),
    )
    assert report.status_code == 201, report.text
    placement = f"/v1/placements/{case.placement['id']}"
    case.tenant.contact.created(
        f"{placement}/contact-visit-arrangements",
        {
            "decided_by": "tribunal",
            "decided_on": (today() - timedelta(days=40)).isoformat(),
            "participants": [
                {"name": "Kari Nordmann", "relation": "mother"},
                {"name": "Ola Nordmann", "relation": "father"},
            ],
            "every": "P1M",
            "first_visit_on": (today() - timedelta(days=20)).isoformat(),
            "duration_minutes": 120,
            "supervised": True,
        },
    )
    case.tenant.contact.created(
        f"{placement}/contact-visit-reports",
        {"received_on": (today() - timedelta(days=1)).isoformat(), "written_by": "Tilsynsfører"},
    )
    case.tenant.contact.created(
        f"{placement}/plans",
        {
            "kind": "care_plan",
            "stage": "preliminary",
            "adopted_on": (today() - timedelta(days=58)).isoformat(),
            "child_took_part": True,
            "parents_took_part": True,
            "foster_home_took_part": True,
            "participation_notes": "Barnet ble hørt i egen samtale.",
            "summary": "Barnet bor i fosterhjemmet mens foreldrene får hjelp.",
        },
    )
    return case


def _wheel(case: Case) -> dict[str, Any]:
    return dict(ok(case.tenant.contact.get(f"/v1/placements/{case.placement['id']}/timeline")))


def _due_in_the_year_ahead(wheel: dict[str, Any], workflow: str, step: str) -> list[Any]:
    return [
        t
        for t in wheel["items"]
        if t["definition_key"] == workflow
        and t["step_key"] == step
        and t["status"] == "open"
        and _in_the_year_ahead(t["due_date"])
    ]


def _explained(task: dict[str, Any]) -> None:
    """A deadline says why its date, on what basis, and which rule with which provenance."""
    assert task["explanation"].startswith("Frist "), task
    assert task["legal_basis"], task
    assert "Regel (" in task["explanation"], task


def test_the_year_wheel_shows_every_plan_review_contact_visit_and_report_review_ahead(
    case: Case,
) -> None:
    wheel = _wheel(case)
    if (out := os.environ.get("FOSTERFLYT_YEAR_WHEEL_DUMP")) is not None:
        Path(out).write_text(json.dumps(wheel, ensure_ascii=False, indent=1))

    reviews = _due_in_the_year_ahead(wheel, "omsorgsplan", "gjennomgang")
    assert len(reviews) >= 2  # the care plan is reviewed every six months
    supervision = _due_in_the_year_ahead(wheel, "tilsyn", "gjennomgang_tilsynsrapport")
    assert len(supervision) == 1  # the report that came in is reviewed
    arrived = today() - timedelta(days=8)
    assert supervision[0]["nominal_date"] == (arrived + timedelta(days=14)).isoformat()
    contact_reports = _due_in_the_year_ahead(wheel, "samvaersrapport", "gjennomgang_rapport")
    assert len(contact_reports) == 1
    for task in [*reviews, *supervision, *contact_reports]:
        _explained(task)

    visits = [
        e
        for e in wheel["entries"]
        if e["kind"] == "contact_visit" and e["what"] == "planned" and _in_the_year_ahead(e["on"])
    ]
    assert len(visits) in (12, 13)  # monthly, from today to a year ahead
    assert all(e["title"] == "Samvær med Kari Nordmann (mor) og Ola Nordmann (far)" for e in visits)
    assert all("Fastsatt av barneverns- og helsenemnda" in e["explanation"] for e in visits)
    assert all(e["legal_basis"].startswith("Barnevernsloven § 7-2") for e in visits)
    kinds = {(e["kind"], e["what"]) for e in wheel["entries"]}
    assert {("plan", "adopted"), ("supervision_report", "received")} <= kinds
    assert [e["on"] for e in wheel["entries"]] == sorted(e["on"] for e in wheel["entries"])


def test_each_parent_who_lives_apart_gets_their_own_conversations_and_letter(
    case: Case,
) -> None:
    wheel = _wheel(case)
    titles = {
        t["title"]
        for t in wheel["items"]
        if t["definition_key"] == "oppfolging-foreldre" and t["status"] == "open"
    }
    assert titles == {
        "Oppfølgingssamtale med Kari Nordmann",
        "Oppfølgingssamtale med Ola Nordmann",
    }
    parents = ok(case.tenant.leader.get(f"/v1/children/{case.child['id']}/parents"))["items"]
    recipients = set()
    for parent in parents:
        letter = case.tenant.integration.created(
            "/v1/documents",
            {
                "template_key": "informasjonsbrev-foreldre",
                "placement_id": case.placement["id"],
                "parent_id": parent["id"],
            },
        )
        assert letter["parent_id"] == parent["id"]
        recipients.add(letter["parent_id"])
    assert len(recipients) == 2


def test_the_arshjul_document_lists_the_contact_visits_beside_the_tasks(case: Case) -> None:
    document = case.tenant.integration.created(
        "/v1/documents", {"template_key": "arshjul", "placement_id": case.placement["id"]}
    )
    content = case.tenant.integration.get(f"/v1/documents/{document['id']}/content")
    assert content.status_code == 200
    if (out := os.environ.get("FOSTERFLYT_YEAR_WHEEL_DUMP")) is not None:
        Path(out).with_suffix(".docx").write_bytes(content.content)
    docx = Docx(io.BytesIO(content.content))
    cells = [c.text for t in docx.tables for row in t.rows for c in row.cells]
    visits = [c for c in cells if c.startswith("Samvær med Kari Nordmann (mor)")]
    assert len(visits) >= 12
    assert any("Fastsatt av barneverns- og helsenemnda" in c for c in visits)
    text = "\n".join([p.text for p in docx.paragraphs] + cells)
    assert "{{" not in text
    assert "{%" not in text
