"""*Vurdering av tilbakeføring*: the return-home assessment (the ``vurderingstrakt`` workflow),
its stages in the law's order with their guidance and the conclusion reached at each, the
contact person's recommendation, and the leader's decision.

The leader approves an outcome here (completing the decision step through
:func:`app.flows.complete_task`, as the API's ``completeTask`` does) or sends the assessment
back to the contact person (reopening the last stage through :func:`app.flows.reopen_task`, the
API's ``reopenTask``). The contact person sees where it stands."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from app import flows
from app.audit.trail import AuditList, AuditRead, AuditTrail, AuditUpdate
from app.db import DbSession
from app.errors import Conflict, NotFound, ValidationFailed
from app.planning.definitions import Definition, Step, catalogue
from app.preconditions import UNCONDITIONAL
from app.principal import Principal, Role
from app.tasks import service as tasks
from app.tasks.models import Task, TaskStatus
from app.tasks.schemas import TaskComplete, TaskFilters
from app.web.deps import SignedIn, SignedInForm
from app.web.pages.task import (
    ASSESSMENT_WORKFLOW,
    OUTCOME,
    TEXT_LIMIT,
    answer_messages,
    answers_of,
    form_key,
    labels_of,
    posted_fields,
    shown_fields,
)
from app.web.templating import render
from app.web_sessions import service as drafts
from app.workflows import api as workflows
from app.workflows.models import WorkflowInstance

router = APIRouter()


@dataclass(frozen=True)
class Stage:
    step: Step
    task: Task | None
    number: int

    @property
    def answers(self) -> dict[str, Any]:
        return (self.task.answers or {}) if self.task is not None else {}


def _instance_tasks(
    session: Session, principal: Principal, workflow: WorkflowInstance, *, audit: AuditTrail
) -> list[Task]:
    found: list[Task] = []
    cursor: str | None = None
    while True:
        params = TaskFilters(placement_id=workflow.placement_id, limit=100, cursor=cursor)
        rows, cursor = tasks.list_tasks(session, principal, params, audit=audit)
        found.extend(t for t in rows if t.instance_id == workflow.id)
        if cursor is None:
            return found


def _stages(definition: Definition, found: list[Task]) -> list[Stage]:
    """Each step with its task (the latest occurrence; none yet for a stage not reached)."""
    stages = []
    for number, step in enumerate(definition.steps, start=1):
        mine = [t for t in found if t.step_key == step.key and t.status != TaskStatus.CANCELLED]
        mine.sort(key=lambda t: (t.occurrence, t.created_at))
        stages.append(Stage(step, mine[-1] if mine else None, number))
    return stages


def _load(
    session: Session,
    principal: Principal,
    workflow_id: uuid.UUID,
    *,
    audit: AuditTrail,
    list_audit: AuditTrail,
) -> tuple[WorkflowInstance, Definition, list[Stage]]:
    workflow = workflows.get_workflow(session, principal, workflow_id, audit=audit)
    if workflow.definition_key != ASSESSMENT_WORKFLOW:
        raise NotFound("No return-home assessment with this id.")
    definition = catalogue().get(workflow.definition_key, workflow.definition_version)
    found = _instance_tasks(session, principal, workflow, audit=list_audit)
    return workflow, definition, _stages(definition, found)


def _is_leader(principal: Principal, workflow: WorkflowInstance) -> bool:
    return principal.role_in(workflow.service_id) is Role.LEADER


def page(
    request: Request,
    session: Session,
    principal: Principal,
    workflow: WorkflowInstance,
    definition: Definition,
    stages: list[Stage],
    *,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    notice: str | None = None,
    status_code: int = 200,
) -> Response:
    decision = next((s for s in stages if s.step.outcomes), None)
    assessed = [s for s in stages if not s.step.outcomes]
    all_assessed = all(
        s.task is not None and s.task.status is TaskStatus.COMPLETED for s in assessed
    )
    waiting = (
        decision is not None
        and decision.task is not None
        and decision.task.status is TaskStatus.OPEN
        and all_assessed
    )
    chosen = None
    if decision is not None and decision.task is not None and decision.task.outcome:
        chosen = next(
            (o for o in decision.step.outcomes or [] if o.key == decision.task.outcome), None
        )
    leader = _is_leader(principal, workflow)
    if values is None and waiting and leader and decision is not None and decision.task:
        subject = request.state.web_session.subject
        values = drafts.draft(session, subject=subject, form_key=form_key(decision.task.id))
        if values is not None:
            notice = notice or "Vi har tatt vare på det du skrev sist. Se over før du godkjenner."
    recommendation = assessed[-1] if assessed else None
    return render(
        request,
        "assessment/assessment.html",
        {
            "workflow": workflow,
            "definition": definition,
            "stages": assessed,
            "decision": decision,
            "chosen": chosen,
            "waiting": waiting,
            "leader": leader,
            "recommendation": recommendation,
            "shown": shown_fields(decision.step) if decision is not None else [],
            "labels": labels_of(decision.step) if decision is not None else {},
            "outcome_options": [(o.key, o.label) for o in decision.step.outcomes or []]
            if decision is not None
            else [],
            "outcome_name": OUTCOME,
            "values": values or {},
            "errors": errors or {},
            "notice": notice,
            "text_limit": TEXT_LIMIT,
        },
        status_code=status_code,
    )


NOTICES = {
    "godkjent": "Utfallet er godkjent, og vurderingen er avsluttet.",
    "sendt-tilbake": "Vurderingen er sendt tilbake til kontaktpersonen. Helhetsvurderingen er "
    "åpen igjen.",
}


@router.get("/assessments/{workflow_id}", name="assessment", operation_id="page_assessment")
def show_assessment(
    workflow_id: uuid.UUID,
    request: Request,
    principal: SignedIn,
    session: DbSession,
    audit: AuditRead,
    list_audit: AuditList,
    done: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    workflow, definition, stages = _load(
        session, principal, workflow_id, audit=audit, list_audit=list_audit
    )
    return page(
        request,
        session,
        principal,
        workflow,
        definition,
        stages,
        notice=NOTICES.get(done or ""),
    )


@router.post(
    "/assessments/{workflow_id}", name="assessment_decide", operation_id="page_assessment_decide"
)
async def decide(
    workflow_id: uuid.UUID,
    request: Request,
    principal: SignedInForm,
    session: DbSession,
    audit: AuditUpdate,
    read_audit: AuditRead,
    list_audit: AuditList,
) -> Response:
    form = await request.form()
    workflow, definition, stages = _load(
        session, principal, workflow_id, audit=read_audit, list_audit=list_audit
    )
    decision = next((s for s in stages if s.step.outcomes), None)
    if decision is None or decision.task is None:
        raise NotFound("The assessment has no decision yet.")
    url = f"/app/assessments/{workflow.id}"
    subject = request.state.web_session.subject
    if form.get("handling") == "send-tilbake":
        last = [s for s in stages if not s.step.outcomes][-1]
        if last.task is None or last.task.status is not TaskStatus.COMPLETED:
            return RedirectResponse(url, status_code=303)  # already back with them
        flows.reopen_task(session, principal, last.task.id, precondition=UNCONDITIONAL, audit=audit)
        return RedirectResponse(url + "?done=sendt-tilbake", status_code=303)
    if decision.task.status is not TaskStatus.OPEN:
        # A second click on the same button: the decision is made; show it.
        return RedirectResponse(url, status_code=303)
    fields = posted_fields(form, decision.step)
    answers, outcome = answers_of(fields, decision.step)
    errors: dict[str, str] = {}
    try:
        data = TaskComplete(answers=answers, outcome=outcome)
        flows.complete_task(
            session, principal, decision.task.id, data=data, precondition=UNCONDITIONAL, audit=audit
        )
    except ValidationError:
        errors = {OUTCOME: "Velg et utfall"}
    except ValidationFailed as exc:
        errors = answer_messages(list(exc.errors or []), decision.step) or {
            "": "Beslutningen kunne ikke lagres. Sjekk svarene."
        }
    except Conflict:
        errors = {"": "Beslutningen kan ikke tas slik vurderingen står nå. Last siden på nytt."}
    if errors:
        session.rollback()  # nothing of the refused attempt is kept but the draft
        workflow, definition, stages = _load(
            session, principal, workflow_id, audit=read_audit, list_audit=list_audit
        )
        drafts.save_draft(
            session,
            subject=subject,
            form_key=form_key(decision.task.id),
            service_id=workflow.service_id,
            fields=fields,
        )
        return page(
            request,
            session,
            principal,
            workflow,
            definition,
            stages,
            values=fields,
            errors=errors,
            status_code=422,
        )
    drafts.discard_draft(session, subject=subject, form_key=form_key(decision.task.id))
    return RedirectResponse(url + "?done=godkjent", status_code=303)
