"""The annual evaluation (version 2), planned forward from the move: each test states one rule.

Review §2.1–2.2: the first evaluation about a year after the move, then yearly; in each agreement
period one evaluation no later than five months (the rule's value) before the agreement ends.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.planning.definitions import Role, load_catalogue
from app.planning.engine import Facts, PlannedTask, plan
from app.planning.rules import RuleSet, shipped_rule_set

EVALUATION = load_catalogue().get("arlig-evaluering", 2)
RULES = shipped_rule_set()
MOVE = date(2026, 1, 5)  # a Monday in January


def facts(**changes: Any) -> Facts:
    values: dict[str, Any] = {
        "placement_start": MOVE,
        "child_birth": date(2015, 3, 10),
        "workflow_start": MOVE,
        "horizon": date(2030, 12, 31),
    }
    values.update(changes)
    return Facts(**values)


def evaluations(rules: RuleSet = RULES, **changes: Any) -> list[PlannedTask]:
    return plan(EVALUATION, facts(**changes), rules)


def nominal(tasks: list[PlannedTask]) -> list[date]:
    return [t.nominal_date for t in tasks]


def test_the_first_annual_evaluation_is_due_a_year_after_the_move() -> None:
    first = evaluations()[0]
    assert first.nominal_date == date(2027, 1, 5)
    assert first.occurrence == 0
    assert "første gang, ett år etter at barnet flyttet inn i fosterhjemmet (5. januar 2026)" in (
        first.explanation
    )


def test_annual_evaluations_repeat_every_year_from_the_first() -> None:
    tasks = evaluations(horizon=date(2029, 12, 31))
    assert nominal(tasks) == [date(2027, 1, 5), date(2028, 1, 5), date(2029, 1, 5)]
    assert "tredje gang, tre år etter at barnet flyttet inn" in tasks[2].explanation


def test_without_an_agreement_end_the_evaluation_is_still_yearly() -> None:
    assert len(evaluations(agreement_end=None, horizon=date(2029, 12, 31))) == 3


def test_occurrences_are_keyed_by_year_since_the_move() -> None:
    for end in (None, date(2027, 1, 4), date(2027, 6, 30), date(2028, 10, 4)):
        tasks = evaluations(agreement_end=end, horizon=date(2029, 12, 31))
        assert [t.occurrence for t in tasks] == [0, 1, 2], end


def test_an_evaluation_already_before_the_agreement_deadline_stays_where_it_is() -> None:
    # 18 months: the deadline is 30 January 2027, and the first evaluation (5 January) meets it.
    tasks = evaluations(agreement_end=date(2027, 6, 30))
    assert nominal(tasks)[:2] == [date(2027, 1, 5), date(2028, 1, 5)]
    assert "innen fristen fem måneder før oppdragsavtalen utløper (30. juni 2027)" in (
        tasks[0].explanation
    )
    assert "innen fristen" not in tasks[1].explanation


def test_when_no_evaluation_falls_before_the_deadline_the_next_is_pulled_back_to_it() -> None:
    # 12 months: the first evaluation (5 January 2027) would come after the agreement ended.
    tasks = evaluations(agreement_end=date(2027, 1, 4))
    pulled = tasks[0]
    assert pulled.nominal_date == date(2026, 8, 4)
    assert pulled.occurrence == 0
    assert pulled.responsible is None  # the contact person's, as the step says
    assert "vanligvis 5. januar 2027" in pulled.explanation
    assert "trukket fram til fem måneder før oppdragsavtalen utløper (4. januar 2027)" in (
        pulled.explanation
    )
    assert (
        "Regel (tjenestens rutine): årlig evaluering senest fem måneder før oppdragsavtalen "
        "utløper." in (pulled.explanation)
    )


def test_pulling_an_evaluation_back_adds_none() -> None:
    pulled = evaluations(agreement_end=date(2027, 1, 4), horizon=date(2029, 12, 31))
    yearly = evaluations(horizon=date(2029, 12, 31))
    assert len(pulled) == len(yearly)
    assert nominal(pulled)[1:] == nominal(yearly)[1:]


def test_the_pulled_evaluation_is_found_beyond_the_planning_horizon() -> None:
    # The deadline (4 August 2026) is inside the horizon; the evaluation it pulls is not.
    tasks = evaluations(agreement_end=date(2027, 1, 4), horizon=date(2026, 12, 31))
    assert nominal(tasks) == [date(2026, 8, 4)]


def test_an_agreement_shorter_than_the_window_gives_the_leader_an_evaluation_at_once() -> None:
    # Ends 4 April 2026, less than five months after the move.
    tasks = evaluations(agreement_end=date(2026, 4, 4))
    first = tasks[0]
    assert first.nominal_date == MOVE
    assert first.responsible is Role.LEADER
    assert "mindre enn fem måneder etter innflyttingen" in first.explanation
    assert "lederen har ansvaret" in first.explanation
    assert all(t.responsible is None for t in tasks[1:])


def test_an_evaluation_due_at_once_is_never_planned_before_the_first_planned_day() -> None:
    tasks = evaluations(agreement_end=date(2026, 4, 4), not_before=date(2026, 2, 2))
    assert tasks[0].nominal_date == date(2026, 2, 2)


def test_renewing_the_agreement_keeps_each_year_s_key_and_plans_the_one_that_now_matters() -> None:
    short = evaluations(agreement_end=date(2027, 1, 4), horizon=date(2029, 12, 31))
    renewed = evaluations(agreement_end=date(2029, 10, 4), horizon=date(2029, 12, 31))
    assert [t.occurrence for t in short] == [t.occurrence for t in renewed]
    # Renewed to 4 October 2029: the deadline is 4 May 2029, which the 2029 evaluation meets.
    assert nominal(renewed) == [date(2027, 1, 5), date(2028, 1, 5), date(2029, 1, 5)]
    assert "innen fristen" in renewed[2].explanation


def test_no_evaluation_falls_before_the_six_month_evaluations_when_the_agreement_allows() -> None:
    six_months = date(2026, 7, 5)
    for months in range(12, 40):  # agreements of a year or more
        end = date(2026 + (months // 12), 1 + months % 12, 4)
        tasks = evaluations(agreement_end=end)
        assert all(t.nominal_date >= six_months for t in tasks), end


def test_an_evaluation_already_held_counts_on_the_day_it_was_held() -> None:
    # Held at the move (the agreement was then short), and renewed to 4 January 2028: the
    # deadline, 4 August 2027, has no evaluation in the year before it, so the next is pulled.
    tasks = evaluations(agreement_end=date(2028, 1, 4), held={"evaluering": {0: MOVE}})
    assert [(t.occurrence, t.nominal_date) for t in tasks[:2]] == [
        (0, date(2027, 1, 5)),
        (1, date(2027, 8, 4)),
    ]
    # Held on time instead, it meets the deadline, and nothing is pulled.
    on_time = evaluations(
        agreement_end=date(2028, 1, 4), held={"evaluering": {0: date(2027, 1, 5)}}
    )
    assert nominal(on_time)[1] == date(2028, 1, 5)


def test_a_rule_change_moves_the_first_evaluation() -> None:
    changed = RULES.values["annual_evaluation_first_after"].model_copy(update={"value": "P10M"})
    rules = RULES.model_copy(
        update={"values": {**RULES.values, "annual_evaluation_first_after": changed}}
    )
    tasks = evaluations(rules)
    assert nominal(tasks)[:2] == [date(2026, 11, 5), date(2027, 11, 5)]
    assert "ett år og ti måneder etter" in tasks[1].explanation


def test_the_rule_names_both_the_series_and_the_deadline() -> None:
    assert evaluations(agreement_end=date(2027, 6, 30))[0].rule == (
        "placement_start+P1Y every P1Y [annual_evaluation_first_after=P1Y] no later than "
        "agreement_end-annual_evaluation_before_agreement_end=P5M (rule set v1)"
    )


def test_nothing_is_planned_after_the_placement_ends() -> None:
    assert nominal(evaluations(placement_end=date(2027, 12, 31))) == [date(2027, 1, 5)]
