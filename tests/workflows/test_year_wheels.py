"""Year wheels a caseworker can trust (issue #19, "Done when"): whole placements registered over
HTTP, as a journal system would, and read back as the caseworker's timeline.

The clock is the server's (today in Europe/Oslo), so each placement is the next one of its kind
from today: a move registered ahead of the moving day, as services do.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import holidays
from dateutil.relativedelta import relativedelta

from app.clock import today
from tests.helpers import Api, Case, is_working_day, make_case, ok, parse
from tests.workflows.test_workflows_api import (
    EVALUATION_ANSWERS,
    assert_due_on_working_day_near,
    complete,
    patch,
)


def next_date(month: int, day: int) -> date:
    found = date(today().year, month, day)
    return found if found > today() else date(today().year + 1, month, day)


def timeline(case: Case) -> list[dict[str, Any]]:
    url = f"/v1/placements/{case.placement['id']}/timeline"
    return list(ok(case.tenant.leader.get(url))["items"])


def of(items: list[dict[str, Any]], key: str, step: str | None = None) -> list[dict[str, Any]]:
    found = [t for t in items if t["definition_key"] == key and step in (None, t["step_key"])]
    return sorted(found, key=lambda t: (t["due_date"], t["occurrence"]))


class TestAJanuaryMoveWithAnEighteenMonthAgreement:
    def case(self, api: Api) -> tuple[Case, date, date]:
        move = next_date(1, 5)
        end = move + relativedelta(months=18) - timedelta(days=1)
        case = make_case(api, start_date=move.isoformat(), agreement_end_date=end.isoformat())
        return case, move, end

    def test_the_first_evaluation_is_a_year_after_the_move_within_the_agreement_deadline(
        self, api: Api
    ) -> None:
        case, move, end = self.case(api)
        items = timeline(case)

        evaluations = of(items, "arlig-evaluering")
        first = evaluations[0]
        assert_due_on_working_day_near(first, move + relativedelta(years=1))
        assert parse(first["due_date"]) <= end - relativedelta(months=5)
        assert "første gang, ett år etter at barnet flyttet inn" in first["explanation"]
        assert "innen fristen fem måneder før oppdragsavtalen utløper" in first["explanation"]
        assert "Regel (tjenestens rutine)" in first["explanation"]
        # Nothing in the first six months: the six-month evaluations come first.
        six_months = move + relativedelta(months=6)
        assert all(parse(t["due_date"]) > six_months for t in evaluations)
        visits = of(items, "oppfolgingsbesok")
        assert "fjerde gang, tolv måneder etter at barnet flyttet inn" in visits[3]["explanation"]
        assert all(is_working_day(parse(t["due_date"])) for t in items)

    def test_renewed_after_both_evaluations_were_held_it_plans_the_one_the_new_agreement_needs(
        self, api: Api
    ) -> None:
        case, move, _ = self.case(api)
        held = of(timeline(case), "arlig-evaluering")[:2]
        for task in held:
            ok(complete(case.tenant.contact, task["id"], EVALUATION_ANSWERS))
        # Renewed by six months: the new deadline (nineteen months after the move) lies inside
        # the planning horizon, and no evaluation held so far falls in the year before it.
        renewed = move + relativedelta(months=24) - timedelta(days=1)
        url = f"/v1/placements/{case.placement['id']}"
        preview = ok(
            case.tenant.leader.post(
                f"{url}/schedule-preview", json={"agreement_end_date": renewed.isoformat()}
            )
        )

        ok(patch(case.tenant.leader, url, {"agreement_end_date": renewed.isoformat()}))

        evaluations = of(timeline(case), "arlig-evaluering")
        assert [t["id"] for t in evaluations if t["status"] == "completed"] == [
            t["id"] for t in held
        ]
        planned = [t for t in evaluations if t["status"] == "open"]
        assert planned, "the renewed agreement needs an evaluation before its deadline"
        assert_due_on_working_day_near(planned[0], renewed - relativedelta(months=5))
        assert (
            "trukket fram til fem måneder før oppdragsavtalen utløper"
            in (planned[0]["explanation"])
        )
        shown = {(c["action"], c["occurrence"], c["new_due_date"]) for c in preview["changes"]}
        assert ("moved", planned[0]["occurrence"], planned[0]["due_date"]) in shown


class TestAFridayMove:
    def test_the_call_the_day_after_is_on_monday_and_no_deadline_moves_onto_the_moving_day(
        self, api: Api
    ) -> None:
        move = today() + timedelta(days=1)
        while move.weekday() != 4 or not is_working_day(move + timedelta(days=3)):
            move += timedelta(days=1)
        case = make_case(api, start_date=move.isoformat())
        items = timeline(case)

        (call,) = of(items, "omsorgspakken", "fosterforeldre_telefon_forste_dag")
        assert call["due_date"] == (move + timedelta(days=3)).isoformat()
        assert "virkedagen etter" in call["explanation"]
        assert all(
            parse(t["due_date"]) > move for t in items if t["definition_key"] == "omsorgspakken"
        )


class TestAnEasterMove:
    def test_early_contacts_wait_for_easter_to_pass_and_deadlines_come_before_it(
        self, api: Api
    ) -> None:
        year = today().year + 1
        names = holidays.country_holidays("NO", years=year, language="no")
        maundy = next(d for d, n in names.items() if n == "Skjærtorsdag")
        move = maundy - timedelta(days=1)  # the Wednesday before Easter
        case = make_case(api, start_date=move.isoformat())
        items = timeline(case)

        (call,) = of(items, "omsorgspakken", "fosterforeldre_telefon_forste_dag")
        assert call["due_date"] == (maundy + timedelta(days=5)).isoformat()  # Tuesday after
        assert "er skjærtorsdag" in call["explanation"]
        assert (
            "langfredag, første påskedag og andre påskedag er også helligdager"
            in (call["explanation"])
        )
        assert all(is_working_day(parse(t["due_date"])) for t in items)
