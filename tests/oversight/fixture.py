"""A hand-counted service: two children, two contact persons, and tasks whose results are known.

Every other task of the two placements is cancelled first, so only the tasks below count. Dates
are relative to today (Europe/Oslo); the period asked for is ``PERIOD`` days around it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, select, update

from app.clock import OSLO, today
from app.tasks.models import Task
from tests.helpers import Api, Case, make_case
from tests.test_tenancy import add_contact_person

VISIT = ("oppfolgingsbesok", "besok")
SUPERVISION = ("tilsyn", "tilsynsbesok")
START, END = -200, 100  # the period, in days from today


def at_oslo(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=OSLO).astimezone(UTC)


@dataclass
class Fixture:
    case_a: Case
    case_b: Case
    other_staff_id: str
    tasks: dict[str, str]  # name -> task id

    @property
    def service_id(self) -> str:
        return self.case_a.tenant.service_id

    def params(self, **extra: Any) -> dict[str, Any]:
        t = today()
        return {
            "service_id": self.service_id,
            "start": (t + timedelta(days=START)).isoformat(),
            "end": (t + timedelta(days=END)).isoformat(),
            **extra,
        }


# name: (case, rule, due in days from today, status, completed at (Oslo) or None, skip reason)
# and the result it must be counted as (None: not counted).


def _plan() -> dict[str, tuple[str, tuple[str, str], int, str, Any, str | None, str | None]]:
    t = today()

    def day(n: int) -> date:
        return t + timedelta(days=n)

    return {
        # child A, followed by the tenant's contact person
        "a_on_time": ("a", VISIT, -100, "completed", at_oslo(day(-101), time(10)), None, "on_time"),
        "a_late": ("a", VISIT, -90, "completed", at_oslo(day(-80), time(10)), None, "late"),
        "a_overdue": ("a", VISIT, -10, "open", None, None, "overdue"),
        "a_skipped": (
            "a",
            VISIT,
            -50,
            "skipped",
            at_oslo(day(-49), time(9)),
            "Barnet var syk.",
            "skipped",
        ),
        "a_pending": ("a", VISIT, 30, "open", None, None, "pending"),
        "a_before": ("a", VISIT, -300, "completed", at_oslo(day(-300), time(9)), None, None),
        "a_cancelled": ("a", VISIT, -20, "cancelled", None, None, None),
        "a_supervision": ("a", SUPERVISION, -5, "open", None, None, "overdue"),
        # child B, followed by another contact person: the day of completion is Oslo's day
        "b_last_minute": (
            "b",
            VISIT,
            -40,
            "completed",
            at_oslo(day(-40), time(23, 30)),
            None,
            "on_time",
        ),
        "b_after_midnight": (
            "b",
            VISIT,
            -70,
            "completed",
            at_oslo(day(-69), time(0, 30)),
            None,
            "late",
        ),
    }


def build(api: Api, connection: Connection) -> Fixture:
    case_a = make_case(api)
    other_id, _ = add_contact_person(api, case_a.tenant)
    case_b = make_case(api, case_a.tenant, contact_person_id=other_id)
    cases = {"a": case_a, "b": case_b}
    assignee = {"a": case_a.tenant.contact_id, "b": other_id}
    table = Task.__table__
    placements = [uuid.UUID(c.placement["id"]) for c in cases.values()]
    connection.execute(
        update(table).where(table.c.placement_id.in_(placements)).values(status="cancelled")
    )
    # Each named task takes one planned task of its rule (any occurrence) and is set as listed.
    used: set[uuid.UUID] = set()
    ids: dict[str, str] = {}
    for name, (case, (definition, step), due, status, done, reason, _) in _plan().items():
        candidates = connection.scalars(
            select(table.c.id)
            .where(
                table.c.placement_id == uuid.UUID(cases[case].placement["id"]),
                table.c.definition_key == definition,
                table.c.step_key == step,
            )
            .order_by(table.c.occurrence)
        ).all()
        task_id = next(c for c in candidates if c not in used)
        used.add(task_id)
        connection.execute(
            update(table)
            .where(table.c.id == task_id)
            .values(
                due_date=today() + timedelta(days=due),
                status=status,
                completed_at=done,
                skip_reason=reason,
                assignee_id=uuid.UUID(assignee[case]),
            )
        )
        ids[name] = str(task_id)
    return Fixture(case_a, case_b, other_id, ids)


def expected(*, case: str | None = None, rule: tuple[str, str] | None = None) -> dict[str, int]:
    """The hand count: how many tasks of each result (of a case, of a rule)."""
    counts = dict.fromkeys(("on_time", "late", "overdue", "skipped", "pending"), 0)
    for c, r, *_, result in _plan().values():
        if result is None or (case and c != case) or (rule and r != rule):
            continue
        counts[result] += 1
    counts["due"] = sum(counts.values())
    return counts
