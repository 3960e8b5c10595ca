from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from app.approvals.schemas import ApprovalRead
from app.audit.schemas import AuditEventRead
from app.children.schemas import ChildRead
from app.contact_visits.schemas import ArrangementRead, ContactVisitReportRead, VisitRead
from app.documents.schemas import DocumentRead
from app.events.schemas import EventRead
from app.foster_homes.schemas import FosterHomeRead
from app.life_story.schemas import LifeStoryVersionRead
from app.people.schemas import ParentRead
from app.placements.schemas import PlacementRead
from app.plans.schemas import PlanRead
from app.schemas import StrictModel
from app.supervision.schemas import SupervisionReportRead, VisitorRead
from app.tasks.schemas import TaskChangeRead, TaskRead
from app.workflows.schemas import ExtraVisitRead, VisitReductionRead, WorkflowRead


class DocumentExport(DocumentRead):
    download: str = Field(
        description="GET this URL for the .docx (add `?format=pdf` for PDF); needs "
        "documents:read, and the download is recorded in the audit trail."
    )


class ChildExport(BaseModel):
    """Everything Fosterflyt stores about one child, for a right-of-access request (GDPR
    art. 15). Documents are listed with their metadata and a download link; their bytes are
    fetched one by one."""

    generated_at: datetime
    child: ChildRead
    parents: list[ParentRead] = Field(
        default_factory=list, description="The child's parents, with their contact details."
    )
    contact_visit_arrangements: list[ArrangementRead] = Field(
        description="Contact-visit (samvær) arrangements, each with its earlier values."
    )
    contact_visits: list[VisitRead]
    contact_visit_reports: list[ContactVisitReportRead] = Field(
        description="With their review tasks."
    )
    placements: list[PlacementRead]
    foster_homes: list[FosterHomeRead] = Field(description="The homes of these placements.")
    workflows: list[WorkflowRead]
    tasks: list[TaskRead] = Field(description="With their answers.")
    task_changes: list[TaskChangeRead]
    visit_reductions: list[VisitReductionRead]
    extra_visits: list[ExtraVisitRead] = Field(description="Follow-up visits recorded unplanned.")
    approvals: list[ApprovalRead] = Field(
        default_factory=list,
        description="The approval of each placement's foster home for the child.",
    )
    plans: list[PlanRead] = Field(
        default_factory=list,
        description="The placements' plans, each with its revisions and reviews.",
    )
    supervision_visitors: list[VisitorRead] = Field(
        default_factory=list, description="The placements' supervision visitors, ended ones too."
    )
    supervision_reports: list[SupervisionReportRead] = Field(
        default_factory=list,
        description="Supervision reports with a download link; the bytes are fetched one by one.",
    )
    documents: list[DocumentExport]
    life_story: list[LifeStoryVersionRead] = Field(
        description="Every version of every part of the child's rammefortelling, by part and "
        "number.",
    )
    events: list[EventRead] = Field(description="Events referring to the child's placements.")
    access_log: list[AuditEventRead] = Field(
        description="Every recorded access to the child's data, oldest first."
    )


class RetentionFilters(StrictModel):
    cursor: str | None = Field(
        default=None, max_length=200, description="`next_cursor` from the previous page."
    )
    limit: int = Field(default=50, ge=1, le=100, description="Page size, at most 100.")
    service_id: uuid.UUID | None = None
