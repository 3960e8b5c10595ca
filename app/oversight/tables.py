"""An oversight table as a file (the export use case): the same figures as the JSON reports,
as rows for :mod:`app.oversight.export` to write, with small numbers suppressed."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from app.audit.trail import AuditTrail
from app.clock import today
from app.errors import Conflict
from app.oversight import compliance
from app.oversight.access import readable_tasks, services_for
from app.oversight.compliance import Counts
from app.oversight.export import ExportTable, Table, counts_table, render
from app.oversight.period import Period
from app.oversight.rules import rule_key
from app.oversight.schemas import (
    CountsRead,
    ExportParams,
    IndicatorParams,
    PagedPeriodParams,
    PeriodParams,
)
from app.oversight.service import (
    AUDITED,
    breakdown_report,
    compliance_by_child,
    compliance_by_staff,
    compliance_report,
    indicator_report,
    rule_parts,
)
from app.principal import Principal


def _counts_cells(row: CountsRead) -> list[int | float | None]:
    return [
        row.due,
        row.on_time,
        row.late,
        row.overdue,
        row.skipped,
        row.pending,
        row.on_time_share,
    ]


def _children_table(
    session: Session, principal: Principal, params: ExportParams, *, below: int, audit: AuditTrail
) -> Table:
    """Every child's rows, read a thousand at a time; refused when fewer than ``below``
    children would be listed (they are counted in the other tables instead)."""
    paged = PagedPeriodParams.model_validate(
        {**params.model_dump(include=set(PeriodParams.model_fields)), "limit": 100}
    )
    rows: list[tuple[list[str | None], list[int | float | None]]] = []
    children: set[uuid.UUID] = set()
    cursor: str | None = None
    while True:
        page, cursor = compliance_by_child(
            session, principal, paged.model_copy(update={"cursor": cursor}), audit=audit
        )
        for item in page:
            children.add(item.child_id)
            rows.append(
                ([str(item.child_id), str(item.service_id), item.rule], _counts_cells(item))
            )
        if cursor is None:
            break
    if 0 < len(children) < below:
        raise Conflict(
            f"The table holds fewer than {below} children: they are counted in the service's "
            "figures, not listed in an export."
        )
    return counts_table("children", ["child_id", "service_id", "rule"], rows)


def export_table(
    session: Session,
    principal: Principal,
    params: ExportParams,
    *,
    small_numbers_below: int,
    audit: AuditTrail,
) -> tuple[bytes, str]:
    """One oversight table as a file (:mod:`app.oversight.export`) and its file name."""
    period = PeriodParams.model_validate(params.model_dump(include=set(PeriodParams.model_fields)))
    table: Table
    if params.table is ExportTable.COMPLIANCE:
        report = compliance_report(session, principal, period, audit=audit)
        table = counts_table(
            "compliance",
            ["service_id", "rule", "group", "title"],
            (
                ([str(s.service_id), r.rule, r.group, r.title], _counts_cells(r))
                for s in report.services
                for r in s.rules
            ),
        )
    elif params.table is ExportTable.STAFF:
        staff = compliance_by_staff(session, principal, period, audit=audit)
        table = counts_table(
            "staff",
            ["service_id", "assignee_id", "rule"],
            (
                (
                    [str(r.service_id), str(r.assignee_id) if r.assignee_id else None, r.rule],
                    _counts_cells(r),
                )
                for r in staff
            ),
        )
    elif params.table is ExportTable.CHILDREN:
        table = _children_table(session, principal, params, below=small_numbers_below, audit=audit)
    elif params.table is ExportTable.MONTHS:
        table = _months_table(session, principal, period, audit=audit)
    elif params.table is ExportTable.INDICATORS:
        found = indicator_report(
            session,
            principal,
            IndicatorParams(service_id=params.service_id, start=params.start, end=params.end),
            audit=audit,
        )
        table = Table(
            "indicators",
            ["service_id", "indicator", "numerator", "denominator", "share"],
            [
                [str(s.service_id), i.key, i.numerator, i.denominator, i.share]
                for s in found.services
                for i in s.indicators
            ],
            counts=frozenset({"numerator", "denominator"}),
            shares=frozenset({"share"}),
        )
    else:
        ends = breakdown_report(
            session,
            principal,
            IndicatorParams(service_id=params.service_id, start=params.start, end=params.end),
            audit=audit,
        )
        dimensions = {
            "total": [ends.total],
            "year": ends.by_year,
            "foster_home_kind": ends.by_foster_home_kind,
            "time_since_move": ends.by_time_since_move,
            "breakdown_reason": ends.by_reason,
        }
        table = Table(
            "breakdowns",
            ["dimension", "key", "ended", "planned", "unplanned", "unrecorded", "breakdown_rate"],
            [
                [d, r.key, r.ended, r.planned, r.unplanned, r.unrecorded, r.breakdown_rate]
                for d, found_rows in dimensions.items()
                for r in found_rows
            ],
            counts=frozenset({"ended", "planned", "unplanned", "unrecorded"}),
            shares=frozenset({"breakdown_rate"}),
        )
    if params.table is not ExportTable.CHILDREN:
        table = table.suppressed(small_numbers_below)
    name = f"oversight-{params.table.value}-{today().isoformat()}.{params.format.value}"
    return render(table, params.format), name


def _months_table(
    session: Session, principal: Principal, params: PeriodParams, *, audit: AuditTrail
) -> Table:
    on = today()
    period = Period.of(params.start, params.end, on=on)
    _, rule = rule_parts(params.rule)
    service_ids = services_for(session, principal, params.service_id)
    rows = compliance.by_month(
        session, readable_tasks(session, principal, service_ids), period, rule, on
    )
    audit.query(AUDITED, service_ids=service_ids, child_id=None)
    return counts_table(
        "months",
        ["rule", "month"],
        (
            (
                [rule_key(r.definition_key, r.step_key), r.month],
                _counts_cells(CountsRead.of(Counts.of(r))),
            )
            for r in rows
        ),
    )
