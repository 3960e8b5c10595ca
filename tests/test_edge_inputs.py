"""Edge inputs the December 2026 review (finding 12, and the input half of 7) answered with a 500
or accepted: deeply nested JSON, dates and times far outside any case, and cursors stamped with
them. Each is a clear 4xx problem naming the field, and nothing is written."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import (
    Api,
    Case,
    Tenant,
    make_case,
    ok,
    pointers,
    problem,
)
from tests.test_tenancy import VISIT_ANSWERS, visit_task


def nested_objects(depth: int) -> str:
    """``depth`` objects inside each other, as the review built them: ``{"a":{"a":…{}…}}``."""
    return '{"a":' * depth + "{}" + "}" * depth


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
