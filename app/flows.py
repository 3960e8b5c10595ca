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
a task is completed                    a decision closes its workflow (some outcomes start the
                                       next run); any other step re-plans the workflow
a task is reopened                     only while its workflow still runs
a supervision report is recorded       its file is checked like an upload; it completes the
                                       placement's next open supervision visit, whose review
                                       is then planned from the day the report arrived
=====================================  =========================================================

Skipping a task or moving its due date by hand changes nothing else: the interfaces call
:mod:`app.tasks.service` for those directly.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.orm import Session

from app.audit.trail import AuditTrail
from app.config import get_settings
from app.documents import upload
from app.placements import service as placements
from app.placements.models import Placement
from app.placements.schemas import PlacementCreate, PlacementEnd, PlacementUpdate
from app.preconditions import UNCONDITIONAL, Precondition
from app.principal import Principal
from app.supervision import service as supervision
from app.supervision.models import SupervisionReport
from app.tasks import service as tasks
from app.tasks.models import Task
from app.tasks.schemas import TaskComplete
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
    workflows.on_task_completed(session, task, actor=principal.subject)
    return task


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
