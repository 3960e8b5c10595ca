"""Plans with their reviews (issue #14 item 2, review §2.9 and §4.1): a care-order placement has
its care plan and the reviews of the coming year as tasks; a voluntary placement has its measures
plan evaluated quarterly, each evaluation ending in a conclusion; a second preliminary care plan
is refused. Over HTTP, as a journal system or a caseworker would use them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, ClassVar

import httpx
from dateutil.relativedelta import relativedelta

from app.clock import today
from tests.helpers import (
    Api,
    Case,
    all_events,
    case_started,
    day,
    foster_home_body,
    is_working_day,
    ok,
    parse,
    placement_body,
    pointers,
    problem,
)
from tests.workflows.test_workflows_api import complete, patch, tasks_of, workflows_of

REVIEW = {
    "barnet_deltok": True,
    "foreldrene_deltok": False,
    "fosterhjemmet_deltok": True,
    "barnets_synspunkter": "Barnet vil gjerne bo her og se mamma oftere.",
    "vurdering": "Barnet har det trygt. Samværet økes til annenhver uke.",
}


def plans_url(case: Case) -> str:
    return f"/v1/placements/{case.placement['id']}/plans"


def plan_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "kind": "care_plan",
        "stage": "preliminary",
        "adopted_on": day(-3).isoformat(),
        "child_took_part": True,
        "parents_took_part": True,
        "foster_home_took_part": False,
        "participation_notes": "Barnet ble hørt i egen samtale før planen ble laget.",
        "summary": "Barnet skal bo i fosterhjemmet mens foreldrene får hjelp.",
    }
    body.update(overrides)
    return body


def register(case: Case, **overrides: Any) -> httpx.Response:
    return case.tenant.contact.post(plans_url(case), json=plan_body(**overrides))


def plans_of(case: Case) -> list[dict[str, Any]]:
    return list(ok(case.tenant.leader.get(plans_url(case)))["items"])


def within_a_year(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ahead = today() + relativedelta(years=1)
    return sorted(
        (t for t in tasks if today() <= parse(t["due_date"]) <= ahead), key=lambda t: t["due_date"]
    )


def events_of(case: Case, prefix: str) -> list[dict[str, Any]]:
    return [e for e in all_events(case.tenant.integration) if e["type"].startswith(prefix)]


class TestACareOrderPlacementPlansItsCarePlan:
    def test_the_care_plan_and_every_review_of_the_next_twelve_months_are_tasks_with_why(
        self, api: Api
    ) -> None:
        start = day(-3)
        while not is_working_day(start):  # a move on a Saturday has its plan due on Monday
            start -= timedelta(days=1)
        case = case_started(api, start, legal_basis="care_order")

        [made] = tasks_of(case, "omsorgsplan", "omsorgsplan")
        assert parse(made["due_date"]) <= start  # made before the move
        assert "samme dag som barnet flyttet inn i fosterhjemmet" in made["explanation"]
        assert "Barnevernsloven kapittel 8" in made["legal_basis"]
        reviews = within_a_year(tasks_of(case, "omsorgsplan", "gjennomgang"))
        assert len(reviews) == 2  # after four months, then every six: the service's routine
        for review, months in zip(reviews, (4, 10), strict=True):
            nominal = start + relativedelta(months=months)
            assert abs((parse(review["due_date"]) - nominal).days) <= 4
            assert (
                "Regel (tjenestens rutine): omsorgsplanen gjennomgås med barnet og foreldrene "
                "hvert halvår" in review["explanation"]
            )
            assert "care_plan_review_interval=P6M" in review["rule"]
            assert review["outcomes"]
            assert review["templates"] == ["oppfolgingsplan", "invitasjon-felles-samtale"]
        plans = within_a_year(tasks_of(case, "omsorgsplan", "oppfolgingsplan_foreldre"))
        assert plans
        assert plans[0]["templates"] == ["oppfolgingsplan-foreldre"]

    def test_a_voluntary_placement_gets_no_care_plan_but_a_measures_plan(self, api: Api) -> None:
        case = case_started(api, day(-3), legal_basis="voluntary")

        running = {
            w["definition_key"] for w in workflows_of(case.tenant.leader, case.placement["id"])
        }
        assert "tiltaksplan" in running
        assert "omsorgsplan" not in running

    def test_an_emergency_placement_that_becomes_a_care_order_needs_its_care_plan_at_once(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-40), legal_basis="emergency")
        assert not tasks_of(case, "omsorgsplan")
        decided = day(-2)
        url = f"/v1/placements/{case.placement['id']}"
        body = {"legal_basis": "care_order", "care_order_date": decided.isoformat()}
        ok(patch(case.tenant.leader, url, body))

        [made] = tasks_of(case, "omsorgsplan", "omsorgsplan")
        assert abs((parse(made["due_date"]) - decided).days) <= 4
        assert "nemnda vedtok omsorgsovertakelsen" in made["explanation"]


class TestPlansAreRegisteredAndRevised:
    def test_a_care_plan_is_registered_with_who_took_part_and_its_first_revision(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))

        created = register(case)

        plan = ok(created, 201)
        assert created.headers["Location"].endswith(f"{plans_url(case)}/{plan['id']}")
        assert (plan["kind"], plan["stage"], plan["revision"]) == ("care_plan", "preliminary", 1)
        assert (plan["child_took_part"], plan["foster_home_took_part"]) == (True, False)
        assert [r["revision"] for r in plan["revisions"]] == [1]
        assert plan["reviews"] == []
        assert [p["id"] for p in plans_of(case)] == [plan["id"]]
        assert [e["subject_id"] for e in events_of(case, "plan.created")] == [plan["id"]]

    def test_a_second_preliminary_care_plan_is_refused_and_nothing_is_written(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        first = ok(register(case), 201)

        refused = problem(
            register(case, summary="En ny plan."), 409, "preliminary-care-plan-exists"
        )

        assert pointers(refused) == ["#/stage"]
        assert refused["existing"] == f"{plans_url(case)}/{first['id']}"
        assert [p["id"] for p in plans_of(case)] == [first["id"]]
        assert ok(register(case, stage="final"), 201)["stage"] == "final"

    def test_the_childs_next_placement_cannot_have_a_second_preliminary_care_plan(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-40))
        ok(register(case, adopted_on=day(-40).isoformat()), 201)
        moved = {"end_date": day(-5).isoformat(), "end_reason": "moved_to_other_foster_home"}
        ok(case.tenant.leader.post(f"/v1/placements/{case.placement['id']}/end", json=moved))
        home = case.tenant.integration.created("/v1/foster-homes", foster_home_body())
        body = placement_body(
            case.tenant,
            child_id=case.child["id"],
            foster_home_id=home["id"],
            start_date=day(-5).isoformat(),
        )
        later = Case(
            case.tenant, case.child, home, case.tenant.integration.created("/v1/placements", body)
        )

        refused = problem(register(later), 409, "preliminary-care-plan-exists")

        assert pointers(refused) == ["#/stage"]
        assert ok(register(later, stage="final"), 201)["stage"] == "final"

    def test_a_revision_needs_if_match_keeps_the_history_and_raises_an_event(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        plan = ok(register(case), 201)
        url = f"{plans_url(case)}/{plan['id']}"
        change = {"summary": "Samvær hver fjortende dag.", "reason": "Nemnda endret samværet."}

        problem(case.tenant.contact.patch(url, json=change), 428, "precondition-required")
        stale = case.tenant.contact.patch(url, json=change, headers={"If-Match": '"stale"'})
        problem(stale, 412, "precondition-failed")
        revised = ok(patch(case.tenant.contact, url, change))

        assert (revised["revision"], revised["summary"]) == (2, "Samvær hver fjortende dag.")
        first, second = revised["revisions"]
        assert first["content"]["summary"] == plan["summary"]
        assert (second["revision"], second["reason"]) == (2, "Nemnda endret samværet.")
        assert [e["type"] for e in events_of(case, "plan.revised")] == ["plan.revised"]

    def test_another_placements_plan_is_not_found_under_this_one(self, api: Api) -> None:
        case = case_started(api, day(-3))
        other = case_started(api, day(-3))
        plan = ok(register(other), 201)

        response = case.tenant.leader.get(f"{plans_url(case)}/{plan['id']}")

        problem(response, 404, "not-found")


class TestBadPlansAreRefusedAtTheField:
    CASES: ClassVar[list[tuple[dict[str, Any], str, str]]] = [
        ({"stage": None}, "#/stage", "required_for_kind"),
        ({"kind": "follow_up_plan"}, "#/stage", "only_care_plan"),
        ({"kind": "measures_plan", "stage": None}, "#/valid_until", "required_for_kind"),
        (
            {"kind": "measures_plan", "stage": None, "valid_until": "DAY-10"},
            "#/valid_until",
            "before_adopted",
        ),
        ({"adopted_on": "DAY+1"}, "#/adopted_on", "in_future"),
        (
            {"kind": "follow_up_plan", "stage": None, "adopted_on": "DAY-4"},
            "#/adopted_on",
            "before_start",
        ),
        ({"adopted_on": "DAY-100"}, "#/adopted_on", "before_start"),
        ({"summary": ""}, "#/summary", "string_too_short"),
        ({"stage": "draft"}, "#/stage", "enum"),
    ]

    def test_each_bad_input_is_a_problem_pointing_at_its_field(self, api: Api) -> None:
        case = case_started(api, day(-3))
        for overrides, pointer, code in self.CASES:
            body = {
                k: (
                    day(int(v[3:])).isoformat() if isinstance(v, str) and v.startswith("DAY") else v
                )
                for k, v in overrides.items()
            }
            response = case.tenant.contact.post(plans_url(case), json=plan_body(**body))
            found = problem(response, 422, "validation-error")
            assert [(e["pointer"], e["code"]) for e in found["errors"]] == [(pointer, code)], body
        assert plans_of(case) == []

    def test_a_bad_revision_is_refused_at_its_field_and_changes_nothing(self, api: Api) -> None:
        case = case_started(api, day(-3), legal_basis="voluntary")
        body = {"kind": "measures_plan", "stage": None, "valid_until": day(90).isoformat()}
        plan = ok(register(case, **body), 201)
        url = f"{plans_url(case)}/{plan['id']}"
        reason = {"reason": "Ny vurdering."}
        for change, pointer in (
            ({"valid_until": None, **reason}, "#/valid_until"),  # still time-limited
            ({"stage": "final", **reason}, "#/stage"),  # only a care plan has a stage
            ({"summary": "Uten begrunnelse."}, "#/reason"),
            ({"kind": "care_plan", **reason}, "#/kind"),  # the kind never changes
        ):
            found = problem(patch(case.tenant.contact, url, change), 422, "validation-error")
            assert pointers(found) == [pointer], change
        assert ok(case.tenant.leader.get(url))["revision"] == 1

    def test_a_care_plan_may_be_adopted_shortly_before_the_move(self, api: Api) -> None:
        case = case_started(api, day(-3))

        plan = ok(register(case, adopted_on=day(-20).isoformat()), 201)

        assert plan["adopted_on"] == day(-20).isoformat()

    def test_a_plan_is_not_adopted_after_the_placement_ended(self, api: Api) -> None:
        case = case_started(api, day(-30))
        end = {"end_date": day(-10).isoformat(), "end_reason": "returned_home"}
        ok(case.tenant.leader.post(f"/v1/placements/{case.placement['id']}/end", json=end))

        found = problem(register(case, adopted_on=day(-5).isoformat()), 422, "validation-error")

        assert pointers(found) == ["#/adopted_on"]

    def test_a_document_of_another_placement_is_an_unknown_reference(self, api: Api) -> None:
        case = case_started(api, day(-3))
        other = case_started(api, day(-3))
        filled = other.tenant.integration.post(
            "/v1/documents",
            json={"template_key": "oppfolgingsplan", "placement_id": other.placement["id"]},
        )
        document = ok(filled, 201)

        response = register(case, document_id=document["id"])

        assert pointers(problem(response, 422, "unknown-reference")) == ["#/document_id"]


class TestCompletingAPlanTaskRecordsIt:
    def test_the_care_plan_task_cannot_be_completed_before_the_plan_is_registered(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        [made] = tasks_of(case, "omsorgsplan", "omsorgsplan")
        answers = {"dato": day(-3).isoformat()}

        problem(complete(case.tenant.contact, made["id"], answers), 409, "plan-missing")
        assert tasks_of(case, "omsorgsplan", "omsorgsplan")[0]["status"] == "open"
        ok(register(case), 201)
        assert ok(complete(case.tenant.contact, made["id"], answers))["status"] == "completed"

        # Reviewing it with the foster home is due two weeks after it was made.
        [with_home] = tasks_of(case, "omsorgsplan", "gjennomgang_med_fosterhjemmet")
        assert "omsorgsplanen ble laget" in with_home["explanation"]

    def test_a_review_is_recorded_on_the_plan_with_its_conclusion_and_who_took_part(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        plan = ok(register(case), 201)
        first, second = tasks_of(case, "omsorgsplan", "gjennomgang")[:2]
        answers = {**REVIEW, "dato": day(0).isoformat()}

        done = complete(case.tenant.contact, first["id"], answers, outcome="planen_endres")

        assert ok(done)["status"] == "completed"
        [review] = ok(case.tenant.leader.get(f"{plans_url(case)}/{plan['id']}"))["reviews"]
        assert (review["reviewed_on"], review["conclusion"], review["task_id"]) == (
            day(0).isoformat(),
            "planen_endres",
            first["id"],
        )
        assert review["conclusion_text"].startswith("Planen endres")
        assert (review["child_took_part"], review["parents_took_part"]) == (True, False)
        # The workflow goes on: the next review is still planned.
        after = {t["id"]: t["status"] for t in tasks_of(case, "omsorgsplan", "gjennomgang")}
        assert after[second["id"]] == "open"
        assert [e["type"] for e in events_of(case, "plan.reviewed")] == ["plan.reviewed"]

    def test_a_review_dated_before_the_plan_was_adopted_is_refused(self, api: Api) -> None:
        case = case_started(api, day(-3))
        ok(register(case, adopted_on=day(-1).isoformat()), 201)
        [review] = tasks_of(case, "omsorgsplan", "gjennomgang")[:1]
        answers = {**REVIEW, "dato": day(-2).isoformat()}

        response = complete(
            case.tenant.contact, review["id"], answers, outcome="planen_star_ved_lag"
        )

        assert pointers(problem(response, 422, "validation-error")) == ["#/answers/dato"]
        assert ok(case.tenant.leader.get(f"/v1/tasks/{review['id']}"))["status"] == "open"


class TestAMeasuresPlanIsEvaluatedQuarterly:
    def measures_plan(self, case: Case) -> dict[str, Any]:
        body = {"kind": "measures_plan", "stage": None, "valid_until": day(360).isoformat()}
        return dict(ok(register(case, **body), 201))

    def test_measures_plan_evaluation_is_due_every_three_months_as_the_services_routine(
        self, api: Api
    ) -> None:
        start = day(-3)
        case = case_started(api, start, legal_basis="voluntary")

        evaluations = within_a_year(tasks_of(case, "tiltaksplan", "evaluering"))

        assert len(evaluations) == 4
        for evaluation, months in zip(evaluations, (3, 6, 9, 12), strict=True):
            nominal = start + relativedelta(months=months)
            assert abs((parse(evaluation["due_date"]) - nominal).days) <= 4
            assert (
                "Regel (tjenestens rutine): tiltaksplanen evalueres hver tredje måned"
                in evaluation["explanation"]
            )
            assert {o["key"] for o in evaluation["outcomes"]} == {
                "fortsette",
                "nye_tiltak",
                "grunnlag_for_omsorgsovertakelse",
                "avslutte",
            }

    def test_an_evaluation_ends_in_a_conclusion_and_continuing_keeps_the_next_ones(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3), legal_basis="voluntary")
        plan = self.measures_plan(case)
        first, second = tasks_of(case, "tiltaksplan", "evaluering")[:2]
        answers = {**REVIEW, "dato": day(0).isoformat()}

        without = complete(case.tenant.contact, first["id"], answers)
        assert problem(without, 422, "validation-error")
        ok(complete(case.tenant.contact, first["id"], answers, outcome="fortsette"))

        [review] = ok(case.tenant.leader.get(f"{plans_url(case)}/{plan['id']}"))["reviews"]
        assert review["conclusion"] == "fortsette"
        statuses = {t["id"]: t["status"] for t in tasks_of(case, "tiltaksplan", "evaluering")}
        assert statuses[second["id"]] == "open"

    def test_ending_the_measure_stops_the_evaluations(self, api: Api) -> None:
        case = case_started(api, day(-3), legal_basis="voluntary")
        self.measures_plan(case)
        first = tasks_of(case, "tiltaksplan", "evaluering")[0]
        answers = {**REVIEW, "dato": day(0).isoformat()}

        ok(complete(case.tenant.contact, first["id"], answers, outcome="avslutte"))

        rest = [t for t in tasks_of(case, "tiltaksplan", "evaluering") if t["id"] != first["id"]]
        assert rest
        assert {t["status"] for t in rest} == {"cancelled"}
        [workflow] = [
            w
            for w in workflows_of(case.tenant.leader, case.placement["id"])
            if w["definition_key"] == "tiltaksplan"
        ]
        assert (workflow["status"], workflow["outcome"]) == ("completed", "avslutte")


class TestSkippingAPlanTask:
    def test_a_follow_up_plan_task_may_be_skipped_but_a_review_needs_its_conclusion(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        follow_up = tasks_of(case, "omsorgsplan", "oppfolgingsplan")[0]
        review = tasks_of(case, "omsorgsplan", "gjennomgang")[0]
        reason = {"reason": "Oppfølgingsplanen ble revidert i forrige møte."}

        skipped = case.tenant.contact.post(f"/v1/tasks/{follow_up['id']}/skip", json=reason)
        refused = case.tenant.contact.post(f"/v1/tasks/{review['id']}/skip", json=reason)

        assert ok(skipped)["status"] == "skipped"
        problem(refused, 409, "conflict")
