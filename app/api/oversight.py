"""Oversight for leaders (issue #17): compliance per rule, its tables and the tasks behind them."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import Field

from app.audit.trail import AuditExport, AuditList, AuditRead
from app.auth import authorize
from app.db import DbSession
from app.errors import Conflict, InvalidCursor, NotFound, responses
from app.http import page_response, render
from app.oversight import service, tables
from app.oversight.export import MEDIA_TYPES, ExportFormat
from app.oversight.schemas import (
    BreakdownReport,
    ChildCompliance,
    ComplianceReport,
    ComplianceTask,
    ComplianceTaskParams,
    ExportParams,
    IndicatorParams,
    IndicatorsReport,
    OnTimeByMonth,
    PagedPeriodParams,
    PeriodParams,
    RuleRead,
    StaffCompliance,
)
from app.principal import Principal, Scope
from app.schemas import Page, StrictModel

router = APIRouter(prefix="/v1/oversight", tags=["oversight"])
Reader = Annotated[Principal, authorize(Scope.OVERSIGHT_READ)]
JSON = "application/json"

PERIOD = (
    " The period is `start` to `end`, both included (default: the last twelve months up to "
    "today); a task counts in it when its due date does. An end before the start, a period "
    "over five years or an unknown `rule` is a 422 at the parameter; a service you do not act "
    "for is a 404. docs/oversight.md defines every figure."
)


class MonthsParams(StrictModel):
    service_id: uuid.UUID
    months: int = Field(default=12, ge=1, le=60, description="How many months, this one last.")
    rule: str | None = Field(
        default=None, max_length=140, examples=["oppfolgingsbesok.besok"], description="One rule."
    )


@router.get(
    "/rules",
    response_model=Page[RuleRead],
    operation_id="listOversightRules",
    summary="The rules compliance is counted for",
    description="Every step of the shipped workflow definitions, keyed `<definition>.<step>`, "
    "with the group the national audit's questions use (visits, supervision, "
    "annual_evaluation, parent_follow_up, plans, return_home, other).",
    responses=responses(),
)
def list_rules(principal: Reader) -> Response:
    items = [RuleRead.model_validate(r, from_attributes=True) for r in service.rule_list()]
    return Response(content=render(Page[RuleRead].whole(items)), media_type=JSON)


@router.get(
    "/compliance",
    response_model=ComplianceReport,
    operation_id="getCompliance",
    summary="Compliance per rule for a service and period",
    description="For each rule with tasks due in the period: due, done on time, done late, "
    "overdue now, skipped and not yet due, and the on-time share; per service and for the "
    "services together. Without `service_id`, every service where you may read oversight (an "
    "admin: every service)." + PERIOD,
    responses=responses(NotFound),
)
def get_compliance(
    principal: Reader,
    session: DbSession,
    audit: AuditRead,
    params: Annotated[PeriodParams, Query()],
) -> Response:
    report = service.compliance_report(session, principal, params, audit=audit)
    return Response(content=render(report), media_type=JSON)


@router.get(
    "/compliance/children",
    response_model=Page[ChildCompliance],
    operation_id="listComplianceByChild",
    summary="Compliance per child",
    description="One row per child (by id, never a name) and rule, ordered by child and "
    "rule. Each child shown is recorded in its access log. Leaders and integrations only; an "
    "admin sees aggregates, not children." + PERIOD,
    responses=responses(NotFound, InvalidCursor),
)
def list_compliance_by_child(
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditList,
    params: Annotated[PagedPeriodParams, Query()],
) -> Response:
    rows, cursor = service.compliance_by_child(session, principal, params, audit=audit)
    return page_response(request, rows, cursor, ChildCompliance)


@router.get(
    "/compliance/staff",
    response_model=Page[StaffCompliance],
    operation_id="listComplianceByStaff",
    summary="Compliance per contact person",
    description="One row per staff member the tasks are assigned to and rule (assignee_id "
    "null: tasks given to nobody); one page." + PERIOD,
    responses=responses(NotFound),
)
def list_compliance_by_staff(
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditList,
    params: Annotated[PeriodParams, Query()],
) -> Response:
    rows = service.compliance_by_staff(session, principal, params, audit=audit)
    return page_response(request, rows, None, StaffCompliance)


@router.get(
    "/compliance/tasks",
    response_model=Page[ComplianceTask],
    operation_id="listComplianceTasks",
    summary="The tasks behind a figure",
    description="The drill-down: the tasks counted in the period, by due date, narrowed to a "
    "rule, a result (on_time, late, overdue, skipped, pending), a child or a staff member. "
    "Each task shown is recorded in the audit trail." + PERIOD,
    responses=responses(NotFound, InvalidCursor),
)
def list_compliance_tasks(
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditList,
    params: Annotated[ComplianceTaskParams, Query()],
) -> Response:
    rows, cursor = service.compliance_tasks(session, principal, params, audit=audit)
    return page_response(request, rows, cursor, ComplianceTask)


@router.get(
    "/compliance/months",
    response_model=OnTimeByMonth,
    operation_id="getOnTimeShareByMonth",
    summary="On-time share per rule per month",
    description="For the leader page's chart: per rule, for each of the last `months` "
    "calendar months (this one included), the on-time share and its counts, by the month of "
    "the due date. An unknown `rule` is a 422; a service you do not act for is a 404.",
    responses=responses(NotFound),
)
def get_on_time_share_by_month(
    principal: Reader,
    session: DbSession,
    audit: AuditRead,
    params: Annotated[MonthsParams, Query()],
) -> Response:
    report = service.on_time_share_by_month(
        session, principal, params.service_id, months=params.months, rule=params.rule, audit=audit
    )
    return Response(content=render(report), media_type=JSON)


@router.get(
    "/indicators",
    response_model=IndicatorsReport,
    operation_id="getOversightIndicators",
    summary="The national audit's criteria as indicators",
    description="Per service and for the services together: the share of visits and of "
    "supervision visits where the child was spoken to alone, children with a current plan, "
    "children below the legal minimum of visits in the last twelve months, assessments without "
    "a conclusion by their deadline and decisions not carried out by their date. "
    "docs/oversight.md defines each. An end before the start or a period over five years is a "
    "422; a service you do not act for is a 404.",
    responses=responses(NotFound),
)
def get_indicators(
    principal: Reader,
    session: DbSession,
    audit: AuditRead,
    params: Annotated[IndicatorParams, Query()],
) -> Response:
    report = service.indicator_report(session, principal, params, audit=audit)
    return Response(content=render(report), media_type=JSON)


@router.get(
    "/breakdowns",
    response_model=BreakdownReport,
    operation_id="getBreakdowns",
    summary="Planned and unplanned ends of placements",
    description="The placements that ended in the period (by end_date), planned or a breakdown "
    "(end_planned false), per year of the end, per kind of foster home, per time since the move "
    "and, for breakdowns, per reason; with the breakdown rate. For the services together. An end "
    "before the start or a period over five years is a 422; a service you do not act for is a "
    "404.",
    responses=responses(NotFound),
)
def get_breakdowns(
    principal: Reader,
    session: DbSession,
    audit: AuditRead,
    params: Annotated[IndicatorParams, Query()],
) -> Response:
    report = service.breakdown_report(session, principal, params, audit=audit)
    return Response(content=render(report), media_type=JSON)


@router.get(
    "/export",
    response_class=Response,
    operation_id="exportOversightTable",
    summary="An oversight table as CSV or XLSX",
    description="The table of `/v1/oversight/compliance`, `.../children`, `.../staff`, "
    "`.../months`, `/indicators` or `/breakdowns` as one file, for the same service, period and "
    "rule. No names or national ids: services, staff and children by id. In every table but "
    "`children`, a count from 1 to FOSTERFLYT_OVERSIGHT_SMALL_NUMBERS_BELOW − 1 (default 5) "
    "is written as `<5` and the share beside it left empty; `children` is a 409 when it would "
    "list fewer children than that. An unknown `table` or `format` is a 422 at the parameter. "
    "Recorded as an export.",
    responses={
        200: {
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                MEDIA_TYPES[ExportFormat.XLSX]: {"schema": {"type": "string", "format": "binary"}},
            }
        },
        **responses(NotFound, Conflict),
    },
)
def export_table(
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditExport,
    params: Annotated[ExportParams, Query()],
) -> Response:
    below = request.app.state.settings.oversight_small_numbers_below
    body, name = tables.export_table(
        session, principal, params, small_numbers_below=below, audit=audit
    )
    return Response(
        content=body,
        media_type=MEDIA_TYPES[params.format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
