"""Bunched deadlines are spread (issue #19 item 6, review §2.10, decisions.md 8): when one person
has four deadlines or more on one day, those a local routine sets move to an earlier working day
with room; a legal deadline never moves, and nothing moves later."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest

from app.planning.definitions import load_catalogue
from app.planning.durations import WEEKDAYS_NB, norwegian_date
from app.planning.rules import shipped_rule_set
from app.tasks.models import Task
from app.workflows.spreading import movable, yield_order
from tests.helpers import Api, Case, Tenant, day, is_working_day, make_case, ok, parse
from tests.workflows.test_workflows_api import all_tasks, changes_of, patch

CATALOGUE = load_catalogue()


def weekday(value: date) -> str:
    return f"{WEEKDAYS_NB[value.weekday()]} {norwegian_date(value)}"


RULES = shipped_rule_set()


@pytest.mark.parametrize(
    ("key", "step", "expected"),
    [
        ("omsorgspakken", "barn_hjemmebesok_forste_uke", True),  # an adjustable local programme
        ("omsorgspakken", "fosterforeldre_telefon_forste_dag", True),
        ("tilsyn", "gjennomgang_tilsynsrapport", True),  # the review's two weeks: a routine
        ("arlig-evaluering", "evaluering", True),
        ("oppfolging-foreldre", "oppfolgingssamtale", True),
        ("oppfolgingsbesok", "besok", False),  # the law's minimum
        ("tilsyn", "tilsynsbesok", False),
        ("vurderingstrakt", "trinn_2_forsvarlig_omsorg", False),  # a fixed programme's steps
        ("en-god-start", "okt_1_den_nye_familien", False),
    ],
)
def test_only_a_step_a_local_routine_dates_may_be_spread(
    key: str, step: str, expected: bool
) -> None:
    definition = CATALOGUE.latest(key)
    assert definition is not None
    assert movable(definition, definition.step(step), RULES) is expected


def test_which_deadline_yields_first_does_not_depend_on_the_random_ids() -> None:
    due = date(2027, 3, 3)

    def task(key: str, step: str) -> Task:
        return Task(
            id=uuid.uuid4(),
            due_date=due,
            nominal_date=due,
            definition_key=key,
            step_key=step,
            occurrence=0,
        )

    for _ in range(20):
        tasks = [task("arlig-evaluering", "evaluering"), task("tilsyn", "gjennomgang")]
        order = [t.definition_key for t in sorted(tasks, key=yield_order, reverse=True)]
        assert order == ["tilsyn", "arlig-evaluering"]


def cases_on_one_day(api: Api, count: int, start: date) -> tuple[Tenant, list[Case]]:
    tenant = api.tenant()
    agreement = (start + timedelta(days=800)).isoformat()
    cases = [
        make_case(api, tenant, start_date=start.isoformat(), agreement_end_date=agreement)
        for _ in range(count)
    ]
    return tenant, cases


def contact_tasks(tenant: Tenant) -> list[dict[str, Any]]:
    return [t for t in all_tasks(tenant.leader) if t["assignee_id"] == tenant.contact_id]


def first_weeks_start() -> date:
    """A Monday far enough ahead that the first week's deadlines are all in the future, with
    three weeks of working days after it (over Christmas or Easter the days before a bunched
    deadline are holidays, and there is nowhere to spread to)."""
    start = day(14)
    start -= timedelta(days=start.weekday())
    while not all(
        is_working_day(start + timedelta(days=d))
        for d in range(21)
        if (start + timedelta(days=d)).weekday() < 5
    ):
        start += timedelta(days=7)
    return start


def test_four_home_visits_on_one_day_are_spread_to_the_days_before(api: Api) -> None:
    start = first_weeks_start()
    tenant, _ = cases_on_one_day(api, 4, start)

    tasks = contact_tasks(tenant)

    visits = [t for t in tasks if t["step_key"] == "barn_hjemmebesok_forste_uke"]
    planned = {t["spread_from"] or t["due_date"] for t in visits}
    assert len(planned) == 1  # the plan put all four on one day
    [bunched] = planned
    per_day = Counter(t["due_date"] for t in tasks)
    assert per_day[bunched] < 4
    spread = [t for t in visits if t["spread_from"] is not None]
    assert spread
    for task in spread:
        moved_to = parse(task["due_date"])
        assert moved_to < parse(bunched)
        assert moved_to > start  # never on the moving day
        assert is_working_day(moved_to)
        assert f"i stedet for {weekday(parse(bunched))}" in task["explanation"]
        assert (
            "fordi den som har oppgaven, har tre andre frister den dagen" in (task["explanation"])
            or "fordi den som har oppgaven, har fire andre frister" in task["explanation"]
        )
        assert task["explanation"].index("Fristen er satt") < task["explanation"].index("Grunnlag:")
        assert task["explanation"].startswith("Frist ")
        assert "Regel (tjenestens rutine): har én person fire frister" in task["explanation"]
        change = changes_of(tenant.leader, task["id"])[-1]
        assert change["action"] == "moved"
        assert change["reason"].startswith("Spredt:")


def test_three_deadlines_on_one_day_stay_where_the_plan_put_them(api: Api) -> None:
    tenant, _ = cases_on_one_day(api, 3, first_weeks_start())
    visits = [t for t in contact_tasks(tenant) if t["step_key"] == "barn_hjemmebesok_forste_uke"]
    assert {t["spread_from"] for t in visits} == {None}
    assert len({t["due_date"] for t in visits}) == 1


def test_legal_deadlines_never_move_however_many_fall_on_one_day(api: Api) -> None:
    tenant, _ = cases_on_one_day(api, 5, first_weeks_start())
    visits = [t for t in contact_tasks(tenant) if t["definition_key"] == "oppfolgingsbesok"]
    first = min(t["due_date"] for t in visits)
    on_first = [t for t in visits if t["due_date"] == first]
    assert len(on_first) == 5
    assert {t["spread_from"] for t in visits} == {None}


def test_a_re_plan_with_the_same_dates_leaves_a_spread_deadline_alone(api: Api) -> None:
    tenant, cases = cases_on_one_day(api, 4, first_weeks_start())
    spread = [t for t in contact_tasks(tenant) if t["spread_from"] is not None]
    assert spread
    history = {t["id"]: len(changes_of(tenant.leader, t["id"])) for t in spread}
    for case in cases:  # every placement re-planned: a new agreement end
        url = f"/v1/placements/{case.placement['id']}"
        ok(patch(tenant.leader, url, {"agreement_end_date": (day(900)).isoformat()}))

    after = {t["id"]: t for t in contact_tasks(tenant)}
    for task in spread:
        assert after[task["id"]]["due_date"] == task["due_date"]
        assert len(changes_of(tenant.leader, task["id"])) == history[task["id"]]
