from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, ClassVar

from pydantic import Field, StringConstraints

from app.schemas import CaseDate, Email, NonBlankStr, RecordRead, StrictModel, UpdateModel
from app.supervision.models import HomeChildRelation

Phone = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 ]{4,30}$"),
    Field(examples=["+47 912 34 567"]),
]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class VisitorCreate(StrictModel):
    """Appoint a supervision visitor (tilsynsfører) for the placement."""

    name: NonBlankStr = Field(examples=["Randi Haugen"])
    phone: Phone | None = None
    email: Email | None = None
    appointed_on: CaseDate = Field(description="The day of the appointment: not after today.")
    police_certificate_checked_on: CaseDate | None = Field(
        default=None, description="The day the service saw the police certificate (politiattest)."
    )
    training_completed_on: CaseDate | None = Field(
        default=None, description="The day the visitor completed tilsynsførerkurs; empty: not yet."
    )
    agreement_signed_on: CaseDate | None = Field(
        default=None, description="The day the assignment agreement was signed."
    )


class VisitorUpdate(UpdateModel):
    nullable: ClassVar[frozenset[str]] = frozenset(
        {
            "phone",
            "email",
            "police_certificate_checked_on",
            "training_completed_on",
            "agreement_signed_on",
        }
    )

    name: NonBlankStr | None = None
    phone: Phone | None = None
    email: Email | None = None
    police_certificate_checked_on: CaseDate | None = None
    training_completed_on: CaseDate | None = None
    agreement_signed_on: CaseDate | None = None


class VisitorEnd(StrictModel):
    ended_on: CaseDate = Field(description="The last day of the appointment: not after today.")
    reason: Reason = Field(examples=["Tilsynsføreren har flyttet."])


class VisitorRead(RecordRead):
    service_id: uuid.UUID
    placement_id: uuid.UUID
    name: str
    phone: str | None
    email: str | None
    appointed_on: date
    police_certificate_checked_on: date | None
    training_completed_on: date | None
    agreement_signed_on: date | None
    ended_on: date | None
    end_reason: str | None
    appointed_by: str
    current: bool = Field(description="The appointment has not ended.")


class SupervisionReportRead(RecordRead):
    service_id: uuid.UUID
    placement_id: uuid.UUID
    visitor_id: uuid.UUID | None = Field(description="The visitor appointed on the visit's day.")
    visit_date: date
    received_on: date = Field(description="The day the report arrived at the service.")
    spoke_with_child_alone: bool
    task_id: uuid.UUID | None = Field(
        description="The supervision visit task the report completed; its review task is due "
        "from `received_on` (GET /v1/placements/{id}/timeline)."
    )
    filename: str
    media_type: str
    sha256: str
    size: int
    recorded_by: str
    download: str = Field(description="GET this URL for the file (recorded in the audit trail).")


class ReportDates(StrictModel):
    """A report's dates, for the year wheel."""

    report_id: uuid.UUID
    visit_date: date
    received_on: date
    task_id: uuid.UUID | None


class HomeChildCreate(StrictModel):
    """Another child living in the foster home: a birth date or only a year; no national id."""

    name: NonBlankStr = Field(examples=["Emma"])
    birth_date: CaseDate | None = None
    birth_year: int | None = Field(default=None, ge=1900, le=2199)
    relation: HomeChildRelation
    notes: str | None = Field(default=None, max_length=5000)


class HomeChildUpdate(UpdateModel):
    nullable: ClassVar[frozenset[str]] = frozenset({"notes", "moved_out_on"})

    name: NonBlankStr | None = None
    relation: HomeChildRelation | None = None
    notes: str | None = Field(default=None, max_length=5000)
    moved_out_on: CaseDate | None = None


class HomeChildRead(RecordRead):
    service_id: uuid.UUID
    foster_home_id: uuid.UUID
    name: str
    birth_date: date | None
    birth_year: int
    relation: HomeChildRelation
    notes: str | None
    moved_out_on: date | None
