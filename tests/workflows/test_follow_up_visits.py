"""Follow-up visits held, whatever planned them (issue #19 item 5, review §2.4): Omsorgspakken's
home visits count towards the legal minimum, an extra visit can be recorded ("så ofte som
nødvendig"), and each year since the move is counted against the rule set's minimum."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from app.clock import today
from tests.helpers import Api, Case, case_started, day, ok, pointers, problem
from tests.workflows.test_workflows_api import complete, tasks_of


def visits_of(case: Case) -> dict[str, Any]:
    return dict(
        ok(case.tenant.leader.get(f"/v1/placements/{case.placement['id']}/follow-up-visits"))
    )


def extra(case: Case, on: date, **body: Any) -> Any:
    payload = {
        "visited_on": on.isoformat(),
        "spoke_with_child_alone": True,
        "reason": "Barnet ringte og var lei seg etter samvær.",
        "notes": "Barnet sa at det var godt å få snakke. Vi avtalte ny kontakt om to uker.",
        **body,
    }
    return case.tenant.contact.post(
        f"/v1/placements/{case.placement['id']}/extra-visits", json=payload
    )


def test_omsorgspakkens_home_visit_counts_as_a_follow_up_visit(api: Api) -> None:
    case = case_started(api, day(-10))
    home_visit = tasks_of(case, "omsorgspakken", "barn_hjemmebesok_forste_uke")[0]
    visited = day(-4)
    answers = {"dato": visited.isoformat(), "notat": "Barnet viste meg rommet sitt."}
    ok(complete(case.tenant.contact, home_visit["id"], answers))

    found = visits_of(case)
    assert [(v["visited_on"], v["kind"], v["task_id"]) for v in found["visits"]] == [
        (visited.isoformat(), "programme", home_visit["id"])
    ]
    assert found["rule"] == "Regel (lov eller forskrift): minst fire oppfølgingsbesøk i året"
    [year] = found["years"]
    assert (year["starts_on"], year["held"], year["required"]) == (day(-10).isoformat(), 1, 4)
    assert (year["complete"], year["met"]) == (False, None)


def test_a_planned_follow_up_visit_counts_on_the_day_it_was_held(api: Api) -> None:
    case = case_started(api, day(-10))
    visit = tasks_of(case, "oppfolgingsbesok", "besok")[0]
    answers = {
        "besoksdato": day(-1).isoformat(),
        "snakket_med_barnet_alene": True,
        "barnets_mening": "Jeg liker meg her.",
        "vurdering": "Barnet er trygt.",
    }
    ok(complete(case.tenant.contact, visit["id"], answers))
    assert [(v["visited_on"], v["kind"]) for v in visits_of(case)["visits"]] == [
        (day(-1).isoformat(), "planned")
    ]


def test_an_extra_visit_is_recorded_counts_and_leaves_the_plan_as_it_is(api: Api) -> None:
    case = case_started(api, day(-30))
    before = {t["id"]: t["due_date"] for t in tasks_of(case, "oppfolgingsbesok")}

    response = extra(case, day(-2))

    created = ok(response, 201)
    assert created["recorded_by"]
    assert created["spoke_with_child_alone"] is True
    assert response.headers["location"].endswith(
        f"/v1/placements/{case.placement['id']}/extra-visits/{created['id']}"
    )
    assert ok(case.tenant.leader.get(response.headers["location"]))["notes"] == created["notes"]
    found = visits_of(case)
    assert [(v["kind"], v["extra_visit_id"], v["title"]) for v in found["visits"]] == [
        ("extra", created["id"], "Ekstra oppfølgingsbesøk")
    ]
    assert found["years"][0]["held"] == 1
    assert {t["id"]: t["due_date"] for t in tasks_of(case, "oppfolgingsbesok")} == before


def test_a_complete_year_is_met_with_four_visits_and_not_with_three(api: Api) -> None:
    start = today() - relativedelta(years=2) - timedelta(days=20)
    case = case_started(api, start, agreement_end_date=(start + relativedelta(years=4)).isoformat())
    for month in (1, 4, 7, 10):  # the first year: four visits
        ok(extra(case, start + relativedelta(months=month)), 201)
    for month in (13, 16, 19):  # the second year: three
        ok(extra(case, start + relativedelta(months=month)), 201)

    years = visits_of(case)["years"]

    assert [(y["held"], y["required"], y["complete"], y["met"]) for y in years] == [
        (4, 4, True, True),
        (3, 4, True, False),
        (0, 4, False, None),
    ]
    assert years[1]["starts_on"] == (start + relativedelta(years=1)).isoformat()
    assert years[1]["ends_on"] == (start + relativedelta(years=2) - timedelta(days=1)).isoformat()


def test_a_year_under_a_reduction_needs_the_reduced_minimum(api: Api) -> None:
    start = today() - relativedelta(years=3) - timedelta(days=20)
    case = case_started(api, start, agreement_end_date=(start + relativedelta(years=5)).isoformat())
    reduction = {
        "effective_from": (start + relativedelta(years=2)).isoformat(),
        "reason": "Barnet er trygt og ønsker færre besøk.",
    }
    ok(
        case.tenant.leader.post(
            f"/v1/placements/{case.placement['id']}/visit-reductions", json=reduction
        ),
        201,
    )
    for month in (26, 32):
        ok(extra(case, start + relativedelta(months=month)), 201)

    third = visits_of(case)["years"][2]

    assert (third["held"], third["required"], third["reduced"], third["met"]) == (2, 2, True, True)


def test_an_extra_visit_outside_the_placement_is_refused_and_nothing_is_saved(api: Api) -> None:
    case = case_started(api, day(-30))
    for on, code in ((day(1), "in_future"), (day(-31), "before_start")):
        body = problem(extra(case, on), 422, "validation-error")
        assert pointers(body) == ["#/visited_on"]
        assert body["errors"][0]["code"] == code
    blank = problem(extra(case, day(-1), reason="  "), 422, "validation-error")
    assert pointers(blank) == ["#/reason"]
    assert visits_of(case)["visits"] == []


def test_reading_the_visits_is_in_the_childs_access_log(api: Api) -> None:
    case = case_started(api, day(-30))
    ok(extra(case, day(-2)), 201)
    visits_of(case)
    log = ok(case.tenant.leader.get(f"/v1/children/{case.child['id']}/access-log"))
    assert "follow-up-visits" in {entry.get("detail") for entry in log["items"]}


def test_an_extra_visit_is_in_the_childs_privacy_export(api: Api) -> None:
    case = case_started(api, day(-30))
    created = ok(extra(case, day(-2)), 201)
    export = ok(case.tenant.leader.get(f"/v1/children/{case.child['id']}/export"))
    assert [(v["id"], v["notes"]) for v in export["extra_visits"]] == [
        (created["id"], created["notes"])
    ]
