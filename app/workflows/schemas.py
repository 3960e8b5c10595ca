from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field, field_validator, model_validator

from app.errors import ValidationFailed, body_error
from app.placements.models import LegalBasis
from app.planning.definitions import Role, Starts
from app.planning.durations import Duration
from app.schemas import CaseDate, ListParams, NonBlankStr, ReadModel, StrictModel
from app.workflows.models import InstanceStatus


class DefinitionSummary(BaseModel):
    key: str
    version: int
    versions: list[int]
    title: str
    description: str
    programme: str
    legal_basis: str
    starts: str
    step_count: int


class DefinitionRead(BaseModel):
    """A workflow definition as shipped (``definition``) with its other versions."""

    versions: list[int]
    definition: dict[str, Any]


class WorkflowRead(ReadModel):
    id: uuid.UUID
    service_id: uuid.UUID
    placement_id: uuid.UUID
    definition_key: str
    definition_version: int
    status: InstanceStatus
    workflow_start: date
    planned_from: date | None
    outcome: str | None
    completed_at: datetime | None
    started_by: str
    parent_household_id: uuid.UUID | None = Field(
        default=None,
        description="The household of the child's parents this run follows up, for a workflow "
        "planned per parent household.",
    )
    created_at: datetime
    updated_at: datetime


class WorkflowFilters(ListParams):
    placement_id: uuid.UUID | None = None
    definition_key: str | None = Field(default=None, max_length=64)
    status: InstanceStatus | None = None


class WorkflowStart(StrictModel):
    definition_key: str = Field(max_length=64, examples=["veien-videre"])
    parent_id: uuid.UUID | None = Field(
        default=None,
        description="For a workflow planned per parent household (Veien videre): the parent "
        "who accepted; the run follows up their household.",
    )


class SchedulePreviewRequest(StrictModel):
    """Proposed placement dates; fields left out keep their stored value, ``null`` clears."""

    start_date: CaseDate | None = None
    agreement_end_date: CaseDate | None = None
    end_date: CaseDate | None = None
    legal_basis: LegalBasis | None = Field(
        default=None,
        description="A new legal basis: the preview then shows the tasks of the workflows that "
        "would close and of those that would start (care_order needs care_order_date).",
    )
    care_order_date: CaseDate | None = None


class ScheduleChange(BaseModel):
    action: str = Field(description="created, moved or cancelled")
    task_id: uuid.UUID | None
    step_key: str
    occurrence: int
    title: str
    old_due_date: date | None
    new_due_date: date | None


class SchedulePreview(BaseModel):
    placement_id: uuid.UUID
    changes: list[ScheduleChange]


class Objections(StrictModel):
    child: bool = False
    foster_parents: bool = False
    parents: bool = False


class VisitReductionCreate(StrictModel):
    effective_from: CaseDate
    reason: NonBlankStr = Field(description="Why fewer visits are enough (required).")
    objections: Objections = Field(default_factory=Objections)
    objection_notes: str | None = Field(
        default=None,
        max_length=4000,
        description="Required when anyone objects: their view and why the reduction stands.",
    )

    @model_validator(mode="after")
    def _objections_explained(self) -> VisitReductionCreate:
        objected = (
            self.objections.child or self.objections.foster_parents or self.objections.parents
        )
        if objected and not (self.objection_notes or "").strip():
            raise ValidationFailed(
                "An objection must be recorded with its reasons.",
                errors=[body_error("objection_notes", "Required when someone objects", "missing")],
            )
        return self


class VisitReductionRead(ReadModel):
    id: uuid.UUID
    service_id: uuid.UUID
    placement_id: uuid.UUID
    effective_from: date
    reason: str
    objections: Objections
    objection_notes: str | None
    decided_by: str
    created_at: datetime
    ended_on: date | None = Field(description="Set once a leader ended the reduction.")
    end_reason: str | None
    ended_by: str | None


class VisitReductionEnd(StrictModel):
    """A leader ends a reduction: from the day after ``ended_on``, the usual visits again."""

    ended_on: CaseDate = Field(description="The last day of the reduction; not before it began.")
    reason: NonBlankStr = Field(description="Why the child needs more visits again (required).")


class ExtraVisitCreate(StrictModel):
    """A follow-up visit nobody planned, recorded after it was held."""

    visited_on: CaseDate = Field(
        description="The day of the visit: during the placement, not after today."
    )
    spoke_with_child_alone: bool
    reason: NonBlankStr = Field(description="Why the child needed an extra visit.")
    notes: NonBlankStr = Field(
        max_length=20000, description="The child's own views and the service's assessment."
    )


class ExtraVisitRead(ReadModel):
    id: uuid.UUID
    service_id: uuid.UUID
    placement_id: uuid.UUID
    visited_on: date
    spoke_with_child_alone: bool
    reason: str
    notes: str
    recorded_by: str
    created_at: datetime


class VisitKind(StrEnum):
    PLANNED = "planned"  # a follow-up visit of the legal schedule
    PROGRAMME = "programme"  # a programme's home visit that counts (Omsorgspakken)
    EXTRA = "extra"  # recorded without a plan


class VisitHeld(BaseModel):
    visited_on: date
    kind: VisitKind
    title: str = Field(description="The task's title, or «Ekstra oppfølgingsbesøk».")
    task_id: uuid.UUID | None = None
    extra_visit_id: uuid.UUID | None = None


class VisitYear(BaseModel):
    """One year since the move (the last one may be cut short by the placement's end)."""

    starts_on: date
    ends_on: date = Field(description="The year's last day, or the placement's end.")
    complete: bool = Field(description="false: the year is still running or was cut short.")
    held: int
    required: int = Field(description="The rule set's minimum for a whole year.")
    reduced: bool = Field(description="A reduction was in force the whole year.")
    met: bool | None = Field(description="Whether a complete year met the minimum.")


class FollowUpVisits(BaseModel):
    """Every follow-up visit held, and each year's count against the minimum."""

    placement_id: uuid.UUID
    rule: str = Field(description="The minimum and its provenance, in Norwegian.")
    visits: list[VisitHeld]
    years: list[VisitYear]


class RuleSetRead(BaseModel):
    key: str
    version: int
    valid_from: date
    title: str
    values: dict[str, Any]
    from_shipped: list[str] = Field(
        default_factory=list,
        description="Rules this version was published without (the engine learnt them later) "
        "or holds in an outdated form: their values come from the shipped rule set. Publish a "
        "new version to set them.",
    )


class RuleSetPublish(StrictModel):
    """A new version of the rule set: every rule, each with its value, text and source."""

    title: NonBlankStr
    valid_from: CaseDate
    values: dict[str, Any]


class StepAdjustment(StrictModel):
    offset: str | None = Field(
        default=None,
        description="A new offset from the step's anchor (ISO 8601, e.g. P10D).",
        examples=["P10D"],
    )
    enabled: bool = Field(default=True, description="false: the step is not planned at all.")
    owner: Role | None = Field(
        default=None,
        description="Who does the step in this service, instead of the definition's role: "
        "contact_person (the placement's contact person), supervisor (the placement's "
        "foster-home supervisor) or leader. Any workflow; not a step the leader decides. The "
        "service must have staff with the role.",
        examples=["supervisor"],
    )

    @field_validator("offset")
    @classmethod
    def _valid_offset(cls, value: str | None) -> str | None:
        if value is not None:
            Duration.parse(value)  # its ValueError names the expected form
        return value


class AdjustmentPut(StrictModel):
    """The service's whole adjustment of one workflow (steps left out follow the definition)."""

    steps: dict[str, StepAdjustment] = Field(default_factory=dict)
    start: Starts | None = Field(
        default=None,
        description="on_request: the workflow no longer starts with every placement; a contact "
        "person starts it for a placement (POST /v1/placements/{id}/workflows). Only for a "
        "programme a service may choose (optional: true in the definition, e.g. En god start). "
        "Left out: as the definition says.",
    )


class AdjustmentRead(ReadModel):
    id: uuid.UUID
    service_id: uuid.UUID
    definition_key: str
    steps: dict[str, StepAdjustment]
    start: Starts | None = None
    changed_by: str
    updated_at: datetime


class AdjustmentFilters(ListParams):
    service_id: uuid.UUID | None = None
    definition_key: str | None = Field(default=None, max_length=64)
