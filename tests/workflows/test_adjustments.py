"""A service adjusts Omsorgspakken to its own practice; running follow-ups keep their plan."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from app.clock import today
from tests.helpers import Api, Case, Tenant, make_case


def _tasks(case: Case, key: str) -> list[dict[str, Any]]:
    response = case.tenant.integration.get(
        "/v1/tasks", params={"placement_id": case.placement["id"], "limit": 100}
    )
    assert response.status_code == 200, response.text
    return [t for t in response.json()["items"] if t["definition_key"] == key]


def _first_step(api: Api) -> tuple[str, dict[str, Any]]:
    definition = api.admin.get("/v1/workflow-definitions/omsorgspakken").json()["definition"]
    return definition["steps"][0]["key"], definition


def _start() -> str:
    return (today() + timedelta(days=10)).isoformat()


class TestAServiceAdjustsOmsorgspakken:
    def test_a_switched_off_step_is_not_planned_for_new_placements(self, api: Api) -> None:
        tenant: Tenant = api.tenant()
        step, _ = _first_step(api)
        put = tenant.leader.request(
            "PUT",
            "/v1/workflow-adjustments/omsorgspakken",
            json={"steps": {step: {"enabled": False}}},
        )
        assert put.status_code == 200, put.text
        case = make_case(api, tenant, start_date=_start())
        assert step not in {t["step_key"] for t in _tasks(case, "omsorgspakken")}

    def test_a_new_offset_moves_the_step_for_new_placements(self, api: Api) -> None:
        tenant = api.tenant()
        step, _ = _first_step(api)
        put = tenant.leader.request(
            "PUT",
            "/v1/workflow-adjustments/omsorgspakken",
            json={"steps": {step: {"offset": "P21D"}}},
        )
        assert put.status_code == 200, put.text
        case = make_case(api, tenant, start_date=_start())
        task = next(t for t in _tasks(case, "omsorgspakken") if t["step_key"] == step)
        assert (
            task["nominal_date"] == (date.fromisoformat(_start()) + timedelta(days=21)).isoformat()
        )

    def test_running_placements_keep_the_plan_they_started_with(self, api: Api) -> None:
        tenant = api.tenant()
        case = make_case(api, tenant, start_date=_start())
        before = {t["id"]: t["due_date"] for t in _tasks(case, "omsorgspakken")}
        step, _ = _first_step(api)
        tenant.leader.request(
            "PUT",
            "/v1/workflow-adjustments/omsorgspakken",
            json={"steps": {step: {"enabled": False}}},
        )
        # A recalculation of the running placement does not pick up the adjustment.
        current = tenant.integration.get(f"/v1/placements/{case.placement['id']}")
        patched = tenant.integration.patch(
            f"/v1/placements/{case.placement['id']}",
            json={"agreement_end_date": "2030-01-31"},
            headers={"If-Match": current.headers["etag"]},
        )
        assert patched.status_code == 200, patched.text
        after = {t["id"]: t["due_date"] for t in _tasks(case, "omsorgspakken")}
        assert after == before

    def test_the_adjustment_is_listed_for_the_service_only(self, api: Api) -> None:
        mine, other = api.tenant(), api.tenant()
        step, _ = _first_step(api)
        mine.leader.request(
            "PUT",
            "/v1/workflow-adjustments/omsorgspakken",
            json={"steps": {step: {"offset": "P2D"}}},
        )
        listed = mine.leader.get("/v1/workflow-adjustments").json()["items"]
        assert [(a["definition_key"], a["steps"][step]["offset"]) for a in listed] == [
            ("omsorgspakken", "P2D")
        ]
        assert other.leader.get("/v1/workflow-adjustments").json()["items"] == []


class TestWhatCannotBeAdjusted:
    def test_a_legal_workflow_cannot_be_adjusted(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.leader.request(
            "PUT",
            "/v1/workflow-adjustments/oppfolgingsbesok",
            json={"steps": {"besok": {"enabled": False}}},
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["code"] == "not_adjustable"

    def test_unknown_steps_and_bad_offsets_are_refused(self, api: Api) -> None:
        tenant = api.tenant()
        unknown = tenant.leader.request(
            "PUT",
            "/v1/workflow-adjustments/omsorgspakken",
            json={"steps": {"nope": {"enabled": False}}},
        )
        assert unknown.status_code == 422
        assert unknown.json()["errors"][0]["pointer"] == "#/steps/nope"
        step, _ = _first_step(api)
        bad = tenant.leader.request(
            "PUT",
            "/v1/workflow-adjustments/omsorgspakken",
            json={"steps": {step: {"offset": "ten days"}}},
        )
        assert bad.status_code == 422
        assert bad.json()["errors"][0]["pointer"] == f"#/steps/{step}/offset"

    def test_a_contact_person_cannot_adjust_the_services_workflows(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.contact.request(
            "PUT", "/v1/workflow-adjustments/omsorgspakken", json={"steps": {}}
        )
        assert response.status_code == 403
