"""Oversight for leaders: compliance per rule for a service and period, per child, per staff
member and per month, with the tasks behind each figure.

Compliance numbers have one home (decisions.md 3): this package. The web app's leader page, the
JSON API and the exports call these functions; each records its audit entry itself (an
aggregate as a query of the service, a list of children or tasks as one entry per row shown).
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Sequence
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.trail import AuditTrail
from app.children.service import ChildRepository
from app.clock import OSLO, today
from app.errors import InvalidCursor
from app.oversight import breakdowns, compliance, indicators
from app.oversight.access import OversightPlacements, readable, readable_tasks, services_for
from app.oversight.compliance import Counts, Result
from app.oversight.period import Period
from app.oversight.rules import Rule, rule_key, rule_of, rules
from app.oversight.schemas import (
    BreakdownReport,
    BreakdownRow,
    ChildCompliance,
    ComplianceReport,
    ComplianceTask,
    ComplianceTaskParams,
    CountsRead,
    IndicatorParams,
    IndicatorRead,
    IndicatorsReport,
    MonthShare,
    OnTimeByMonth,
    PagedPeriodParams,
    PeriodParams,
    RuleCompliance,
    RuleMonths,
    ServiceCompliance,
    ServiceIndicators,
    StaffCompliance,
)
from app.pagination import paginate
from app.placements.models import Placement
from app.principal import Principal
from app.tasks.models import Task, TaskStatus

AUDITED = "oversight"  # the resource type of an aggregate's entry


def rule_parts(key: str | None) -> tuple[Rule | None, tuple[str, str] | None]:
    if key is None:
        return None, None
    found = rule_of(key)
    return found, (found.definition_key, found.step_key)


def _title(definition_key: str, step_key: str) -> Rule:
    return rules()[rule_key(definition_key, step_key)]


def _rule_counts(key: tuple[str, str], counts: Counts) -> RuleCompliance:
    rule = _title(*key)
    return RuleCompliance(
        rule=rule.key, group=rule.group, title=rule.title, **CountsRead.of(counts).model_dump()
    )


def compliance_report(
    session: Session, principal: Principal, params: PeriodParams, *, audit: AuditTrail
) -> ComplianceReport:
    """Compliance per rule for each service the caller asked for (or may oversee) and for all
    of them together. Only rules with tasks due in the period are shown."""
    on = today()
    period = Period.of(params.start, params.end, on=on)
    _, rule = rule_parts(params.rule)
    service_ids = services_for(session, principal, params.service_id)
    rows = compliance.by_service(
        session, readable_tasks(session, principal, service_ids), period, rule, on
    )
    per_service: dict[uuid.UUID, dict[tuple[str, str], Counts]] = {s: {} for s in service_ids}
    together: dict[tuple[str, str], Counts] = {}
    for row in rows:
        key = (row.definition_key, row.step_key)
        counts = Counts.of(row)
        per_service.setdefault(row.service_id, {})[key] = counts
        together[key] = together.get(key, Counts()) + counts
    audit.query(AUDITED, service_ids=service_ids, child_id=None)
    return ComplianceReport(
        period_start=period.start,
        period_end=period.end,
        as_of=on,
        rules=[_rule_counts(k, c) for k, c in sorted(together.items())],
        services=[
            ServiceCompliance(
                service_id=service_id,
                rules=[_rule_counts(k, c) for k, c in sorted(found.items())],
                total=CountsRead.of(sum(found.values(), Counts())),
            )
            for service_id, found in per_service.items()
        ],
    )


def compliance_by_staff(
    session: Session, principal: Principal, params: PeriodParams, *, audit: AuditTrail
) -> list[StaffCompliance]:
    """Compliance per rule for each staff member the tasks are assigned to (one row per staff
    member and rule; null assignee: tasks given to nobody). A service has tens of staff, so
    the list is one page."""
    on = today()
    period = Period.of(params.start, params.end, on=on)
    _, rule = rule_parts(params.rule)
    service_ids = services_for(session, principal, params.service_id)
    rows = compliance.by_assignee(
        session, readable_tasks(session, principal, service_ids), period, rule, on
    )
    audit.query(AUDITED, service_ids=service_ids, child_id=None)
    return [
        StaffCompliance(
            service_id=row.service_id,
            assignee_id=row.assignee_id,
            rule=rule_key(row.definition_key, row.step_key),
            **CountsRead.of(Counts.of(row)).model_dump(),
        )
        for row in rows
    ]


_CHILD_CURSOR = "oversight.children"


def _encode(child_id: uuid.UUID, definition_key: str, step_key: str) -> str:
    raw = json.dumps([_CHILD_CURSOR, str(child_id), definition_key, step_key]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str) -> tuple[uuid.UUID, str, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        made_for, child, definition, step = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if (
            made_for != _CHILD_CURSOR
            or not isinstance(definition, str)
            or not isinstance(step, str)
        ):
            raise ValueError("not this list's cursor")
        return uuid.UUID(child), definition, step
    except (ValueError, TypeError, AttributeError, binascii.Error, json.JSONDecodeError):
        raise InvalidCursor("Use next_cursor exactly as a previous page returned it.") from None


def compliance_by_child(
    session: Session, principal: Principal, params: PagedPeriodParams, *, audit: AuditTrail
) -> tuple[list[ChildCompliance], str | None]:
    """Compliance per rule for each child (by id), a page at a time, by child and rule. Each
    child shown is recorded as a read of the child (detail ``oversight``)."""
    on = today()
    period = Period.of(params.start, params.end, on=on)
    _, rule = rule_parts(params.rule)
    after = _decode(params.cursor) if params.cursor is not None else None
    service_ids = services_for(session, principal, params.service_id, cases=True)
    rows = compliance.by_child(
        session,
        readable_tasks(session, principal, service_ids),
        period,
        rule,
        on,
        after=after,
        limit=params.limit,
    )
    cursor = None
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        last = rows[-1]
        cursor = _encode(last.child_id, last.definition_key, last.step_key)
    _record_children(session, principal, {r.child_id for r in rows}, audit)
    items = [
        ChildCompliance(
            child_id=row.child_id,
            service_id=row.service_id,
            rule=rule_key(row.definition_key, row.step_key),
            **CountsRead.of(Counts.of(row)).model_dump(),
        )
        for row in rows
    ]
    return items, cursor


def _record_children(
    session: Session, principal: Principal, child_ids: set[uuid.UUID], audit: AuditTrail
) -> None:
    if not child_ids:
        return
    repository = ChildRepository(session, principal)
    children = list(
        session.scalars(repository.readable().where(repository.model.id.in_(child_ids)))
    )
    audit.many(children, detail="oversight")


def result_of_task(task: Task, on: date) -> Result:
    """How one task counts: :func:`app.oversight.compliance.result_of`, for a loaded row."""
    if task.status is TaskStatus.COMPLETED:
        assert task.completed_at is not None
        done = task.completed_at.astimezone(OSLO).date()
        return Result.ON_TIME if done <= task.due_date else Result.LATE
    if task.status is TaskStatus.SKIPPED:
        return Result.SKIPPED
    return Result.OVERDUE if task.due_date < on else Result.PENDING


def compliance_tasks(
    session: Session, principal: Principal, params: ComplianceTaskParams, *, audit: AuditTrail
) -> tuple[list[ComplianceTask], str | None]:
    """The tasks behind a figure, by due date: of a rule, a result, a child or a staff member."""
    on = today()
    period = Period.of(params.start, params.end, on=on)
    _, rule = rule_parts(params.rule)
    service_ids = services_for(session, principal, params.service_id, cases=True)
    stmt = compliance.in_period(readable_tasks(session, principal, service_ids), period, rule)
    if params.result is not None:
        dialect = session.get_bind().dialect.name
        stmt = stmt.where(compliance.result_of(dialect, on) == params.result.value)
    if params.assignee_id is not None:
        stmt = stmt.where(Task.assignee_id == params.assignee_id)
    if params.child_id is not None:
        stmt = stmt.where(
            Task.placement_id.in_(select(Placement.id).where(Placement.child_id == params.child_id))
        )
    rows, cursor = paginate(
        session, stmt, Task, cursor=params.cursor, limit=params.limit, sort=Task.due_date
    )
    audit.many(rows, detail="oversight")
    return [
        ComplianceTask(
            id=t.id,
            service_id=t.service_id,
            placement_id=t.placement_id,
            rule=rule_key(t.definition_key, t.step_key),
            title=t.title,
            due_date=t.due_date,
            result=result_of_task(t, on),
            assignee_id=t.assignee_id,
            completed_at=t.completed_at,
            skip_reason=t.skip_reason,
        )
        for t in rows
    ], cursor


def on_time_share_by_month(
    session: Session,
    principal: Principal,
    service_id: uuid.UUID,
    *,
    months: int = 12,
    rule: str | None = None,
    audit: AuditTrail,
) -> OnTimeByMonth:
    """Per rule, per calendar month of the due date, the on-time share and its counts, for
    the ``months`` months up to and including this one (the leader page's chart). Every month
    of the period is listed for every rule that has tasks in it (a month without tasks: zeros
    and a null share)."""
    on = today()
    months = max(1, min(months, 60))
    start = on.replace(day=1) - relativedelta(months=months - 1)
    end = on.replace(day=1) + relativedelta(months=1) - timedelta(days=1)
    period = Period.of(start, end, on=on)
    _, step = rule_parts(rule)
    service_ids = services_for(session, principal, service_id)
    rows = compliance.by_month(
        session, readable_tasks(session, principal, service_ids), period, step, on
    )
    found: dict[tuple[str, str], dict[str, Counts]] = {}
    for row in rows:
        found.setdefault((row.definition_key, row.step_key), {})[row.month] = Counts.of(row)
    audit.query(AUDITED, service_ids=service_ids, child_id=None)
    return OnTimeByMonth(
        service_id=service_id,
        period_start=period.start,
        period_end=period.end,
        as_of=on,
        rules=[
            RuleMonths(
                rule=_title(*key).key,
                title=_title(*key).title,
                months=[
                    MonthShare(month=m, **CountsRead.of(by_month.get(m, Counts())).model_dump())
                    for m in period.months()
                ],
            )
            for key, by_month in sorted(found.items())
        ],
    )


def rule_list() -> Sequence[Rule]:
    return list(rules().values())


def indicator_report(
    session: Session, principal: Principal, params: IndicatorParams, *, audit: AuditTrail
) -> IndicatorsReport:
    """The national audit's criteria (:mod:`app.oversight.indicators`) per service and for the
    services together."""
    on = today()
    period = Period.of(params.start, params.end, on=on)
    service_ids = services_for(session, principal, params.service_id)
    found = indicators.indicators(session, principal, service_ids, period, on)
    audit.query(AUDITED, service_ids=service_ids, child_id=None)

    def read(key: str, figure: indicators.Figure) -> IndicatorRead:
        return IndicatorRead(
            key=key, numerator=figure.numerator, denominator=figure.denominator, share=figure.share
        )

    return IndicatorsReport(
        period_start=period.start,
        period_end=period.end,
        as_of=on,
        indicators=[
            read(key, sum(found[key].values(), indicators.Figure())) for key in indicators.KEYS
        ],
        services=[
            ServiceIndicators(
                service_id=service_id,
                indicators=[
                    read(key, found[key].get(service_id, indicators.Figure()))
                    for key in indicators.KEYS
                ],
            )
            for service_id in service_ids
        ],
    )


def _breakdown_row(
    key: str, ended: int, planned: int, unplanned: int, unrecorded: int
) -> BreakdownRow:
    judged = planned + unplanned
    return BreakdownRow(
        key=key,
        ended=ended,
        planned=planned,
        unplanned=unplanned,
        unrecorded=unrecorded,
        breakdown_rate=None if judged == 0 else round(unplanned / judged, 4),
    )


def breakdown_report(
    session: Session, principal: Principal, params: IndicatorParams, *, audit: AuditTrail
) -> BreakdownReport:
    """Placements that ended in the period, planned or a breakdown, by year, kind of home,
    time since the move and reason (:mod:`app.oversight.breakdowns`)."""
    on = today()
    period = Period.of(params.start, params.end, on=on)
    service_ids = services_for(session, principal, params.service_id)
    placements = readable(OversightPlacements, session, principal, service_ids)

    def rows(dimension: str) -> list[BreakdownRow]:
        return [
            _breakdown_row(
                str(int(r.key)) if dimension == "year" else str(r.key),
                int(r.ended),
                int(r.planned or 0),
                int(r.unplanned or 0),
                int(r.unrecorded or 0),
            )
            for r in breakdowns.by(session, placements, period, dimension)
        ]

    by_year = rows("year")
    total = _breakdown_row(
        "total",
        sum(r.ended for r in by_year),
        sum(r.planned for r in by_year),
        sum(r.unplanned for r in by_year),
        sum(r.unrecorded for r in by_year),
    )
    audit.query(AUDITED, service_ids=service_ids, child_id=None)
    return BreakdownReport(
        period_start=period.start,
        period_end=period.end,
        service_ids=service_ids,
        total=total,
        by_year=by_year,
        by_foster_home_kind=rows("foster_home_kind"),
        by_time_since_move=rows("time_since_move"),
        by_reason=rows("reason"),
    )
