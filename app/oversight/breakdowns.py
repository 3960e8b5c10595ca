"""Breakdowns (issue #17 item 3): placements that ended in the period, planned or unplanned,
per year of the end, per kind of foster home and per time since the move, and the reasons.

A placement counts when its ``end_date`` lies in the period. ``planned``: ``end_planned`` true;
``unplanned``: false (a breakdown); ``unrecorded``: not recorded (ended before the field
existed, or left out). ``breakdown_rate`` = unplanned / (planned + unplanned).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, case, extract, func, literal
from sqlalchemy.orm import Session

from app.foster_homes.models import FosterHome
from app.oversight.period import Period
from app.placements.models import Placement

# Time since the move, in days of the placement: (key, below this many days).
SINCE_MOVE: tuple[tuple[str, int | None], ...] = (
    ("under_3_months", 92),
    ("3_to_12_months", 366),
    ("1_to_2_years", 731),
    ("2_years_or_more", None),
)


def _days(dialect: str) -> ColumnElement[Any]:
    if dialect == "postgresql":
        return Placement.end_date - Placement.start_date
    return func.julianday(Placement.end_date) - func.julianday(Placement.start_date)


def _since_move(dialect: str) -> ColumnElement[str]:
    days = _days(dialect)
    return case(
        *((days < below, literal(key)) for key, below in SINCE_MOVE if below is not None),
        else_=literal(SINCE_MOVE[-1][0]),
    )


def _counts() -> list[ColumnElement[Any]]:
    return [
        func.count().label("ended"),
        func.sum(case((Placement.end_planned.is_(True), 1), else_=0)).label("planned"),
        func.sum(case((Placement.end_planned.is_(False), 1), else_=0)).label("unplanned"),
        func.sum(case((Placement.end_planned.is_(None), 1), else_=0)).label("unrecorded"),
    ]


def _ended(placements: Select[Any], period: Period) -> Select[Any]:
    return placements.where(
        Placement.end_date.is_not(None),
        Placement.end_date >= period.start,
        Placement.end_date <= period.end,
    )


def by(session: Session, placements: Select[Any], period: Period, dimension: str) -> Sequence[Any]:
    """Rows of (key, ended, planned, unplanned, unrecorded) by ``dimension``: ``year``,
    ``foster_home_kind``, ``time_since_move`` or ``reason`` (unplanned ends only)."""
    dialect = session.get_bind().dialect.name
    key: Any
    stmt = _ended(placements, period)
    if dimension == "year":
        key = extract("year", Placement.end_date)
    elif dimension == "foster_home_kind":
        key = FosterHome.kind
        stmt = stmt.join(FosterHome, FosterHome.id == Placement.foster_home_id)
    elif dimension == "time_since_move":
        key = _since_move(dialect)
    else:
        key = Placement.breakdown_reason
        stmt = stmt.where(Placement.end_planned.is_(False))
    labelled = key.label("key")
    stmt = stmt.with_only_columns(labelled, *_counts())
    return session.execute(stmt.group_by(labelled).order_by(labelled)).all()
