from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field

from app.contact_visits.models import CancelledBy, DecidedBy, VisitStatus
from app.planning.durations import Duration
from app.schemas import CaseDate, NonBlankStr, ReadModel, RecordRead, StrictModel, UpdateModel
from app.tasks.models import TaskStatus

LongText = Annotated[str, Field(min_length=1, max_length=20000)]


class ParticipantRelation(StrEnum):
    MOTHER = "mother"
    FATHER = "father"
    PARENT = "parent"
    SIBLING = "sibling"
    GRANDPARENT = "grandparent"
    OTHER_FAMILY = "other_family"
    OTHER = "other"


def _interval(value: str) -> str:
    try:
        duration = Duration.parse(value)
    except ValueError:
        raise ValueError("Not an ISO 8601 interval such as P3M or P2W") from None
    if duration.negative or duration.is_zero:
        raise ValueError("The interval must be positive")
    if duration.days and (duration.years or duration.months):
        raise ValueError("Give the interval in days or weeks, or in months and years, not both")
    return value


Interval = Annotated[
    str,
    Field(
        max_length=16,
        examples=["P3M"],
        description="How often, as an ISO 8601 interval from `first_visit_on`: `P3M` is four "
        "times a year, `P2W` every second week, `P1M` once a month.",
    ),
    AfterValidator(_interval),
]


class Participant(StrictModel):
    name: NonBlankStr = Field(examples=["Kari Nordmann"])
    relation: ParticipantRelation


class ArrangementCreate(StrictModel):
    """What the tribunal, a court or an agreement set for the child's contact visits."""

    decided_by: DecidedBy
    decided_on: CaseDate = Field(description="The day of the decision or agreement.")
    reference: NonBlankStr | None = Field(
        default=None, description="The decision's case number or the agreement's name."
    )
    participants: list[Participant] = Field(min_length=1, max_length=10)
    every: Interval
    first_visit_on: CaseDate = Field(
        description="The first visit of the schedule; the others follow every `every`. Not "
        "before the placement started."
    )
    duration_minutes: int | None = Field(default=None, ge=15, le=1440)
    supervised: bool
    supervised_by: NonBlankStr | None = Field(
        default=None, description="Who supervises (only with `supervised`)."
    )
    place: str | None = Field(default=None, min_length=1, max_length=300)
    minimum: str | None = Field(
        default=None,
        min_length=1,
        max_length=2000,
        description="The minimum the tribunal set, in its words.",
    )
    notes: LongText | None = None


class ArrangementUpdate(UpdateModel):
    """A change of the arrangement; the values it replaces are kept as a revision."""

    nullable = frozenset(
        {
            "reference",
            "duration_minutes",
            "supervised_by",
            "place",
            "minimum",
            "notes",
            "ended_on",
            "end_reason",
        }
    )

    change_reason: str = Field(
        min_length=1, max_length=2000, description="Why the arrangement changes (a new decision)."
    )
    decided_by: DecidedBy | None = None
    decided_on: CaseDate | None = None
    reference: NonBlankStr | None = None
    participants: list[Participant] | None = Field(default=None, min_length=1, max_length=10)
    every: Interval | None = None
    first_visit_on: CaseDate | None = None
    duration_minutes: int | None = Field(default=None, ge=15, le=1440)
    supervised: bool | None = None
    supervised_by: NonBlankStr | None = None
    place: str | None = Field(default=None, min_length=1, max_length=300)
    minimum: str | None = Field(default=None, min_length=1, max_length=2000)
    notes: LongText | None = None
    ended_on: CaseDate | None = Field(
        default=None, description="The arrangement no longer applies after this day."
    )
    end_reason: str | None = Field(default=None, min_length=1, max_length=2000)


class ParticipantRead(ReadModel):
    name: str
    relation: ParticipantRelation


class RevisionRead(ReadModel):
    revision: int
    values: dict[str, object] = Field(description="The arrangement's values in that revision.")
    change_reason: str
    changed_by: str
    created_at: datetime = Field(description="When the change replaced these values.")


class ArrangementRead(RecordRead):
    service_id: uuid.UUID
    placement_id: uuid.UUID
    decided_by: DecidedBy
    decided_on: date
    reference: str | None
    participants: list[ParticipantRead]
    every: str
    frequency_text: str = Field(description="How often, in Norwegian (hver tredje måned).")
    first_visit_on: date
    duration_minutes: int | None
    supervised: bool
    supervised_by: str | None
    place: str | None
    minimum: str | None
    notes: str | None
    ended_on: date | None
    end_reason: str | None
    revision: int
    revisions: list[RevisionRead] = Field(description="Earlier values, oldest first.")
    recorded_by: str


class VisitCreate(StrictModel):
    arrangement_id: uuid.UUID | None = Field(
        default=None, description="The arrangement it belongs to; none for an extra visit."
    )
    planned_on: CaseDate = Field(description="The day of the visit, within the placement.")
    status: VisitStatus = VisitStatus.PLANNED
    held_on: CaseDate | None = Field(
        default=None, description="The day it was held, if not `planned_on` (status held)."
    )
    cancelled_by: CancelledBy | None = Field(default=None, description="With status cancelled.")
    cancellation_reason: str | None = Field(default=None, min_length=1, max_length=2000)
    supervised: bool | None = None
    notes: LongText | None = None


class VisitUpdate(UpdateModel):
    nullable = frozenset(
        {"arrangement_id", "held_on", "cancelled_by", "cancellation_reason", "supervised", "notes"}
    )

    arrangement_id: uuid.UUID | None = None
    planned_on: CaseDate | None = None
    status: VisitStatus | None = None
    held_on: CaseDate | None = None
    cancelled_by: CancelledBy | None = None
    cancellation_reason: str | None = Field(default=None, min_length=1, max_length=2000)
    supervised: bool | None = None
    notes: LongText | None = None


class VisitRead(RecordRead):
    service_id: uuid.UUID
    placement_id: uuid.UUID
    arrangement_id: uuid.UUID | None
    planned_on: date
    status: VisitStatus
    held_on: date | None
    cancelled_by: CancelledBy | None
    cancellation_reason: str | None
    supervised: bool | None
    notes: str | None
    recorded_by: str


class VisitFilters(StrictModel):
    status: VisitStatus | None = None


class ReportCreate(StrictModel):
    visit_id: uuid.UUID | None = Field(default=None, description="The visit it reports on.")
    received_on: CaseDate = Field(
        description="The day the report arrived: its review is due counting from it."
    )
    written_by: NonBlankStr = Field(description="Who wrote it (the person supervising).")
    summary: LongText | None = None


class ReviewTaskRead(ReadModel):
    id: uuid.UUID
    title: str
    due_date: date
    status: TaskStatus
    rule: str
    legal_basis: str
    explanation: str = Field(description="Why the review is due then, with the rule's provenance.")


class ContactVisitReportRead(RecordRead):
    service_id: uuid.UUID
    placement_id: uuid.UUID
    visit_id: uuid.UUID | None
    received_on: date
    written_by: str
    summary: str | None
    review_instance_id: uuid.UUID
    review_task: ReviewTaskRead | None
    recorded_by: str


class ScheduleParams(StrictModel):
    from_date: date | None = Field(default=None, description="Default: today.")
    to_date: date | None = Field(default=None, description="Default: twelve months on.")


class ScheduledVisit(BaseModel):
    planned_on: date
    arrangement_id: uuid.UUID | None = Field(description="None: a visit recorded off schedule.")
    occurrence: int | None = Field(description="Which visit of the arrangement (1 = the first).")
    participants: str = Field(description="Who the child sees, in Norwegian.")
    supervised: bool | None
    visit_id: uuid.UUID | None = Field(description="The recorded visit on that day, if any.")
    status: VisitStatus


class ContactVisitSchedule(BaseModel):
    """The contact visits from ``from_date`` to ``to_date``: those the arrangements plan, with
    the visit recorded for the day where there is one, and recorded visits off the schedule."""

    placement_id: uuid.UUID
    from_date: date
    to_date: date
    items: list[ScheduledVisit]
