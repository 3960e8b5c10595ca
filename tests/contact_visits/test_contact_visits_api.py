"""Contact visits (samvær, issue #14 item 3) over HTTP: the arrangement the tribunal set plans
the visits of the next twelve months, each visit is held or cancelled, a report's review is a
task due the rule set's interval after it arrived, and the arrangement is reviewed regularly."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from app.clock import today
from tests.helpers import Api, Case, case_started, day, ok, pointers, problem
from tests.workflows.test_workflows_api import patch, tasks_of


def arrangement_body(first: date, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "decided_by": "tribunal",
        "decided_on": (first - timedelta(days=14)).isoformat(),
        "reference": "Sak 26-123456",
        "participants": [
            {"name": "Kari Nordmann", "relation": "mother"},
            {"name": "Per Nordmann", "relation": "father"},
        ],
        "every": "P3M",
        "first_visit_on": first.isoformat(),
        "duration_minutes": 120,
        "supervised": True,
        "supervised_by": "Tilsynsperson fra barnevernstjenesten",
        "place": "Familiens hus, Storgata 3",
        "minimum": "Minst fire samvær i året à to timer, med tilsyn.",
    }
    body.update(overrides)
    return body


def arrangements_url(case: Case) -> str:
    return f"/v1/placements/{case.placement['id']}/contact-visit-arrangements"


def visits_url(case: Case) -> str:
    return f"/v1/placements/{case.placement['id']}/contact-visits"


def reports_url(case: Case) -> str:
    return f"/v1/placements/{case.placement['id']}/contact-visit-reports"


def arrange(case: Case, first: date, **overrides: Any) -> dict[str, Any]:
    response = case.tenant.contact.post(
        arrangements_url(case), json=arrangement_body(first, **overrides)
    )
    return dict(ok(response, 201))


def test_a_care_order_arrangement_shows_its_visits_of_the_next_twelve_months(api: Api) -> None:
    case = case_started(api, day(-60))
    first = day(-30)
    arrangement = arrange(case, first)

    schedule = ok(case.tenant.leader.get(f"{visits_url(case)}/schedule"))

    expected = [first + relativedelta(months=3 * k) for k in range(1, 5)]
    expected = [d for d in expected if today() <= d <= today() + relativedelta(years=1)]
    assert [i["planned_on"] for i in schedule["items"]] == [d.isoformat() for d in expected]
    assert {i["arrangement_id"] for i in schedule["items"]} == {arrangement["id"]}
    assert [i["occurrence"] for i in schedule["items"]] == list(range(2, 2 + len(expected)))
    assert schedule["items"][0]["participants"] == "Kari Nordmann (mor) og Per Nordmann (far)"
    assert schedule["items"][0]["status"] == "planned"
    assert arrangement["frequency_text"] == "hver tredje måned (fire ganger i året)"


def test_the_schedule_stops_when_the_arrangement_ends(api: Api) -> None:
    case = case_started(api, day(-60))
    arrangement = arrange(case, day(-30), every="P2W")
    url = f"{arrangements_url(case)}/{arrangement['id']}"
    ended = day(40)
    changed = ok(
        patch(
            case.tenant.contact,
            url,
            {"change_reason": "Ny avtale.", "ended_on": ended.isoformat(), "end_reason": "Ny."},
        )
    )
    assert changed["revision"] == 2
    items = ok(case.tenant.leader.get(f"{visits_url(case)}/schedule"))["items"]
    every_second_week = [day(-30) + timedelta(weeks=2 * k) for k in range(10)]
    expected = [d.isoformat() for d in every_second_week if today() <= d <= ended]
    assert [i["planned_on"] for i in items] == expected


def test_a_visit_dated_before_the_placement_is_refused_with_a_field_error(api: Api) -> None:
    case = case_started(api, day(-20))
    response = case.tenant.contact.post(
        visits_url(case), json={"planned_on": day(-21).isoformat(), "status": "planned"}
    )
    body = problem(response, 422, "validation-error")
    assert pointers(body) == ["#/planned_on"]
    assert body["errors"][0]["code"] == "before_start"
    assert ok(case.tenant.leader.get(visits_url(case)))["items"] == []


def test_a_visit_after_the_placement_ended_is_refused(api: Api) -> None:
    case = case_started(api, day(-100), end_date=day(-10).isoformat(), end_reason="returned_home")
    response = case.tenant.contact.post(
        visits_url(case), json={"planned_on": day(-5).isoformat(), "status": "planned"}
    )
    body = problem(response, 422, "validation-error")
    assert [e["code"] for e in body["errors"]] == ["after_end"]


def test_a_cancelled_visit_says_by_whom_and_why(api: Api) -> None:
    case = case_started(api, day(-60))
    arrangement = arrange(case, day(-30))
    planned = {"planned_on": day(-30).isoformat(), "arrangement_id": arrangement["id"]}
    missing = case.tenant.contact.post(visits_url(case), json={**planned, "status": "cancelled"})
    assert pointers(problem(missing, 422, "validation-error")) == [
        "#/cancellation_reason",
        "#/cancelled_by",
    ]

    created = ok(case.tenant.contact.post(visits_url(case), json=planned), 201)
    url = f"{visits_url(case)}/{created['id']}"
    cancelled = ok(
        patch(
            case.tenant.contact,
            url,
            {
                "status": "cancelled",
                "cancelled_by": "parent",
                "cancellation_reason": "Mor var syk.",
            },
        )
    )
    assert (cancelled["status"], cancelled["cancelled_by"]) == ("cancelled", "parent")
    held = ok(patch(case.tenant.contact, url, {"status": "held", "notes": "Gikk fint."}))
    assert (held["status"], held["cancelled_by"], held["cancellation_reason"]) == (
        "held",
        None,
        None,
    )
    schedule = ok(
        case.tenant.leader.get(
            f"{visits_url(case)}/schedule", params={"from_date": day(-31).isoformat()}
        )
    )
    assert (schedule["items"][0]["visit_id"], schedule["items"][0]["status"]) == (
        created["id"],
        "held",
    )


def test_a_visit_update_needs_if_match(api: Api) -> None:
    case = case_started(api, day(-20))
    created = ok(
        case.tenant.contact.post(visits_url(case), json={"planned_on": day(5).isoformat()}), 201
    )
    url = f"{visits_url(case)}/{created['id']}"
    problem(case.tenant.contact.patch(url, json={"notes": "x"}), 428, "precondition-required")
    stale = case.tenant.contact.patch(url, json={"notes": "x"}, headers={"If-Match": '"old"'})
    problem(stale, 412, "precondition-failed")


def test_a_visit_held_in_the_future_is_refused(api: Api) -> None:
    case = case_started(api, day(-20))
    response = case.tenant.contact.post(
        visits_url(case), json={"planned_on": day(3).isoformat(), "status": "held"}
    )
    assert [e["code"] for e in problem(response, 422, "validation-error")["errors"]] == [
        "in_future"
    ]


def test_contact_visit_report_review_within_a_week_of_the_day_it_arrived(api: Api) -> None:
    case = case_started(api, day(-60))
    arrange(case, day(-30))
    visit = ok(
        case.tenant.contact.post(
            visits_url(case), json={"planned_on": day(-3).isoformat(), "status": "held"}
        ),
        201,
    )
    received = day(-1)
    report = ok(
        case.tenant.contact.post(
            reports_url(case),
            json={
                "visit_id": visit["id"],
                "received_on": received.isoformat(),
                "written_by": "Tilsynsperson Anne Berg",
                "summary": "Samværet gikk rolig.",
            },
        ),
        201,
    )

    task = report["review_task"]
    nominal = received + timedelta(days=7)
    assert date.fromisoformat(task["due_date"]) <= nominal
    assert task["title"] == "Gjennomgang av rapport etter samvær"
    assert (
        "Regel (tjenestens rutine): rapporten etter samvær gjennomgås innen én uke"
        in (task["explanation"])
    )
    assert "etter at rapporten etter samværet ble mottatt" in task["explanation"]
    assert "barnevernsloven § 7-2" in task["explanation"]
    assert task["rule"].startswith("workflow_start+P7D")
    [listed] = tasks_of(case, "samvaersrapport", "gjennomgang_rapport")
    assert listed["id"] == task["id"]
    again = ok(case.tenant.leader.get(f"{reports_url(case)}/{report['id']}"))
    assert again["review_task"]["id"] == task["id"]


def test_a_report_for_a_visit_not_held_is_refused(api: Api) -> None:
    case = case_started(api, day(-60))
    visit = ok(
        case.tenant.contact.post(visits_url(case), json={"planned_on": day(10).isoformat()}), 201
    )
    response = case.tenant.contact.post(
        reports_url(case),
        json={"visit_id": visit["id"], "received_on": day(-1).isoformat(), "written_by": "A"},
    )
    assert pointers(problem(response, 422, "validation-error")) == ["#/visit_id"]
    assert ok(case.tenant.leader.get(reports_url(case)))["items"] == []
    assert tasks_of(case, "samvaersrapport") == []


def test_a_report_received_in_the_future_is_refused(api: Api) -> None:
    case = case_started(api, day(-60))
    response = case.tenant.contact.post(
        reports_url(case), json={"received_on": day(2).isoformat(), "written_by": "A"}
    )
    assert pointers(problem(response, 422, "validation-error")) == ["#/received_on"]


def test_contact_visit_arrangement_review_every_year_as_routine(api: Api) -> None:
    case = case_started(api, day(-60))
    decided = day(-40)
    arrange(case, day(-30), decided_on=decided.isoformat())

    reviews = tasks_of(case, "samvaer", "gjennomgang_samvaer")
    assert reviews[0]["nominal_date"] == (decided + relativedelta(years=1)).isoformat()
    assert reviews[1]["nominal_date"] == (decided + relativedelta(years=2)).isoformat()
    explanation = reviews[0]["explanation"]
    assert "etter at nemnda fastsatte samværet" in explanation
    assert "Regel (tjenestens rutine): samværsordningen gjennomgås minst én gang i året" in (
        explanation
    )
    [plan] = tasks_of(case, "samvaer", "plan_for_samvaer")
    assert plan["nominal_date"] == (decided + relativedelta(months=1)).isoformat()


def test_a_second_arrangement_does_not_start_a_second_review(api: Api) -> None:
    case = case_started(api, day(-60))
    arrange(case, day(-30))
    arrange(case, day(-20), participants=[{"name": "Ola", "relation": "sibling"}], every="P1M")
    workflows = ok(
        case.tenant.leader.get("/v1/workflows", params={"placement_id": case.placement["id"]})
    )["items"]
    assert [w["definition_key"] for w in workflows].count("samvaer") == 1


def test_changing_an_arrangement_keeps_its_history(api: Api) -> None:
    case = case_started(api, day(-60))
    arrangement = arrange(case, day(-30))
    url = f"{arrangements_url(case)}/{arrangement['id']}"
    changed = ok(
        patch(
            case.tenant.contact,
            url,
            {
                "change_reason": "Nemnda økte samværet.",
                "every": "P1M",
                "supervised": False,
                "supervised_by": None,
            },
        )
    )
    assert (changed["every"], changed["revision"], changed["supervised"]) == ("P1M", 2, False)
    [revision] = changed["revisions"]
    assert revision["revision"] == 1
    assert revision["values"]["every"] == "P3M"
    assert revision["values"]["supervised_by"] == "Tilsynsperson fra barnevernstjenesten"
    assert revision["change_reason"] == "Nemnda økte samværet."
    assert ok(case.tenant.leader.get(url))["revisions"] == changed["revisions"]


def test_bad_arrangements_are_refused_with_a_pointer(api: Api) -> None:
    case = case_started(api, day(-60))
    cases = {
        "#/every": {"every": "fire ganger"},
        "#/first_visit_on": {"first_visit_on": day(-61).isoformat()},
        "#/supervised_by": {"supervised": False},
        "#/participants": {"participants": []},
        "#/decided_on": {"decided_on": day(3).isoformat()},
    }
    for pointer, override in cases.items():
        response = case.tenant.contact.post(
            arrangements_url(case), json=arrangement_body(day(-30), **override)
        )
        assert pointer in pointers(problem(response, 422, "validation-error")), pointer
    assert ok(case.tenant.leader.get(arrangements_url(case)))["items"] == []
    assert tasks_of(case, "samvaer") == []


def test_an_arrangement_change_needs_a_reason(api: Api) -> None:
    case = case_started(api, day(-60))
    arrangement = arrange(case, day(-30))
    url = f"{arrangements_url(case)}/{arrangement['id']}"
    response = patch(case.tenant.contact, url, {"every": "P1M"})
    assert pointers(problem(response, 422, "validation-error")) == ["#/change_reason"]


def test_another_services_placement_is_a_404(api: Api) -> None:
    case = case_started(api, day(-60))
    other = api.tenant()
    response = other.contact.post(arrangements_url(case), json=arrangement_body(day(-30)))
    problem(response, 404, "not-found")


def test_events_are_raised_for_contact_visits(api: Api) -> None:
    case = case_started(api, day(-60))
    arrange(case, day(-30))
    ok(
        case.tenant.contact.post(
            reports_url(case), json={"received_on": day(-1).isoformat(), "written_by": "A"}
        ),
        201,
    )
    types = {e["type"] for e in ok(case.tenant.integration.get("/v1/events"))["items"]}
    assert {"contact_visit_arrangement.created", "contact_visit_report.received"} <= types


def test_contact_visits_are_in_the_childs_privacy_export(api: Api) -> None:
    case = case_started(api, day(-60))
    arrangement = arrange(case, day(-30))
    visit = ok(
        case.tenant.contact.post(
            visits_url(case), json={"planned_on": day(-3).isoformat(), "status": "held"}
        ),
        201,
    )
    report = ok(
        case.tenant.contact.post(
            reports_url(case),
            json={"visit_id": visit["id"], "received_on": day(-1).isoformat(), "written_by": "A"},
        ),
        201,
    )

    export = ok(case.tenant.leader.get(f"/v1/children/{case.child['id']}/export"))

    assert [a["id"] for a in export["contact_visit_arrangements"]] == [arrangement["id"]]
    assert [v["id"] for v in export["contact_visits"]] == [visit["id"]]
    [exported] = export["contact_visit_reports"]
    assert (exported["id"], exported["review_task"]["id"]) == (
        report["id"],
        report["review_task"]["id"],
    )


def test_a_report_for_another_services_placement_is_a_404(api: Api) -> None:
    case = case_started(api, day(-60))
    other = api.tenant()
    response = other.contact.post(
        reports_url(case), json={"received_on": day(-1).isoformat(), "written_by": "A"}
    )
    problem(response, 404, "not-found")
    assert tasks_of(case, "samvaersrapport") == []


def test_a_report_naming_a_visit_of_another_placement_is_refused(api: Api) -> None:
    case = case_started(api, day(-60))
    elsewhere = case_started(api, day(-60), tenant=case.tenant)
    visit = ok(
        elsewhere.tenant.contact.post(
            visits_url(elsewhere), json={"planned_on": day(-3).isoformat(), "status": "held"}
        ),
        201,
    )
    response = case.tenant.contact.post(
        reports_url(case),
        json={"visit_id": visit["id"], "received_on": day(-1).isoformat(), "written_by": "A"},
    )
    body = problem(response, 422, "unknown-reference")
    assert pointers(body) == ["#/visit_id"]


def test_a_retried_report_plans_one_review(api: Api) -> None:
    case = case_started(api, day(-60))
    body = {"received_on": day(-1).isoformat(), "written_by": "A"}
    headers = {"Idempotency-Key": "samvaersrapport-1"}
    first = ok(case.tenant.contact.post(reports_url(case), json=body, headers=headers), 201)
    again = ok(case.tenant.contact.post(reports_url(case), json=body, headers=headers), 201)
    assert again["id"] == first["id"]
    assert len(tasks_of(case, "samvaersrapport")) == 1


def test_a_schedule_window_ending_before_it_starts_is_refused(api: Api) -> None:
    case = case_started(api, day(-60))
    response = case.tenant.leader.get(
        f"{visits_url(case)}/schedule",
        params={"from_date": day(10).isoformat(), "to_date": day(1).isoformat()},
    )
    body = problem(response, 422, "validation-error")
    assert [e["parameter"] for e in body["errors"]] == ["to_date"]


def test_an_unknown_relation_is_refused_with_its_pointer(api: Api) -> None:
    case = case_started(api, day(-60))
    response = case.tenant.contact.post(
        arrangements_url(case),
        json=arrangement_body(day(-30), participants=[{"name": "Kari", "relation": "aunt"}]),
    )
    assert pointers(problem(response, 422, "validation-error")) == ["#/participants/0/relation"]


def test_a_corrected_decision_date_moves_the_open_plan_and_reviews(api: Api) -> None:
    case = case_started(api, day(-60))
    arrangement = arrange(case, day(-30), decided_on=day(-40).isoformat())
    [plan] = tasks_of(case, "samvaer", "plan_for_samvaer")

    corrected = day(-35)
    ok(
        patch(
            case.tenant.contact,
            f"{arrangements_url(case)}/{arrangement['id']}",
            {"change_reason": "Feil dato registrert.", "decided_on": corrected.isoformat()},
        )
    )

    [moved] = tasks_of(case, "samvaer", "plan_for_samvaer")
    assert moved["id"] == plan["id"]
    assert moved["nominal_date"] == (corrected + relativedelta(months=1)).isoformat()
    reviews = tasks_of(case, "samvaer", "gjennomgang_samvaer")
    assert reviews[0]["nominal_date"] == (corrected + relativedelta(years=1)).isoformat()
