from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, Field

from app.planning.definitions import FieldType
from app.schemas import CaseDate, ListParams, NonBlankStr, ReadModel, StrictModel, UpdateModel
from app.tasks.models import TaskStatus


class FormFieldRead(BaseModel):
    key: str
    label: str
    type: FieldType = Field(
        description="The answer's JSON type: text and choice a string, date a YYYY-MM-DD string, "
        "boolean, integer, multichoice a list of strings."
    )
    required: bool
    choices: list[str] | None = None
    help: str | None = None


class OutcomeRead(BaseModel):
    key: str
    label: str
    requires: list[str]


class TaskRead(BaseModel):
    """A task, with the explanation of its due date and the form that completes it."""

    id: uuid.UUID
    service_id: uuid.UUID
    placement_id: uuid.UUID
    workflow_id: uuid.UUID
    definition_key: str
    definition_version: int
    step_key: str
    occurrence: int
    title: str
    guidance: str
    responsible_role: str
    assignee_id: uuid.UUID | None
    due_date: date
    nominal_date: date = Field(description="The date before a weekend or holiday shift.")
    overdue: bool = Field(description="Open and due before today (Europe/Oslo); never stored.")
    due_edited: bool = Field(description="Moved by hand: recalculation leaves it alone.")
    spread_from: date | None = Field(
        default=None,
        description="The due date the plan gave, when this task was moved earlier because its "
        "assignee had too many deadlines that day (only steps a local routine dates).",
    )
    rule: str = Field(description="The due rule that produced due_date, with its rule set.")
    legal_basis: str
    explanation: str = Field(description="Why the task is due then, in Norwegian.")
    rule_set_version: int
    status: TaskStatus
    form: list[FormFieldRead]
    outcomes: list[OutcomeRead] | None
    templates: list[str]
    answers: dict[str, Any] | None
    parent_household_id: uuid.UUID | None = Field(
        default=None,
        description="The household of the child's parents the task concerns (GET "
        "/v1/children/{child_id}/parents shows each parent's household_id).",
    )
    outcome: str | None
    completed_at: datetime | None
    completed_by: str | None
    skip_reason: str | None
    created_at: datetime
    updated_at: datetime


class TaskFilters(ListParams):
    service_id: uuid.UUID | None = None
    placement_id: uuid.UUID | None = None
    assignee_id: uuid.UUID | None = None
    status: TaskStatus | None = None
    due_before: CaseDate | None = Field(default=None, description="Due on or before this date.")
    due_after: CaseDate | None = Field(default=None, description="Due on or after this date.")
    overdue: bool | None = Field(
        default=None, description="true: open and due before today; false: everything else."
    )


class TaskComplete(StrictModel):
    answers: dict[str, Any] = Field(
        default_factory=dict, description="Values for the step's form fields, by key."
    )
    outcome: Annotated[str, Field(max_length=64)] | None = Field(
        default=None, description="Required for decision steps: one of the step's outcomes."
    )


class TaskSkip(StrictModel):
    reason: NonBlankStr = Field(description="Why the task will not be done (required).")


class TaskUpdate(UpdateModel):
    """Move a task by hand or give it to someone else. A moved task is marked ``due_edited``
    and no longer follows recalculation."""

    due_date: CaseDate | None = None
    assignee_id: uuid.UUID | None = None
    nullable = frozenset({"assignee_id"})


class EntryKind(StrEnum):
    PLAN = "plan"
    CONTACT_VISIT = "contact_visit"
    SUPERVISION_REPORT = "supervision_report"
    APPROVAL = "approval"


class TimelineEntry(BaseModel):
    """A dated record beside the tasks: a plan adopted or reviewed, a contact visit, a
    supervision visit and its report, the approval of the home for the child."""

    on: date
    kind: EntryKind
    what: str = Field(
        description="What happened on the day: for a plan adopted, valid_until or reviewed; "
        "for a contact visit planned, held or cancelled; for a supervision report visited or "
        "received; for the approval the recorded date's name or due_by."
    )
    title: str = Field(description="In Norwegian, as the year wheel shows it.")
    resource: str = Field(description="The path of the record the entry comes from.")
    explanation: str | None = Field(
        default=None, description="Why the day (a planned contact visit: the arrangement)."
    )
    legal_basis: str | None = Field(
        default=None, description="What sets the day: the law, or an agreement."
    )


class TimelineRead(BaseModel):
    """The placement's year wheel (årshjul): every task, past and future, by due date, and
    beside them the dated records of plans, contact visits, supervision reports and the
    approval (planned contact visits from today and twelve months on)."""

    placement_id: uuid.UUID
    items: list[TaskRead]
    entries: list[TimelineEntry] = Field(default_factory=list)


class TaskChangeRead(ReadModel):
    """One entry of a task's history: created, moved, edited, completed, skipped, reopened or
    cancelled, with who did it and why."""

    id: uuid.UUID
    task_id: uuid.UUID
    changed_at: datetime
    changed_by: str
    action: str
    old_due_date: date | None
    new_due_date: date | None
    reason: str
