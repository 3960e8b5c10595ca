"""Tasks through the HTTP API: completing, skipping and reopening them, and the work lists.

Dates are relative to ``app.clock.today()`` (Europe/Oslo), the same clock the server uses.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from app.clock import today
from app.principal import Role
from tests.helpers import (
    Api,
    Caller,
    Case,
    case_started,
    day,
    is_working_day,
    ok,
    parse,
    pointers,
    problem,
    token,
)

VISIT_ANSWERS = {
    "besoksdato": "2026-11-20",
    "snakket_med_barnet_alene": True,
    "barnets_mening": "Trives godt.",
    "vurdering": "Stabilt.",
}
SUPERVISION_ANSWERS = {
    "besoksdato": "2026-11-18",
    "rapport_mottatt": "2026-11-20",
    "samtale_med_barnet_alene": True,
}


# -- Helpers -------------------------------------------------------------------------------------


def pages(caller: Caller, **params: Any) -> list[dict[str, Any]]:
    """Every page of ``GET /v1/tasks`` for the filters, following ``next_cursor``."""
    found: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        page = ok(caller.get("/v1/tasks", params=query))
        found.append(page)
        cursor = page["next_cursor"]
        assert page["has_more"] is (cursor is not None)
        if cursor is None:
            return found


def all_tasks(caller: Caller, **params: Any) -> list[dict[str, Any]]:
    return [item for page in pages(caller, limit=100, **params) for item in page["items"]]


def first_open(case: Case, definition_key: str, step_key: str) -> dict[str, Any]:
    tasks = all_tasks(case.tenant.leader, placement_id=case.placement["id"], status="open")
    return min(
        (t for t in tasks if t["definition_key"] == definition_key and t["step_key"] == step_key),
        key=lambda t: t["due_date"],
    )


def visit(case: Case) -> dict[str, Any]:
    """The first open follow-up visit of the case."""
    return first_open(case, "oppfolgingsbesok", "besok")


def get_task(caller: Caller, task_id: str) -> dict[str, Any]:
    return dict(ok(caller.get(f"/v1/tasks/{task_id}")))


def complete(
    caller: Caller, task_id: str, answers: dict[str, Any], outcome: str | None = None
) -> httpx.Response:
    body: dict[str, Any] = {"answers": answers}
    if outcome is not None:
        body["outcome"] = outcome
    return caller.post(f"/v1/tasks/{task_id}/complete", json=body)


def move(caller: Caller, task_id: str, due: date) -> dict[str, Any]:
    """Move a task by hand (PATCH with the If-Match of a fresh GET)."""
    current = caller.get(f"/v1/tasks/{task_id}")
    assert current.status_code == 200, current.text
    response = caller.patch(
        f"/v1/tasks/{task_id}",
        json={"due_date": due.isoformat()},
        headers={"If-Match": current.headers["ETag"]},
    )
    return dict(ok(response))


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


# -- 4. Completing, skipping and reopening -------------------------------------------------------


class TestCompletingATask:
    def test_answers_with_unknown_fields_or_wrong_types_are_rejected_listing_every_problem(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        task = visit(case)
        answers = {
            "besoksdato": "20.11.2026",
            "snakket_med_barnet_alene": "ja",
            "barnets_mening": 42,
            "humor": "god",
        }

        response = complete(case.tenant.contact, task["id"], answers)

        body = problem(response, 422, "validation-error")
        found = {e["pointer"]: e["code"] for e in body["errors"]}
        assert found == {
            "#/answers/humor": "unknown_field",
            "#/answers/besoksdato": "invalid_type",
            "#/answers/snakket_med_barnet_alene": "invalid_type",
            "#/answers/barnets_mening": "invalid_type",
            "#/answers/vurdering": "missing",
        }
        assert all(e["location"] == "body" for e in body["errors"])
        # The submitted values are never echoed.
        assert "20.11.2026" not in response.text
        assert get_task(case.tenant.contact, task["id"])["status"] == "open"

    def test_an_outcome_on_a_step_without_outcomes_is_rejected(self, api: Api) -> None:
        case = case_started(api, day(-3))
        task = visit(case)

        response = complete(case.tenant.contact, task["id"], VISIT_ANSWERS, "fremme_for_nemnda")

        body = problem(response, 422, "validation-error")
        assert [(e["pointer"], e["code"]) for e in body["errors"]] == [
            ("#/outcome", "outcome_not_allowed")
        ]

    def test_a_task_completed_with_valid_answers_records_them_and_who_completed_it(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        task = visit(case)

        done = ok(complete(case.tenant.contact, task["id"], VISIT_ANSWERS))

        assert done["status"] == "completed"
        assert done["answers"] == VISIT_ANSWERS
        assert done["completed_at"] is not None
        assert done["completed_by"]
        assert done["overdue"] is False
        assert get_task(case.tenant.leader, task["id"]) == done
        history = ok(case.tenant.leader.get(f"/v1/tasks/{task['id']}/changes"))["items"]
        assert [c["action"] for c in history] == ["created", "completed"]

    def test_completing_a_task_twice_is_a_conflict(self, api: Api) -> None:
        case = case_started(api, day(-3))
        task = visit(case)
        first = ok(complete(case.tenant.contact, task["id"], VISIT_ANSWERS))

        again = {**VISIT_ANSWERS, "vurdering": "Endret vurdering."}
        problem(complete(case.tenant.contact, task["id"], again), 409, "task-not-open")

        assert get_task(case.tenant.leader, task["id"])["answers"] == first["answers"]

    def test_completing_with_a_stale_if_match_is_refused(self, api: Api) -> None:
        case = case_started(api, day(-3))
        task = visit(case)
        etag = case.tenant.contact.get(f"/v1/tasks/{task['id']}").headers["ETag"]
        move(case.tenant.leader, task["id"], day(40))

        response = case.tenant.contact.post(
            f"/v1/tasks/{task['id']}/complete",
            json={"answers": VISIT_ANSWERS},
            headers={"If-Match": etag},
        )

        problem(response, 412, "precondition-failed")
        assert get_task(case.tenant.contact, task["id"])["status"] == "open"

    def test_a_task_of_another_service_is_not_found(self, api: Api) -> None:
        case = case_started(api, day(-3))
        task = visit(case)
        other = api.tenant()

        for caller in (other.leader, other.integration):
            response = complete(caller, task["id"], VISIT_ANSWERS)
            problem(response, 404, "not-found")
            problem(caller.get(f"/v1/tasks/{task['id']}"), 404, "not-found")
        assert get_task(case.tenant.leader, task["id"])["status"] == "open"

    @pytest.mark.parametrize("body", [{}, {"reason": ""}, {"reason": "   "}])
    def test_skipping_without_a_reason_is_rejected(self, api: Api, body: dict[str, Any]) -> None:
        case = case_started(api, day(-3))
        task = visit(case)

        response = case.tenant.contact.post(f"/v1/tasks/{task['id']}/skip", json=body)

        assert pointers(problem(response, 422, "validation-error")) == ["#/reason"]
        assert get_task(case.tenant.contact, task["id"])["status"] == "open"

    def test_skipping_with_a_reason_records_it(self, api: Api) -> None:
        case = case_started(api, day(-3))
        task = visit(case)
        reason = "Barnet var på ferie med fosterfamilien; besøket tas ved neste kvartal."

        skipped = ok(
            case.tenant.contact.post(f"/v1/tasks/{task['id']}/skip", json={"reason": reason})
        )

        assert skipped["status"] == "skipped"
        assert skipped["skip_reason"] == reason
        history = ok(case.tenant.leader.get(f"/v1/tasks/{task['id']}/changes"))["items"]
        assert (history[-1]["action"], history[-1]["reason"]) == ("skipped", reason)
        problem(complete(case.tenant.contact, task["id"], VISIT_ANSWERS), 409, "task-not-open")

    def test_a_leader_reopens_a_completed_task(self, api: Api) -> None:
        case = case_started(api, day(-3))
        task = visit(case)
        ok(complete(case.tenant.contact, task["id"], VISIT_ANSWERS))

        reopened = ok(case.tenant.leader.post(f"/v1/tasks/{task['id']}/reopen"))

        assert reopened["status"] == "open"
        assert reopened["completed_at"] is None
        assert reopened["completed_by"] is None
        history = ok(case.tenant.leader.get(f"/v1/tasks/{task['id']}/changes"))["items"]
        assert [c["action"] for c in history] == ["created", "completed", "reopened"]
        # Open again, it can be completed again.
        assert ok(complete(case.tenant.contact, task["id"], VISIT_ANSWERS))["status"] == "completed"

    def test_a_task_of_a_workflow_that_is_over_is_not_reopened_and_nothing_is_kept(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        task = visit(case)
        ok(complete(case.tenant.contact, task["id"], VISIT_ANSWERS))
        ended = case.tenant.leader.post(
            f"/v1/placements/{case.placement['id']}/end",
            json={"end_date": today().isoformat(), "end_reason": "returned_home"},
        )
        assert ok(ended)["status"] == "ended"

        response = case.tenant.leader.post(f"/v1/tasks/{task['id']}/reopen")

        problem(response, 409, "conflict")
        assert get_task(case.tenant.leader, task["id"])["status"] == "completed"
        history = ok(case.tenant.leader.get(f"/v1/tasks/{task['id']}/changes"))["items"]
        assert [c["action"] for c in history] == ["created", "completed"]

    def test_a_leader_reopens_a_skipped_task(self, api: Api) -> None:
        case = case_started(api, day(-3))
        task = visit(case)
        ok(case.tenant.contact.post(f"/v1/tasks/{task['id']}/skip", json={"reason": "Syk."}))

        reopened = ok(case.tenant.leader.post(f"/v1/tasks/{task['id']}/reopen"))

        assert (reopened["status"], reopened["skip_reason"]) == ("open", None)

    def test_a_contact_person_cannot_reopen_a_task(self, api: Api) -> None:
        case = case_started(api, day(-3))
        task = visit(case)
        ok(complete(case.tenant.contact, task["id"], VISIT_ANSWERS))

        problem(case.tenant.contact.post(f"/v1/tasks/{task['id']}/reopen"), 403, "forbidden")

        assert get_task(case.tenant.contact, task["id"])["status"] == "completed"

    @pytest.mark.parametrize("caller", ["integration", "api key"])
    def test_only_a_leader_reopens_a_task_not_an_integration_or_api_key(
        self, api: Api, caller: str
    ) -> None:
        # SECURITY.md: reopening is leader-only; a journal system records, a leader reopens.
        case = case_started(api, day(-3))
        task = visit(case)
        ok(complete(case.tenant.contact, task["id"], VISIT_ANSWERS))
        if caller == "api key":
            key = ok(case.tenant.leader.post("/v1/api-keys", json={"name": "Fagsystem"}), 201)
            system = api.caller(key["secret"]["value"])
        else:
            system = case.tenant.integration

        problem(system.post(f"/v1/tasks/{task['id']}/reopen"), 403, "forbidden")

        assert get_task(case.tenant.leader, task["id"])["status"] == "completed"

    def test_an_open_task_cannot_be_reopened(self, api: Api) -> None:
        case = case_started(api, day(-3))
        task = visit(case)

        problem(case.tenant.leader.post(f"/v1/tasks/{task['id']}/reopen"), 409, "task-not-open")

    def test_completing_a_supervision_visit_plans_the_review_two_weeks_after_the_report_came(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        supervision = first_open(case, "tilsyn", "tilsynsbesok")
        placement_tasks = all_tasks(case.tenant.leader, placement_id=case.placement["id"])
        assert "gjennomgang_tilsynsrapport" not in {t["step_key"] for t in placement_tasks}

        arrived = day(-1)  # the review counts from the day the report came in (tilsyn v3)
        answers = {**SUPERVISION_ANSWERS, "besoksdato": day(-2).isoformat()}
        answers["rapport_mottatt"] = arrived.isoformat()
        ok(complete(case.tenant.contact, supervision["id"], answers))

        reviews = [
            t
            for t in all_tasks(case.tenant.contact, placement_id=case.placement["id"])
            if t["step_key"] == "gjennomgang_tilsynsrapport"
        ]
        assert len(reviews) == 1
        review = reviews[0]
        assert review["status"] == "open"
        assert review["workflow_id"] == supervision["workflow_id"]
        assert review["assignee_id"] == case.tenant.contact_id
        nominal = arrived + timedelta(days=14)
        assert parse(review["nominal_date"]) == nominal
        due = parse(review["due_date"])
        assert is_working_day(due)
        assert arrived < due <= nominal
        assert nominal - due < timedelta(days=7)
        assert "etter at tilsynsrapporten kom inn" in review["explanation"]
        assert "supervision_report_review_within=P14D" in review["rule"]
        assert "§ 9-10" in review["legal_basis"]
        assert [f["key"] for f in review["form"] if f["required"]] == [
            "vurdering",
            "oppfolging_nodvendig",
        ]


# -- 5. Work lists -------------------------------------------------------------------------------


class TestListingTasks:
    def test_tasks_are_sorted_by_due_date(self, api: Api) -> None:
        case = case_started(api, day(-3))

        items = all_tasks(case.tenant.leader)

        assert len(items) > 20
        assert [t["due_date"] for t in items] == sorted(t["due_date"] for t in items)

    def test_cursor_pagination_walks_every_task_once_in_due_date_order(self, api: Api) -> None:
        case = case_started(api, day(-3))
        everything = all_tasks(case.tenant.leader)

        walked = pages(case.tenant.leader, limit=7)

        assert len(walked) == -(-len(everything) // 7)
        assert all(len(page["items"]) == 7 for page in walked[:-1])
        items = [item for page in walked for item in page["items"]]
        assert len(ids(items)) == len(set(ids(items)))
        assert ids(items) == ids(everything)
        assert [t["due_date"] for t in items] == sorted(t["due_date"] for t in items)

    def test_a_page_with_more_links_to_the_next_one(self, api: Api) -> None:
        case = case_started(api, day(-3))

        response = case.tenant.leader.get("/v1/tasks", params={"limit": 5})

        body = ok(response)
        assert body["has_more"] is True
        assert 'rel="next"' in response.headers["link"]
        assert f"cursor={body['next_cursor']}" in response.headers["link"]

    def test_an_invalid_cursor_is_a_bad_request(self, api: Api) -> None:
        case = case_started(api, day(-3))

        response = case.tenant.leader.get("/v1/tasks", params={"cursor": "not-a-cursor"})

        problem(response, 400, "invalid-cursor")

    def test_filtering_by_placement_lists_only_its_tasks(self, api: Api) -> None:
        case = case_started(api, day(-3))
        other = case_started(api, day(-3), legal_basis="voluntary")
        other_tasks = all_tasks(other.tenant.leader)

        mine = all_tasks(case.tenant.leader, placement_id=case.placement["id"])

        assert mine
        assert {t["placement_id"] for t in mine} == {case.placement["id"]}
        assert not set(ids(mine)) & set(ids(other_tasks))

    def test_filtering_by_assignee_lists_only_their_tasks(self, api: Api) -> None:
        case = case_started(api, day(-3))
        everything = all_tasks(case.tenant.leader)

        theirs = all_tasks(case.tenant.leader, assignee_id=case.tenant.contact_id)

        expected = [t["id"] for t in everything if t["assignee_id"] == case.tenant.contact_id]
        assert theirs
        assert ids(theirs) == expected
        # Supervisor and leader steps have no assignee and are not on the list.
        assert len(theirs) < len(everything)
        assert all_tasks(case.tenant.leader, assignee_id=case.tenant.leader_id) == []

    def test_filtering_by_status_lists_only_tasks_with_that_status(self, api: Api) -> None:
        case = case_started(api, day(-3))
        done = visit(case)
        ok(complete(case.tenant.contact, done["id"], VISIT_ANSWERS))

        completed = all_tasks(case.tenant.leader, status="completed")
        still_open = all_tasks(case.tenant.leader, status="open")

        assert ids(completed) == [done["id"]]
        assert done["id"] not in ids(still_open)
        assert len(still_open) == len(all_tasks(case.tenant.leader)) - 1

    def test_due_before_and_due_after_include_their_dates(self, api: Api) -> None:
        case = case_started(api, day(-3))
        everything = all_tasks(case.tenant.leader)
        due_dates = sorted({t["due_date"] for t in everything})
        low, high = due_dates[2], due_dates[-3]

        window = all_tasks(case.tenant.leader, due_after=low, due_before=high)
        before = all_tasks(case.tenant.leader, due_before=low)
        after = all_tasks(case.tenant.leader, due_after=high)

        assert ids(window) == [t["id"] for t in everything if low <= t["due_date"] <= high]
        assert ids(before) == [t["id"] for t in everything if t["due_date"] <= low]
        assert ids(after) == [t["id"] for t in everything if t["due_date"] >= high]
        assert {t["due_date"] for t in window} >= {low, high}

    def test_a_task_moved_by_hand_to_a_past_date_is_overdue(self, api: Api) -> None:
        # A placement starting next week: nothing is overdue yet.
        case = case_started(api, day(7))
        assert all_tasks(case.tenant.leader, overdue="true") == []
        task = visit(case)

        moved = move(case.tenant.contact, task["id"], day(-1))

        assert moved["due_edited"] is True
        assert moved["overdue"] is True
        overdue = all_tasks(case.tenant.leader, overdue="true")
        assert ids(overdue) == [task["id"]]
        assert overdue[0]["overdue"] is True
        assert overdue[0]["due_date"] == day(-1).isoformat()
        not_overdue = all_tasks(case.tenant.leader, overdue="false")
        assert task["id"] not in ids(not_overdue)
        assert not any(t["overdue"] for t in not_overdue)

    def test_a_task_due_today_is_not_overdue(self, api: Api) -> None:
        case = case_started(api, day(7))
        task = visit(case)

        moved = move(case.tenant.contact, task["id"], today())

        assert moved["overdue"] is False
        assert all_tasks(case.tenant.leader, overdue="true") == []

    def test_a_completed_task_with_a_past_due_date_is_not_overdue(self, api: Api) -> None:
        case = case_started(api, day(7))
        task = visit(case)
        move(case.tenant.contact, task["id"], day(-1))

        done = ok(complete(case.tenant.contact, task["id"], VISIT_ANSWERS))

        assert done["overdue"] is False
        assert all_tasks(case.tenant.leader, overdue="true") == []

    def test_moving_a_task_needs_if_match(self, api: Api) -> None:
        case = case_started(api, day(-3))
        task = visit(case)

        response = case.tenant.contact.patch(
            f"/v1/tasks/{task['id']}", json={"due_date": day(30).isoformat()}
        )

        problem(response, 428, "precondition-required")
        stale = case.tenant.contact.patch(
            f"/v1/tasks/{task['id']}",
            json={"due_date": day(30).isoformat()},
            headers={"If-Match": '"stale"'},
        )
        problem(stale, 412, "precondition-failed")
        assert get_task(case.tenant.contact, task["id"])["due_edited"] is False

    def test_a_contact_person_sees_only_the_tasks_of_their_placements(self, api: Api) -> None:
        tenant = api.tenant()
        colleague = api.admin.created(
            f"/v1/staff?service_id={tenant.service_id}",
            {"name": "Per Annen", "email": "per@test.example", "role": "contact_person"},
        )
        colleague_caller = api.caller(
            token(Role.CONTACT_PERSON, services=[tenant.service_id], staff=colleague["id"])
        )
        mine = case_started(api, day(-3), tenant=tenant)
        theirs = case_started(api, day(-3), tenant=tenant, contact_person_id=colleague["id"])

        seen = all_tasks(tenant.contact)
        seen_by_colleague = all_tasks(colleague_caller)

        assert seen
        assert {t["placement_id"] for t in seen} == {mine.placement["id"]}
        assert {t["placement_id"] for t in seen_by_colleague} == {theirs.placement["id"]}
        assert len(all_tasks(tenant.leader)) == len(seen) + len(seen_by_colleague)
        # Asking for the other placement's tasks by id gives nothing, not an error.
        assert all_tasks(tenant.contact, placement_id=theirs.placement["id"]) == []
        problem(tenant.contact.get(f"/v1/tasks/{seen_by_colleague[0]['id']}"), 404, "not-found")


class TestAnAssessmentNeedsAConclusionAtEveryStage:
    def test_a_stage_of_the_return_home_funnel_cannot_be_skipped(self, api: Api) -> None:
        case = case_started(api, day(-3), legal_basis="care_order")
        stage = first_open(case, "vurderingstrakt", "trinn_1_omsorgsevne")
        response = case.tenant.leader.post(
            f"/v1/tasks/{stage['id']}/skip", json={"reason": "Ikke aktuelt nå."}
        )
        problem(response, 409, "conflict")
        assert get_task(case.tenant.leader, stage["id"])["status"] == "open"

    def test_a_step_of_an_ordinary_workflow_can_be_skipped(self, api: Api) -> None:
        case = case_started(api, day(-3))
        task = visit(case)
        response = case.tenant.leader.post(
            f"/v1/tasks/{task['id']}/skip", json={"reason": "Besøket ble slått sammen."}
        )
        assert ok(response)["status"] == "skipped"
