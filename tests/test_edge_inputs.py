"""Edge inputs the December 2026 review (finding 12, and the input half of 7) answered with a 500
or accepted: deeply nested JSON, dates and times far outside any case, and cursors stamped with
them. Each is a clear 4xx problem naming the field, and nothing is written."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

import pytest

from tests.helpers import (
    Api,
    Case,
    Tenant,
    child_body,
    foster_home_body,
    make_case,
    ok,
    placement_body,
    pointers,
    problem,
)
from tests.test_tenancy import VISIT_ANSWERS, visit_task

# The review's exact stamp: the latest wall-clock time there is, in the zone furthest behind UTC,
# so that converting it to UTC passes year 9999.
LATEST_STAMP = "9999-12-31T23:59:59-14:00"
EARLIEST_STAMP = "0001-01-01T00:00:00+14:00"


def nested_objects(depth: int) -> str:
    """``depth`` objects inside each other, as the review built them: ``{"a":{"a":…{}…}}``."""
    return '{"a":' * depth + "{}" + "}" * depth


def cursor_of(value: Any) -> str:
    raw = json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def post_json(case: Case, path: str, text: str) -> Any:
    return case.tenant.integration.post(
        path, content=text.encode(), headers={"Content-Type": "application/json"}
    )


@pytest.fixture
def case(api: Api) -> Case:
    return make_case(api)


@pytest.fixture
def tenant(api: Api) -> Tenant:
    return api.tenant()


# -- Nesting -------------------------------------------------------------------------------------


class TestABodyNestedDeeperThan64LevelsIsRefusedBeforeItIsRead:
    """Found as a 500 (RecursionError in ``_has_nul``) at 900 levels on both databases; once on
    PostgreSQL the connection was reset with no response at all."""

    @pytest.mark.parametrize("depth", [900, 2000])
    def test_task_answers_nested_900_or_2000_levels_are_400_json_too_deep(
        self, case: Case, depth: int
    ) -> None:
        task_id = visit_task(case)
        body = '{"answers":' + nested_objects(depth) + "}"
        response = post_json(case, f"/v1/tasks/{task_id}/complete", body)
        refused = problem(response, 400, "json-too-deep")
        [error] = refused["errors"]
        assert error["location"] == "body"
        assert error["code"] == "too_deep"
        assert error["pointer"].startswith("#/answers/a/")
        task = ok(case.tenant.integration.get(f"/v1/tasks/{task_id}"))
        assert (task["status"], task["answers"]) == ("open", None)

    @pytest.mark.parametrize("depth", [900, 2000])
    def test_document_values_nested_900_or_2000_levels_are_400_json_too_deep(
        self, case: Case, depth: int
    ) -> None:
        body = (
            f'{{"template_key":"arlig-evaluering","placement_id":"{case.placement["id"]}",'
            f'"values":{nested_objects(depth)}}}'
        )
        response = post_json(case, "/v1/documents", body)
        refused = problem(response, 400, "json-too-deep")
        assert pointers(refused)[0].startswith("#/values/a/")
        listed = ok(
            case.tenant.integration.get(
                "/v1/documents", params={"placement_id": case.placement["id"]}
            )
        )
        assert listed["items"] == []

    def test_100000_nested_arrays_are_400_json_too_deep(self, tenant: Tenant) -> None:
        response = tenant.integration.post(
            "/v1/children",
            content=b"[" * 100_000 + b"]" * 100_000,
            headers={"Content-Type": "application/json"},
        )
        refused = problem(response, 400, "json-too-deep")
        assert pointers(refused) == ["#/" + "/".join(["0"] * 64)]

    def test_the_pointer_names_the_keys_and_indexes_on_the_way_down(self, case: Case) -> None:
        task_id = visit_task(case)
        inner = '{"b":[1,{"c":' + "[" * 70 + "]" * 70 + "}]}"
        body = '{"outcome":null,"answers":{"x\\"]":"[{[{","a\\u00f8":' + inner + "}}"
        response = post_json(case, f"/v1/tasks/{task_id}/complete", body)
        refused = problem(response, 400, "json-too-deep")
        assert pointers(refused) == ["#/answers/aø/b/1/c/" + "/".join(["0"] * 59)]

    def test_64_levels_are_read_as_usual_and_65_are_not(self, case: Case) -> None:
        task_id = visit_task(case)
        # The body is the first level, answers the second: 62 more objects make 64 levels.
        body = '{"answers":' + nested_objects(62) + "}"
        response = post_json(case, f"/v1/tasks/{task_id}/complete", body)
        refused = problem(response, 422, "validation-error")
        assert "#/answers/a" in pointers(refused)  # not a field of the visit's form
        deeper = '{"answers":' + nested_objects(63) + "}"
        response = post_json(case, f"/v1/tasks/{task_id}/complete", deeper)
        assert pointers(problem(response, 400, "json-too-deep")) == [
            "#/answers/" + "/".join(["a"] * 63)
        ]

    def test_brackets_inside_strings_are_not_nesting(self, case: Case) -> None:
        task_id = visit_task(case)
        answers = {**VISIT_ANSWERS, "barnets_mening": "[{" * 500 + '\\"' + "}]" * 500}
        response = case.tenant.integration.post(
            f"/v1/tasks/{task_id}/complete", json={"answers": answers}
        )
        assert ok(response)["answers"] == answers

    def test_a_nul_check_of_a_structure_deeper_than_the_stack_does_not_recurse(self) -> None:
        from app.schemas import has_nul

        value: Any = "a\u0000b"
        clean: Any = "ab"
        for _ in range(5000):
            value, clean = {"a": [value]}, {"a": [clean]}
        assert has_nul(value)
        assert not has_nul(clean)


# -- Dates and times in bodies and queries -------------------------------------------------------


class TestACaseDateLiesBetween1900And2199:
    def test_a_placement_starting_9999_12_01_is_422_at_start_date(self, tenant: Tenant) -> None:
        # Found as a 500: dateutil's ValueError while planning the workflows.
        child = tenant.integration.created("/v1/children", child_body())
        home = tenant.integration.created("/v1/foster-homes", foster_home_body())
        body = placement_body(
            tenant,
            child_id=child["id"],
            foster_home_id=home["id"],
            start_date="9999-12-01",
            agreement_end_date=None,
        )
        response = tenant.integration.post("/v1/placements", json=body)
        refused = problem(response, 422, "validation-error")
        assert pointers(refused) == ["#/start_date"]
        assert refused["errors"][0]["code"] == "date_out_of_range"
        assert ok(tenant.integration.get("/v1/placements"))["items"] == []

    @pytest.mark.parametrize("start", ["1900-01-01", "2199-12-31"])
    def test_a_placement_at_either_end_of_the_range_is_planned_and_listed(
        self, api: Api, start: str
    ) -> None:
        # The rules add years to these dates: the range leaves room for that arithmetic.
        tenant = api.tenant()
        born = min(start, "2015-10-15")  # a placement never starts before the birth
        child = tenant.integration.created("/v1/children", child_body(birth_date=born))
        home = tenant.integration.created("/v1/foster-homes", foster_home_body())
        body = placement_body(
            tenant,
            child_id=child["id"],
            foster_home_id=home["id"],
            start_date=start,
            agreement_end_date=None,
        )
        placement = tenant.integration.created("/v1/placements", body)
        query: dict[str, Any] = {"placement_id": placement["id"], "limit": 100}
        due = sorted(
            t["due_date"] for t in ok(tenant.integration.get("/v1/tasks", params=query))["items"]
        )
        if start > "2100":
            assert due[-1] > "2199-12-31"  # computed due dates may pass the range clients send
            # so a due-date cursor past 2199 is still the server's own, and pages on
            query["cursor"] = cursor_of(["Task.due_date", due[-1], str(uuid.uuid4())])
            ok(tenant.integration.get("/v1/tasks", params=query))
        else:
            assert due
        created = tenant.contact.post("/v1/calendar-feeds")
        assert created.status_code == 201, created.text
        path = "/" + created.json()["secret"]["value"].split("/", 3)[3]
        assert tenant.contact.http.get(path).status_code == 200

    @pytest.mark.parametrize("due", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
    def test_a_task_moved_outside_the_range_is_422_at_due_date(self, case: Case, due: str) -> None:
        # 9999-12-31 was accepted, and then broke the assignee's calendar feed for good.
        task_id = visit_task(case)
        before = ok(case.tenant.integration.get(f"/v1/tasks/{task_id}"))
        response = case.tenant.integration.patch(
            f"/v1/tasks/{task_id}", json={"due_date": due}, headers={"If-Match": "*"}
        )
        refused = problem(response, 422, "validation-error")
        assert pointers(refused) == ["#/due_date"]
        after = ok(case.tenant.integration.get(f"/v1/tasks/{task_id}"))
        assert after["due_date"] == before["due_date"]

    @pytest.mark.parametrize("due", ["1900-01-01", "2199-12-31"])
    def test_the_ends_of_the_range_are_accepted(self, case: Case, due: str) -> None:
        task_id = visit_task(case)
        response = case.tenant.integration.patch(
            f"/v1/tasks/{task_id}", json={"due_date": due}, headers={"If-Match": "*"}
        )
        assert ok(response)["due_date"] == due

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("start_date", "9999-12-01"),
            ("agreement_end_date", "9999-12-31"),
            ("agreement_end_date", "0001-01-01"),
        ],
    )
    def test_a_placement_update_outside_the_range_is_422(
        self, case: Case, field: str, value: str
    ) -> None:
        url = f"/v1/placements/{case.placement['id']}"
        response = case.tenant.integration.patch(
            url, json={field: value}, headers={"If-Match": "*"}
        )
        assert pointers(problem(response, 422, "validation-error")) == [f"#/{field}"]
        assert ok(case.tenant.integration.get(url))[field] == case.placement[field]

    def test_ending_a_placement_in_9999_is_422(self, case: Case) -> None:
        url = f"/v1/placements/{case.placement['id']}"
        response = case.tenant.integration.post(
            f"{url}/end", json={"end_date": "9999-12-31", "end_reason": "other"}
        )
        assert pointers(problem(response, 422, "validation-error")) == ["#/end_date"]
        assert ok(case.tenant.integration.get(url))["end_date"] is None

    @pytest.mark.parametrize("field", ["start_date", "agreement_end_date", "end_date"])
    def test_a_schedule_preview_at_9999_is_422(self, case: Case, field: str) -> None:
        response = case.tenant.integration.post(
            f"/v1/placements/{case.placement['id']}/schedule-preview", json={field: "9999-12-31"}
        )
        assert pointers(problem(response, 422, "validation-error")) == [f"#/{field}"]

    def test_a_visit_reduction_from_9999_is_422(self, case: Case) -> None:
        response = case.tenant.leader.post(
            f"/v1/placements/{case.placement['id']}/visit-reductions",
            json={"effective_from": "9999-12-31", "reason": "Stabilt"},
        )
        assert pointers(problem(response, 422, "validation-error")) == ["#/effective_from"]

    def test_a_foster_home_approved_in_0001_is_422(self, tenant: Tenant) -> None:
        response = tenant.integration.post(
            "/v1/foster-homes", json=foster_home_body(approved_date="0001-01-01")
        )
        assert pointers(problem(response, 422, "validation-error")) == ["#/approved_date"]

    def test_a_date_answer_in_9999_is_422_at_the_answer(self, case: Case) -> None:
        task_id = visit_task(case)
        answers = {**VISIT_ANSWERS, "besoksdato": "9999-12-31"}
        response = case.tenant.integration.post(
            f"/v1/tasks/{task_id}/complete", json={"answers": answers}
        )
        assert pointers(problem(response, 422, "validation-error")) == ["#/answers/besoksdato"]

    @pytest.mark.parametrize("parameter", ["due_before", "due_after"])
    def test_a_due_date_filter_in_9999_is_422_naming_it(
        self, tenant: Tenant, parameter: str
    ) -> None:
        response = tenant.integration.get("/v1/tasks", params={parameter: "9999-12-31"})
        refused = problem(response, 422, "validation-error")
        assert [e["parameter"] for e in refused["errors"]] == [parameter]


class TestABirthDateIsNotBefore1900:
    @pytest.mark.parametrize("birth", ["0001-01-01", "1899-12-31"])
    def test_a_child_born_before_1900_is_422_at_birth_date(
        self, tenant: Tenant, birth: str
    ) -> None:
        response = tenant.integration.post("/v1/children", json=child_body(birth_date=birth))
        refused = problem(response, 422, "validation-error")
        assert pointers(refused) == ["#/birth_date"]
        assert refused["errors"][0]["code"] == "date_out_of_range"
        assert ok(tenant.integration.get("/v1/children"))["items"] == []

    def test_a_birth_date_moved_before_1900_is_422(self, tenant: Tenant) -> None:
        child = tenant.integration.created("/v1/children", child_body())
        url = f"/v1/children/{child['id']}"
        response = tenant.integration.patch(
            url, json={"birth_date": "0001-01-01"}, headers={"If-Match": "*"}
        )
        assert pointers(problem(response, 422, "validation-error")) == ["#/birth_date"]
        assert ok(tenant.integration.get(url))["birth_date"] == child["birth_date"]

    def test_a_birth_date_in_the_future_is_still_422_future_date(self, tenant: Tenant) -> None:
        response = tenant.integration.post("/v1/children", json=child_body(birth_date="2199-01-01"))
        refused = problem(response, 422, "validation-error")
        assert [e["code"] for e in refused["errors"]] == ["future_date"]


class TestATimeInAQueryLiesBetween1900And2199:
    @pytest.mark.parametrize("stamp", [LATEST_STAMP, EARLIEST_STAMP, "2200-01-01T00:00:00Z"])
    def test_updated_since_out_of_range_is_422_naming_it(self, tenant: Tenant, stamp: str) -> None:
        response = tenant.integration.get("/v1/children", params={"updated_since": stamp})
        refused = problem(response, 422, "validation-error")
        assert [(e["parameter"], e["code"]) for e in refused["errors"]] == [
            ("updated_since", "datetime_out_of_range")
        ]

    @pytest.mark.parametrize("parameter", ["from", "to"])
    def test_an_audit_window_out_of_range_is_422_naming_it(
        self, tenant: Tenant, parameter: str
    ) -> None:
        response = tenant.leader.get("/v1/audit-events", params={parameter: LATEST_STAMP})
        refused = problem(response, 422, "validation-error")
        assert [e["parameter"] for e in refused["errors"]] == [parameter]

    def test_a_time_inside_the_range_in_any_zone_is_accepted(self, tenant: Tenant) -> None:
        tenant.integration.created("/v1/children", child_body())
        page = ok(
            tenant.integration.get(
                "/v1/children", params={"updated_since": "1900-01-01T14:00:00+14:00"}
            )
        )
        assert len(page["items"]) == 1


# -- Cursors -------------------------------------------------------------------------------------


class TestACursorOutsideItsColumnsRangeIs400InvalidCursor:
    @pytest.mark.parametrize("stamp", [LATEST_STAMP, EARLIEST_STAMP])
    def test_a_cursor_stamped_at_the_ends_of_time_is_400(self, tenant: Tenant, stamp: str) -> None:
        # Found as a 500 on both databases (OverflowError converting the stamp to UTC).
        lists = {
            "/v1/children": "Child",
            "/v1/foster-homes": "FosterHome",
            "/v1/placements": "Placement",
            "/v1/workflows": "WorkflowInstance",
        }
        for path, model in lists.items():
            cursor = cursor_of([f"{model}.created_at", stamp, str(uuid.uuid4())])
            response = tenant.integration.get(path, params={"cursor": cursor})
            body = problem(response, 400, "invalid-cursor")
            assert "another list" not in body["detail"]

    def test_an_audit_cursor_stamped_at_the_end_of_time_is_400(self, tenant: Tenant) -> None:
        cursor = cursor_of([LATEST_STAMP, 1, "newest"])
        response = tenant.leader.get("/v1/audit-events", params={"cursor": cursor})
        problem(response, 400, "invalid-cursor")

    @pytest.mark.parametrize("row_id", [10**30, 2**63, -1])
    def test_an_audit_cursor_id_outside_the_64_bit_column_is_400(
        self, tenant: Tenant, row_id: int
    ) -> None:
        # 10**30 was a 500 on SQLite (OverflowError binding the parameter).
        cursor = cursor_of(["2026-01-05T12:00:00+00:00", row_id, "newest"])
        response = tenant.leader.get("/v1/audit-events", params={"cursor": cursor})
        problem(response, 400, "invalid-cursor")

    def test_an_audit_cursor_at_the_largest_id_is_a_page(self, tenant: Tenant) -> None:
        cursor = cursor_of(["2026-01-05T12:00:00+00:00", 2**63 - 1, "newest"])
        ok(tenant.leader.get("/v1/audit-events", params={"cursor": cursor}))

    @pytest.mark.parametrize("field", ["t", "p"])
    def test_an_event_cursor_count_outside_the_64_bit_column_is_400(
        self, tenant: Tenant, field: str
    ) -> None:
        valid = ok(tenant.integration.get("/v1/events"))["next_cursor"]
        raw = json.loads(base64.urlsafe_b64decode(valid + "=" * (-len(valid) % 4)))
        cursor = cursor_of({**raw, field: 10**30})
        response = tenant.integration.get("/v1/events", params={"after": cursor})
        problem(response, 400, "invalid-cursor")
