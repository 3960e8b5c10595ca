from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import Field, StringConstraints

from app.plans.models import CarePlanStage, PlanKind
from app.schemas import CaseDate, ReadModel, StrictModel, UpdateModel

LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20000)]

KIND = (
    "care_plan (omsorgsplan), measures_plan (tiltaksplan: time-limited, for assistance "
    "measures), follow_up_plan (oppfølgingsplan: the meetings each party can expect) or "
    "parents_follow_up_plan (oppfølgingsplan for foreldrene)."
)
STAGE = (
    "Care plans only, and required for them: preliminary (foreløpig, when the care order is "
    "made; one per child) or final (endelig)."
)
ADOPTED = (
    "The day the plan was adopted: not after today nor after the placement ended; not before the "
    "move, except that a care plan or measures plan, made before the move, may be adopted up to "
    "three months before it."
)
VALID_UNTIL = "Required for a measures plan (time-limited); on or after adopted_on."
PARTICIPATION = (
    "Participation must be documented (barnevernsloven § 1-4): whether the child, the parents and "
    "the foster home took part in making the plan, and in participation_notes how the child's "
    "views were heard or why someone did not take part."
)


class PlanCreate(StrictModel):
    kind: PlanKind = Field(description=KIND)
    stage: CarePlanStage | None = Field(default=None, description=STAGE)
    adopted_on: CaseDate = Field(description=ADOPTED, examples=["2026-09-01"])
    valid_until: CaseDate | None = Field(default=None, description=VALID_UNTIL)
    child_took_part: bool = Field(description=PARTICIPATION)
    parents_took_part: bool
    foster_home_took_part: bool
    participation_notes: LongText | None = None
    summary: LongText = Field(description="The plan's goals and content, or a summary of them.")
    document_id: uuid.UUID | None = Field(
        default=None, description="A document filled for this placement that holds the plan."
    )


class PlanUpdate(UpdateModel):
    """A revision: the changed fields and why. The plan keeps its id; the revision before stays
    in ``revisions``. The kind cannot change (register a new plan instead)."""

    nullable = frozenset({"valid_until", "participation_notes", "document_id"})

    stage: CarePlanStage | None = Field(default=None, description=STAGE)
    adopted_on: CaseDate | None = Field(default=None, description=ADOPTED)
    valid_until: CaseDate | None = Field(default=None, description=VALID_UNTIL)
    child_took_part: bool | None = None
    parents_took_part: bool | None = None
    foster_home_took_part: bool | None = None
    participation_notes: LongText | None = None
    summary: LongText | None = None
    document_id: uuid.UUID | None = None
    reason: LongText = Field(description="Why the plan was revised (kept with the revision).")


class PlanRevisionRead(ReadModel):
    revision: int
    content: dict[str, Any] = Field(description="The plan's fields as this revision left them.")
    reason: str
    revised_by: str
    created_at: datetime


class PlanReviewRead(ReadModel):
    id: uuid.UUID
    reviewed_on: date
    conclusion: str = Field(description="The outcome's or choice's key.")
    conclusion_text: str = Field(description="The conclusion in the step's words (Norwegian).")
    child_took_part: bool
    parents_took_part: bool
    foster_home_took_part: bool
    notes: str | None
    task_id: uuid.UUID | None = Field(description="The review task that recorded it.")
    recorded_by: str
    created_at: datetime


class PlanRead(ReadModel):
    id: uuid.UUID
    service_id: uuid.UUID
    placement_id: uuid.UUID
    child_id: uuid.UUID
    kind: PlanKind
    stage: CarePlanStage | None
    adopted_on: date
    valid_until: date | None
    child_took_part: bool
    parents_took_part: bool
    foster_home_took_part: bool
    participation_notes: str | None
    summary: str
    document_id: uuid.UUID | None
    revision: int = Field(description="1 when registered, one more for each revision.")
    recorded_by: str
    revisions: list[PlanRevisionRead] = Field(description="Every revision, the first first.")
    reviews: list[PlanReviewRead] = Field(
        description="Reviews recorded by the plan's review tasks, earliest first."
    )
    created_at: datetime
    updated_at: datetime


class PlanDate(ReadModel):
    """One dated thing of a placement's plans, for the year wheel."""

    plan_id: uuid.UUID
    kind: PlanKind
    what: str = Field(description="adopted, valid_until or reviewed")
    on: date
    title: str = Field(description="In Norwegian, as the year wheel shows it.")
