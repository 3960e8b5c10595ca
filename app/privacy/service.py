"""A child's privacy export and the retention list. Both only read; nothing is ever deleted."""

from __future__ import annotations

import uuid
from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from app.approvals import service as approvals
from app.approvals.models import FosterHomeApproval
from app.audit.kinds import register_collection
from app.audit.models import AuditEvent
from app.audit.schemas import AuditEventRead, AuditWindow
from app.audit.service import all_child_history, require_oversight
from app.audit.trail import AuditTrail
from app.children.schemas import ChildRead
from app.children.service import ChildRepository
from app.clock import today
from app.config import get_settings
from app.contact_visits import export as contact_visits
from app.db import utcnow
from app.documents.models import Document
from app.documents.service import DocumentRepository, to_read
from app.events.models import Event
from app.events.schemas import EventRead
from app.foster_homes.models import FosterHome
from app.foster_homes.schemas import FosterHomeRead
from app.foster_homes.service import FosterHomeRepository
from app.life_story.models import LifeStoryVersion
from app.life_story.schemas import LifeStoryVersionRead
from app.pagination import paginate
from app.people.models import Parent
from app.people.schemas import ParentRead
from app.people.service import ParentRepository
from app.placements.models import Placement
from app.placements.schemas import PlacementRead
from app.placements.service import PlacementRepository
from app.plans import service as plans
from app.plans.schemas import PlanRead
from app.principal import Principal
from app.privacy.schemas import ChildExport, DocumentExport, RetentionFilters
from app.supervision import service as supervision
from app.tasks import service as tasks
from app.tasks.models import Task, TaskChange
from app.tasks.schemas import TaskChangeRead
from app.workflows.api import WorkflowRepository
from app.workflows.models import ExtraVisit, VisitReduction, WorkflowInstance
from app.workflows.schemas import ExtraVisitRead, VisitReductionRead, WorkflowRead

# A refused request for the retention list is about placements.
register_collection("retention", "placement")


def export_child(
    session: Session, principal: Principal, child_id: uuid.UUID, *, audit: AuditTrail
) -> ChildExport:
    """Everything about the child, read through the caller's tenant-scoped repositories
    (recorded as an export of the child)."""
    child = ChildRepository(session, principal).get(child_id)
    require_oversight(principal, child.service_id)
    placements = list(
        session.scalars(
            PlacementRepository(session, principal)
            .readable()
            .where(Placement.child_id == child.id)
            .order_by(Placement.start_date, Placement.id)
        )
    )
    placement_ids = [p.id for p in placements]
    parents = session.scalars(
        ParentRepository(session, principal)
        .readable()
        .where(Parent.child_id == child.id)
        .order_by(Parent.created_at, Parent.id)
    )
    home_ids = {p.foster_home_id for p in placements}
    homes = session.scalars(
        FosterHomeRepository(session, principal)
        .readable()
        .where(FosterHome.id.in_(home_ids))
        .order_by(FosterHome.created_at, FosterHome.id)
    )
    instances = session.scalars(
        WorkflowRepository(session, principal)
        .readable()
        .where(WorkflowInstance.placement_id.in_(placement_ids))
        .order_by(WorkflowInstance.created_at, WorkflowInstance.id)
    )
    task_rows = list(
        session.scalars(
            tasks.TaskRepository(session, principal)
            .readable()
            .where(Task.placement_id.in_(placement_ids))
            .order_by(Task.due_date, Task.id)
        )
    )
    changes = session.scalars(
        select(TaskChange)
        .where(TaskChange.task_id.in_([t.id for t in task_rows]))
        .order_by(TaskChange.changed_at, TaskChange.id)
    )
    # Placement ids come from the tenant-scoped read above, so these rows are the caller's too.
    reductions = session.scalars(
        select(VisitReduction)
        .where(VisitReduction.placement_id.in_(placement_ids))
        .order_by(VisitReduction.created_at, VisitReduction.id)
    )
    extra_visits = session.scalars(
        select(ExtraVisit)
        .where(ExtraVisit.placement_id.in_(placement_ids))
        .order_by(ExtraVisit.visited_on, ExtraVisit.id)
    )
    approval_rows = session.scalars(
        select(FosterHomeApproval)
        .where(FosterHomeApproval.placement_id.in_(placement_ids))
        .order_by(FosterHomeApproval.created_at, FosterHomeApproval.id)
    )
    plan_rows = plans.child_plans(session, placement_ids)
    documents = session.scalars(
        DocumentRepository(session, principal)
        .readable()
        .where(Document.placement_id.in_(placement_ids))
        .options(defer(Document.content), defer(Document.snapshot))
        .order_by(Document.created_at, Document.id)
    )
    # The child was read through the caller's repository above, so its life story is theirs too.
    life_story = session.scalars(
        select(LifeStoryVersion)
        .where(LifeStoryVersion.child_id == child.id)
        .order_by(LifeStoryVersion.part_key, LifeStoryVersion.number)
    )
    events = session.scalars(
        select(Event).where(Event.placement_id.in_(placement_ids)).order_by(Event.position)
    )
    arrangements, contact_visit_rows, reports = contact_visits.export(session, placement_ids)
    history: list[AuditEvent] = all_child_history(
        session, principal, child.id, AuditWindow(), service_id=child.service_id
    )
    export = ChildExport(
        generated_at=utcnow(),
        child=ChildRead.model_validate(child),
        parents=[ParentRead.model_validate(p) for p in parents],
        placements=[PlacementRead.model_validate(p) for p in placements],
        foster_homes=[FosterHomeRead.model_validate(h) for h in homes],
        workflows=[WorkflowRead.model_validate(w) for w in instances],
        tasks=[tasks.to_read(t) for t in task_rows],
        task_changes=[TaskChangeRead.model_validate(c) for c in changes],
        visit_reductions=[VisitReductionRead.model_validate(r) for r in reductions],
        contact_visit_arrangements=arrangements,
        contact_visits=contact_visit_rows,
        contact_visit_reports=reports,
        extra_visits=[ExtraVisitRead.model_validate(v) for v in extra_visits],
        approvals=[approvals.to_read(session, a) for a in approval_rows],
        plans=[PlanRead.model_validate(p) for p in plan_rows],
        supervision_visitors=supervision.visitors_of(session, placement_ids),
        supervision_reports=supervision.reports_of(session, placement_ids),
        documents=[
            DocumentExport(**to_read(d).model_dump(), download=f"/v1/documents/{d.id}/content")
            for d in documents
        ],
        life_story=[LifeStoryVersionRead.model_validate(v) for v in life_story],
        events=[EventRead.model_validate(e) for e in events],
        access_log=[AuditEventRead.model_validate(a) for a in history],
    )
    audit.one(child)
    return export


def retention_cutoff(on: date | None = None) -> date:
    """Placements that ended before this day are due for archiving."""
    return (on or today()) - relativedelta(years=get_settings().retention_years)


def expired_placements(
    session: Session, principal: Principal, params: RetentionFilters, *, audit: AuditTrail
) -> tuple[list[Placement], str | None]:
    """Ended placements past the retention period, longest ago first. Lists only."""
    stmt = (
        PlacementRepository(session, principal)
        .readable()
        .where(Placement.end_date.is_not(None), Placement.end_date < retention_cutoff())
    )
    if params.service_id is not None:
        stmt = stmt.where(Placement.service_id == params.service_id)
    rows, cursor = paginate(
        session, stmt, Placement, cursor=params.cursor, limit=params.limit, sort=Placement.end_date
    )
    audit.many(rows)
    return rows, cursor
