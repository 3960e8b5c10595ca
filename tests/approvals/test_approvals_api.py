"""The approval of the foster home for one child (issue #14 item 4), over HTTP: an ordinary
placement approved before the move, an urgent placement in the family or network approved
after it within the rule set's deadline (a task with its due date, provenance and explanation,
completed by the decision), and bad input refused at its field."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app.approvals import service as approvals
from app.audit.trail import Action, Actor, AuditTrail
from app.principal import DEFAULT_SCOPES, Principal, Role
from tests.helpers import (
    Api,
    Caller,
    Case,
    child_body,
    day,
    foster_home_body,
    ok,
    placement_body,
    pointers,
    problem,
)
from tests.workflows.test_workflows_api import tasks_of

PARENTS = ["Ola Fjord", "Siri Fjord"]  # the foster parents of foster_home_body()


def url(case: Case) -> str:
    return f"/v1/placements/{case.placement['id']}/approval"


def a_case(
    api: Api, *, kind: str = "ordinary", start: date, legal_basis: str = "voluntary"
) -> Case:
    tenant = api.tenant()
    child = tenant.integration.created("/v1/children", child_body())
    home = tenant.integration.created("/v1/foster-homes", foster_home_body(kind=kind))
    body = placement_body(
        tenant,
        child_id=child["id"],
        foster_home_id=home["id"],
        start_date=start.isoformat(),
        legal_basis=legal_basis,
        agreement_end_date=(start + timedelta(days=730)).isoformat(),
    )
    placement = tenant.integration.created("/v1/placements", body)
    return Case(tenant=tenant, child=child, foster_home=home, placement=placement)


def urgent_case(api: Api, start: date) -> Case:
    """A child moved in an emergency to someone in the family's network."""
    return a_case(api, kind="kinship", start=start, legal_basis="emergency")


def full_approval(on: date, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "assessment_date": on.isoformat(),
        "home_visit_date": on.isoformat(),
        "training_course": "PRIDE grunnopplæring",
        "training_completed_on": on.isoformat(),
        "police_certificates": [{"name": n, "checked_on": on.isoformat()} for n in PARENTS],
        "agreement_signed_on": on.isoformat(),
        "agreement_bufdir_template": True,
        "decision_date": on.isoformat(),
        "decided_by": "Lise Leder, avdelingsleder",
        "outcome": "approved",
    }
    body.update(overrides)
    return body


def patch(caller: Caller, target: str, body: dict[str, Any]) -> Any:
    current = caller.get(target)
    assert current.status_code == 200, current.text
    return caller.patch(target, json=body, headers={"If-Match": current.headers["ETag"]})


def statuses(approval: dict[str, Any]) -> dict[str, str]:
    return {c["key"]: c["status"] for c in approval["checks"]}


class TestAnOrdinaryPlacementIsApprovedBeforeTheMove:
    def test_an_approval_recorded_before_the_move_has_every_check_done_and_nothing_missing(
        self, api: Api
    ) -> None:
        case = a_case(api, start=day(14))  # the child moves in two weeks
        response = case.tenant.contact.post(url(case), json=full_approval(day(-2)))

        approval = ok(response, 201)
        assert response.headers["location"].endswith(url(case))
        assert approval["urgent"] is False
        assert approval["due_by"] == day(14).isoformat()
        assert approval["rule"] is None
        assert approval["status"] == "done"
        assert set(statuses(approval).values()) == {"done"}
        assert approval["missing_before_move"] == []
        assert approval["police_certificates_missing"] == []
        assert ok(case.tenant.leader.get(url(case))) == approval

    def test_what_is_not_recorded_by_the_moving_day_is_missing_before_the_move(
        self, api: Api
    ) -> None:
        case = a_case(api, start=day(-3))  # moved three days ago
        body = {
            "assessment_date": day(-20).isoformat(),
            "police_certificates": [{"name": "Ola Fjord", "checked_on": day(-20).isoformat()}],
            "agreement_signed_on": day(-1).isoformat(),  # after the move
            "agreement_bufdir_template": True,
        }
        approval = ok(case.tenant.contact.post(url(case), json=body), 201)

        checks = statuses(approval)
        assert checks["assessment"] == "done"
        assert checks["agreement"] == "late"
        assert checks["police_certificates"] == "missing"  # Siri Fjord has none
        assert checks["decision"] == "missing"
        assert approval["status"] == "missing"
        assert approval["police_certificates_missing"] == ["Siri Fjord"]
        assert set(approval["missing_before_move"]) == {
            "home_visit",
            "training",
            "police_certificates",
            "agreement",
            "decision",
        }

    def test_an_ordinary_placement_gets_no_approval_task(self, api: Api) -> None:
        case = a_case(api, start=day(-3))
        assert tasks_of(case, "godkjenning-slekt-nettverk") == []

    def test_the_approval_is_changed_with_if_match_and_a_stale_etag_is_refused(
        self, api: Api
    ) -> None:
        case = a_case(api, start=day(10))
        created = case.tenant.contact.post(url(case), json={"assessment_date": day(-1).isoformat()})
        etag = created.headers["etag"]
        changed = patch(case.tenant.contact, url(case), {"home_visit_date": day(0).isoformat()})
        approval = ok(changed)
        assert approval["home_visit_date"] == day(0).isoformat()
        assert approval["assessment_date"] == day(-1).isoformat()
        stale = case.tenant.contact.patch(
            url(case), json={"notes": "Nytt"}, headers={"If-Match": etag}
        )
        problem(stale, 412, "precondition-failed")
        problem(
            case.tenant.contact.patch(url(case), json={"notes": "x"}), 428, "precondition-required"
        )

    def test_a_second_approval_for_the_placement_is_a_conflict(self, api: Api) -> None:
        case = a_case(api, start=day(10))
        ok(case.tenant.contact.post(url(case), json={}), 201)
        problem(case.tenant.contact.post(url(case), json={}), 409, "approval-exists")

    def test_a_retried_create_with_its_idempotency_key_answers_the_same_approval(
        self, api: Api
    ) -> None:
        case = a_case(api, start=day(10))
        headers = {"Idempotency-Key": "approval-1"}
        body = {"assessment_date": day(-1).isoformat()}
        first = case.tenant.integration.post(url(case), json=body, headers=headers)
        again = case.tenant.integration.post(url(case), json=body, headers=headers)
        assert ok(first, 201) == ok(again, 201)
        assert again.headers["location"] == first.headers["location"]
        assert first.headers["location"].endswith(url(case))

    def test_no_approval_yet_is_404(self, api: Api) -> None:
        case = a_case(api, start=day(10))
        problem(case.tenant.leader.get(url(case)), 404, "not-found")

    def test_events_say_the_approval_was_created_and_decided(self, api: Api) -> None:
        case = a_case(api, start=day(10))
        ok(case.tenant.contact.post(url(case), json={"assessment_date": day(-1).isoformat()}), 201)
        ok(patch(case.tenant.contact, url(case), full_approval(day(0))))
        feed = ok(case.tenant.integration.get("/v1/events", params={"limit": 100}))
        types = [e["type"] for e in feed["items"] if e["placement_id"] == case.placement["id"]]
        assert {"approval.created", "approval.updated", "approval.decided"} <= set(types)

    def test_the_approval_is_in_the_childs_privacy_export(self, api: Api) -> None:
        case = a_case(api, start=day(10))
        approval = ok(case.tenant.contact.post(url(case), json=full_approval(day(0))), 201)
        export = ok(case.tenant.leader.get(f"/v1/children/{case.child['id']}/export"))
        assert [a["id"] for a in export["approvals"]] == [approval["id"]]


class TestAnUrgentPlacementInTheFamilyOrNetworkIsApprovedAfterTheMove:
    def test_network_emergency_approval_within_six_weeks_is_a_task_with_provenance(
        self, api: Api
    ) -> None:
        start = day(-3)
        case = urgent_case(api, start)
        (task,) = tasks_of(case, "godkjenning-slekt-nettverk", "godkjenning")

        deadline = start + timedelta(weeks=6)
        assert date.fromisoformat(task["nominal_date"]) == deadline
        assert date.fromisoformat(task["due_date"]) <= deadline
        assert "network_emergency_approval_within=P6W" in task["rule"]
        assert "Regel (lov eller forskrift)" in task["explanation"]
        assert "seks uker etter at barnet flyttet inn" in task["explanation"]
        assert task["legal_basis"].startswith("Fosterhjemsforskriften")
        assert task["templates"] == ["sosialrapport-godkjenning"]
        (checklist,) = tasks_of(case, "godkjenning-slekt-nettverk", "sjekkliste_akutt")
        assert checklist["templates"] == ["midlertidig-plassering-slekt-nettverk"]
        assert "Tjenestens rutine" in checklist["explanation"]

    def test_the_approval_resource_reports_the_same_deadline_and_rule(self, api: Api) -> None:
        start = day(-3)
        case = urgent_case(api, start)
        approval = ok(case.tenant.contact.post(url(case), json={}), 201)
        assert approval["urgent"] is True
        assert approval["due_by"] == (start + timedelta(weeks=6)).isoformat()
        assert approval["rule"].startswith("Regel (lov eller forskrift): et fosterhjem i barnets")
        assert approval["status"] == "due"
        assert approval["missing_before_move"] == []

    def test_recording_the_decision_completes_the_task_with_the_same_outcome(
        self, api: Api
    ) -> None:
        case = urgent_case(api, day(-10))
        ok(case.tenant.contact.post(url(case), json={"quick_check_on": day(-10).isoformat()}), 201)
        decision = full_approval(
            day(0), outcome="approved_with_conditions", conditions="Veiledning hver måned."
        )
        ok(patch(case.tenant.contact, url(case), decision))

        (task,) = tasks_of(case, "godkjenning-slekt-nettverk", "godkjenning")
        assert task["status"] == "completed"
        assert task["outcome"] == "godkjent_med_vilkar"
        assert task["answers"]["vedtaksdato"] == day(0).isoformat()
        assert task["answers"]["vilkar"] == "Veiledning hver måned."
        workflows = ok(
            case.tenant.leader.get("/v1/workflows", params={"placement_id": case.placement["id"]})
        )
        (flow,) = [
            w for w in workflows["items"] if w["definition_key"] == "godkjenning-slekt-nettverk"
        ]
        assert flow["status"] == "completed"

    def test_an_approval_after_the_deadline_shows_as_overdue_until_it_is_decided(
        self, api: Api
    ) -> None:
        start = day(-50)  # seven weeks ago: past the six weeks
        case = urgent_case(api, start)
        (task,) = tasks_of(case, "godkjenning-slekt-nettverk", "godkjenning")
        assert task["overdue"] is True
        approval = ok(case.tenant.contact.post(url(case), json={}), 201)
        assert approval["status"] == "missing"
        decided = ok(patch(case.tenant.contact, url(case), full_approval(day(0))))
        assert decided["status"] == "late"
        (task,) = tasks_of(case, "godkjenning-slekt-nettverk", "godkjenning")
        assert task["status"] == "completed"


class TestBadInputIsRefusedAtItsField:
    @pytest.mark.parametrize(
        ("body", "pointer", "code"),
        [
            ({"assessment_date": day(3).isoformat()}, "#/assessment_date", "in_future"),
            ({"training_course": "PRIDE"}, "#/training_completed_on", "required"),
            (
                {"agreement_signed_on": day(-1).isoformat()},
                "#/agreement_bufdir_template",
                "bufdir_template_required",
            ),
            ({"outcome": "approved"}, "#/decided_by", "required"),
            ({"decided_by": "Lise Leder"}, "#/outcome", "required"),
            (
                full_approval(day(0), outcome="approved_with_conditions"),
                "#/conditions",
                "required",
            ),
            (
                full_approval(
                    day(0),
                    police_certificates=[{"name": "Ola Fjord", "checked_on": day(0).isoformat()}],
                ),
                "#/police_certificates",
                "police_certificate_missing",
            ),
            (
                {
                    "police_certificates": [
                        {"name": "Ola Fjord", "checked_on": day(0).isoformat()},
                        {"name": "ola fjord", "checked_on": day(0).isoformat()},
                    ]
                },
                "#/police_certificates/1/name",
                "duplicate",
            ),
            (
                full_approval(day(-1), assessment_date=day(0).isoformat()),
                "#/decision_date",
                "before_assessment",
            ),
        ],
    )
    def test_an_inconsistent_approval_is_refused_and_nothing_is_stored(
        self, api: Api, body: dict[str, Any], pointer: str, code: str
    ) -> None:
        case = a_case(api, start=day(10))
        refused = problem(case.tenant.contact.post(url(case), json=body), 422, "validation-error")
        assert pointer in pointers(refused)
        assert code in {e["code"] for e in refused["errors"] if e["pointer"] == pointer}
        assert not [e for e in refused["errors"] if "Fjord" in e["detail"]]  # never echoes a name
        problem(case.tenant.leader.get(url(case)), 404, "not-found")

    def test_an_unknown_field_or_outcome_is_refused_by_the_schema(self, api: Api) -> None:
        case = a_case(api, start=day(10))
        unknown = problem(
            case.tenant.contact.post(url(case), json={"godkjent": True}), 422, "validation-error"
        )
        assert "#/godkjent" in pointers(unknown)
        wrong = problem(
            case.tenant.contact.post(url(case), json={"outcome": "maybe"}), 422, "validation-error"
        )
        assert "#/outcome" in pointers(wrong)

    def test_a_change_that_breaks_the_approval_is_refused_and_the_stored_one_stays(
        self, api: Api
    ) -> None:
        case = a_case(api, start=day(10))
        ok(case.tenant.contact.post(url(case), json=full_approval(day(0))), 201)
        refused = patch(case.tenant.contact, url(case), {"decided_by": None})
        assert "#/decided_by" in pointers(problem(refused, 422, "validation-error"))
        assert ok(case.tenant.leader.get(url(case)))["decided_by"] == "Lise Leder, avdelingsleder"

    def test_another_services_placement_is_404(self, api: Api) -> None:
        case = a_case(api, start=day(10))
        outsider = api.tenant()
        problem(outsider.leader.post(url(case), json={}), 404, "not-found")


class TestTheApprovalsDatesForTheYearWheel:
    """``dated_items`` lists a placement's approval dates for the year wheel (issue #14 item 6,
    which the lead builds): the recorded ones, and the deadline while no decision is made."""

    @staticmethod
    def items(api_case: Case, session: Session) -> list[tuple[date, str]]:
        principal = Principal.single(
            "year-wheel",
            Role.LEADER,
            {uuid.UUID(api_case.tenant.service_id)},
            DEFAULT_SCOPES[Role.LEADER],
        )
        audit = AuditTrail(session, Actor(principal, operation="test:year-wheel"), Action.READ)
        rows = approvals.dated_items(
            session, principal, uuid.UUID(api_case.placement["id"]), audit=audit
        )
        return [(i.on, i.key) for i in rows]

    def test_an_urgent_placement_without_a_decision_shows_its_deadline(
        self, api: Api, connection: Connection
    ) -> None:
        start = day(-3)
        case = urgent_case(api, start)
        ok(case.tenant.contact.post(url(case), json={"quick_check_on": start.isoformat()}), 201)
        with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
            assert self.items(case, session) == [
                (start, "quick_check_on"),
                (start + timedelta(weeks=6), "due_by"),
            ]

    def test_a_decided_approval_shows_its_dates_and_no_deadline(
        self, api: Api, connection: Connection
    ) -> None:
        case = a_case(api, start=day(10))
        ok(case.tenant.contact.post(url(case), json=full_approval(day(-1))), 201)
        with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
            keys = [key for _, key in self.items(case, session)]
        assert "due_by" not in keys
        assert set(keys) == {
            "assessment_date",
            "home_visit_date",
            "training_completed_on",
            "agreement_signed_on",
            "decision_date",
        }


class TestTheUrgentApprovalOutlivesTheEmergencyDecision:
    def test_when_the_emergency_decision_becomes_a_care_order_the_approval_is_still_due(
        self, api: Api
    ) -> None:
        start = day(-20)
        case = urgent_case(api, start)
        placement = f"/v1/placements/{case.placement['id']}"
        changed = patch(
            case.tenant.integration,
            placement,
            {"legal_basis": "care_order", "care_order_date": day(-1).isoformat()},
        )
        assert ok(changed)["legal_basis"] == "care_order"

        (task,) = tasks_of(case, "godkjenning-slekt-nettverk", "godkjenning")
        assert task["status"] == "open"
        assert date.fromisoformat(task["nominal_date"]) == start + timedelta(weeks=6)
        approval = ok(case.tenant.contact.post(url(case), json={}), 201)
        assert approval["urgent"] is True
        assert approval["due_by"] == (start + timedelta(weeks=6)).isoformat()
