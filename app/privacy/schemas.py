from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, Field

from app.audit.schemas import AuditEventRead
from app.children.schemas import ChildRead
from app.contact_visits.schemas import ArrangementRead, ReportRead, VisitRead
from app.documents.schemas import DocumentRead
from app.events.schemas import EventRead
from app.foster_homes.schemas import FosterHomeRead
from app.placements.schemas import PlacementRead
from app.schemas import StrictModel
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
    placements: list[PlacementRead]
    foster_homes: list[FosterHomeRead] = Field(description="The homes of these placements.")
    workflows: list[WorkflowRead]
    tasks: list[TaskRead] = Field(description="With their answers.")
    task_changes: list[TaskChangeRead]
    visit_reductions: list[VisitReductionRead]
    extra_visits: list[ExtraVisitRead] = Field(description="Follow-up visits recorded unplanned.")
    contact_visit_arrangements: list[ArrangementRead] = Field(
        description="Contact-visit (samvær) arrangements, each with its earlier values."
    )
    contact_visits: list[VisitRead]
    contact_visit_reports: list[ReportRead] = Field(description="With their review tasks.")
    documents: list[DocumentExport]
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
