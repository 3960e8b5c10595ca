"""The national audit's criteria as indicators (issue #17 item 2), against a hand-counted
service: two children, one placed for more than a year, one for 200 days."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import Connection, select, update

from app.clock import today
from app.oversight.rules import rules
from app.tasks.models import Task
from tests.helpers import Api, Case, make_case, ok, problem

PLAN = {
    "kind": "care_plan",
    "stage": "preliminary",
    "child_took_part": True,
    "parents_took_part": True,
    "foster_home_took_part": False,
    "summary": "Barnet skal bo i fosterhjemmet mens foreldrene får hjelp.",
}


def day(n: int) -> str:
    return (today() + timedelta(days=n)).isoformat()


def _take(connection: Connection, case: Case, definition: str, step: str | None = None) -> Any:
    table = Task.__table__
    stmt = select(table.c.id).where(
        table.c.placement_id == uuid.UUID(case.placement["id"]),
        table.c.status == "cancelled",
    )
    if step is not None:
        stmt = stmt.where(table.c.definition_key == definition, table.c.step_key == step)
    return connection.scalars(stmt.order_by(table.c.due_date)).first()


def _set(connection: Connection, task_id: Any, **values: Any) -> None:
    table = Task.__table__
    connection.execute(update(table).where(table.c.id == task_id).values(**values))


def build(api: Api, connection: Connection) -> tuple[Case, Case]:
    long_ago = today() - relativedelta(years=1, days=30)
    a = make_case(
        api,
        start_date=long_ago.isoformat(),
        agreement_end_date=(long_ago + relativedelta(years=3)).isoformat(),
    )
    b = make_case(api, a.tenant, start_date=day(-200))
    # Child A has a care plan; child B's expired yesterday.
    a.tenant.leader.created(
        f"/v1/placements/{a.placement['id']}/plans", {**PLAN, "adopted_on": day(-60)}
    )
    a.tenant.leader.created(
        f"/v1/placements/{b.placement['id']}/plans",
        {**PLAN, "adopted_on": day(-150), "valid_until": day(-1)},
    )
    # An extra visit to child A, spoken to alone.
    a.tenant.leader.created(
        f"/v1/placements/{a.placement['id']}/extra-visits",
        {
            "visited_on": day(-20),
            "spoke_with_child_alone": True,
            "reason": "Barnet ba om det.",
            "notes": "Barnet fortalte om skolen.",
        },
    )
    table = Task.__table__
    placements = [uuid.UUID(c.placement["id"]) for c in (a, b)]
    connection.execute(
        update(table).where(table.c.placement_id.in_(placements)).values(status="cancelled")
    )
    done = {"status": "completed", "completed_at": datetime.now(UTC)}
    # Child A: two follow-up visits in the last year, one alone (with the extra visit: 3 < 4).
    for n, alone in ((-100, True), (-40, False)):
        task = _take(connection, a, "oppfolgingsbesok", "besok")
        _set(
            connection,
            task,
            due_date=today() + timedelta(days=n),
            **done,
            answers={
                "besoksdato": day(n),
                "snakket_med_barnet_alene": alone,
                "barnets_mening": "-",
                "vurdering": "-",
            },
        )
    # A supervision visit to child B, not alone.
    task = _take(connection, b, "tilsyn", "tilsynsbesok")
    _set(
        connection,
        task,
        due_date=today() - timedelta(days=30),
        **done,
        answers={
            "besoksdato": day(-30),
            "rapport_mottatt": day(-28),
            "samtale_med_barnet_alene": False,
        },
    )
    # Decision steps: one concluded, one open past its deadline, one not yet due.
    decisions = {(r.definition_key, r.step_key) for r in rules().values() if r.decision}
    candidates = connection.execute(
        select(table.c.id, table.c.definition_key, table.c.step_key).where(
            table.c.placement_id.in_(placements), table.c.status == "cancelled"
        )
    ).all()
    decision_tasks = [c.id for c in candidates if (c.definition_key, c.step_key) in decisions]
    assert len(decision_tasks) >= 3, "the fixture needs three decision steps planned"
    _set(connection, decision_tasks[0], due_date=today() - timedelta(days=15), **done, outcome="x")
    _set(connection, decision_tasks[1], due_date=today() - timedelta(days=5), status="open")
    _set(connection, decision_tasks[2], due_date=today() + timedelta(days=5), status="open")
    # A decision to carry out: a tribunal case's first step, open past its date.
    task = _take(connection, a, "any")
    _set(
        connection,
        task,
        definition_key="sak-for-nemnda",
        step_key="forberede_saken",
        due_date=today() - timedelta(days=3),
        status="open",
    )
    return a, b


def figures(body: dict[str, Any]) -> dict[str, tuple[int, int, float | None]]:
    return {i["key"]: (i["numerator"], i["denominator"], i["share"]) for i in body["indicators"]}


class TestTheAuditCriteria:
    def test_each_indicator_as_hand_counted(self, api: Api, connection: Connection) -> None:
        a, _ = build(api, connection)
        params = {"service_id": a.tenant.service_id, "start": day(-365), "end": day(30)}
        report = ok(a.tenant.leader.get("/v1/oversight/indicators", params=params))
        assert figures(report) == {
            # two planned visits (one alone) and the extra visit (alone)
            "visits_spoken_alone": (2, 3, 0.6667),
            "supervision_spoken_alone": (0, 1, 0.0),
            # A's plan is current, B's expired yesterday
            "children_with_current_plan": (1, 2, 0.5),
            # only A was placed the whole year, with three visits of four
            "children_below_visit_minimum": (1, 1, 1.0),
            # the one not yet due is not judged
            "assessments_without_conclusion": (1, 2, 0.5),
            "decisions_not_carried_out": (1, 1, 1.0),
        }
        (mine,) = report["services"]
        assert figures(mine) == figures(report)

    def test_a_bad_period_and_another_service(self, api: Api) -> None:
        tenant = api.tenant()
        other = api.tenant()
        problem(
            tenant.leader.get(
                "/v1/oversight/indicators", params={"start": "2026-02-01", "end": "2026-01-01"}
            ),
            422,
            "validation-error",
        )
        problem(
            tenant.leader.get("/v1/oversight/indicators", params={"service_id": other.service_id}),
            404,
            "not-found",
        )
