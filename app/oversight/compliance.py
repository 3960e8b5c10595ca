"""Compliance counted in the database: one aggregate query per table, whatever the number of
tasks (memory grows with the rows of the answer, never with the tasks counted).

Every figure comes from the tasks the workflow steps planned (``tasks.definition_key``,
``step_key``, ``due_date``, ``status``, ``completed_at``), so it follows the rule set that dated
them. How each task is counted (docs/oversight.md says the same):

- a task counts in a period when its due date lies in it; a cancelled task (no longer due: the
  placement ended, the plan changed) is not counted at all;
- ``on_time``: completed, on or before its due date (the day of completion in Europe/Oslo);
- ``late``: completed after its due date;
- ``overdue``: still open, and its due date has passed (before today, Europe/Oslo);
- ``skipped``: skipped, with the reason the skipper gave;
- ``pending``: still open and not yet due;
- ``due`` is the sum of the five.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import Date, Select, and_, case, cast, func, literal, or_
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.oversight.period import Period
from app.placements.models import Placement
from app.tasks.models import Task, TaskStatus


class Result(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"
    SKIPPED = "skipped"
    PENDING = "pending"


@dataclass(frozen=True)
class Counts:
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    skipped: int = 0
    pending: int = 0

    @property
    def due(self) -> int:
        return self.on_time + self.late + self.overdue + self.skipped + self.pending

    @property
    def on_time_share(self) -> float | None:
        """On time among the tasks that were done or should have been (not skipped, not yet
        due); None when there are none."""
        judged = self.on_time + self.late + self.overdue
        return None if judged == 0 else round(self.on_time / judged, 4)

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.on_time + other.on_time,
            self.late + other.late,
            self.overdue + other.overdue,
            self.skipped + other.skipped,
            self.pending + other.pending,
        )

    @classmethod
    def of(cls, row: Any) -> Counts:
        return cls(
            int(row.on_time or 0),
            int(row.late or 0),
            int(row.overdue or 0),
            int(row.skipped or 0),
            int(row.pending or 0),
        )


def completed_on(dialect: str) -> ColumnElement[date]:
    """The day a task was completed, in Europe/Oslo (``completed_at`` is stored in UTC).
    SQLite has no time zones: :func:`app.db.make_engine` gives its connections ``oslo_date``."""
    if dialect == "postgresql":
        return cast(func.timezone("Europe/Oslo", Task.completed_at), Date)
    return func.oslo_date(Task.completed_at, type_=Date)


def result_of(dialect: str, on: date) -> ColumnElement[str]:
    """How a task counts (:class:`Result`) as one SQL expression."""
    return case(
        (
            and_(Task.status == TaskStatus.COMPLETED, completed_on(dialect) <= Task.due_date),
            literal(Result.ON_TIME.value),
        ),
        (Task.status == TaskStatus.COMPLETED, literal(Result.LATE.value)),
        (Task.status == TaskStatus.SKIPPED, literal(Result.SKIPPED.value)),
        (Task.due_date < on, literal(Result.OVERDUE.value)),
        else_=literal(Result.PENDING.value),
    )


def _count(result: ColumnElement[str], value: Result) -> ColumnElement[int]:
    return func.sum(case((result == value.value, 1), else_=0)).label(value.value)


def count_columns(dialect: str, on: date) -> list[ColumnElement[int]]:
    result = result_of(dialect, on)
    return [_count(result, r) for r in Result]


S = TypeVar("S", bound=Select[*tuple[Any, ...]])


def in_period(stmt: S, period: Period, rule: tuple[str, str] | None = None) -> S:
    """Narrow a statement over tasks to those counted in ``period`` (of one rule)."""
    stmt = stmt.where(
        Task.due_date >= period.start,
        Task.due_date <= period.end,
        Task.status != TaskStatus.CANCELLED,
    )
    if rule is not None:
        stmt = stmt.where(Task.definition_key == rule[0], Task.step_key == rule[1])
    return stmt


def by_service(
    session: Session, readable: Select[Any], period: Period, rule: tuple[str, str] | None, on: date
) -> Sequence[Any]:
    """Rows of (service_id, definition_key, step_key, counts…)."""
    dialect = session.get_bind().dialect.name
    keys = (Task.service_id, Task.definition_key, Task.step_key)
    stmt = in_period(readable.with_only_columns(*keys, *count_columns(dialect, on)), period, rule)
    return session.execute(stmt.group_by(*keys).order_by(*keys)).all()


def by_assignee(
    session: Session, readable: Select[Any], period: Period, rule: tuple[str, str] | None, on: date
) -> Sequence[Any]:
    """Rows of (service_id, assignee_id, definition_key, step_key, counts…)."""
    dialect = session.get_bind().dialect.name
    keys = (Task.service_id, Task.assignee_id, Task.definition_key, Task.step_key)
    stmt = in_period(readable.with_only_columns(*keys, *count_columns(dialect, on)), period, rule)
    return session.execute(stmt.group_by(*keys).order_by(*keys)).all()


def by_child(
    session: Session,
    readable: Select[Any],
    period: Period,
    rule: tuple[str, str] | None,
    on: date,
    *,
    after: tuple[uuid.UUID, str, str] | None,
    limit: int,
) -> Sequence[Any]:
    """Rows of (child_id, service_id, definition_key, step_key, counts…), ordered by child and
    rule, from the key after ``after``, at most ``limit`` + 1 (to know if there is more)."""
    dialect = session.get_bind().dialect.name
    keys = (Placement.child_id, Task.definition_key, Task.step_key)
    stmt = in_period(
        readable.with_only_columns(*keys, Task.service_id, *count_columns(dialect, on)).join(
            Placement, Placement.id == Task.placement_id
        ),
        period,
        rule,
    )
    if after is not None:
        child, definition, step = after
        stmt = stmt.where(
            or_(
                Placement.child_id > child,
                and_(Placement.child_id == child, Task.definition_key > definition),
                and_(
                    Placement.child_id == child,
                    Task.definition_key == definition,
                    Task.step_key > step,
                ),
            )
        )
    grouped = stmt.group_by(*keys, Task.service_id).order_by(*keys).limit(limit + 1)
    return session.execute(grouped).all()


def by_month(
    session: Session, readable: Select[Any], period: Period, rule: tuple[str, str] | None, on: date
) -> Sequence[Any]:
    """Rows of (definition_key, step_key, month YYYY-MM of the due date, counts…)."""
    dialect = session.get_bind().dialect.name
    month = (
        func.to_char(Task.due_date, "YYYY-MM")
        if dialect == "postgresql"
        else func.strftime("%Y-%m", Task.due_date)
    ).label("month")
    keys = (Task.definition_key, Task.step_key, month)
    stmt = in_period(readable.with_only_columns(*keys, *count_columns(dialect, on)), period, rule)
    return session.execute(stmt.group_by(*keys).order_by(*keys)).all()
