"""What the oversight reports show: counts, never names or national ids."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, Field

from app.oversight.compliance import Counts, Result
from app.oversight.export import ExportFormat, ExportTable
from app.schemas import CaseDate, StrictModel

SERVICE_ID = (
    "The service reported on. Left out: every service where you may read oversight (an admin: "
    "every service)."
)


class RuleRead(BaseModel):
    """A rule compliance is counted for: a step of a shipped workflow definition."""

    key: str = Field(examples=["oppfolgingsbesok.besok"])
    definition_key: str = Field(examples=["oppfolgingsbesok"])
    step_key: str = Field(examples=["besok"])
    group: str = Field(
        description="visits, supervision, annual_evaluation, parent_follow_up, plans, "
        "return_home or other.",
        examples=["visits"],
    )
    title: str = Field(examples=["Oppfølgingsbesøk i fosterhjemmet"])
    definition_title: str = Field(examples=["Oppfølgingsbesøk i fosterhjemmet"])
    programme: str = Field(examples=["Lovpålagt oppfølging"])
    legal_basis: str = Field(examples=["Fosterhjemsforskriften"])
    decision: bool = Field(description="The step ends in a conclusion (one of its outcomes).")


class CountsRead(BaseModel):
    """How the tasks due in the period stand (docs/oversight.md defines each figure)."""

    due: int = Field(description="Tasks due in the period (not cancelled).", examples=[12])
    on_time: int = Field(description="Completed on or before the due date.", examples=[9])
    late: int = Field(description="Completed after the due date.", examples=[1])
    overdue: int = Field(description="Open, and the due date has passed.", examples=[1])
    skipped: int = Field(description="Skipped, with a reason.", examples=[1])
    pending: int = Field(description="Open and not yet due.", examples=[0])
    on_time_share: float | None = Field(
        description="on_time / (on_time + late + overdue); null when that is 0.", examples=[0.8182]
    )

    @classmethod
    def of(cls, counts: Counts) -> CountsRead:
        return cls(
            due=counts.due,
            on_time=counts.on_time,
            late=counts.late,
            overdue=counts.overdue,
            skipped=counts.skipped,
            pending=counts.pending,
            on_time_share=counts.on_time_share,
        )


class RuleCompliance(CountsRead):
    rule: str = Field(examples=["oppfolgingsbesok.besok"])
    group: str = Field(examples=["visits"])
    title: str = Field(examples=["Oppfølgingsbesøk i fosterhjemmet"])


class ServiceCompliance(BaseModel):
    service_id: uuid.UUID
    rules: list[RuleCompliance]
    total: CountsRead = Field(description="Every rule's tasks together.")


class ComplianceReport(BaseModel):
    """Compliance per rule for each service and, in ``rules``, for all of them together."""

    period_start: date = Field(examples=["2025-12-08"])
    period_end: date = Field(examples=["2026-12-07"])
    as_of: date = Field(description="Today (Europe/Oslo): what overdue is counted against.")
    rules: list[RuleCompliance]
    services: list[ServiceCompliance]


class ChildCompliance(CountsRead):
    """One child's tasks of one rule (the child by id only)."""

    child_id: uuid.UUID
    service_id: uuid.UUID
    rule: str = Field(examples=["oppfolgingsbesok.besok"])


class StaffCompliance(CountsRead):
    """The tasks of one rule given to one staff member (null: not assigned to anyone)."""

    service_id: uuid.UUID
    assignee_id: uuid.UUID | None
    rule: str = Field(examples=["oppfolgingsbesok.besok"])


class ComplianceTask(BaseModel):
    """One task behind a figure (the drill-down), with how it counts."""

    id: uuid.UUID
    service_id: uuid.UUID
    placement_id: uuid.UUID
    rule: str = Field(examples=["oppfolgingsbesok.besok"])
    title: str
    due_date: date
    result: Result
    assignee_id: uuid.UUID | None
    completed_at: datetime | None
    skip_reason: str | None


class MonthShare(CountsRead):
    month: str = Field(examples=["2026-03"], description="YYYY-MM of the due dates.")


class RuleMonths(BaseModel):
    rule: str = Field(examples=["oppfolgingsbesok.besok"])
    title: str
    months: list[MonthShare] = Field(description="Every month of the period, oldest first.")


class OnTimeByMonth(BaseModel):
    """On-time share per rule per month: the leader page's chart (and its table)."""

    service_id: uuid.UUID
    period_start: date
    period_end: date
    as_of: date
    rules: list[RuleMonths]


class PeriodParams(StrictModel):
    service_id: uuid.UUID | None = Field(default=None, description=SERVICE_ID)
    start: CaseDate | None = Field(
        default=None,
        description="First day of the period (default: twelve months before end).",
        examples=["2025-12-08"],
    )
    end: CaseDate | None = Field(
        default=None,
        description="Last day of the period, included (default: today, or twelve months after "
        "start). At most five years after start.",
        examples=["2026-12-07"],
    )
    rule: str | None = Field(
        default=None,
        max_length=140,
        description="One rule's key (GET /v1/oversight/rules); left out, every rule.",
        examples=["oppfolgingsbesok.besok"],
    )


class PagedPeriodParams(PeriodParams):
    cursor: str | None = Field(
        default=None, max_length=400, description="`next_cursor` from the previous page."
    )
    limit: int = Field(default=50, ge=1, le=100, description="Page size, at most 100.")


class ComplianceTaskParams(PagedPeriodParams):
    result: Result | None = Field(default=None, description="Only the tasks counted so.")
    child_id: uuid.UUID | None = None
    assignee_id: uuid.UUID | None = None


class IndicatorRead(BaseModel):
    """One of the national audit's questions as a figure: ``numerator`` of ``denominator``."""

    key: str = Field(
        description="visits_spoken_alone, supervision_spoken_alone, children_with_current_plan, "
        "children_below_visit_minimum, assessments_without_conclusion or "
        "decisions_not_carried_out (docs/oversight.md defines each).",
        examples=["visits_spoken_alone"],
    )
    numerator: int = Field(examples=[18])
    denominator: int = Field(examples=[20])
    share: float | None = Field(description="numerator / denominator; null for 0.", examples=[0.9])


class ServiceIndicators(BaseModel):
    service_id: uuid.UUID
    indicators: list[IndicatorRead]


class IndicatorsReport(BaseModel):
    """The audit criteria for each service and for the services together."""

    period_start: date = Field(examples=["2025-12-08"])
    period_end: date = Field(examples=["2026-12-07"])
    as_of: date = Field(description="Today (Europe/Oslo): the day children are counted placed.")
    indicators: list[IndicatorRead]
    services: list[ServiceIndicators]


class IndicatorParams(StrictModel):
    service_id: uuid.UUID | None = Field(default=None, description=SERVICE_ID)
    start: CaseDate | None = Field(default=None, examples=["2025-12-08"])
    end: CaseDate | None = Field(default=None, examples=["2026-12-07"])


class BreakdownRow(BaseModel):
    """Placements that ended, by one dimension (docs/oversight.md)."""

    key: str = Field(
        description="The year of the end (2026), the foster home's kind (ordinary, kinship, "
        "emergency), the time since the move (under_3_months, 3_to_12_months, 1_to_2_years, "
        "2_years_or_more) or the breakdown's reason.",
        examples=["2026"],
    )
    ended: int = Field(examples=[10])
    planned: int = Field(examples=[7])
    unplanned: int = Field(description="Breakdowns: end_planned false.", examples=[2])
    unrecorded: int = Field(description="Ends without end_planned.", examples=[1])
    breakdown_rate: float | None = Field(
        description="unplanned / (planned + unplanned); null for 0.", examples=[0.2222]
    )


class BreakdownReport(BaseModel):
    """Placements that ended in the period, planned or unplanned, for the services together."""

    period_start: date = Field(examples=["2022-01-01"])
    period_end: date = Field(examples=["2026-12-07"])
    service_ids: list[uuid.UUID]
    total: BreakdownRow
    by_year: list[BreakdownRow]
    by_foster_home_kind: list[BreakdownRow]
    by_time_since_move: list[BreakdownRow]
    by_reason: list[BreakdownRow] = Field(description="Breakdowns only, by their reason.")


class ExportParams(PeriodParams):
    table: ExportTable = Field(
        description="compliance, children, staff, months, indicators or breakdowns: the table "
        "of the route of the same name.",
        examples=["compliance"],
    )
    format: ExportFormat = Field(description="csv or xlsx.", examples=["xlsx"])
