"""Tenancy: a caller sees the rows of its own services only, and a contact person only the cases
they follow. The matrix below is generated from the application's route table, so a new route
with an id fails the build until it has an entry in ``ROUTES``."""

from __future__ import annotations

import io
import json
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import fastapi.routing
import httpx
import pytest
from docx import Document as Docx
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from app.clock import today
from app.db import utcnow
from app.errors import PROBLEM_BASE, PROBLEM_MEDIA_TYPE
from app.principal import DEFAULT_SCOPES, Role, Scope
from app.webhooks.fanout import fan_out
from tests.helpers import (
    Api,
    Caller,
    Case,
    Tenant,
    child_body,
    foster_home_body,
    make_case,
    placement_body,
    token,
)
from tests.supervision.helpers import HOME_CHILD, VISITOR, send_report

# -- The route table -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RouteSpec:
    """How to call one route with an id for a case of service A."""

    scope: Scope  # the scope the route must demand
    # The id that goes into the path (may prepare the row); a tuple for a path with two ids.
    target: Callable[[Case], str | tuple[str, ...]]
    body: dict[str, Any] | None  # a valid minimal body (PATCH / POST)
    case_data: bool  # hidden from a contact person who does not follow the case
    ok: int = 200  # what the owner gets
    contact_ok: bool = True  # False: the case's own contact person gets 403
    tenant_data: bool = True  # False: shared reference data every service may read
    # Leader-only (SECURITY.md: reopening tasks, reducing visits, API keys): the service's own
    # integration gets 403, and its leader gets ``ok``.
    leader_only: bool = False


VISIT_ANSWERS = {
    "besoksdato": "2026-11-20",
    "snakket_med_barnet_alene": True,
    "barnets_mening": "Trives godt.",
    "vurdering": "Stabilt.",
}


def visit_task(case: Case) -> str:
    """The first open follow-up visit of the case (planned when the placement was created)."""
    response = case.tenant.integration.get(
        "/v1/tasks", params={"placement_id": case.placement["id"], "limit": 100}
    )
    assert response.status_code == 200, response.text
    return next(
        t["id"]
        for t in response.json()["items"]
        if t["definition_key"] == "oppfolgingsbesok" and t["status"] == "open"
    )


EXTRA_VISIT = {
    "visited_on": "2026-06-01",
    "spoke_with_child_alone": True,
    "reason": "Barnet ba om et ekstra besøk.",
    "notes": "Barnet fortalte om skolen.",
}


def extra_visit(case: Case) -> tuple[str, str]:
    """An extra follow-up visit on the case, for the route that reads one."""
    url = f"/v1/placements/{case.placement['id']}/extra-visits"
    response = case.tenant.leader.post(url, json=EXTRA_VISIT)
    assert response.status_code == 201, response.text
    return case.placement["id"], response.json()["id"]


def approval(case: Case) -> str:
    """The case's placement with an approval recorded, for the routes that read or change it."""
    url = f"/v1/placements/{case.placement['id']}/approval"
    if case.tenant.leader.get(url).status_code == 404:
        response = case.tenant.leader.post(url, json={"assessment_date": "2026-01-02"})
        assert response.status_code == 201, response.text
    return str(case.placement["id"])


PARENT = {"name": "Kari Nordmann", "relation": "mother", "parental_responsibility": True}


def parent_of(case: Case) -> tuple[str, str]:
    """A parent of the case's child, for the routes that read or change one."""
    url = f"/v1/children/{case.child['id']}/parents"
    response = case.tenant.leader.post(url, json=PARENT)
    assert response.status_code == 201, response.text
    return case.child["id"], response.json()["id"]


def visit_reduction(case: Case) -> tuple[str, str]:
    """A leader's reduction of the case's visits, for the routes that end or list one."""
    url = f"/v1/placements/{case.placement['id']}/visit-reductions"
    existing = case.tenant.leader.get(url)
    assert existing.status_code == 200, existing.text
    if existing.json()["items"]:  # the target is asked for more than once per case
        return case.placement["id"], existing.json()["items"][0]["id"]
    body = {"effective_from": "2028-02-01", "reason": "Stabilt og godt i to år."}
    response = case.tenant.leader.post(url, json=body)
    assert response.status_code == 201, response.text
    return case.placement["id"], response.json()["id"]


def completed_visit_task(case: Case) -> str:
    task_id = visit_task(case)
    done = case.tenant.integration.post(
        f"/v1/tasks/{task_id}/complete", json={"answers": VISIT_ANSWERS}
    )
    assert done.status_code == 200, done.text
    return task_id


def supervision_visitor_of(case: Case) -> tuple[str, str]:
    """The case's current supervision visitor (appointed once per case)."""
    url = f"/v1/placements/{case.placement['id']}/supervision-visitors"
    existing = case.tenant.leader.get(url)
    assert existing.status_code == 200, existing.text
    if existing.json()["items"]:
        return case.placement["id"], existing.json()["items"][0]["id"]
    response = case.tenant.leader.post(url, json={**VISITOR, "appointed_on": "2026-01-05"})
    assert response.status_code == 201, response.text
    return case.placement["id"], response.json()["id"]


def supervision_report_of(case: Case) -> str:
    """A supervision report recorded for the case."""
    response = send_report(
        case.tenant.leader,
        case.placement["id"],
        visit_date=date(2026, 2, 10),
        received_on=date(2026, 2, 16),
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def home_child_of(case: Case) -> tuple[str, str]:
    """Another child living in the case's foster home."""
    url = f"/v1/foster-homes/{case.foster_home['id']}/children"
    response = case.tenant.integration.post(url, json=HOME_CHILD)
    assert response.status_code == 201, response.text
    return case.foster_home["id"], response.json()["id"]


def calendar_feed_of(case: Case) -> str:
    """A feed of the case's contact person (hidden from other contact persons)."""
    created = case.tenant.contact.post("/v1/calendar-feeds")
    assert created.status_code == 201, created.text
    return str(created.json()["resource"]["id"])


def document_of(case: Case) -> str:
    """A document filled for the case from a small template the service uploaded."""
    doc = Docx()
    doc.add_paragraph("Notat om {{ barn.fornavn }}")
    content = io.BytesIO()
    doc.save(content)
    manifest = {
        "key": "tenancy-notat",
        "title": "Notat",
        "public_title": "Notat",
        "noark_document_type": "Notat",
    }
    uploaded = case.tenant.leader.post(
        "/v1/templates",
        files={"file": ("notat.docx", content.getvalue(), "application/octet-stream")},
        data={"manifest": json.dumps(manifest)},
    )
    assert uploaded.status_code in (201, 409), uploaded.text
    created = case.tenant.integration.post(
        "/v1/documents",
        json={"template_key": "tenancy-notat", "placement_id": case.placement["id"]},
    )
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


PLAN = {
    "kind": "follow_up_plan",
    "adopted_on": "2026-02-01",
    "child_took_part": True,
    "parents_took_part": True,
    "foster_home_took_part": True,
    "summary": "Besøk hver tredje måned og samtaler med foreldrene.",
}


def plan_of(case: Case) -> tuple[str, str]:
    """A plan of the case's placement, for the routes that read or revise one."""
    url = f"/v1/placements/{case.placement['id']}/plans"
    response = case.tenant.leader.post(url, json=PLAN)
    assert response.status_code == 201, response.text
    return case.placement["id"], response.json()["id"]


def workflow_of(case: Case) -> str:
    response = case.tenant.integration.get(
        "/v1/workflows", params={"placement_id": case.placement["id"]}
    )
    assert response.status_code == 200, response.text
    return str(response.json()["items"][0]["id"])


def api_key_of(case: Case) -> str:
    created = case.tenant.leader.post("/v1/api-keys", json={"name": "Fagsystem"})
    assert created.status_code == 201, created.text
    return str(created.json()["resource"]["id"])


# -- The rammefortelling (catalogue slice) -------------------------------------------------------


def life_story_part(case: Case) -> tuple[str, str]:
    """A part of the child's rammefortelling with a version, for the routes that read one."""
    url = f"/v1/children/{case.child['id']}/life-story/parts/min_historie"
    if case.tenant.leader.get(url).json()["version"] == 0:
        written = case.tenant.leader.request("PUT", url, json={"text": "Emma ble født i Bergen."})
        assert written.status_code == 200, written.text
    return case.child["id"], "min_historie"


def unwritten_life_story_part(case: Case) -> tuple[str, str]:
    """A part nobody has written yet, so a first write needs no If-Match."""
    story = case.tenant.leader.get(f"/v1/children/{case.child['id']}/life-story")
    assert story.status_code == 200, story.text
    key = next(p["key"] for p in story.json()["parts"] if p["version"] == 0)
    return case.child["id"], key


# -- Contact visits (samvær) ---------------------------------------------------------------------

ARRANGEMENT = {
    "decided_by": "tribunal",
    "decided_on": "2026-01-20",
    "participants": [{"name": "Kari Nordmann", "relation": "mother"}],
    "every": "P3M",
    "first_visit_on": "2026-02-01",
    "supervised": True,
}
CONTACT_VISIT = {"planned_on": "2026-03-01"}
CONTACT_VISIT_REPORT = {"received_on": "2026-06-01", "written_by": "Tilsynsperson"}


def _contact_created(case: Case, collection: str, body: dict[str, Any]) -> tuple[str, str]:
    url = f"/v1/placements/{case.placement['id']}/{collection}"
    response = case.tenant.leader.post(url, json=body)
    assert response.status_code == 201, response.text
    return case.placement["id"], response.json()["id"]


def contact_visit_arrangement(case: Case) -> tuple[str, str]:
    return _contact_created(case, "contact-visit-arrangements", ARRANGEMENT)


def contact_visit(case: Case) -> tuple[str, str]:
    return _contact_created(case, "contact-visits", CONTACT_VISIT)


def contact_visit_report(case: Case) -> tuple[str, str]:
    return _contact_created(case, "contact-visit-reports", CONTACT_VISIT_REPORT)


_LIVE: dict[str, Any] = {}


@pytest.fixture(autouse=True)
def _live_app(live_server: Any) -> None:
    """The live server's app, for targets that run the webhook fan-out in the test's
    transaction (the worker would, but it cannot see a transaction that is never committed)."""
    _LIVE["app"] = live_server.app


def webhook_subscription_of(case: Case) -> str:
    created = case.tenant.integration.created(
        "/v1/webhook-subscriptions", {"url": f"https://93.184.215.14/{uuid.uuid4().hex}"}
    )
    return str(created["resource"]["id"])


def webhook_delivery_of(case: Case) -> tuple[str, str]:
    """A subscription with one delivery: a change after subscribing, fanned out."""
    subscription_id = webhook_subscription_of(case)
    task = case.tenant.integration.get(f"/v1/tasks/{visit_task(case)}").json()
    moved = date.fromisoformat(task["due_date"]) + timedelta(days=1)
    changed = case.tenant.integration.patch(
        f"/v1/tasks/{task['id']}", json={"due_date": moved.isoformat()}, headers={"If-Match": "*"}
    )
    assert changed.status_code == 200, changed.text
    with _LIVE["app"].state.session_factory() as session:
        assert fan_out(session, now=utcnow()) > 0
        session.commit()
    response = case.tenant.integration.get(
        f"/v1/webhook-subscriptions/{subscription_id}/deliveries"
    )
    assert response.status_code == 200, response.text
    return subscription_id, str(response.json()["items"][0]["id"])


# -- Inter-municipal teams -----------------------------------------------------------------------

TODAY = today().isoformat()
# Bodies whose ids only the target knows: the target fills them in before the route is sent.
TEAM_MEMBER_BODY: dict[str, Any] = {"joined_on": "2020-01-01"}
TEAM_POPULATION_BODY: dict[str, Any] = {
    "year": today().year,
    "population": 21450,
    "counted_on": "2026-07-01",
}
TEAM_STAFF_BODY: dict[str, Any] = {"team_role": "supervisor"}
ORDER_START = {
    "started_on": TODAY,
    "evaluation_date": "2199-01-01",
    "time_limit_date": "2199-06-30",
}


def _team_hosted_by(case: Case, *, member: bool = True) -> str:
    """A team hosted by the case's service, which is its only member."""
    leader = case.tenant.leader
    team = leader.created("/v1/teams", {"name": "Fosterhjemsteamet", "use_basis": "seats"})
    if member:
        leader.created(
            f"/v1/teams/{team['id']}/members",
            {"member_service_id": case.tenant.service_id, "joined_on": "2020-01-01"},
        )
    return str(team["id"])


def team_of(case: Case) -> str:
    return _team_hosted_by(case)


def team_for_members(case: Case) -> str:
    TEAM_MEMBER_BODY["member_service_id"] = case.tenant.service_id
    return _team_hosted_by(case, member=False)


def team_for_populations(case: Case) -> str:
    TEAM_POPULATION_BODY["member_service_id"] = case.tenant.service_id
    return _team_hosted_by(case)


def team_for_staff(case: Case) -> str:
    TEAM_STAFF_BODY["staff_id"] = case.tenant.contact_id
    return _team_hosted_by(case)


YEAR_RATES = {"group_budget": 1_200_000, "individual_budget": 950_000, "hourly_rate": 1150}


def team_year_of(case: Case, *, rated: bool = True) -> tuple[str, str]:
    """A team hosted by the case's service with its population (and rates) for this year."""
    team_id = _team_hosted_by(case)
    leader = case.tenant.leader
    year = str(today().year)
    leader.created(
        f"/v1/teams/{team_id}/populations",
        {
            "member_service_id": case.tenant.service_id,
            "year": today().year,
            "population": 21450,
            "counted_on": "2026-07-01",
        },
    )
    if rated:
        done = leader.request("PUT", f"/v1/teams/{team_id}/years/{year}", json=YEAR_RATES)
        assert done.status_code == 200, done.text
    return team_id, year


def team_statement_of(case: Case) -> tuple[str, str, str]:
    team_id, year = team_year_of(case)
    return team_id, year, case.tenant.service_id


def unrated_team_year_of(case: Case) -> tuple[str, str]:
    return team_year_of(case, rated=False)


ORDER_STEPS: dict[str, tuple[str, dict[str, Any]]] = {
    "accepted": ("accept", {"accepted_on": TODAY}),
    "called_back": ("call-back", {"called_back_on": TODAY}),
    "started": ("start", ORDER_START),
}


def order_of(case: Case, step: str = "ordered") -> str:
    """An order of the case's child and foster home from its service to the team it hosts, whose
    staff is the case's contact person (so the case's own contact person is on the team), walked
    to ``step``."""
    team_id = _team_hosted_by(case)
    leader = case.tenant.leader
    leader.created(
        f"/v1/teams/{team_id}/staff",
        {"staff_id": case.tenant.contact_id, "team_role": "supervisor"},
    )
    order = leader.created(
        "/v1/team-orders",
        {
            "team_id": team_id,
            "category": "concern_for_breakdown",
            "concerns": "childs_foster_parents",
            "child_id": case.child["id"],
            "foster_home_id": case.foster_home["id"],
            "work_on": "Samspill.",
            "reason": "Bekymring for brudd.",
            "desired_outcome": "Fosterhjemmet fortsetter.",
        },
    )
    steps = list(ORDER_STEPS)
    for name in steps[: steps.index(step) + 1] if step != "ordered" else []:
        action, body = ORDER_STEPS[name]
        done = leader.post(f"/v1/team-orders/{order['id']}/{action}", json=body)
        assert done.status_code == 200, done.text
    return str(order["id"])


def order_in(step: str) -> Callable[[Case], str]:
    return lambda case: order_of(case, step)


ROUTES: dict[tuple[str, str], RouteSpec] = {
    ("GET", "/v1/api-keys/{api_key_id}"): RouteSpec(
        Scope.API_KEYS_READ, api_key_of, None, case_data=False, contact_ok=False, leader_only=True
    ),
    ("POST", "/v1/api-keys/{api_key_id}/rotate"): RouteSpec(
        Scope.API_KEYS_WRITE,
        api_key_of,
        {"grace_seconds": 0},
        case_data=False,
        ok=201,
        contact_ok=False,
        leader_only=True,
    ),
    ("POST", "/v1/api-keys/{api_key_id}/revoke"): RouteSpec(
        Scope.API_KEYS_WRITE, api_key_of, None, case_data=False, contact_ok=False, leader_only=True
    ),
    ("GET", "/v1/services/{service_id}"): RouteSpec(
        Scope.SERVICES_READ, lambda c: c.tenant.service_id, None, case_data=False
    ),
    ("PATCH", "/v1/services/{service_id}"): RouteSpec(
        Scope.SERVICES_WRITE,
        lambda c: c.tenant.service_id,
        {"name": "Barneverntjenesten i Nyby"},
        case_data=False,
    ),
    ("GET", "/v1/staff/{staff_id}"): RouteSpec(
        Scope.STAFF_READ, lambda c: c.tenant.leader_id, None, case_data=False
    ),
    ("PATCH", "/v1/staff/{staff_id}"): RouteSpec(
        Scope.STAFF_WRITE, lambda c: c.tenant.leader_id, {"name": "Lise Leder-Lie"}, case_data=False
    ),
    ("GET", "/v1/children/{child_id}"): RouteSpec(
        Scope.CHILDREN_READ, lambda c: c.child["id"], None, case_data=True
    ),
    ("PATCH", "/v1/children/{child_id}"): RouteSpec(
        Scope.CHILDREN_WRITE, lambda c: c.child["id"], {"given_name": "Ella"}, case_data=True
    ),
    ("GET", "/v1/children/{child_id}/access-log"): RouteSpec(
        Scope.AUDIT_READ, lambda c: c.child["id"], None, case_data=True, contact_ok=False
    ),
    ("GET", "/v1/children/{child_id}/export"): RouteSpec(
        Scope.CHILDREN_EXPORT, lambda c: c.child["id"], None, case_data=True, contact_ok=False
    ),
    # The child's parents (issue #14 item 1): child data, under the child's own scopes.
    ("POST", "/v1/children/{child_id}/parents"): RouteSpec(
        Scope.CHILDREN_WRITE, lambda c: c.child["id"], PARENT, case_data=True, ok=201
    ),
    ("GET", "/v1/children/{child_id}/parents"): RouteSpec(
        Scope.CHILDREN_READ, lambda c: c.child["id"], None, case_data=True
    ),
    ("GET", "/v1/children/{child_id}/parents/{parent_id}"): RouteSpec(
        Scope.CHILDREN_READ, parent_of, None, case_data=True
    ),
    ("PATCH", "/v1/children/{child_id}/parents/{parent_id}"): RouteSpec(
        Scope.CHILDREN_WRITE, parent_of, {"phone": "22 33 44 55"}, case_data=True
    ),
    # The rammefortelling (catalogue slice).
    ("GET", "/v1/children/{child_id}/life-story"): RouteSpec(
        Scope.DOCUMENTS_READ, lambda c: c.child["id"], None, case_data=True
    ),
    ("GET", "/v1/children/{child_id}/life-story/parts/{part_key}"): RouteSpec(
        Scope.DOCUMENTS_READ, life_story_part, None, case_data=True
    ),
    ("PUT", "/v1/children/{child_id}/life-story/parts/{part_key}"): RouteSpec(
        Scope.DOCUMENTS_WRITE,
        unwritten_life_story_part,
        {"text": "Det jeg er god til: fotball og tegning."},
        case_data=True,
    ),
    ("GET", "/v1/children/{child_id}/life-story/parts/{part_key}/versions"): RouteSpec(
        Scope.DOCUMENTS_READ, life_story_part, None, case_data=True
    ),
    ("GET", "/v1/foster-homes/{foster_home_id}"): RouteSpec(
        Scope.FOSTER_HOMES_READ, lambda c: c.foster_home["id"], None, case_data=True
    ),
    ("PATCH", "/v1/foster-homes/{foster_home_id}"): RouteSpec(
        Scope.FOSTER_HOMES_WRITE,
        lambda c: c.foster_home["id"],
        {"name": "Familien Fjell"},
        case_data=True,
    ),
    ("GET", "/v1/placements/{placement_id}"): RouteSpec(
        Scope.PLACEMENTS_READ, lambda c: c.placement["id"], None, case_data=True
    ),
    ("PATCH", "/v1/placements/{placement_id}"): RouteSpec(
        Scope.PLACEMENTS_WRITE,
        lambda c: c.placement["id"],
        {"legal_basis": "voluntary"},
        case_data=True,
    ),
    ("POST", "/v1/placements/{placement_id}/end"): RouteSpec(
        Scope.PLACEMENTS_WRITE,
        lambda c: c.placement["id"],
        {"end_date": "2026-02-01", "end_reason": "returned_home"},
        case_data=True,
    ),
    ("GET", "/v1/tasks/{task_id}"): RouteSpec(Scope.TASKS_READ, visit_task, None, case_data=True),
    ("GET", "/v1/tasks/{task_id}/changes"): RouteSpec(
        Scope.TASKS_READ, visit_task, None, case_data=True
    ),
    ("PATCH", "/v1/tasks/{task_id}"): RouteSpec(
        Scope.TASKS_WRITE, visit_task, {"due_date": "2027-01-04"}, case_data=True
    ),
    ("POST", "/v1/tasks/{task_id}/complete"): RouteSpec(
        Scope.TASKS_WRITE, visit_task, {"answers": VISIT_ANSWERS}, case_data=True
    ),
    ("POST", "/v1/tasks/{task_id}/skip"): RouteSpec(
        Scope.TASKS_WRITE, visit_task, {"reason": "Barnet var bortreist."}, case_data=True
    ),
    ("POST", "/v1/tasks/{task_id}/reopen"): RouteSpec(
        Scope.TASKS_WRITE,
        completed_visit_task,
        None,
        case_data=True,
        contact_ok=False,
        leader_only=True,
    ),
    ("POST", "/v1/calendar-feeds/{feed_id}/revoke"): RouteSpec(
        Scope.TASKS_READ, calendar_feed_of, None, case_data=True
    ),
    ("GET", "/v1/documents/{document_id}"): RouteSpec(
        Scope.DOCUMENTS_READ, document_of, None, case_data=True
    ),
    ("GET", "/v1/documents/{document_id}/content"): RouteSpec(
        Scope.DOCUMENTS_READ, document_of, None, case_data=True
    ),
    ("GET", "/v1/templates/{key}"): RouteSpec(
        Scope.DOCUMENTS_READ,
        lambda c: "oppfolgingsplan",
        None,
        case_data=False,
        tenant_data=False,
    ),
    ("GET", "/v1/workflows/{workflow_id}"): RouteSpec(
        Scope.WORKFLOWS_READ, workflow_of, None, case_data=True
    ),
    ("PUT", "/v1/workflow-adjustments/{key}"): RouteSpec(
        Scope.WORKFLOWS_WRITE,
        lambda c: "omsorgspakken",
        {"steps": {}},
        case_data=False,
        contact_ok=False,
        tenant_data=False,
    ),
    ("GET", "/v1/workflow-definitions/{key}"): RouteSpec(
        Scope.WORKFLOWS_READ, lambda c: "tilsyn", None, case_data=False, tenant_data=False
    ),
    ("POST", "/v1/placements/{placement_id}/workflows"): RouteSpec(
        Scope.WORKFLOWS_WRITE,
        lambda c: c.placement["id"],
        {"definition_key": "veien-videre"},
        case_data=True,
        ok=201,
    ),
    ("GET", "/v1/placements/{placement_id}/timeline"): RouteSpec(
        Scope.TASKS_READ, lambda c: c.placement["id"], None, case_data=True
    ),
    ("POST", "/v1/placements/{placement_id}/schedule-preview"): RouteSpec(
        Scope.TASKS_READ,
        lambda c: c.placement["id"],
        {"agreement_end_date": "2029-06-29"},
        case_data=True,
    ),
    ("POST", "/v1/placements/{placement_id}/extra-visits"): RouteSpec(
        Scope.PLACEMENTS_WRITE, lambda c: c.placement["id"], EXTRA_VISIT, case_data=True, ok=201
    ),
    ("GET", "/v1/placements/{placement_id}/extra-visits/{visit_id}"): RouteSpec(
        Scope.TASKS_READ, extra_visit, None, case_data=True
    ),
    ("POST", "/v1/placements/{placement_id}/approval"): RouteSpec(
        Scope.PLACEMENTS_WRITE, lambda c: c.placement["id"], {}, case_data=True, ok=201
    ),
    ("GET", "/v1/placements/{placement_id}/approval"): RouteSpec(
        Scope.PLACEMENTS_READ, approval, None, case_data=True
    ),
    ("PATCH", "/v1/placements/{placement_id}/approval"): RouteSpec(
        Scope.PLACEMENTS_WRITE, approval, {"home_visit_date": "2026-01-03"}, case_data=True
    ),
    ("GET", "/v1/placements/{placement_id}/plans"): RouteSpec(
        Scope.PLACEMENTS_READ, lambda c: c.placement["id"], None, case_data=True
    ),
    ("POST", "/v1/placements/{placement_id}/plans"): RouteSpec(
        Scope.PLACEMENTS_WRITE, lambda c: c.placement["id"], PLAN, case_data=True, ok=201
    ),
    ("GET", "/v1/placements/{placement_id}/plans/{plan_id}"): RouteSpec(
        Scope.PLACEMENTS_READ, plan_of, None, case_data=True
    ),
    ("PATCH", "/v1/placements/{placement_id}/plans/{plan_id}"): RouteSpec(
        Scope.PLACEMENTS_WRITE,
        plan_of,
        {"summary": "Besøk hver annen måned.", "reason": "Barnet trenger tettere oppfølging."},
        case_data=True,
    ),
    ("GET", "/v1/placements/{placement_id}/follow-up-visits"): RouteSpec(
        Scope.TASKS_READ, lambda c: c.placement["id"], None, case_data=True
    ),
    ("GET", "/v1/placements/{placement_id}/visit-reductions"): RouteSpec(
        Scope.TASKS_READ, lambda c: visit_reduction(c)[0], None, case_data=True
    ),
    ("POST", "/v1/placements/{placement_id}/visit-reductions/{reduction_id}/end"): RouteSpec(
        Scope.PLACEMENTS_WRITE,
        visit_reduction,
        {"ended_on": "2028-06-01", "reason": "Barnet trenger tettere oppfølging igjen."},
        case_data=True,
        contact_ok=False,
        leader_only=True,
    ),
    ("POST", "/v1/placements/{placement_id}/visit-reductions"): RouteSpec(
        Scope.PLACEMENTS_WRITE,
        lambda c: c.placement["id"],
        {"effective_from": "2028-02-01", "reason": "Stabilt og godt i to år."},
        case_data=True,
        ok=201,
        contact_ok=False,
        leader_only=True,
    ),
    # -- supervision (issue #14 item 1) --
    ("POST", "/v1/placements/{placement_id}/supervision-visitors"): RouteSpec(
        Scope.PLACEMENTS_WRITE,
        lambda c: c.placement["id"],
        {**VISITOR, "appointed_on": "2026-01-05"},
        case_data=True,
        ok=201,
    ),
    ("GET", "/v1/placements/{placement_id}/supervision-visitors"): RouteSpec(
        Scope.PLACEMENTS_READ, lambda c: c.placement["id"], None, case_data=True
    ),
    ("GET", "/v1/placements/{placement_id}/supervision-visitors/{visitor_id}"): RouteSpec(
        Scope.PLACEMENTS_READ, supervision_visitor_of, None, case_data=True
    ),
    ("PATCH", "/v1/placements/{placement_id}/supervision-visitors/{visitor_id}"): RouteSpec(
        Scope.PLACEMENTS_WRITE,
        supervision_visitor_of,
        {"training_completed_on": "2026-02-01"},
        case_data=True,
    ),
    ("POST", "/v1/placements/{placement_id}/supervision-visitors/{visitor_id}/end"): RouteSpec(
        Scope.PLACEMENTS_WRITE,
        supervision_visitor_of,
        {"ended_on": "2026-03-01", "reason": "Tilsynsføreren sluttet."},
        case_data=True,
    ),
    ("GET", "/v1/placements/{placement_id}/supervision-reports"): RouteSpec(
        Scope.PLACEMENTS_READ, lambda c: c.placement["id"], None, case_data=True
    ),
    ("GET", "/v1/supervision-reports/{report_id}"): RouteSpec(
        Scope.PLACEMENTS_READ, supervision_report_of, None, case_data=True
    ),
    ("GET", "/v1/supervision-reports/{report_id}/content"): RouteSpec(
        Scope.PLACEMENTS_READ, supervision_report_of, None, case_data=True
    ),
    ("POST", "/v1/foster-homes/{foster_home_id}/children"): RouteSpec(
        Scope.FOSTER_HOMES_WRITE, lambda c: c.foster_home["id"], HOME_CHILD, case_data=True, ok=201
    ),
    ("GET", "/v1/foster-homes/{foster_home_id}/children"): RouteSpec(
        Scope.FOSTER_HOMES_READ, lambda c: c.foster_home["id"], None, case_data=True
    ),
    ("GET", "/v1/foster-homes/{foster_home_id}/children/{home_child_id}"): RouteSpec(
        Scope.FOSTER_HOMES_READ, home_child_of, None, case_data=True
    ),
    ("PATCH", "/v1/foster-homes/{foster_home_id}/children/{home_child_id}"): RouteSpec(
        Scope.FOSTER_HOMES_WRITE, home_child_of, {"notes": "Går i 5. klasse."}, case_data=True
    ),
    ("GET", "/v1/webhook-subscriptions/{subscription_id}"): RouteSpec(
        Scope.WEBHOOKS_READ, webhook_subscription_of, None, case_data=False, contact_ok=False
    ),
    ("PATCH", "/v1/webhook-subscriptions/{subscription_id}"): RouteSpec(
        Scope.WEBHOOKS_WRITE,
        webhook_subscription_of,
        {"description": "Journalsystemet"},
        case_data=False,
        contact_ok=False,
    ),
    ("DELETE", "/v1/webhook-subscriptions/{subscription_id}"): RouteSpec(
        Scope.WEBHOOKS_WRITE,
        webhook_subscription_of,
        None,
        case_data=False,
        ok=204,
        contact_ok=False,
    ),
    ("POST", "/v1/webhook-subscriptions/{subscription_id}/rotate-secret"): RouteSpec(
        Scope.WEBHOOKS_WRITE, webhook_subscription_of, None, case_data=False, contact_ok=False
    ),
    ("GET", "/v1/webhook-subscriptions/{subscription_id}/deliveries"): RouteSpec(
        Scope.WEBHOOKS_READ, webhook_subscription_of, None, case_data=False, contact_ok=False
    ),
    (
        "POST",
        "/v1/webhook-subscriptions/{subscription_id}/deliveries/{delivery_id}/redeliver",
    ): RouteSpec(
        Scope.WEBHOOKS_WRITE,
        webhook_delivery_of,
        None,
        case_data=False,
        ok=202,
        contact_ok=False,
    ),
    # Contact visits (samvær)
    ("POST", "/v1/placements/{placement_id}/contact-visit-arrangements"): RouteSpec(
        Scope.PLACEMENTS_WRITE, lambda c: c.placement["id"], ARRANGEMENT, case_data=True, ok=201
    ),
    ("GET", "/v1/placements/{placement_id}/contact-visit-arrangements"): RouteSpec(
        Scope.PLACEMENTS_READ, lambda c: c.placement["id"], None, case_data=True
    ),
    ("GET", "/v1/placements/{placement_id}/contact-visit-arrangements/{arrangement_id}"): RouteSpec(
        Scope.PLACEMENTS_READ, contact_visit_arrangement, None, case_data=True
    ),
    (
        "PATCH",
        "/v1/placements/{placement_id}/contact-visit-arrangements/{arrangement_id}",
    ): RouteSpec(
        Scope.PLACEMENTS_WRITE,
        contact_visit_arrangement,
        {"change_reason": "Ny avgjørelse.", "every": "P1M"},
        case_data=True,
    ),
    ("GET", "/v1/placements/{placement_id}/contact-visits/schedule"): RouteSpec(
        Scope.PLACEMENTS_READ, lambda c: c.placement["id"], None, case_data=True
    ),
    ("POST", "/v1/placements/{placement_id}/contact-visits"): RouteSpec(
        Scope.PLACEMENTS_WRITE, lambda c: c.placement["id"], CONTACT_VISIT, case_data=True, ok=201
    ),
    ("GET", "/v1/placements/{placement_id}/contact-visits"): RouteSpec(
        Scope.PLACEMENTS_READ, lambda c: c.placement["id"], None, case_data=True
    ),
    ("GET", "/v1/placements/{placement_id}/contact-visits/{contact_visit_id}"): RouteSpec(
        Scope.PLACEMENTS_READ, contact_visit, None, case_data=True
    ),
    ("PATCH", "/v1/placements/{placement_id}/contact-visits/{contact_visit_id}"): RouteSpec(
        Scope.PLACEMENTS_WRITE, contact_visit, {"notes": "Gikk fint."}, case_data=True
    ),
    ("POST", "/v1/placements/{placement_id}/contact-visit-reports"): RouteSpec(
        Scope.PLACEMENTS_WRITE,
        lambda c: c.placement["id"],
        CONTACT_VISIT_REPORT,
        case_data=True,
        ok=201,
    ),
    ("GET", "/v1/placements/{placement_id}/contact-visit-reports"): RouteSpec(
        Scope.PLACEMENTS_READ, lambda c: c.placement["id"], None, case_data=True
    ),
    (
        "GET",
        "/v1/placements/{placement_id}/contact-visit-reports/{contact_visit_report_id}",
    ): RouteSpec(Scope.PLACEMENTS_READ, contact_visit_report, None, case_data=True),
    # Inter-municipal teams
    ("GET", "/v1/teams/{team_id}"): RouteSpec(Scope.TEAMS_READ, team_of, None, case_data=False),
    ("POST", "/v1/teams/{team_id}/members"): RouteSpec(
        Scope.TEAMS_WRITE,
        team_for_members,
        TEAM_MEMBER_BODY,
        case_data=False,
        ok=201,
        contact_ok=False,
    ),
    ("GET", "/v1/teams/{team_id}/members"): RouteSpec(
        Scope.TEAMS_READ, team_of, None, case_data=False
    ),
    ("POST", "/v1/teams/{team_id}/populations"): RouteSpec(
        Scope.TEAMS_WRITE,
        team_for_populations,
        TEAM_POPULATION_BODY,
        case_data=False,
        ok=201,
        contact_ok=False,
    ),
    ("GET", "/v1/teams/{team_id}/populations"): RouteSpec(
        Scope.TEAMS_READ, team_of, None, case_data=False
    ),
    ("POST", "/v1/teams/{team_id}/staff"): RouteSpec(
        Scope.TEAMS_WRITE,
        team_for_staff,
        TEAM_STAFF_BODY,
        case_data=False,
        ok=201,
        contact_ok=False,
    ),
    ("GET", "/v1/teams/{team_id}/staff"): RouteSpec(
        Scope.TEAMS_READ, team_of, None, case_data=False
    ),
    ("PUT", "/v1/teams/{team_id}/years/{year}"): RouteSpec(
        Scope.TEAMS_WRITE, unrated_team_year_of, YEAR_RATES, case_data=False, contact_ok=False
    ),
    ("GET", "/v1/teams/{team_id}/years/{year}"): RouteSpec(
        Scope.TEAMS_READ, team_year_of, None, case_data=False
    ),
    ("POST", "/v1/teams/{team_id}/years/{year}/settlement"): RouteSpec(
        Scope.TEAMS_WRITE, team_year_of, {"use": []}, case_data=False, ok=201, contact_ok=False
    ),
    ("GET", "/v1/teams/{team_id}/years/{year}/statements"): RouteSpec(
        Scope.TEAMS_READ, team_year_of, None, case_data=False
    ),
    (
        "GET",
        "/v1/teams/{team_id}/years/{year}/statements/{member_service_id}/document",
    ): RouteSpec(Scope.TEAMS_READ, team_statement_of, None, case_data=False, contact_ok=False),
    ("GET", "/v1/teams/{team_id}/statistics"): RouteSpec(
        Scope.TEAMS_READ, team_of, None, case_data=False, contact_ok=False
    ),
    ("GET", "/v1/team-orders/{order_id}"): RouteSpec(
        Scope.TEAMS_READ, order_of, None, case_data=True
    ),
    ("POST", "/v1/team-orders/{order_id}/accept"): RouteSpec(
        Scope.TEAMS_WRITE, order_of, {"accepted_on": TODAY}, case_data=True
    ),
    ("POST", "/v1/team-orders/{order_id}/decline"): RouteSpec(
        Scope.TEAMS_WRITE,
        order_of,
        {"declined_on": TODAY, "reason": "Ikke vårt område."},
        case_data=True,
    ),
    ("POST", "/v1/team-orders/{order_id}/call-back"): RouteSpec(
        Scope.TEAMS_WRITE, order_in("accepted"), {"called_back_on": TODAY}, case_data=True
    ),
    ("POST", "/v1/team-orders/{order_id}/start"): RouteSpec(
        Scope.TEAMS_WRITE, order_in("called_back"), ORDER_START, case_data=True
    ),
    ("POST", "/v1/team-orders/{order_id}/hours"): RouteSpec(
        Scope.TEAMS_WRITE, order_in("started"), {"worked_on": TODAY, "hours": 1}, case_data=True
    ),
    ("GET", "/v1/team-orders/{order_id}/hours"): RouteSpec(
        Scope.TEAMS_READ, order_in("started"), None, case_data=True
    ),
    ("POST", "/v1/team-orders/{order_id}/close"): RouteSpec(
        Scope.TEAMS_WRITE,
        order_in("started"),
        {"closed_on": TODAY, "report": "Ferdig.", "breakdown_outcome": "foster_home_continued"},
        case_data=True,
    ),
}

PATH_PARAMETER = re.compile(r"\{[^}]+\}")


@dataclass(frozen=True)
class IdRoute:
    method: str
    path: str
    scopes: frozenset[str]

    @property
    def key(self) -> tuple[str, str]:
        return (self.method, self.path)

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


def _api_routes(app: FastAPI) -> Iterator[tuple[str, APIRoute]]:
    """Every API route with its full path. FastAPI >= 0.16x keeps included routers lazily
    (``app.routes`` holds one entry per router), so flatten them when it can."""
    contexts = getattr(fastapi.routing, "iter_route_contexts", None)
    if contexts is None:
        for route in app.routes:
            if isinstance(route, APIRoute):
                yield route.path_format, route
        return
    for context in contexts(app.routes):
        original = context.original_route
        if isinstance(original, APIRoute):
            yield str(context.path_format), original


def _declared_scopes(dependant: Dependant) -> set[str]:
    """The scopes of every ``Security(..., scopes=[...])`` in the dependency tree."""
    found = set(getattr(dependant, "own_oauth_scopes", None) or ())
    for sub in dependant.dependencies:
        found |= _declared_scopes(sub)
    return found


def id_routes(app: FastAPI) -> list[IdRoute]:
    routes = [
        IdRoute(method, path, frozenset(_declared_scopes(route.dependant)))
        for path, route in _api_routes(app)
        if path.startswith("/v1/") and "{" in path
        for method in sorted(route.methods or ())
    ]
    return sorted(routes, key=lambda r: (r.path, r.method))


def url_for(route: IdRoute, row_id: str | tuple[str, ...]) -> str:
    """The path with the target's ids in order; one id fills every place (an unknown id)."""
    if isinstance(row_id, str):
        return PATH_PARAMETER.sub(row_id, route.path)
    ids = iter(row_id)
    return PATH_PARAMETER.sub(lambda _: next(ids), route.path)


def spec_for(route: IdRoute) -> RouteSpec:
    spec = ROUTES.get(route.key)
    assert spec is not None, (
        f"{route} has no entry in tests/test_tenancy.py ROUTES: add one so its tenancy is tested"
    )
    return spec


def send(caller: Caller, route: IdRoute, row_id: str | tuple[str, ...]) -> httpx.Response:
    spec = spec_for(route)
    headers = {"If-Match": "*"} if route.method == "PATCH" else {}
    return caller.request(route.method, url_for(route, row_id), json=spec.body, headers=headers)


def with_scopes(role: Role, extra: frozenset[str]) -> list[str]:
    return sorted({str(s) for s in DEFAULT_SCOPES[role]} | extra)


def assert_problem(response: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"] == PROBLEM_BASE + slug
    return body


def ids(response: httpx.Response) -> set[str]:
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


def add_contact_person(api: Api, tenant: Tenant, name: str = "Per Annen") -> tuple[str, Caller]:
    staff = api.admin.created(
        f"/v1/staff?service_id={tenant.service_id}",
        {"name": name, "email": f"{uuid.uuid4().hex[:8]}@test.example", "role": "contact_person"},
    )
    bearer = token(Role.CONTACT_PERSON, services=[tenant.service_id], staff=staff["id"])
    return staff["id"], api.caller(bearer)


@pytest.fixture
def routes(live_server: Any) -> list[IdRoute]:
    found = id_routes(live_server.app)
    assert found, "no route with an id found in the app's route table"
    return found


# -- The matrix ----------------------------------------------------------------------------------


class TestTheMatrixCoversEveryRouteWithAnId:
    def test_every_route_with_an_id_has_an_entry_in_the_table(self, routes: list[IdRoute]) -> None:
        unknown = sorted(str(r) for r in routes if r.key not in ROUTES)
        assert not unknown, f"routes without a tenancy test (add them to ROUTES): {unknown}"
        gone = sorted(f"{m} {p}" for m, p in ROUTES if (m, p) not in {r.key for r in routes})
        assert not gone, f"ROUTES names routes the app no longer has: {gone}"

    def test_every_route_with_an_id_demands_the_scope_the_table_expects(
        self, routes: list[IdRoute]
    ) -> None:
        demanded = {str(r): r.scopes for r in routes}
        expected = {f"{m} {p}": frozenset({str(spec.scope)}) for (m, p), spec in ROUTES.items()}
        assert demanded == expected

    def test_the_route_table_agrees_with_the_published_openapi_document(
        self, routes: list[IdRoute], http: httpx.Client
    ) -> None:
        schema = http.get("/openapi.json").json()
        published = {
            (method.upper(), path): frozenset(
                scope
                for requirement in op.get("security", [])
                for scope in requirement.get("HTTPBearer", [])
            )
            for path, item in schema["paths"].items()
            if path.startswith("/v1/") and "{" in path
            for method, op in item.items()
        }
        assert {r.key: r.scopes for r in routes} == published

    def test_every_route_with_an_id_requires_a_scope(self, routes: list[IdRoute]) -> None:
        assert all(r.scopes for r in routes), [str(r) for r in routes if not r.scopes]


class TestAnotherServiceCannotReachTheRow:
    def test_a_leader_or_integration_of_another_service_gets_404_like_a_missing_row(
        self, api: Api, routes: list[IdRoute], subtests: pytest.Subtests
    ) -> None:
        service_b = api.tenant().service_id
        for route in routes:
            with subtests.test(msg=str(route)):
                spec = spec_for(route)
                case = make_case(api)
                row_id = spec.target(case)
                for role in (Role.LEADER, Role.INTEGRATION):
                    scopes = with_scopes(role, route.scopes)
                    outsider = api.caller(token(role, services=[service_b], scopes=scopes))
                    if not spec.tenant_data:
                        assert send(outsider, route, row_id).status_code == spec.ok
                        continue
                    # A role refused before the lookup (API keys) gets 403 for any id.
                    refused = spec.leader_only and role is Role.INTEGRATION
                    response = send(outsider, route, row_id)
                    status, slug = (
                        (403, "forbidden")
                        if refused and response.status_code == 403
                        else (404, "not-found")
                    )
                    body = assert_problem(response, status, slug)
                    unknown = assert_problem(send(outsider, route, str(uuid.uuid4())), status, slug)
                    # Nothing tells the outsider that the row exists.
                    assert {k: v for k, v in body.items() if k != "instance"} == {
                        k: v for k, v in unknown.items() if k != "instance"
                    }
                # The same request by the service's own integration succeeds (by its own leader
                # where the route is leader-only, and the integration is refused).
                owner_role = Role.LEADER if spec.leader_only else Role.INTEGRATION
                services = [case.tenant.service_id]
                if spec.leader_only:
                    scopes = with_scopes(Role.INTEGRATION, route.scopes)
                    integration = api.caller(
                        token(Role.INTEGRATION, services=services, scopes=scopes)
                    )
                    assert_problem(send(integration, route, row_id), 403, "forbidden")
                owner_scopes = with_scopes(owner_role, route.scopes)
                owner = api.caller(token(owner_role, services=services, scopes=owner_scopes))
                response = send(owner, route, row_id)
                assert response.status_code == spec.ok, response.text


class TestAContactPersonSeesOnlyTheirOwnCases:
    def test_a_contact_person_not_on_the_case_gets_404_for_case_data_but_sees_staff_and_service(
        self, api: Api, routes: list[IdRoute], subtests: pytest.Subtests
    ) -> None:
        for route in routes:
            with subtests.test(msg=str(route)):
                spec = spec_for(route)
                case = make_case(api)
                row_id = spec.target(case)
                other_id, _ = add_contact_person(api, case.tenant)
                scopes = with_scopes(Role.CONTACT_PERSON, route.scopes)
                bystander = api.caller(
                    token(
                        Role.CONTACT_PERSON,
                        services=[case.tenant.service_id],
                        staff=other_id,
                        scopes=scopes,
                    )
                )
                response = send(bystander, route, row_id)
                if spec.case_data:
                    assert_problem(response, 404, "not-found")
                    # The case's own contact person gets through.
                    follower = api.caller(
                        token(
                            Role.CONTACT_PERSON,
                            services=[case.tenant.service_id],
                            staff=case.tenant.contact_id,
                            scopes=scopes,
                        )
                    )
                    response = send(follower, route, row_id)
                if not spec.contact_ok:
                    assert_problem(response, 403, "forbidden")
                    continue
                assert response.status_code == spec.ok, response.text


def add_supervisor(
    api: Api, tenant: Tenant, name: str = "Siv Veileder", scopes: list[str] | None = None
) -> tuple[str, Caller]:
    """A foster-home supervisor of the service, with a supervisor's own scopes (or these)."""
    staff = api.admin.created(
        f"/v1/staff?service_id={tenant.service_id}",
        {"name": name, "email": f"{uuid.uuid4().hex[:8]}@test.example", "role": "supervisor"},
    )
    bearer = token(Role.SUPERVISOR, services=[tenant.service_id], staff=staff["id"], scopes=scopes)
    return staff["id"], api.caller(bearer)


# What the case's own supervisor reaches with a supervisor's scopes (tasks only, see
# DEFAULT_SCOPES): the placement's tasks and the follow-up they record; every other route in
# their scopes answers 404 (fail closed), every route outside them 403. Working on a task that
# is not assigned to them is refused (403).
SUPERVISOR_REACHES: frozenset[tuple[str, str]] = frozenset(
    {
        ("GET", "/v1/tasks/{task_id}"),
        ("GET", "/v1/tasks/{task_id}/changes"),
        ("GET", "/v1/placements/{placement_id}/timeline"),
        ("POST", "/v1/placements/{placement_id}/schedule-preview"),
        ("GET", "/v1/placements/{placement_id}/follow-up-visits"),
        ("GET", "/v1/placements/{placement_id}/visit-reductions"),
        ("GET", "/v1/placements/{placement_id}/extra-visits/{visit_id}"),
    }
)
SUPERVISOR_REFUSED: frozenset[tuple[str, str]] = frozenset(
    {
        ("PATCH", "/v1/tasks/{task_id}"),
        ("POST", "/v1/tasks/{task_id}/complete"),
        ("POST", "/v1/tasks/{task_id}/skip"),
        ("POST", "/v1/tasks/{task_id}/reopen"),
    }
)


CASE_LIST_SCOPES = ("placements:read", "children:read", "foster_homes:read")


class TestASupervisorSeesOnlyThePlacementsTheySupervise:
    def test_a_supervisor_reaches_their_placements_child_home_and_tasks_and_nothing_else(
        self, api: Api, routes: list[IdRoute], subtests: pytest.Subtests
    ) -> None:
        own_scopes = {str(s) for s in DEFAULT_SCOPES[Role.SUPERVISOR]}
        shared = make_case(api)
        _outside_id, outside = add_supervisor(api, shared.tenant, "Stein Utenfor")
        for route in routes:
            with subtests.test(msg=str(route)):
                spec = spec_for(route)
                if not route.scopes <= own_scopes:
                    # Refused before any lookup: the scope is not a supervisor's.
                    response = send(outside, route, spec.target(shared))
                    assert_problem(response, 403, "forbidden")
                    continue
                tenant = api.tenant()
                supervisor_id, supervisor = add_supervisor(api, tenant)
                _, bystander = add_supervisor(api, tenant, "Sara Annen")
                case = make_case(api, tenant, supervisor_id=supervisor_id)
                row_id = spec.target(case)
                response = send(bystander, route, row_id)
                if spec.case_data:
                    assert_problem(response, 404, "not-found")
                else:
                    assert response.status_code == spec.ok, response.text
                response = send(supervisor, route, row_id)
                if route.key in SUPERVISOR_REACHES or not spec.case_data:
                    assert response.status_code == spec.ok, response.text
                elif route.key in SUPERVISOR_REFUSED:
                    assert_problem(response, 403, "forbidden")
                else:
                    assert_problem(response, 404, "not-found")

    def test_a_supervisor_lists_only_the_placements_they_supervise(self, api: Api) -> None:
        tenant = api.tenant()
        reads = with_scopes(Role.SUPERVISOR, frozenset(CASE_LIST_SCOPES))
        supervisor_id, supervisor = add_supervisor(api, tenant, scopes=reads)
        _, other = add_supervisor(api, tenant, "Sara Annen", scopes=reads)
        theirs = make_case(api, tenant, supervisor_id=supervisor_id)
        make_case(api, tenant)
        for path, row in CASE_LISTS.items():
            assert ids(supervisor.get(path)) == {row(theirs)}, path
            assert ids(other.get(path)) == set(), path
        tasks = supervisor.get("/v1/tasks", params={"limit": 100})
        placements = {t["placement_id"] for t in tasks.json()["items"]}
        assert placements == {theirs.placement["id"]}
        assert ids(other.get("/v1/tasks")) == set()

    def test_a_supervisor_completes_a_step_assigned_to_them(self, api: Api) -> None:
        tenant = api.tenant()
        supervisor_id, supervisor = add_supervisor(api, tenant)
        case = make_case(api, tenant, supervisor_id=supervisor_id)
        task_id = visit_task(case)
        moved = tenant.leader.patch(
            f"/v1/tasks/{task_id}", json={"assignee_id": supervisor_id}, headers={"If-Match": "*"}
        )
        assert moved.status_code == 200, moved.text
        done = supervisor.post(f"/v1/tasks/{task_id}/complete", json={"answers": VISIT_ANSWERS})
        assert done.status_code == 200, done.text
        assert done.json()["status"] == "completed"


class TestATeamsStaffSeeOnlyTheOrderedCase:
    """The team role (decisions.md 7): staff of a team hosted by another service, with an
    accepted order for the case, read the ordered child and foster home, and nothing else of
    the member's case data: every other route is refused as if the row did not exist (or the
    caller's role may not use it), never answered."""

    def test_a_team_with_an_accepted_order_reads_the_child_and_foster_home_only(
        self, api: Api, routes: list[IdRoute], subtests: pytest.Subtests
    ) -> None:
        for route in routes:
            spec = spec_for(route)
            if not (spec.case_data and spec.tenant_data) or route.path.startswith(
                "/v1/team-orders"
            ):
                continue
            with subtests.test(msg=str(route)):
                case = make_case(api)
                row_id = spec.target(case)
                _staff_id, team_staff = team_with_an_accepted_order(api, case, route.scopes)
                response = send(team_staff, route, row_id)
                if route.key in TEAM_READS:
                    assert response.status_code == spec.ok, response.text
                else:
                    assert response.status_code in (403, 404), response.text


# The routes an accepted order opens to the team: the ordered child and foster home, read.
TEAM_READS = {
    ("GET", "/v1/children/{child_id}"),
    ("GET", "/v1/foster-homes/{foster_home_id}"),
}


def team_with_an_accepted_order(api: Api, case: Case, scopes: frozenset[str]) -> tuple[str, Caller]:
    """A team hosted by another service, the case's service a member, with an accepted order for
    the case's child and foster home; its supervisor's staff id and caller (a contact person of
    the host, with the route's scopes)."""
    host = api.tenant()
    team = host.leader.created("/v1/teams", {"name": "Teamet", "use_basis": "seats"})
    host.leader.created(
        f"/v1/teams/{team['id']}/members",
        {"member_service_id": case.tenant.service_id, "joined_on": "2020-01-01"},
    )
    staff_id, _ = add_contact_person(api, host, "Siri Veileder")
    host.leader.created(
        f"/v1/teams/{team['id']}/staff", {"staff_id": staff_id, "team_role": "supervisor"}
    )
    order = case.tenant.leader.created(
        "/v1/team-orders",
        {
            "team_id": team["id"],
            "category": "foster_parent_guidance",
            "concerns": "childs_foster_parents",
            "child_id": case.child["id"],
            "foster_home_id": case.foster_home["id"],
            "work_on": "Veiledning.",
            "reason": "Nye fosterforeldre.",
            "desired_outcome": "Trygghet i rollen.",
        },
    )
    accepted = host.leader.post(
        f"/v1/team-orders/{order['id']}/accept", json={"accepted_on": TODAY}
    )
    assert accepted.status_code == 200, accepted.text
    caller = api.caller(
        token(
            Role.CONTACT_PERSON,
            services=[host.service_id],
            staff=staff_id,
            scopes=with_scopes(Role.CONTACT_PERSON, scopes),
        )
    )
    return staff_id, caller


class TestEveryRouteNeedsAToken:
    def test_no_token_gets_401_problem_with_www_authenticate(
        self, api: Api, routes: list[IdRoute], subtests: pytest.Subtests
    ) -> None:
        case = make_case(api)
        for route in routes:
            with subtests.test(msg=str(route)):
                response = send(api.anonymous, route, spec_for(route).target(case))
                assert_problem(response, 401, "unauthenticated")
                assert response.headers["www-authenticate"].lower().startswith("bearer")


class TestEveryRouteChecksItsScope:
    def test_a_token_without_the_routes_scope_gets_403(
        self, api: Api, routes: list[IdRoute], subtests: pytest.Subtests
    ) -> None:
        case = make_case(api)
        every_scope = {str(s) for s in Scope}
        for route in routes:
            with subtests.test(msg=str(route)):
                assert route.scopes <= every_scope, route.scopes - every_scope
                scopes = sorted(every_scope - route.scopes)
                for role in (Role.LEADER, Role.INTEGRATION):
                    caller = api.caller(
                        token(role, services=[case.tenant.service_id], scopes=scopes)
                    )
                    body = assert_problem(
                        send(caller, route, spec_for(route).target(case)), 403, "forbidden"
                    )
                    assert all(scope in body["detail"] for scope in route.scopes), body
        # None of the refused writes changed anything.
        response = case.tenant.integration.get(f"/v1/placements/{case.placement['id']}")
        assert response.json()["status"] == case.placement["status"]
        assert response.json()["legal_basis"] == case.placement["legal_basis"]
        response = case.tenant.integration.get(f"/v1/children/{case.child['id']}")
        assert response.json()["given_name"] == case.child["given_name"]


# -- Lists ---------------------------------------------------------------------------------------

CASE_LISTS: dict[str, Callable[[Case], str]] = {
    "/v1/placements": lambda c: c.placement["id"],
    "/v1/children": lambda c: c.child["id"],
    "/v1/foster-homes": lambda c: c.foster_home["id"],
}


class TestListsShowOnlyTheCallersService:
    def test_a_leader_of_another_service_lists_none_of_its_rows(self, api: Api) -> None:
        case_a = make_case(api)
        case_b = make_case(api)
        leader_b = case_b.tenant.leader
        for path, row in CASE_LISTS.items():
            seen = ids(leader_b.get(path, params={"limit": 100}))
            assert row(case_b) in seen, path
            assert row(case_a) not in seen, path
        staff = ids(leader_b.get("/v1/staff", params={"limit": 100}))
        assert {case_b.tenant.leader_id, case_b.tenant.contact_id} == staff
        services = ids(leader_b.get("/v1/services", params={"limit": 100}))
        assert services == {case_b.tenant.service_id}

    def test_filtering_on_another_services_id_gives_an_empty_list(self, api: Api) -> None:
        case_a = make_case(api)
        case_b = make_case(api)
        for path in [*CASE_LISTS, "/v1/staff"]:
            response = case_b.tenant.leader.get(
                path, params={"service_id": case_a.tenant.service_id}
            )
            assert ids(response) == set(), path


class TestAContactPersonsListsShowOnlyTheirCases:
    def test_each_contact_person_lists_only_the_cases_they_follow(self, api: Api) -> None:
        tenant = api.tenant()
        other_id, other = add_contact_person(api, tenant)
        mine = make_case(api, tenant)
        theirs = make_case(api, tenant, contact_person_id=other_id)
        for path, row in CASE_LISTS.items():
            assert ids(tenant.contact.get(path)) == {row(mine)}, path
            assert ids(other.get(path)) == {row(theirs)}, path
            assert ids(tenant.leader.get(path)) == {row(mine), row(theirs)}, path

    def test_a_contact_person_lists_every_colleague(self, api: Api) -> None:
        tenant = api.tenant()
        other_id, _ = add_contact_person(api, tenant)
        assert ids(tenant.contact.get("/v1/staff")) == {
            tenant.leader_id,
            tenant.contact_id,
            other_id,
        }


# -- Several services in one token ---------------------------------------------------------------

CREATES: dict[str, Callable[[Tenant], dict[str, Any]]] = {
    "/v1/children": lambda t: child_body(),
    "/v1/foster-homes": lambda t: foster_home_body(),
    "/v1/staff": lambda t: {
        "name": "Nina Ny",
        "email": f"{uuid.uuid4().hex[:8]}@test.example",
        "role": "supervisor",
    },
}


class TestAnInterMunicipalTokenActsForTwoServices:
    def test_it_sees_the_rows_of_both_services(self, api: Api) -> None:
        case_a = make_case(api)
        case_b = make_case(api)
        both = api.caller(
            token(Role.INTEGRATION, services=[case_a.tenant.service_id, case_b.tenant.service_id])
        )
        for path, row in CASE_LISTS.items():
            assert ids(both.get(path)) == {row(case_a), row(case_b)}, path
        assert ids(both.get("/v1/services")) == {case_a.tenant.service_id, case_b.tenant.service_id}
        for case in (case_a, case_b):
            response = both.get(f"/v1/placements/{case.placement['id']}")
            assert response.status_code == 200, response.text

    @pytest.mark.parametrize("path", list(CREATES))
    def test_a_create_must_name_the_service(self, api: Api, path: str) -> None:
        a, b = api.tenant(), api.tenant()
        both = api.caller(token(Role.LEADER, services=[a.service_id, b.service_id]))
        body = CREATES[path](a)
        problem = assert_problem(both.post(path, json=body), 422, "validation-error")
        assert [(e["parameter"], e["location"], e["code"]) for e in problem["errors"]] == [
            ("service_id", "query", "missing")
        ]
        created = both.created(f"{path}?service_id={b.service_id}", body)
        assert created["service_id"] == b.service_id

    @pytest.mark.parametrize("path", list(CREATES))
    def test_a_create_for_a_service_not_granted_is_rejected(self, api: Api, path: str) -> None:
        a, b, elsewhere = api.tenant(), api.tenant(), api.service()
        both = api.caller(token(Role.LEADER, services=[a.service_id, b.service_id]))
        for service_id in (elsewhere["id"], str(uuid.uuid4())):
            response = both.post(f"{path}?service_id={service_id}", json=CREATES[path](a))
            problem = assert_problem(response, 422, "validation-error")
            assert [(e["parameter"], e["code"]) for e in problem["errors"]] == [
                ("service_id", "service_not_granted")
            ]
        # A single-service caller naming another service is rejected the same way.
        response = a.leader.post(f"{path}?service_id={b.service_id}", json=CREATES[path](a))
        assert_problem(response, 422, "validation-error")
        assert ids(api.admin.get("/v1/staff", params={"service_id": elsewhere["id"]})) == set()


# -- References between rows ---------------------------------------------------------------------


class TestAPlacementReferencesRowsOfOneService:
    @pytest.mark.parametrize(
        ("field", "inter_municipal"),
        [
            ("foster_home_id", False),
            ("contact_person_id", False),
            ("child_id", False),
            ("foster_home_id", True),
            ("contact_person_id", True),
        ],
    )
    def test_a_reference_to_another_services_row_is_an_unknown_reference(
        self, api: Api, field: str, inter_municipal: bool
    ) -> None:
        a = make_case(api)
        b = make_case(api)
        caller = a.tenant.integration
        if inter_municipal:
            caller = api.caller(
                token(Role.INTEGRATION, services=[a.tenant.service_id, b.tenant.service_id])
            )
        child = a.tenant.integration.created("/v1/children", child_body(given_name="Noah"))
        home = a.tenant.integration.created("/v1/foster-homes", foster_home_body())
        foreign = {
            "foster_home_id": b.foster_home["id"],
            "contact_person_id": b.tenant.contact_id,
            "child_id": b.child["id"],
        }[field]
        body = placement_body(a.tenant, child_id=child["id"], foster_home_id=home["id"])
        body[field] = foreign
        problem = assert_problem(caller.post("/v1/placements", json=body), 422, "unknown-reference")
        assert [e["pointer"] for e in problem["errors"]] == [f"#/{field}"]
        assert problem["errors"][0]["code"] == "unknown_reference"
        listed = ids(caller.get("/v1/placements", params={"child_id": child["id"]}))
        assert listed == set()


# -- Admins --------------------------------------------------------------------------------------


class TestAdminsManageServicesAndStaffButNotCases:
    @pytest.mark.parametrize("path", ["/v1/children", "/v1/placements", "/v1/foster-homes"])
    def test_an_admin_cannot_list_case_data(self, api: Api, path: str) -> None:
        make_case(api)
        assert_problem(api.admin.get(path), 403, "forbidden")

    def test_an_admin_cannot_read_or_create_a_child_or_placement(self, api: Api) -> None:
        case = make_case(api)
        assert_problem(api.admin.get(f"/v1/children/{case.child['id']}"), 403, "forbidden")
        assert_problem(api.admin.get(f"/v1/placements/{case.placement['id']}"), 403, "forbidden")
        response = api.admin.post(
            f"/v1/children?service_id={case.tenant.service_id}", json=child_body()
        )
        assert_problem(response, 403, "forbidden")
        response = api.admin.post(
            "/v1/placements",
            json=placement_body(
                case.tenant, child_id=case.child["id"], foster_home_id=case.foster_home["id"]
            ),
        )
        assert_problem(response, 403, "forbidden")

    def test_an_admin_manages_every_service_and_its_staff(self, api: Api) -> None:
        a, b = api.tenant(), api.tenant()
        assert ids(api.admin.get("/v1/services")) >= {a.service_id, b.service_id}
        response = api.admin.patch(
            f"/v1/services/{b.service_id}",
            json={"name": "Barneverntjenesten i Nyby"},
            headers={"If-Match": "*"},
        )
        assert response.status_code == 200, response.text
        assert response.json()["name"] == "Barneverntjenesten i Nyby"
        staff = api.admin.created(
            f"/v1/staff?service_id={b.service_id}",
            {"name": "Sara Sup", "email": "sara@test.example", "role": "supervisor"},
        )
        assert staff["service_id"] == b.service_id
        assert ids(api.admin.get("/v1/staff", params={"limit": 100})) >= {
            a.leader_id,
            b.leader_id,
            staff["id"],
        }
        response = api.admin.patch(
            f"/v1/staff/{a.contact_id}", json={"name": "Kari Ny"}, headers={"If-Match": "*"}
        )
        assert response.status_code == 200, response.text


# -- Retries -------------------------------------------------------------------------------------


class TestAnIdempotentReplayStaysInsideItsService:
    def test_the_same_key_from_a_client_of_another_service_never_returns_its_row(
        self, api: Api
    ) -> None:
        # One journal-system vendor, one client id (``sub``), two municipalities' services.
        a, b = api.tenant(), api.tenant()
        client_a = api.caller(token(Role.INTEGRATION, services=[a.service_id], subject="vendor"))
        client_b = api.caller(token(Role.INTEGRATION, services=[b.service_id], subject="vendor"))
        headers = {"Idempotency-Key": "child-0001"}
        first = client_a.post("/v1/children", json=child_body(), headers=headers)
        assert first.status_code == 201, first.text
        child_a = first.json()

        response = client_b.post("/v1/children", json=child_body(), headers=headers)

        assert child_a["id"] not in response.text, "B was shown A's child"
        assert a.service_id not in response.text, "B was shown A's child"
        assert response.status_code in (201, 409, 422), response.text
        if response.status_code == 201:
            assert response.json()["service_id"] == b.service_id
            assert client_b.get(response.headers["location"]).status_code == 200


class TestCaseLinksFailClosed:
    def test_a_table_no_domain_links_to_a_contact_person_shows_them_no_row(self) -> None:
        from sqlalchemy import false

        from app.services.models import Service
        from app.tenancy import case_link

        # No domain declares which services are a contact person's own cases: none are.
        assert case_link(Service, uuid.uuid4()).compare(false())

    def test_the_placements_domain_links_children_and_foster_homes(self) -> None:
        import app.placements.models  # noqa: F401  (declares the links)
        from app.children.models import Child
        from app.foster_homes.models import FosterHome
        from app.tenancy import case_link

        for model in (Child, FosterHome):
            assert "placements.contact_person_id" in str(case_link(model, uuid.uuid4()))
            supervised = str(case_link(model, uuid.uuid4(), Role.SUPERVISOR))
            assert "placements.supervisor_id" in supervised
