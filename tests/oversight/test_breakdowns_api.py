"""Breakdowns (issue #17 item 3): a placement's end is planned or unplanned, with a reason, and
the ends are counted per year, per kind of foster home and per time since the move."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.clock import today
from tests.helpers import (
    Api,
    Tenant,
    child_body,
    foster_home_body,
    ok,
    placement_body,
    pointers,
    problem,
)

PAST = {"agreement_end_date": None}


def day(n: int) -> str:
    return (today() + timedelta(days=n)).isoformat()


def place(tenant: Tenant, *, kind: str = "ordinary", **placement: Any) -> dict[str, Any]:
    child = tenant.integration.created("/v1/children", child_body())
    home = tenant.integration.created("/v1/foster-homes", foster_home_body(kind=kind))
    body = placement_body(tenant, child_id=child["id"], foster_home_id=home["id"], **placement)
    body.pop("agreement_end_date")
    return tenant.integration.created("/v1/placements", body)


def rows(report: dict[str, Any], name: str) -> dict[str, tuple[int, int, int, int]]:
    return {
        r["key"]: (r["ended"], r["planned"], r["unplanned"], r["unrecorded"]) for r in report[name]
    }


class TestAnEndIsPlannedOrABreakdown:
    def test_ending_records_whether_it_was_planned_and_why_not(self, api: Api) -> None:
        tenant = api.tenant()
        placement = place(tenant, start_date=day(-200))
        ended = ok(
            tenant.integration.post(
                f"/v1/placements/{placement['id']}/end",
                json={
                    "end_date": day(-1),
                    "end_reason": "moved_to_other_foster_home",
                    "end_planned": False,
                    "breakdown_reason": "child_wish",
                },
            )
        )
        assert (ended["end_planned"], ended["breakdown_reason"]) == (False, "child_wish")

    def test_a_breakdown_without_its_reason_is_refused_at_the_field(self, api: Api) -> None:
        tenant = api.tenant()
        placement = place(tenant, start_date=day(-200))
        body = problem(
            tenant.integration.post(
                f"/v1/placements/{placement['id']}/end",
                json={"end_date": day(-1), "end_reason": "other", "end_planned": False},
            ),
            422,
            "validation-error",
        )
        assert pointers(body) == ["#/breakdown_reason"]
        still = ok(tenant.integration.get(f"/v1/placements/{placement['id']}"))
        assert still["end_date"] is None

    def test_a_planned_end_has_no_breakdown_reason(self, api: Api) -> None:
        tenant = api.tenant()
        child = tenant.integration.created("/v1/children", child_body())
        home = tenant.integration.created("/v1/foster-homes", foster_home_body())
        body = placement_body(
            tenant,
            child_id=child["id"],
            foster_home_id=home["id"],
            start_date=day(-300),
            end_date=day(-10),
            end_reason="returned_home",
            end_planned=True,
            breakdown_reason="parents",
        )
        body.pop("agreement_end_date")
        response = tenant.integration.post("/v1/placements", json=body)
        assert pointers(problem(response, 422, "validation-error")) == ["#/breakdown_reason"]


class TestBreakdownsAreCounted:
    def test_per_year_kind_time_since_the_move_and_reason_as_hand_counted(self, api: Api) -> None:
        tenant = api.tenant()
        ends = [
            # (kind, start, end, planned, reason)
            ("ordinary", -400, -10, True, None),  # 390 days: 1_to_2_years
            ("kinship", -50, -20, False, "foster_home_gave_notice"),  # under_3_months
            ("ordinary", -200, -3, False, "needs_not_met"),  # 3_to_12_months
            ("ordinary", -100, -5, None, None),  # not recorded
        ]
        for kind, start, end, planned, reason in ends:
            extra: dict[str, Any] = {"end_planned": planned} if planned is not None else {}
            if reason:
                extra["breakdown_reason"] = reason
            place(
                tenant,
                kind=kind,
                start_date=day(start),
                end_date=day(end),
                end_reason="other",
                **extra,
            )
        place(tenant, start_date=day(-30))  # still running: not counted
        report = ok(
            tenant.leader.get(
                "/v1/oversight/breakdowns",
                params={"service_id": tenant.service_id, "start": day(-365), "end": day(0)},
            )
        )
        assert report["total"]["ended"] == 4
        assert (report["total"]["planned"], report["total"]["unplanned"]) == (1, 2)
        assert report["total"]["breakdown_rate"] == 0.6667
        assert rows(report, "by_foster_home_kind") == {
            "kinship": (1, 0, 1, 0),
            "ordinary": (3, 1, 1, 1),
        }
        assert rows(report, "by_time_since_move") == {
            "under_3_months": (1, 0, 1, 0),
            "3_to_12_months": (2, 0, 1, 1),
            "1_to_2_years": (1, 1, 0, 0),
        }
        assert rows(report, "by_reason") == {
            "foster_home_gave_notice": (1, 0, 1, 0),
            "needs_not_met": (1, 0, 1, 0),
        }
        years: dict[str, int] = {}
        for _, _, end, _, _ in ends:
            year = str((today() + timedelta(days=end)).year)
            years[year] = years.get(year, 0) + 1
        assert {r["key"]: r["ended"] for r in report["by_year"]} == years
