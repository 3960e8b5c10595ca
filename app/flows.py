"""What follows from what: the reactions between domains, in one place (dispatch's ``flows.py``).

A domain's service changes its own rows and says what changed; this module decides what else
happens, in the same transaction. The interfaces (the JSON routes, the web pages, the CLI) call
these functions for the use cases that have consequences elsewhere, and the domains' services for
the rest, so a second interface cannot forget a consequence.

=====================================  =========================================================
What happened                          What follows
=====================================  =========================================================
a placement is registered              its workflows start (those that start with a placement)
its contact person changes             the new one takes over the open tasks
its supervisor changes                 the new one takes over the open supervisor tasks
its dates change                       every running workflow is re-planned
its legal basis changes                workflows of the old basis only close; those of the new
                                       start (a care order's count from the tribunal's decision)
it ends                                every running workflow is re-planned (to its end)
a task is completed                    a plan step needs its plan; a plan review is recorded on
                                       the plan; a decision closes its workflow (some outcomes
                                       start the next run, some continue it); any other step
                                       re-plans the workflow
a plan is registered with a document   the document must be one of the placement's
a task is reopened                     only while its workflow still runs
a supervision report is recorded       its file is checked like an upload; it completes the
                                       placement's next open supervision visit, whose review
                                       is then planned from the day the report arrived
a foster home's approval is decided    the open approval task of an urgent placement in the
                                       family or network is completed with the same outcome
a parent is registered or changed      the parents' follow-up of the child's running
                                       placements is re-planned per household (a household
                                       that declined has its open tasks cancelled)
=====================================  =========================================================

Skipping a task or moving its due date by hand changes nothing else: the interfaces call
:mod:`app.tasks.service` for those directly.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.approvals import service as approvals
from app.approvals.models import ApprovalOutcome, FosterHomeApproval
from app.approvals.schemas import ApprovalCreate, ApprovalUpdate
from app.audit.trail import AuditTrail
from app.config import get_settings
from app.documents import service as documents
from app.documents import upload
from app.documents.models import Document
from app.errors import UnknownReference, body_error
from app.people import service as people
from app.people.models import Parent
from app.people.schemas import ParentCreate, ParentUpdate
from app.placements import service as placements
from app.placements.models import Placement
from app.placements.schemas import PlacementCreate, PlacementEnd, PlacementUpdate
from app.plans import service as plans
from app.plans.models import Plan
from app.plans.schemas import PlanCreate, PlanUpdate
from app.preconditions import UNCONDITIONAL, Precondition
from app.principal import Principal
from app.supervision import service as supervision
from app.supervision.models import SupervisionReport
from app.tasks import service as tasks
from app.tasks.models import Task, TaskStatus
from app.tasks.schemas import TaskComplete
from app.workflows import households
from app.workflows import service as workflows


def register_placement(
    session: Session, principal: Principal, *, data: PlacementCreate, audit: AuditTrail
) -> Placement:
    row = placements.create_placement(session, principal, data=data, audit=audit)
    workflows.on_placement_created(session, row, actor=principal.subject)
    return row


def change_placement(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: PlacementUpdate,
    precondition: Precondition,
    audit: AuditTrail,
) -> Placement:
    row, changed = placements.update_placement(
        session, principal, placement_id, data=data, precondition=precondition, audit=audit
    )
    if changed.new_contact_person and changed.old is not None:
        workflows.reassign_open_tasks(
            session, row, old=changed.old.contact_person_id, new=row.contact_person_id
        )
    if changed.new_supervisor:
        workflows.reassign_supervisor_tasks(session, row)
    if changed.new_dates:
        workflows.on_placement_changed(
            session, row, actor=principal.subject, reason="Plasseringens datoer ble endret."
        )
    if changed.new_legal_basis:  # a care order's workflows count from the tribunal's decision
        workflows.on_legal_basis_changed(session, row, actor=principal.subject)
    return row


def end_placement(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: PlacementEnd,
    precondition: Precondition,
    audit: AuditTrail,
) -> Placement:
    row = placements.end_placement(
        session, principal, placement_id, data=data, precondition=precondition, audit=audit
    )
    workflows.on_placement_changed(
        session,
        row,
        actor=principal.subject,
        reason=f"Plasseringen ble avsluttet {data.end_date.isoformat()}.",
    )
    return row


def complete_task(
    session: Session,
    principal: Principal,
    task_id: uuid.UUID,
    *,
    data: TaskComplete,
    precondition: Precondition,
    audit: AuditTrail,
) -> Task:
    task = tasks.complete_task(
        session, principal, task_id, data=data, precondition=precondition, audit=audit
    )
    step = tasks.step_of(task)
    if step.plan is not None:
        plans.on_plan_step_completed(session, task, step, actor=principal.subject, audit=audit)
    workflows.on_task_completed(session, task, actor=principal.subject)
    return task


def _check_document(
    session: Session, principal: Principal, placement_id: uuid.UUID, document_id: uuid.UUID | None
) -> None:
    """A plan's document is one filled for the same placement that the caller may read."""
    if document_id is None:
        return
    placements.PlacementRepository(session, principal).get(placement_id)  # else 404 first
    found = (
        documents.DocumentRepository(session, principal)
        .readable()
        .where(Document.id == document_id, Document.placement_id == placement_id)
    )
    if session.scalar(found.with_only_columns(Document.id)) is None:
        raise UnknownReference(
            "The document is not one of this placement's.",
            errors=[
                body_error("document_id", "No such document on the placement", "unknown_reference")
            ],
        )


def register_plan(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: PlanCreate,
    audit: AuditTrail,
) -> Plan:
    _check_document(session, principal, placement_id, data.document_id)
    return plans.create_plan(session, principal, placement_id, data=data, audit=audit)


def revise_plan(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    plan_id: uuid.UUID,
    *,
    data: PlanUpdate,
    precondition: Precondition,
    audit: AuditTrail,
) -> Plan:
    if "document_id" in data.model_fields_set:
        _check_document(session, principal, placement_id, data.document_id)
    return plans.revise_plan(
        session,
        principal,
        placement_id,
        plan_id,
        data=data,
        precondition=precondition,
        audit=audit,
    )


def reopen_task(
    session: Session,
    principal: Principal,
    task_id: uuid.UUID,
    *,
    precondition: Precondition,
    audit: AuditTrail,
) -> Task:
    """Reopen a completed or skipped task; refused (and nothing kept) once its workflow is over."""
    task = tasks.reopen_task(session, principal, task_id, precondition=precondition, audit=audit)
    workflows.require_running(session, task.instance_id)
    return task


# -- The approval of the foster home for the child ------------------------------------------------

APPROVAL_WORKFLOW, APPROVAL_STEP = approvals.URGENT_WORKFLOW, "godkjenning"
APPROVAL_OUTCOMES = {
    ApprovalOutcome.APPROVED: "godkjent",
    ApprovalOutcome.APPROVED_WITH_CONDITIONS: "godkjent_med_vilkar",
    ApprovalOutcome.NOT_APPROVED: "ikke_godkjent",
}


def record_approval(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: ApprovalCreate,
    audit: AuditTrail,
) -> FosterHomeApproval:
    row = approvals.create_approval(session, principal, placement_id, data=data, audit=audit)
    _approval_decided(session, principal, row, audit=audit)
    return row


def change_approval(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    data: ApprovalUpdate,
    precondition: Precondition,
    audit: AuditTrail,
) -> FosterHomeApproval:
    row = approvals.update_approval(
        session, principal, placement_id, data=data, precondition=precondition, audit=audit
    )
    _approval_decided(session, principal, row, audit=audit)
    return row


def _approval_decided(
    session: Session, principal: Principal, row: FosterHomeApproval, *, audit: AuditTrail
) -> None:
    """A recorded decision completes the placement's open approval task (an urgent placement in
    the family or network), with the decision's date, who made it and the same outcome."""
    if row.outcome is None or row.decision_date is None:
        return
    task_id = session.scalar(
        select(Task.id).where(
            Task.placement_id == row.placement_id,
            Task.definition_key == APPROVAL_WORKFLOW,
            Task.step_key == APPROVAL_STEP,
            Task.status == TaskStatus.OPEN,
        )
    )
    if task_id is None:
        return
    answers: dict[str, object] = {
        "vedtaksdato": row.decision_date.isoformat(),
        "besluttet_av": row.decided_by,
    }
    if row.conditions:
        answers["vilkar"] = row.conditions
    complete_task(
        session,
        principal,
        task_id,
        data=TaskComplete(answers=answers, outcome=APPROVAL_OUTCOMES[row.outcome]),
        precondition=UNCONDITIONAL,
        audit=audit,
    )


def register_parent(
    session: Session,
    principal: Principal,
    child_id: uuid.UUID,
    *,
    data: ParentCreate,
    audit: AuditTrail,
) -> Parent:
    row = people.create_parent(session, principal, child_id, data=data, audit=audit)
    households.on_parents_changed(session, row.child_id, actor=principal.subject)
    return row


def change_parent(
    session: Session,
    principal: Principal,
    child_id: uuid.UUID,
    parent_id: uuid.UUID,
    *,
    data: ParentUpdate,
    precondition: Precondition,
    audit: AuditTrail,
) -> Parent:
    row = people.update_parent(
        session,
        principal,
        child_id,
        parent_id,
        data=data,
        precondition=precondition,
        audit=audit,
    )
    households.on_parents_changed(session, row.child_id, actor=principal.subject)
    return row


SUPERVISION = "tilsyn"
SUPERVISION_VISIT = "tilsynsbesok"


def record_supervision_report(
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    *,
    visit_date: date,
    received_on: date,
    spoke_with_child_alone: bool,
    filename: str,
    content: bytes,
    audit: AuditTrail,
) -> SupervisionReport:
    """Record a supervision visitor's report and complete the visit it reports on.

    Another service's placement is a 404 before the file is looked at. The file is a PDF or a
    .docx, sniffed and checked like an uploaded template (``app.documents.upload``). The
    placement's earliest open supervision visit is completed with the report's dates, so its
    review (tilsyn v3) is due a rule-set duration after ``received_on``; with no open visit
    (the child is 18, the placement ended) the report is kept and nothing is planned."""
    placements.PlacementRepository(session, principal).get(placement_id)
    settings = get_settings()
    media_type = upload.check_report_file(
        content,
        max_bytes=settings.max_template_bytes,
        max_expanded=settings.max_template_expanded_bytes,
    )
    report = supervision.record_report(
        session,
        principal,
        placement_id,
        visit_date=visit_date,
        received_on=received_on,
        spoke_with_child_alone=spoke_with_child_alone,
        filename=filename,
        media_type=media_type,
        content=content,
    )
    visit = tasks.first_open(
        session,
        principal,
        placement_id,
        definition_key=SUPERVISION,
        step_key=SUPERVISION_VISIT,
    )
    task_id = None
    if visit is not None:
        answers = {
            "besoksdato": visit_date.isoformat(),
            "rapport_mottatt": received_on.isoformat(),
            "samtale_med_barnet_alene": spoke_with_child_alone,
        }
        done = tasks.complete_task(
            session,
            principal,
            visit.id,
            data=TaskComplete(answers=answers),
            precondition=UNCONDITIONAL,
            audit=audit,
        )
        workflows.on_task_completed(session, done, actor=principal.subject)
        task_id = done.id
    return supervision.announce_report(session, report, task_id=task_id, audit=audit)
