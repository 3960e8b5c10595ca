"""The plan workflows' schedules from the pure engine: each test states one rule."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from app.planning.engine import Facts, PlannedTask, plan
from app.planning.rules import shipped_rule_set
from tests.workflows.test_engine import definition, rules_with

MOVE = date(2025, 1, 15)  # a Wednesday
RULES = shipped_rule_set()


def planned(key: str, step: str, **facts: object) -> list[PlannedTask]:
    values: dict[str, object] = {
        "placement_start": MOVE,
        "child_birth": date(2015, 3, 10),
        "workflow_start": MOVE,
        "horizon": date(2027, 1, 14),
        # as the workflows service says it for a workflow that starts with the move
        "workflow_start_text": "barnet flyttet inn i fosterhjemmet",
        **facts,
    }
    tasks = plan(definition(key), Facts(**values), RULES)  # type: ignore[arg-type]
    return [t for t in tasks if t.step_key == step]


def test_the_care_plan_is_due_on_the_day_of_the_move() -> None:
    [made] = planned("omsorgsplan", "omsorgsplan")
    assert made.due_date == MOVE
    assert "samme dag som barnet flyttet inn i fosterhjemmet" in made.explanation


def test_care_plan_review_is_due_four_months_after_the_move_then_every_six_months() -> None:
    reviews = planned("omsorgsplan", "gjennomgang")
    nominal = [MOVE + relativedelta(months=m) for m in (4, 10, 16, 22)]
    assert [r.nominal_date for r in reviews] == nominal
    assert all("Regel (tjenestens rutine)" in r.explanation for r in reviews)


def test_care_plan_review_with_the_foster_home_is_due_two_weeks_after_the_plan_was_made() -> None:
    made = date(2025, 1, 10)
    [review] = planned(
        "omsorgsplan", "gjennomgang_med_fosterhjemmet", completions={"omsorgsplan": [made]}
    )
    assert review.nominal_date == date(2025, 1, 24)
    assert "omsorgsplanen ble laget" in review.explanation


def test_follow_up_plans_are_due_a_month_after_the_start_then_every_six_months() -> None:
    for step in ("oppfolgingsplan", "oppfolgingsplan_foreldre"):
        made = planned("omsorgsplan", step)
        assert [t.nominal_date for t in made] == [
            MOVE + relativedelta(months=m) for m in (1, 7, 13, 19)
        ]


def test_measures_plan_evaluation_is_due_every_three_months_from_the_move() -> None:
    evaluations = planned("tiltaksplan", "evaluering")
    assert [t.nominal_date for t in evaluations][:4] == [
        MOVE + relativedelta(months=m) for m in (3, 6, 9, 12)
    ]
    assert "Regel (tjenestens rutine): tiltaksplanen evalueres hver tredje måned" in (
        evaluations[0].explanation
    )


def test_measures_plan_evaluation_follows_a_published_interval() -> None:
    rules = rules_with({"measures_plan_evaluation_interval": "P2M"})
    values = {
        "placement_start": MOVE,
        "child_birth": date(2015, 3, 10),
        "workflow_start": MOVE,
        "horizon": date(2025, 9, 1),
    }
    tasks = plan(definition("tiltaksplan"), Facts(**values), rules)  # type: ignore[arg-type]
    nominal = [t.nominal_date for t in tasks if t.step_key == "evaluering"]
    assert nominal == [MOVE + relativedelta(months=m) for m in (2, 4, 6)]


def test_no_plan_review_is_planned_after_the_placement_ended() -> None:
    ended = MOVE + relativedelta(months=8)
    reviews = planned("omsorgsplan", "gjennomgang", placement_end=ended)
    assert [r.nominal_date for r in reviews] == [MOVE + relativedelta(months=4)]
