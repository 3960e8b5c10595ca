"""Workflows through the HTTP API: the year wheel of a placement, recalculation when its dates
change, the return-home funnel, visit reductions, rule sets and the shipped definitions.

Dates are relative to ``app.clock.today()`` (Europe/Oslo), the same clock the server uses. A
newly registered placement plans nothing due more than ``schedule_backfill_days`` (31) before
today, so the placements here start a few days ago unless a test needs more.
"""

from __future__ import annotations

import itertools
import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from dateutil.relativedelta import relativedelta
from sqlalchemy.orm import Session

from app.clock import today
from app.workflows.service import sync_all
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
)

CARE_ORDER_WORKFLOWS = {
    "arlig-evaluering",
    "en-god-start",
    "omsorgspakken",
    "oppfolging-foreldre",
    "oppfolgingsbesok",
    "omsorgsplan",
    "tilsyn",
    "vurderingstrakt",
}
CARE_ORDER_ONLY = {"vurderingstrakt", "oppfolging-foreldre", "omsorgsplan"}
VOLUNTARY_ONLY = {"samarbeid-foreldre-frivillig", "tiltaksplan"}
ON_REQUEST_WORKFLOWS = {
    "veien-videre",
    "sak-for-nemnda",
    # contact visits: started by an arrangement and by each report received
    "samvaer",
    "samvaersrapport",
    "oppfolging-etter-tilbakeforing",
    "jevnlig-vurdering",
    "samtale-andre-barn",
}
# Only an emergency placement in a kinship home (family and network) gets its approval workflow.
KINSHIP_EMERGENCY_WORKFLOWS = {"godkjenning-slekt-nettverk"}
SHIPPED_WORKFLOWS = (
    CARE_ORDER_WORKFLOWS | ON_REQUEST_WORKFLOWS | KINSHIP_EMERGENCY_WORKFLOWS | VOLUNTARY_ONLY
)

STAGES = [
    "trinn_1_omsorgsevne",
    "trinn_2_forsvarlig_omsorg",
    "trinn_3_tilknytning",
    "trinn_4_barnets_synspunkter",
    "trinn_5_helhetsvurdering",
]
STAGE_ANSWERS = {"vurdering": "Foreldrene har fått hjelp og endret mye.", "konklusjon": "Ja."}
OUTCOMES = ["fremme_for_nemnda", "fortsette_gjenforening", "avslutte_gjenforeningsmal"]
DECISION_ANSWERS: dict[str, dict[str, Any]] = {
    "fremme_for_nemnda": {"begrunnelse": "Forsvarlig omsorg er overveiende sannsynlig."},
    "fortsette_gjenforening": {"begrunnelse": "Foreldrene er på god vei, men ikke i mål."},
    "avslutte_gjenforeningsmal": {
        "begrunnelse": "Barnet har knyttet seg sterkt til fosterfamilien.",
        "grunn_for_a_avslutte": "En flytting kan føre til alvorlige problemer for barnet.",
    },
}
EVALUATION_ANSWERS = {
    "dato": "2026-11-20",
    "oppdraget": "Fungerer godt.",
    "barnets_situasjon": "Barnet trives.",
    "samarbeid": "Godt samarbeid.",
    "behov_for_stotte": "Veiledning som før.",
    "oppdraget_videre": "fortsetter",
    "begrunnelse": "Alle parter ønsker å fortsette.",
}
RULES = [
    "follow_up_visits_per_year",
    "follow_up_visits_reduced_per_year",
    "visit_reduction_after",
    "supervision_visits_per_year",
    "supervision_first_after",
    "supervision_report_review_within",
    "annual_evaluation_first_after",
    "annual_evaluation_before_agreement_end",
    "parent_conversations_per_year",
    "contact_visit_plan_within",
    "contact_visit_arrangement_review_every",
    "contact_visit_report_review_within",
    "return_home_review_interval",
    "tribunal_case_prepared_within",
    "return_home_follow_up_in_force",
    "return_home_follow_up_duration",
    "return_home_follow_up_every",
    "voluntary_parent_meetings_per_year",
    "bunched_deadlines_per_day",
    "network_emergency_approval_within",
    # plans
    "care_plan_foster_home_review_within",
    "care_plan_first_review_after",
    "care_plan_review_interval",
    "measures_plan_evaluation_interval",
    "follow_up_plan_first_within",
    "follow_up_plan_revision_interval",
    "other_children_conversation_within",
    # inter-municipal teams' orders
    "team_order_call_back_within",
    "team_order_urgent_call_back_within",
    "team_order_start_within",
    "team_group_fixed_key_percent",
]


# -- Helpers -------------------------------------------------------------------------------------


def months_apart(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def assert_due_on_working_day_near(task: dict[str, Any], nominal: date) -> None:
    """The task is planned for ``nominal`` and due on a working day at most a week from it."""
    assert parse(task["nominal_date"]) == nominal, task
    due = parse(task["due_date"])
    assert is_working_day(due), task
    assert abs((due - nominal).days) < 7, task


def all_tasks(caller: Caller, **params: Any) -> list[dict[str, Any]]:
    """Every task the filters match, walking all pages."""
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        query = {"limit": 100, **params, **({"cursor": cursor} if cursor else {})}
        page = ok(caller.get("/v1/tasks", params=query))
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


def tasks_of(case: Case, definition_key: str, step_key: str | None = None) -> list[dict[str, Any]]:
    return [
        t
        for t in all_tasks(case.tenant.leader, placement_id=case.placement["id"])
        if t["definition_key"] == definition_key and (step_key is None or t["step_key"] == step_key)
    ]


def get_task(caller: Caller, task_id: str) -> dict[str, Any]:
    return dict(ok(caller.get(f"/v1/tasks/{task_id}")))


def changes_of(caller: Caller, task_id: str) -> list[dict[str, Any]]:
    return list(ok(caller.get(f"/v1/tasks/{task_id}/changes"))["items"])


def complete(
    caller: Caller, task_id: str, answers: dict[str, Any], outcome: str | None = None
) -> httpx.Response:
    body: dict[str, Any] = {"answers": answers}
    if outcome is not None:
        body["outcome"] = outcome
    return caller.post(f"/v1/tasks/{task_id}/complete", json=body)


def patch(caller: Caller, url: str, body: dict[str, Any]) -> httpx.Response:
    """PATCH with the If-Match of a fresh GET."""
    current = caller.get(url)
    assert current.status_code == 200, current.text
    return caller.patch(url, json=body, headers={"If-Match": current.headers["ETag"]})


def workflows_of(caller: Caller, placement_id: str, **params: Any) -> list[dict[str, Any]]:
    page = ok(caller.get("/v1/workflows", params={"placement_id": placement_id, **params}))
    return list(page["items"])


def evaluations(case: Case) -> list[dict[str, Any]]:
    """The placement's annual evaluations, earliest first."""
    found = tasks_of(case, "arlig-evaluering", "evaluering")
    return sorted(found, key=lambda t: t["due_date"])


# -- 1. The year wheel ---------------------------------------------------------------------------


class TestAPlacementShowsItsFullYearWheel:
    def test_the_timeline_lists_every_task_by_due_date_with_legal_basis_explanation_and_rule(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        body = ok(case.tenant.contact.get(f"/v1/placements/{case.placement['id']}/timeline"))

        items = body["items"]
        assert body["placement_id"] == case.placement["id"]
        assert items, "a new placement has a planned year wheel"
        due_dates = [item["due_date"] for item in items]
        assert due_dates == sorted(due_dates)
        for item in items:
            assert item["placement_id"] == case.placement["id"]
            assert item["status"] == "open"
            assert item["legal_basis"].strip(), item
            assert item["explanation"].startswith("Frist "), item
            assert "Grunnlag: " in item["explanation"], item
            assert item["rule"].endswith("(rule set v1)"), item
            assert item["rule_set_version"] == 1, item
        assert {item["definition_key"] for item in items} == CARE_ORDER_WORKFLOWS
        listed = all_tasks(case.tenant.leader, placement_id=case.placement["id"])
        assert {item["id"] for item in items} == {t["id"] for t in listed}

    def test_each_due_date_is_its_rule_applied_to_the_placements_dates(self, api: Api) -> None:
        start = day(-3)
        agreement_end = start + relativedelta(years=2)
        case = case_started(api, start, agreement_end_date=agreement_end.isoformat())
        items = ok(case.tenant.leader.get(f"/v1/placements/{case.placement['id']}/timeline"))[
            "items"
        ]

        visits = [t for t in items if t["definition_key"] == "oppfolgingsbesok"]
        visits.sort(key=lambda t: t["occurrence"])
        for n, visit in enumerate(visits[:4]):
            first_visit = start + relativedelta(months=3)
            assert_due_on_working_day_near(visit, first_visit + relativedelta(months=3 * n))
        first, second = visits[0], visits[1]
        assert "tre måneder etter at barnet flyttet inn i fosterhjemmet" in first["explanation"]
        assert "Gjentas hver tredje måned" in second["explanation"]
        assert "minst fire oppfølgingsbesøk i året" in second["explanation"]
        assert first["legal_basis"] == (
            "Fosterhjemsforskriften (barnevernstjenestens oppfølgingsbesøk i fosterhjemmet)"
        )
        assert "follow_up_visits_per_year=4" in first["rule"]

        evaluation = next(
            t for t in items if t["definition_key"] == "arlig-evaluering" and t["occurrence"] == 0
        )
        assert_due_on_working_day_near(evaluation, start + relativedelta(years=1))
        assert "første gang, ett år etter at barnet flyttet inn" in evaluation["explanation"]
        assert "innen fristen fem måneder før oppdragsavtalen utløper" in evaluation["explanation"]
        assert "annual_evaluation_first_after=P1Y" in evaluation["rule"]
        assert "annual_evaluation_before_agreement_end=P5M" in evaluation["rule"]

        supervision = next(t for t in items if t["step_key"] == "tilsynsbesok")
        assert_due_on_working_day_near(supervision, start + relativedelta(weeks=6))
        assert "§ 9-10" in supervision["legal_basis"]

        funnel = [t for t in items if t["definition_key"] == "vurderingstrakt"]
        assert [t["step_key"] for t in funnel] == ["trinn_1_omsorgsevne"]
        assert_due_on_working_day_near(funnel[0], start + relativedelta(years=1))
        assert "return_home_review_interval=P1Y" in funnel[0]["rule"]

    def test_a_care_order_starts_the_return_home_funnel_and_the_follow_up_of_the_parents(
        self, api: Api
    ) -> None:
        start = day(-3)
        case = case_started(api, start, legal_basis="care_order")

        running = workflows_of(case.tenant.leader, case.placement["id"])

        assert {w["definition_key"] for w in running} == CARE_ORDER_WORKFLOWS
        assert len(running) == len(CARE_ORDER_WORKFLOWS)
        assert {w["status"] for w in running} == {"active"}
        assert {w["workflow_start"] for w in running} == {start.isoformat()}

    def test_a_voluntary_placement_gets_neither_the_funnel_nor_the_follow_up_of_the_parents(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3), legal_basis="voluntary")

        running = workflows_of(case.tenant.leader, case.placement["id"])

        # The parents keep parental responsibility: their own track, not the care order's.
        assert {w["definition_key"] for w in running} == (
            CARE_ORDER_WORKFLOWS - CARE_ORDER_ONLY
        ) | VOLUNTARY_ONLY
        timeline = ok(case.tenant.leader.get(f"/v1/placements/{case.placement['id']}/timeline"))
        assert not {t["definition_key"] for t in timeline["items"]} & CARE_ORDER_ONLY


# -- 2. Recalculation when the placement's dates change ------------------------------------------


class TestChangingThePlacementsDatesRecalculatesItsOpenTasks:
    START_OFFSET = -3
    # Sixteen months: the deadline, five months before the end, comes a month before the first
    # evaluation (a year after the move), so that evaluation is pulled back to it.
    SHORTER = relativedelta(months=16)

    def case(self, api: Api) -> tuple[Case, date]:
        start = day(self.START_OFFSET)
        agreement_end = start + relativedelta(years=2)
        return case_started(api, start, agreement_end_date=agreement_end.isoformat()), agreement_end

    def test_shortening_the_agreement_pulls_the_open_evaluation_back_to_its_deadline(
        self, api: Api
    ) -> None:
        case, _ = self.case(api)
        start = parse(case.placement["start_date"])
        before = evaluations(case)
        assert len(before) == 2
        new_end = start + self.SHORTER

        response = patch(
            case.tenant.leader,
            f"/v1/placements/{case.placement['id']}",
            {"agreement_end_date": new_end.isoformat()},
        )

        assert ok(response)["agreement_end_date"] == new_end.isoformat()
        after = evaluations(case)
        assert [t["id"] for t in after] == [t["id"] for t in before]
        assert_due_on_working_day_near(after[0], new_end - relativedelta(months=5))
        assert "trukket fram til fem måneder før oppdragsavtalen utløper" in after[0]["explanation"]
        assert after[1]["due_date"] == before[1]["due_date"]
        history = changes_of(case.tenant.contact, after[0]["id"])
        assert [c["action"] for c in history] == ["created", "moved"]
        moved = history[-1]
        assert moved["old_due_date"] == before[0]["due_date"]
        assert moved["new_due_date"] == after[0]["due_date"]
        assert moved["reason"] == "Plasseringens datoer ble endret."
        assert moved["changed_by"]
        assert [c["action"] for c in changes_of(case.tenant.contact, after[1]["id"])] == ["created"]

    def test_without_an_agreement_end_the_evaluations_are_still_yearly(self, api: Api) -> None:
        start = day(self.START_OFFSET)
        case = case_started(api, start, agreement_end_date=None)
        planned = evaluations(case)
        assert len(planned) == 2
        assert_due_on_working_day_near(planned[0], start + relativedelta(years=1))
        assert_due_on_working_day_near(planned[1], start + relativedelta(years=2))

        ok(
            patch(
                case.tenant.leader,
                f"/v1/placements/{case.placement['id']}",
                {"agreement_end_date": (start + self.SHORTER).isoformat()},
            )
        )

        first = evaluations(case)[0]
        assert first["id"] == planned[0]["id"]
        assert_due_on_working_day_near(first, start + self.SHORTER - relativedelta(months=5))
        history = changes_of(case.tenant.leader, first["id"])
        assert [(c["action"], c["reason"]) for c in history][-1] == (
            "moved",
            "Plasseringens datoer ble endret.",
        )

    def test_an_agreement_shorter_than_the_window_gives_the_leader_an_evaluation_at_once(
        self, api: Api
    ) -> None:
        start = day(self.START_OFFSET)
        case = case_started(
            api, start, agreement_end_date=(start + relativedelta(months=4)).isoformat()
        )

        first, second = evaluations(case)

        assert (first["responsible_role"], first["assignee_id"]) == ("leader", None)
        assert parse(first["nominal_date"]) == start
        assert "lederen har ansvaret" in first["explanation"]
        assert second["responsible_role"] == "contact_person"
        assert second["assignee_id"] == case.tenant.contact_id
        refused = complete(case.tenant.contact, first["id"], EVALUATION_ANSWERS)
        problem(refused, 403, "forbidden")
        ok(complete(case.tenant.leader, first["id"], EVALUATION_ANSWERS))

        # Renewed for two years: the evaluation held at the move does not count for the new
        # agreement's deadline (nineteen months after the move); the next is pulled back to it.
        renewed = start + relativedelta(years=2)
        ok(
            patch(
                case.tenant.leader,
                f"/v1/placements/{case.placement['id']}",
                {"agreement_end_date": renewed.isoformat()},
            )
        )
        held, pulled = evaluations(case)
        assert (held["id"], held["status"]) == (first["id"], "completed")
        assert pulled["id"] == second["id"]
        assert_due_on_working_day_near(pulled, renewed - relativedelta(months=5))

    def test_a_completed_annual_evaluation_never_moves(self, api: Api) -> None:
        case, _ = self.case(api)
        earlier, later = evaluations(case)
        ok(complete(case.tenant.contact, earlier["id"], EVALUATION_ANSWERS))
        start = parse(case.placement["start_date"])

        response = patch(
            case.tenant.leader,
            f"/v1/placements/{case.placement['id']}",
            {"agreement_end_date": (start + self.SHORTER).isoformat()},
        )

        ok(response)
        done = get_task(case.tenant.leader, earlier["id"])
        assert done["status"] == "completed"
        assert done["due_date"] == earlier["due_date"]
        assert "moved" not in [c["action"] for c in changes_of(case.tenant.leader, earlier["id"])]
        # The evaluation was held: no other one is added or pulled in its place.
        assert [t["id"] for t in evaluations(case)] == [earlier["id"], later["id"]]
        still_open = get_task(case.tenant.leader, later["id"])
        assert still_open["status"] == "open"
        assert still_open["due_date"] == later["due_date"]

    def test_a_schedule_preview_shows_the_same_change_without_saving_anything(
        self, api: Api
    ) -> None:
        case, agreement_end = self.case(api)
        before = evaluations(case)
        new_end = (parse(case.placement["start_date"]) + self.SHORTER).isoformat()
        url = f"/v1/placements/{case.placement['id']}"

        preview = ok(
            case.tenant.contact.post(
                f"{url}/schedule-preview", json={"agreement_end_date": new_end}
            )
        )

        assert preview["placement_id"] == case.placement["id"]
        proposed = {c["task_id"]: c for c in preview["changes"]}
        assert set(proposed) == {before[0]["id"]}
        for task in before[:1]:
            change = proposed[task["id"]]
            assert change["action"] == "moved"
            assert change["step_key"] == "evaluering"
            assert change["occurrence"] == task["occurrence"]
            assert change["old_due_date"] == task["due_date"]
            assert change["new_due_date"] != task["due_date"]
            # Nothing was saved: the task and its history are as they were.
            unchanged = get_task(case.tenant.leader, task["id"])
            assert unchanged["due_date"] == task["due_date"]
            assert [c["action"] for c in changes_of(case.tenant.leader, task["id"])] == ["created"]
        assert ok(case.tenant.leader.get(url))["agreement_end_date"] == agreement_end.isoformat()

        # The saved change does exactly what the preview showed.
        ok(patch(case.tenant.leader, url, {"agreement_end_date": new_end}))
        first, second = evaluations(case)
        assert first["due_date"] == proposed[first["id"]]["new_due_date"]
        assert second["due_date"] == before[1]["due_date"]

    def test_a_preview_with_an_end_before_the_start_is_rejected_with_a_pointer_to_end_date(
        self, api: Api
    ) -> None:
        case, _ = self.case(api)
        start = parse(case.placement["start_date"])

        response = case.tenant.leader.post(
            f"/v1/placements/{case.placement['id']}/schedule-preview",
            json={"end_date": (start - timedelta(days=1)).isoformat()},
        )

        body = problem(response, 422, "validation-error")
        assert pointers(body) == ["#/end_date"]

    def test_a_due_date_moved_by_hand_stays_when_the_placement_is_recalculated(
        self, api: Api
    ) -> None:
        case, _ = self.case(api)
        earlier, _ = evaluations(case)
        by_hand = (parse(earlier["due_date"]) + timedelta(days=10)).isoformat()

        moved = ok(patch(case.tenant.contact, f"/v1/tasks/{earlier['id']}", {"due_date": by_hand}))
        assert moved["due_edited"] is True
        assert moved["due_date"] == by_hand

        start = parse(case.placement["start_date"])
        ok(
            patch(
                case.tenant.leader,
                f"/v1/placements/{case.placement['id']}",
                {"agreement_end_date": (start + self.SHORTER).isoformat()},
            )
        )

        kept = get_task(case.tenant.leader, earlier["id"])
        assert kept["due_date"] == by_hand
        assert kept["due_edited"] is True
        history = changes_of(case.tenant.leader, earlier["id"])
        assert [c["action"] for c in history] == ["created", "edited"]
        assert (history[1]["old_due_date"], history[1]["new_due_date"]) == (
            earlier["due_date"],
            by_hand,
        )

    def test_ending_a_placement_cancels_the_open_tasks_after_the_end_and_closes_its_workflows(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-10))
        end = today()
        before = all_tasks(case.tenant.leader, placement_id=case.placement["id"])
        assert {t["status"] for t in before} == {"open"}
        earlier = {t["id"] for t in before if parse(t["nominal_date"]) <= end}
        later = {t["id"] for t in before if parse(t["nominal_date"]) > end}
        assert earlier
        assert later
        url = f"/v1/placements/{case.placement['id']}"
        preview = ok(
            case.tenant.leader.post(f"{url}/schedule-preview", json={"end_date": end.isoformat()})
        )
        assert {c["task_id"] for c in preview["changes"] if c["action"] == "cancelled"} == later

        response = case.tenant.leader.post(
            f"/v1/placements/{case.placement['id']}/end",
            json={"end_date": end.isoformat(), "end_reason": "returned_home"},
        )

        assert ok(response)["status"] == "ended"
        after = {
            t["id"]: t for t in all_tasks(case.tenant.leader, placement_id=case.placement["id"])
        }
        assert {after[i]["status"] for i in earlier} == {"open"}
        assert {after[i]["status"] for i in later} == {"cancelled"}
        cancelled = changes_of(case.tenant.leader, next(iter(later)))[-1]
        assert cancelled["action"] == "cancelled"
        assert cancelled["reason"] == f"Plasseringen ble avsluttet {end.isoformat()}."
        url = f"/v1/placements/{case.placement['id']}/timeline"
        timeline = ok(case.tenant.leader.get(url))["items"]
        assert {t["id"] for t in timeline} == earlier
        everything = ok(case.tenant.leader.get(url, params={"include_cancelled": "true"}))["items"]
        assert {t["id"] for t in everything} == earlier | later
        running = workflows_of(case.tenant.leader, case.placement["id"])
        assert {w["status"] for w in running} == {"closed"}


# -- 3. The return-home funnel -------------------------------------------------------------------


class TestTheReturnHomeFunnel:
    def funnel(self, case: Case) -> str:
        """The running funnel of the case (started with the care order)."""
        running = workflows_of(
            case.tenant.leader,
            case.placement["id"],
            definition_key="vurderingstrakt",
            status="active",
        )
        assert len(running) == 1, running
        return str(running[0]["id"])

    def funnel_tasks(self, case: Case, workflow_id: str) -> dict[str, dict[str, Any]]:
        return {
            t["step_key"]: t
            for t in tasks_of(case, "vurderingstrakt")
            if t["workflow_id"] == workflow_id
        }

    def walk_to_decision(self, case: Case, workflow_id: str) -> dict[str, Any]:
        """Complete the five stages (each appears when the previous one is done)."""
        for index, stage in enumerate(STAGES):
            tasks = self.funnel_tasks(case, workflow_id)
            assert set(tasks) == set(STAGES[: index + 1]), f"before completing {stage}"
            ok(complete(case.tenant.contact, tasks[stage]["id"], STAGE_ANSWERS))
        tasks = self.funnel_tasks(case, workflow_id)
        assert set(tasks) == {*STAGES, "beslutning"}
        return tasks["beslutning"]

    def test_the_stages_appear_one_after_another_each_when_the_previous_one_is_completed(
        self, api: Api
    ) -> None:
        start = day(-3)
        case = case_started(api, start)
        workflow_id = self.funnel(case)

        tasks = self.funnel_tasks(case, workflow_id)
        assert list(tasks) == [STAGES[0]]
        assert_due_on_working_day_near(tasks[STAGES[0]], start + relativedelta(years=1))

        for previous, stage in zip(STAGES, [*STAGES[1:], "beslutning"], strict=True):
            assert stage not in self.funnel_tasks(case, workflow_id)
            done = ok(complete(case.tenant.contact, tasks[previous]["id"], STAGE_ANSWERS))
            assert done["status"] == "completed"
            assert done["answers"] == STAGE_ANSWERS
            tasks = self.funnel_tasks(case, workflow_id)
            appeared = tasks[stage]
            assert appeared["status"] == "open"
            # Two weeks after the previous stage was completed (today), on a working day.
            nominal = today() + timedelta(days=14)
            assert_due_on_working_day_near(appeared, nominal)
            assert parse(appeared["due_date"]) >= today()
            assert "ble fullført" in appeared["explanation"]

        decision = tasks["beslutning"]
        assert decision["responsible_role"] == "leader"
        assert decision["assignee_id"] is None
        assert [o["key"] for o in decision["outcomes"]] == OUTCOMES

    @pytest.mark.parametrize(
        ("answers", "missing"),
        [
            ({"vurdering": "Foreldrene har endret seg."}, ["#/answers/konklusjon"]),
            ({"konklusjon": "Nei."}, ["#/answers/vurdering"]),
            ({}, ["#/answers/konklusjon", "#/answers/vurdering"]),
            ({"vurdering": " ", "konklusjon": ""}, ["#/answers/konklusjon", "#/answers/vurdering"]),
        ],
    )
    def test_a_stage_without_its_assessment_or_conclusion_is_rejected_naming_each_missing_field(
        self, api: Api, answers: dict[str, Any], missing: list[str]
    ) -> None:
        case = case_started(api, day(-3))
        workflow_id = self.funnel(case)
        first = self.funnel_tasks(case, workflow_id)[STAGES[0]]

        body = problem(complete(case.tenant.contact, first["id"], answers), 422, "validation-error")

        assert pointers(body) == missing
        assert {e["code"] for e in body["errors"]} == {"missing"}
        assert get_task(case.tenant.contact, first["id"])["status"] == "open"
        assert list(self.funnel_tasks(case, workflow_id)) == [STAGES[0]]

    def test_only_a_leader_makes_the_decision(self, api: Api) -> None:
        case = case_started(api, day(-3))
        decision = self.walk_to_decision(case, self.funnel(case))
        outcome = "fremme_for_nemnda"

        response = complete(case.tenant.contact, decision["id"], DECISION_ANSWERS[outcome], outcome)

        problem(response, 403, "forbidden")
        assert get_task(case.tenant.leader, decision["id"])["status"] == "open"

    @pytest.mark.parametrize(
        ("outcome", "code"), [(None, "missing"), ("gi_opp", "outcome_not_allowed")]
    )
    def test_a_decision_needs_one_of_its_outcomes(
        self, api: Api, outcome: str | None, code: str
    ) -> None:
        case = case_started(api, day(-3))
        workflow_id = self.funnel(case)
        decision = self.walk_to_decision(case, workflow_id)

        response = complete(
            case.tenant.leader, decision["id"], {"begrunnelse": "Begrunnet."}, outcome
        )

        body = problem(response, 422, "validation-error")
        assert [(e["pointer"], e["code"]) for e in body["errors"]] == [("#/outcome", code)]
        workflow = ok(case.tenant.leader.get(f"/v1/workflows/{workflow_id}"))
        assert (workflow["status"], workflow["outcome"]) == ("active", None)

    def test_a_decision_cannot_be_skipped(self, api: Api) -> None:
        case = case_started(api, day(-3))
        decision = self.walk_to_decision(case, self.funnel(case))

        response = case.tenant.leader.post(
            f"/v1/tasks/{decision['id']}/skip", json={"reason": "Ikke aktuelt nå."}
        )

        problem(response, 409, "conflict")
        assert get_task(case.tenant.leader, decision["id"])["status"] == "open"

    def test_giving_up_reunification_needs_the_reason_for_it(self, api: Api) -> None:
        case = case_started(api, day(-3))
        decision = self.walk_to_decision(case, self.funnel(case))

        response = complete(
            case.tenant.leader,
            decision["id"],
            {"begrunnelse": "Barnet har knyttet seg til fosterfamilien."},
            "avslutte_gjenforeningsmal",
        )

        body = problem(response, 422, "validation-error")
        assert [(e["pointer"], e["code"]) for e in body["errors"]] == [
            ("#/answers/grunn_for_a_avslutte", "missing")
        ]

    @pytest.mark.parametrize("outcome", OUTCOMES)
    def test_a_decision_completes_the_funnel_with_its_outcome(self, api: Api, outcome: str) -> None:
        case = case_started(api, day(-3))
        workflow_id = self.funnel(case)
        decision = self.walk_to_decision(case, workflow_id)

        done = ok(complete(case.tenant.leader, decision["id"], DECISION_ANSWERS[outcome], outcome))

        assert (done["status"], done["outcome"]) == ("completed", outcome)
        workflow = ok(case.tenant.leader.get(f"/v1/workflows/{workflow_id}"))
        assert (workflow["status"], workflow["outcome"]) == ("completed", outcome)
        assert workflow["completed_at"] is not None
        tasks = self.funnel_tasks(case, workflow_id)
        assert {t["status"] for t in tasks.values()} == {"completed"}

    def test_bringing_the_case_to_the_tribunal_starts_no_new_funnel(self, api: Api) -> None:
        outcome = "fremme_for_nemnda"
        case = case_started(api, day(-3))
        decision = self.walk_to_decision(case, self.funnel(case))

        ok(complete(case.tenant.leader, decision["id"], DECISION_ANSWERS[outcome], outcome))

        funnels = workflows_of(
            case.tenant.leader, case.placement["id"], definition_key="vurderingstrakt"
        )
        assert [w["status"] for w in funnels] == ["completed"]

    def test_giving_up_reunification_changes_the_question_and_keeps_a_regular_assessment(
        self, api: Api
    ) -> None:
        # Review §2.8: the goal changes, the duty to assess regularly does not.
        outcome = "avslutte_gjenforeningsmal"
        case = case_started(api, day(-3))
        decision = self.walk_to_decision(case, self.funnel(case))

        ok(complete(case.tenant.leader, decision["id"], DECISION_ANSWERS[outcome], outcome))

        funnels = workflows_of(
            case.tenant.leader, case.placement["id"], definition_key="vurderingstrakt"
        )
        assert [w["status"] for w in funnels] == ["completed"]
        [regular] = workflows_of(
            case.tenant.leader, case.placement["id"], definition_key="jevnlig-vurdering"
        )
        assert regular["status"] == "active"
        [first] = tasks_of(case, "jevnlig-vurdering")
        assert first["step_key"] == "barnets_synspunkter"  # the child's views come first
        assert_due_on_working_day_near(first, today() + relativedelta(years=1))
        assert "ett år etter at gjenforeningsmålet ble oppgitt" in first["explanation"]

    def test_continuing_reunification_starts_a_new_funnel_whose_first_stage_is_a_year_later(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        first_run = self.funnel(case)
        decision = self.walk_to_decision(case, first_run)
        outcome = "fortsette_gjenforening"

        ok(complete(case.tenant.leader, decision["id"], DECISION_ANSWERS[outcome], outcome))

        second_run = self.funnel(case)
        assert second_run != first_run
        workflow = ok(case.tenant.leader.get(f"/v1/workflows/{second_run}"))
        assert workflow["workflow_start"] == today().isoformat()
        tasks = self.funnel_tasks(case, second_run)
        assert list(tasks) == [STAGES[0]]
        assert_due_on_working_day_near(tasks[STAGES[0]], today() + relativedelta(years=1))
        assert "return_home_review_interval=P1Y" in tasks[STAGES[0]]["rule"]
        assert (
            "ett år etter at forrige vurdering av tilbakeføring ble avsluttet"
            in (tasks[STAGES[0]]["explanation"])
        )


# -- 6. Visit reductions -------------------------------------------------------------------------


def reduction(effective_from: date, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "effective_from": effective_from.isoformat(),
        "reason": "Barnet har bodd stabilt og godt i fosterhjemmet i over to år.",
    }
    body.update(overrides)
    return body


def open_visits(case: Case) -> list[dict[str, Any]]:
    found = tasks_of(case, "oppfolgingsbesok", "besok")
    return sorted((t for t in found if t["status"] == "open"), key=lambda t: t["nominal_date"])


class TestReducingTheFollowUpVisits:
    def long_case(self, api: Api) -> Case:
        """A child who has lived more than two years in the home."""
        start = today() - relativedelta(years=2, days=40)
        return case_started(
            api, start, agreement_end_date=(today() + relativedelta(years=2)).isoformat()
        )

    def test_a_reduction_before_two_years_in_the_home_is_rejected_with_a_pointer(
        self, api: Api
    ) -> None:
        start = day(-3)
        case = case_started(api, start)
        too_early = start + relativedelta(years=2) - timedelta(days=1)

        response = case.tenant.leader.post(
            f"/v1/placements/{case.placement['id']}/visit-reductions", json=reduction(too_early)
        )

        body = problem(response, 422, "validation-error")
        assert [(e["pointer"], e["code"]) for e in body["errors"]] == [
            ("#/effective_from", "too_early")
        ]

    def test_an_objection_without_its_reasons_is_rejected(self, api: Api) -> None:
        case = self.long_case(api)

        response = case.tenant.leader.post(
            f"/v1/placements/{case.placement['id']}/visit-reductions",
            json=reduction(today(), objections={"child": True}),
        )

        body = problem(response, 422, "validation-error")
        assert pointers(body) == ["#/objection_notes"]

    def test_an_objection_is_recorded_with_its_reasons(self, api: Api) -> None:
        case = self.long_case(api)
        notes = "Barnet ønsker flere besøk; reduksjonen står fordi barnet ringer ved behov."

        created = case.tenant.leader.created(
            f"/v1/placements/{case.placement['id']}/visit-reductions",
            reduction(today(), objections={"child": True}, objection_notes=notes),
        )

        assert created["objections"] == {"child": True, "foster_parents": False, "parents": False}
        assert created["objection_notes"] == notes

    def test_the_visits_of_a_placement_are_reduced_only_once(self, api: Api) -> None:
        case = self.long_case(api)
        url = f"/v1/placements/{case.placement['id']}/visit-reductions"
        case.tenant.leader.created(url, reduction(today()))

        response = case.tenant.leader.post(url, json=reduction(today() + timedelta(days=30)))

        problem(response, 409, "duplicate-resource")

    def test_a_leader_ends_a_reduction_and_the_visits_are_three_months_apart_again(
        self, api: Api
    ) -> None:
        case = self.long_case(api)
        url = f"/v1/placements/{case.placement['id']}/visit-reductions"
        created = case.tenant.leader.created(url, reduction(today()))
        why = "Barnet strever på skolen og trenger tettere oppfølging igjen."

        ended = ok(
            case.tenant.leader.post(
                f"{url}/{created['id']}/end",
                json={"ended_on": today().isoformat(), "reason": why},
            )
        )

        assert (ended["ended_on"], ended["end_reason"]) == (today().isoformat(), why)
        assert ended["ended_by"]
        after = [t for t in open_visits(case) if parse(t["nominal_date"]) > today()]
        dates = [parse(t["nominal_date"]) for t in after]
        assert len(dates) >= 3
        assert {months_apart(a, b) for a, b in itertools.pairwise(dates)} == {3}
        assert "igjen etter at reduksjonen ble avsluttet" in after[1]["explanation"]
        assert "reduksjon" not in after[1]["legal_basis"]
        history = ok(case.tenant.leader.get(url))["items"]
        assert [(r["id"], r["ended_on"]) for r in history] == [(created["id"], today().isoformat())]
        # Ended, a reduction may be recorded again later: the history keeps both.
        again = case.tenant.leader.created(url, reduction(today() + timedelta(days=1)))
        assert [r["id"] for r in ok(case.tenant.leader.get(url))["items"]] == [
            created["id"],
            again["id"],
        ]

    def test_a_wrong_end_of_a_reduction_is_refused_and_nothing_changes(self, api: Api) -> None:
        case = self.long_case(api)
        url = f"/v1/placements/{case.placement['id']}/visit-reductions"
        created = case.tenant.leader.created(url, reduction(today()))
        body = {"ended_on": today().isoformat(), "reason": "Mer oppfølging trengs."}
        before = open_visits(case)

        missing = case.tenant.leader.post(f"{url}/{uuid.uuid4()}/end", json=body)
        problem(missing, 404, "not-found")
        early = case.tenant.leader.post(
            f"{url}/{created['id']}/end",
            json={**body, "ended_on": (today() - timedelta(days=1)).isoformat()},
        )
        assert pointers(problem(early, 422, "validation-error")) == ["#/ended_on"]
        by_contact = case.tenant.contact.post(f"{url}/{created['id']}/end", json=body)
        problem(by_contact, 403, "forbidden")
        assert open_visits(case) == before
        assert ok(case.tenant.leader.get(url))["items"][0]["ended_on"] is None

        ok(case.tenant.leader.post(f"{url}/{created['id']}/end", json=body))
        twice = case.tenant.leader.post(f"{url}/{created['id']}/end", json=body)
        problem(twice, 409, "reduction-ended")
        overlapping = case.tenant.leader.post(url, json=reduction(today()))
        assert pointers(problem(overlapping, 422, "validation-error")) == ["#/effective_from"]

    def test_a_contact_person_cannot_reduce_the_visits(self, api: Api) -> None:
        case = self.long_case(api)
        before = open_visits(case)

        response = case.tenant.contact.post(
            f"/v1/placements/{case.placement['id']}/visit-reductions", json=reduction(today())
        )

        problem(response, 403, "forbidden")
        assert open_visits(case) == before

    @pytest.mark.parametrize("caller", ["integration", "api key"])
    def test_only_a_leader_reduces_the_visits_not_an_integration_or_api_key(
        self, api: Api, caller: str
    ) -> None:
        # SECURITY.md: reducing the visits is leader-only.
        case = self.long_case(api)
        before = open_visits(case)
        if caller == "api key":
            key = case.tenant.leader.created("/v1/api-keys", {"name": "Fagsystem"})
            system = api.caller(key["secret"]["value"])
        else:
            system = case.tenant.integration

        response = system.post(
            f"/v1/placements/{case.placement['id']}/visit-reductions", json=reduction(today())
        )

        problem(response, 403, "forbidden")
        assert open_visits(case) == before

    def test_after_a_reduction_the_open_visits_are_six_months_apart_instead_of_three(
        self, api: Api
    ) -> None:
        case = self.long_case(api)
        before = [parse(t["nominal_date"]) for t in open_visits(case)]
        assert len(before) >= 3
        assert {months_apart(a, b) for a, b in itertools.pairwise(before)} == {3}

        created = case.tenant.leader.created(
            f"/v1/placements/{case.placement['id']}/visit-reductions", reduction(today())
        )

        assert created["effective_from"] == today().isoformat()
        assert created["placement_id"] == case.placement["id"]
        after = [t for t in open_visits(case) if parse(t["nominal_date"]) > today()]
        dates = [parse(t["nominal_date"]) for t in after]
        assert len(dates) >= 2
        assert {months_apart(a, b) for a, b in itertools.pairwise(dates)} == {6}
        assert all(is_working_day(parse(t["due_date"])) for t in after)
        assert all("Redusert til hver sjette måned" in t["explanation"] for t in after)
        history = changes_of(case.tenant.leader, after[-1]["id"])
        assert history[-1]["reason"] == (
            f"Oppfølgingsbesøkene ble redusert fra {today().isoformat()}."
        )


# -- 7. Rule sets --------------------------------------------------------------------------------


def published_values(api: Api, **changes: Any) -> dict[str, Any]:
    """The values of the current rule set, with some changed."""
    values = dict(ok(api.admin.get("/v1/rule-sets/current"))["values"])
    for key, value in changes.items():
        values[key] = {**values[key], "value": value}
    return values


def publish(api: Api, values: dict[str, Any], caller: Caller | None = None) -> httpx.Response:
    body = {
        "title": "Fosterhjemsforskriften med seks besøk i året",
        "valid_from": today().isoformat(),
        "values": values,
    }
    return (caller or api.admin).post("/v1/rule-sets", json=body)


class TestRuleSets:
    def test_the_current_rule_set_is_version_1_with_every_rule(self, api: Api) -> None:
        tenant = api.tenant()

        current = ok(tenant.leader.get("/v1/rule-sets/current"))

        assert (current["key"], current["version"]) == ("barnevern", 1)
        assert sorted(current["values"]) == sorted(RULES)
        assert current["values"]["follow_up_visits_per_year"]["value"] == 4
        for rule in current["values"].values():
            assert rule["text"]
            assert rule["source"]
            assert isinstance(rule["confirmed"], bool)

    def test_an_admin_publishes_a_new_version_and_placements_created_afterwards_follow_it(
        self, api: Api
    ) -> None:
        earlier = case_started(api, day(-3))

        published = ok(publish(api, published_values(api, follow_up_visits_per_year=6)), 201)

        assert published["version"] == 2
        assert published["values"]["follow_up_visits_per_year"]["value"] == 6
        assert ok(api.admin.get("/v1/rule-sets/current"))["version"] == 2
        assert [r["version"] for r in ok(api.admin.get("/v1/rule-sets"))["items"]] == [1, 2]

        start = day(-3)
        case = case_started(api, start)
        visits = sorted(tasks_of(case, "oppfolgingsbesok", "besok"), key=lambda t: t["occurrence"])
        for n, visit in enumerate(visits[:4]):
            first_visit = start + relativedelta(months=3)
            assert_due_on_working_day_near(visit, first_visit + relativedelta(months=2 * n))
        assert "follow_up_visits_per_year=6 (rule set v2)" in visits[0]["rule"]
        assert "Gjentas annenhver måned" in visits[1]["explanation"]
        every_task = all_tasks(case.tenant.leader, placement_id=case.placement["id"])
        assert {t["rule_set_version"] for t in every_task} == {2}
        # What was planned before keeps the version that planned it.
        planned_before = all_tasks(earlier.tenant.leader, placement_id=earlier.placement["id"])
        assert {t["rule_set_version"] for t in planned_before} == {1}

    def test_a_task_whose_date_stays_under_a_new_rule_set_quotes_the_new_rule_after_the_sync(
        self, api: Api, connection: Any
    ) -> None:
        case = case_started(api, day(-3))
        first = min(tasks_of(case, "oppfolgingsbesok", "besok"), key=lambda t: t["occurrence"])
        assert "follow_up_visits_per_year=4 (rule set v1)" in first["rule"]
        ok(publish(api, published_values(api, follow_up_visits_per_year=6)), 201)

        with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
            sync_all(session, actor="test")
            session.commit()

        after = ok(case.tenant.leader.get(f"/v1/tasks/{first['id']}"))
        assert after["due_date"] == first["due_date"]  # three months after the move either way
        assert "follow_up_visits_per_year=6 (rule set v2)" in after["rule"]
        assert after["rule_set_version"] == 2
        changes = ok(case.tenant.leader.get(f"/v1/tasks/{first['id']}/changes"))["items"]
        assert [c["action"] for c in changes] == ["created"]  # not recorded as a move

    @staticmethod
    def invalid_values(api: Api, change: str) -> tuple[dict[str, Any], str]:
        """Every rule with one thing wrong, and the pointer that names the offending rule."""
        if change == "a per-year rule of 5":
            pointer = "#/values/follow_up_visits_per_year"
            return published_values(api, follow_up_visits_per_year=5), pointer
        if change == "a duration that is negative":
            pointer = "#/values/visit_reduction_after"
            return published_values(api, visit_reduction_after="-P2Y"), pointer
        values = published_values(api)
        if change == "a missing rule":
            del values["return_home_review_interval"]
            return values, "#/values/return_home_review_interval"
        assert change == "an unknown rule"
        values["care_plan_within"] = {**values["visit_reduction_after"], "value": "P2Y"}
        return values, "#/values/care_plan_within"

    CHANGES = (
        "a per-year rule of 5",
        "a missing rule",
        "an unknown rule",
        "a duration that is negative",
    )

    @pytest.mark.parametrize("change", CHANGES)
    def test_invalid_values_are_rejected_and_nothing_is_published(
        self, api: Api, change: str
    ) -> None:
        values, _ = self.invalid_values(api, change)

        problem(publish(api, values), 422, "validation-error")

        assert ok(api.admin.get("/v1/rule-sets/current"))["version"] == 1
        assert [r["version"] for r in ok(api.admin.get("/v1/rule-sets"))["items"]] == [1]

    @pytest.mark.parametrize("change", CHANGES)
    def test_the_error_for_an_invalid_value_points_at_the_offending_rule(
        self, api: Api, change: str
    ) -> None:
        values, pointer = self.invalid_values(api, change)

        body = problem(publish(api, values), 422, "validation-error")

        assert any(p.startswith(pointer) for p in pointers(body)), body["errors"]

    def test_a_version_valid_from_a_later_date_is_not_in_force_before_that_date(
        self, api: Api
    ) -> None:
        values = published_values(api, follow_up_visits_per_year=6)
        body = {
            "title": "Endring fra neste år",
            "valid_from": day(30).isoformat(),
            "values": values,
        }
        ok(api.admin.post("/v1/rule-sets", json=body), 201)

        assert ok(api.admin.get("/v1/rule-sets/current"))["version"] == 1
        case = case_started(api, day(-3))
        planned = all_tasks(case.tenant.leader, placement_id=case.placement["id"])
        assert {t["rule_set_version"] for t in planned} == {1}

    def test_a_leader_cannot_publish_a_rule_set(self, api: Api) -> None:
        tenant = api.tenant()

        response = publish(api, published_values(api, follow_up_visits_per_year=6), tenant.leader)

        problem(response, 403, "forbidden")
        assert ok(tenant.leader.get("/v1/rule-sets/current"))["version"] == 1


# -- 8. Workflow definitions ---------------------------------------------------------------------


class TestWorkflowDefinitions:
    def test_the_twelve_shipped_workflows_are_listed(self, api: Api) -> None:
        tenant = api.tenant()

        listed = ok(tenant.contact.get("/v1/workflow-definitions"))["items"]

        assert {d["key"] for d in listed} == SHIPPED_WORKFLOWS
        assert len(listed) == len(SHIPPED_WORKFLOWS)  # one entry per workflow
        starts = {d["key"]: d["starts"] for d in listed}
        for key in ON_REQUEST_WORKFLOWS:  # on request, or by a decision's outcome
            assert starts.pop(key) == "on_request"
        assert set(starts.values()) == {"on_placement"}
        # Version 2 of the evaluation plans forward from the move; of the parent conversations,
        # counts from the care order.
        # Omsorgspakken's early contacts move to the next working day.
        newer = {
            "arlig-evaluering": [1, 2],
            "oppfolging-foreldre": [1, 2, 3],  # v3: per household of parents
            "veien-videre": [1, 2],  # v2: per household of parents
            "omsorgspakken": [1, 2],
            # Giving up reunification keeps a regular assessment; bringing the case before the
            # tribunal starts its preparation.
            "vurderingstrakt": [1, 2, 3],
            "en-god-start": [1, 2],  # the contact person's, for new homes only
            "tilsyn": [1, 2, 3],  # v2 staggered (new placements only); v3 counts from arrival
        }
        for summary in listed:
            versions = newer.get(summary["key"], [1])
            assert summary["versions"] == versions
            assert summary["version"] == versions[-1]
            assert summary["title"]
            assert summary["legal_basis"]
            assert summary["step_count"] >= 1

    def test_the_return_home_funnel_has_five_stages_and_a_decision_with_three_outcomes(
        self, api: Api
    ) -> None:
        tenant = api.tenant()

        body = ok(tenant.leader.get("/v1/workflow-definitions/vurderingstrakt"))

        definition = body["definition"]
        assert body["versions"] == [1, 2, 3]
        assert definition["key"] == "vurderingstrakt"
        assert definition["legal_bases"] == ["care_order"]
        steps = definition["steps"]
        assert [s["key"] for s in steps] == [*STAGES, "beslutning"]
        for stage in steps[:5]:
            assert stage["responsible"] == "contact_person"
            assert {f["key"] for f in stage["form"] if f["required"]} == {"vurdering", "konklusjon"}
            assert stage["outcomes"] is None
        decision = steps[-1]
        assert decision["responsible"] == "leader"
        assert [o["key"] for o in decision["outcomes"]] == OUTCOMES
        leads_to = {
            o["key"]: "itself" if o["restarts"] else (o["starts"] or {}).get("workflow")
            for o in decision["outcomes"]
        }
        assert leads_to == {
            "fremme_for_nemnda": "sak-for-nemnda",
            "fortsette_gjenforening": "itself",
            "avslutte_gjenforeningsmal": "jevnlig-vurdering",
        }

    def test_an_unknown_definition_is_not_found(self, api: Api) -> None:
        tenant = api.tenant()

        problem(tenant.leader.get("/v1/workflow-definitions/trygg-gjenforening"), 404, "not-found")
        response = tenant.leader.get("/v1/workflow-definitions/vurderingstrakt?version=4")
        problem(response, 404, "not-found")

    def test_veien_videre_starts_on_request_with_its_four_conversations(self, api: Api) -> None:
        case = case_started(api, day(-3))
        assert "veien-videre" not in {
            w["definition_key"] for w in workflows_of(case.tenant.leader, case.placement["id"])
        }

        response = case.tenant.contact.post(
            f"/v1/placements/{case.placement['id']}/workflows",
            json={"definition_key": "veien-videre"},
        )

        workflow = ok(response, 201)
        assert response.headers["location"].endswith(f"/v1/workflows/{workflow['id']}")
        assert workflow["definition_key"] == "veien-videre"
        assert workflow["status"] == "active"
        assert workflow["workflow_start"] == today().isoformat()
        tasks = sorted(tasks_of(case, "veien-videre"), key=lambda t: t["nominal_date"])
        assert [t["step_key"] for t in tasks] == [
            "samtale_1_samarbeid",
            "samtale_2_fortsatt_foreldre_og_samvaer",
            "samtale_3_tilknytning_og_lojalitetskonflikt",
            "samtale_4_hvorfor_ble_barnet_flyttet",
        ]
        for n, task in enumerate(tasks):
            assert task["workflow_id"] == workflow["id"]
            assert task["assignee_id"] == case.tenant.contact_id
            assert parse(task["nominal_date"]) == today() + relativedelta(months=n)
            assert is_working_day(parse(task["due_date"]))
            assert parse(task["due_date"]) >= today()

    def test_starting_a_running_workflow_again_is_a_conflict(self, api: Api) -> None:
        case = case_started(api, day(-3))
        url = f"/v1/placements/{case.placement['id']}/workflows"
        first = case.tenant.leader.created(url, {"definition_key": "veien-videre"})

        response = case.tenant.leader.post(url, json={"definition_key": "veien-videre"})

        body = problem(response, 409, "workflow-running")
        assert body["existing"] == f"/v1/workflows/{first['id']}"
        assert len(tasks_of(case, "veien-videre")) == 4

    def test_a_retried_start_with_the_same_idempotency_key_returns_the_same_workflow(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        url = f"/v1/placements/{case.placement['id']}/workflows"
        headers = {"Idempotency-Key": "start-veien-videre-1"}

        first = case.tenant.leader.post(
            url, json={"definition_key": "veien-videre"}, headers=headers
        )
        again = case.tenant.leader.post(
            url, json={"definition_key": "veien-videre"}, headers=headers
        )

        assert ok(first, 201)["id"] == ok(again, 201)["id"]
        assert len(tasks_of(case, "veien-videre")) == 4

    def test_no_workflow_is_started_for_an_ended_placement(self, api: Api) -> None:
        case = case_started(api, day(-10))
        ended = case.tenant.leader.post(
            f"/v1/placements/{case.placement['id']}/end",
            json={"end_date": today().isoformat(), "end_reason": "returned_home"},
        )
        assert ok(ended)["status"] == "ended"

        response = case.tenant.leader.post(
            f"/v1/placements/{case.placement['id']}/workflows",
            json={"definition_key": "veien-videre"},
        )

        assert response.status_code in (409, 422), response.text
        running = workflows_of(case.tenant.leader, case.placement["id"], status="active")
        assert running == []
        assert tasks_of(case, "veien-videre") == []

    def test_starting_an_unknown_workflow_is_rejected_with_a_pointer(self, api: Api) -> None:
        case = case_started(api, day(-3))

        response = case.tenant.leader.post(
            f"/v1/placements/{case.placement['id']}/workflows",
            json={"definition_key": "trygg-gjenforening"},
        )

        body = problem(response, 422, "validation-error")
        assert pointers(body) == ["#/definition_key"]
