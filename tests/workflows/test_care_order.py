"""The legal basis can change (issue #19 item 3, review §2.5): a placement's care-order date, an
emergency placement that becomes a care order, and a care order that goes on across a move.
Over HTTP, as a journal system would register them."""

from __future__ import annotations

from typing import Any

import pytest
from dateutil.relativedelta import relativedelta

from tests.helpers import (
    Api,
    Case,
    case_started,
    child_body,
    day,
    foster_home_body,
    ok,
    parse,
    placement_body,
    pointers,
    problem,
)
from tests.workflows.test_workflows_api import (
    CARE_ORDER_ONLY,
    assert_due_on_working_day_near,
    patch,
    tasks_of,
    workflows_of,
)


def running(case: Case) -> dict[str, dict[str, Any]]:
    return {w["definition_key"]: w for w in workflows_of(case.tenant.leader, case.placement["id"])}


def first(case: Case, key: str) -> dict[str, Any]:
    return min(tasks_of(case, key), key=lambda t: t["due_date"])


class TestAnEmergencyPlacementThatBecomesACareOrder:
    def emergency(self, api: Api) -> Case:
        return case_started(api, day(-20), legal_basis="emergency")

    def test_the_care_order_workflows_start_counting_from_the_tribunals_decision(
        self, api: Api
    ) -> None:
        case = self.emergency(api)
        assert not set(running(case)) & CARE_ORDER_ONLY
        decided = day(-5)

        changed = ok(
            patch(
                case.tenant.leader,
                f"/v1/placements/{case.placement['id']}",
                {"legal_basis": "care_order", "care_order_date": decided.isoformat()},
            )
        )

        assert (changed["legal_basis"], changed["care_order_date"]) == (
            "care_order",
            decided.isoformat(),
        )
        now = running(case)
        assert set(now) >= CARE_ORDER_ONLY
        for key in CARE_ORDER_ONLY:
            assert now[key]["workflow_start"] == decided.isoformat()
        funnel = first(case, "vurderingstrakt")
        assert_due_on_working_day_near(funnel, decided + relativedelta(years=1))
        assert "ett år etter at nemnda vedtok omsorgsovertakelsen" in funnel["explanation"]
        conversation = first(case, "oppfolging-foreldre")
        assert_due_on_working_day_near(conversation, decided + relativedelta(months=6))
        assert (
            "seks måneder etter at nemnda vedtok omsorgsovertakelsen"
            in (conversation["explanation"])
        )

    def test_a_preview_shows_the_care_order_workflows_before_saving(self, api: Api) -> None:
        case = self.emergency(api)
        decided = day(-5)
        url = f"/v1/placements/{case.placement['id']}"

        preview = ok(
            case.tenant.leader.post(
                f"{url}/schedule-preview",
                json={"legal_basis": "care_order", "care_order_date": decided.isoformat()},
            )
        )

        created = {c["step_key"]: c for c in preview["changes"] if c["action"] == "created"}
        assert {"trinn_1_omsorgsevne", "oppfolgingssamtale"} <= set(created)
        assert ok(case.tenant.leader.get(url))["legal_basis"] == "emergency"
        assert not set(running(case)) & CARE_ORDER_ONLY
        ok(
            patch(
                case.tenant.leader,
                url,
                {"legal_basis": "care_order", "care_order_date": decided.isoformat()},
            )
        )
        assert (
            first(case, "vurderingstrakt")["due_date"]
            == (created["trinn_1_omsorgsevne"]["new_due_date"])
        )

    @pytest.mark.parametrize(
        ("body", "code"),
        [
            ({"legal_basis": "care_order"}, "required"),
            ({"legal_basis": "care_order", "care_order_date": "DAY-30"}, "before_start"),
            ({"legal_basis": "care_order", "care_order_date": "DAY+1"}, "in_future"),
            ({"care_order_date": "DAY-5"}, "not_care_order"),
        ],
    )
    def test_a_wrong_care_order_date_is_refused_at_the_field_and_nothing_changes(
        self, api: Api, body: dict[str, str], code: str
    ) -> None:
        case = self.emergency(api)
        for key, value in body.items():
            if value.startswith("DAY"):
                body[key] = day(int(value[3:])).isoformat()
        url = f"/v1/placements/{case.placement['id']}"

        response = patch(case.tenant.leader, url, body)

        error = problem(response, 422, "validation-error")
        assert pointers(error) == ["#/care_order_date"]
        assert [e["code"] for e in error["errors"]] == [code]
        stored = ok(case.tenant.leader.get(url))
        assert (stored["legal_basis"], stored["care_order_date"]) == ("emergency", None)
        assert not set(running(case)) & CARE_ORDER_ONLY


class TestACareOrderGoesOnAcrossAMove:
    def test_the_next_placement_keeps_the_care_order_date_and_the_return_home_cadence(
        self, api: Api
    ) -> None:
        decided = day(-400)
        case = case_started(
            api,
            decided,
            care_order_date=decided.isoformat(),
            end_date=day(-10).isoformat(),
            end_reason="moved_to_other_foster_home",
        )
        tenant = case.tenant
        home = tenant.integration.created("/v1/foster-homes", foster_home_body(name="Familien Li"))
        body = placement_body(
            tenant,
            child_id=case.child["id"],
            foster_home_id=home["id"],
            start_date=day(-9).isoformat(),
        )

        moved = tenant.integration.created("/v1/placements", body)

        assert moved["care_order_date"] == decided.isoformat()
        next_case = Case(tenant=tenant, child=case.child, foster_home=home, placement=moved)
        funnel = running(next_case)["vurderingstrakt"]
        # A year after the care order fell before this placement: the cycle goes on from it.
        cycle = decided + relativedelta(years=1)
        assert funnel["workflow_start"] == cycle.isoformat()
        stage = first(next_case, "vurderingstrakt")
        assert_due_on_working_day_near(stage, decided + relativedelta(years=2))
        assert "det var gått ett år siden nemnda vedtok omsorgsovertakelsen" in stage["explanation"]


class TestARegisteredCareOrderDate:
    def test_a_care_order_date_in_the_future_is_refused(self, api: Api) -> None:
        tenant = api.tenant()
        child = tenant.integration.created("/v1/children", child_body())
        home = tenant.integration.created("/v1/foster-homes", foster_home_body())
        body = placement_body(
            tenant,
            child_id=child["id"],
            foster_home_id=home["id"],
            start_date=day(-3).isoformat(),
            care_order_date=day(2).isoformat(),
        )

        response = tenant.integration.post("/v1/placements", json=body)

        error = problem(response, 422, "validation-error")
        assert pointers(error) == ["#/care_order_date"]
        listed = ok(tenant.leader.get("/v1/placements", params={"child_id": child["id"]}))
        assert listed["items"] == []

    def test_a_care_order_date_goes_only_with_a_care_order(self, api: Api) -> None:
        tenant = api.tenant()
        child = tenant.integration.created("/v1/children", child_body())
        home = tenant.integration.created("/v1/foster-homes", foster_home_body())
        body = placement_body(
            tenant,
            child_id=child["id"],
            foster_home_id=home["id"],
            legal_basis="voluntary",
            care_order_date=day(-3).isoformat(),
        )

        response = tenant.integration.post("/v1/placements", json=body)

        error = problem(response, 422, "validation-error")
        assert [e["code"] for e in error["errors"]] == ["not_care_order"]

    def test_a_care_order_placement_counts_from_its_care_order_date(self, api: Api) -> None:
        decided = day(-10)
        case = case_started(api, day(-3), care_order_date=decided.isoformat())
        assert case.placement["care_order_date"] == decided.isoformat()
        assert running(case)["vurderingstrakt"]["workflow_start"] == decided.isoformat()
        conversation = first(case, "oppfolging-foreldre")
        assert parse(conversation["nominal_date"]) == decided + relativedelta(months=6)

    def test_leaving_the_care_order_clears_its_date(self, api: Api) -> None:
        case = case_started(api, day(-3), care_order_date=day(-3).isoformat())
        url = f"/v1/placements/{case.placement['id']}"
        changed = ok(patch(case.tenant.leader, url, {"legal_basis": "voluntary"}))
        assert changed["care_order_date"] is None
