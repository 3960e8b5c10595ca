from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app import flows
from app.audit.trail import AuditList, AuditRead, AuditUpdate
from app.auth import authorize
from app.db import DbSession
from app.errors import (
    Conflict,
    InvalidCursor,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    UnknownReference,
    responses,
)
from app.http import (
    IfMatchHeader,
    item_response,
    optional_if_match,
    page_response,
    require_if_match,
)
from app.principal import Principal, Scope
from app.schemas import Page
from app.tasks import service
from app.tasks.errors import TaskNotOpen
from app.tasks.schemas import (
    TaskChangeRead,
    TaskComplete,
    TaskFilters,
    TaskRead,
    TaskSkip,
    TaskUpdate,
)

router = APIRouter(prefix="/v1/tasks", tags=["tasks"])
Reader = Annotated[Principal, authorize(Scope.TASKS_READ)]
Writer = Annotated[Principal, authorize(Scope.TASKS_WRITE)]


@router.get(
    "",
    response_model=Page[TaskRead],
    operation_id="listTasks",
    summary="List tasks",
    description="Sorted by due date. `assignee_id=<you>&status=open` is a contact person's "
    "work list; `service_id=...&overdue=true` a leader's overview. `overdue` is computed from "
    "today's date in Europe/Oslo when you ask.",
    responses=responses(InvalidCursor),
)
def list_tasks(
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditList,
    params: Annotated[TaskFilters, Query()],
) -> Response:
    rows, next_cursor = service.list_tasks(session, principal, params, audit=audit)
    return page_response(request, rows, next_cursor, TaskRead, service.to_read)


@router.get(
    "/{task_id}",
    response_model=TaskRead,
    operation_id="getTask",
    summary="Get a task",
    description="With the explanation of its due date, its rule and legal basis, and the form "
    "and outcomes that complete it.",
    responses=responses(NotFound),
)
def get_task(
    task_id: uuid.UUID, principal: Reader, session: DbSession, request: Request, audit: AuditRead
) -> Response:
    task = service.get_task(session, principal, task_id, audit=audit)
    return item_response(request, service.to_read(task))


@router.patch(
    "/{task_id}",
    response_model=TaskRead,
    operation_id="updateTask",
    summary="Move or reassign a task",
    description="A due date moved by hand is kept when the placement's dates change later. "
    "Send If-Match.",
    responses=responses(
        NotFound, TaskNotOpen, UnknownReference, PreconditionFailed, PreconditionRequired
    ),
)
def update_task(
    task_id: uuid.UUID,
    body: TaskUpdate,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
    if_match: IfMatchHeader = None,
) -> Response:
    task = service.update_task(
        session,
        principal,
        task_id,
        data=body,
        precondition=require_if_match(if_match, service.to_read),
        audit=audit,
    )
    return item_response(request, service.to_read(task))


@router.post(
    "/{task_id}/complete",
    response_model=TaskRead,
    operation_id="completeTask",
    summary="Complete a task",
    description="`answers` must fit the step's form: a 422 lists every missing, unknown or "
    "invalid field. Decision steps need an `outcome` from the step's list; a leader completes "
    "them. Completing twice is a 409.",
    responses=responses(NotFound, TaskNotOpen, PreconditionFailed),
)
def complete_task(
    task_id: uuid.UUID,
    body: TaskComplete,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
    if_match: IfMatchHeader = None,
) -> Response:
    task = flows.complete_task(
        session,
        principal,
        task_id,
        data=body,
        precondition=optional_if_match(if_match, service.to_read),
        audit=audit,
    )
    return item_response(request, service.to_read(task))


@router.post(
    "/{task_id}/skip",
    response_model=TaskRead,
    operation_id="skipTask",
    summary="Skip a task",
    description="A reason is required. A step that ends in a conclusion (a decision, a plan's "
    "review) cannot be skipped, nor can any stage of an assessment that ends in a decision.",
    responses=responses(NotFound, TaskNotOpen, Conflict, PreconditionFailed),
)
def skip_task(
    task_id: uuid.UUID,
    body: TaskSkip,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
    if_match: IfMatchHeader = None,
) -> Response:
    task = service.skip_task(
        session,
        principal,
        task_id,
        data=body,
        precondition=optional_if_match(if_match, service.to_read),
        audit=audit,
    )
    return item_response(request, service.to_read(task))


@router.post(
    "/{task_id}/reopen",
    response_model=TaskRead,
    operation_id="reopenTask",
    summary="Reopen a task (leader)",
    description="Only leaders reopen completed or skipped tasks, and only while the workflow "
    "runs. Contact persons, integration tokens and API keys get 403.",
    responses=responses(NotFound, TaskNotOpen, Conflict, PreconditionFailed),
)
def reopen_task(
    task_id: uuid.UUID,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
    if_match: IfMatchHeader = None,
) -> Response:
    task = flows.reopen_task(
        session,
        principal,
        task_id,
        precondition=optional_if_match(if_match, service.to_read),
        audit=audit,
    )
    return item_response(request, service.to_read(task))


@router.get(
    "/{task_id}/changes",
    response_model=Page[TaskChangeRead],
    operation_id="listTaskChanges",
    summary="A task's history",
    description="Every change of the task's due date or status, oldest first, with who made it "
    "and why (recalculations name the change of the placement that caused them).",
    responses=responses(NotFound),
)
def task_changes(
    task_id: uuid.UUID, principal: Reader, session: DbSession, audit: AuditRead
) -> Page[TaskChangeRead]:
    rows = service.changes(session, principal, task_id, audit=audit)
    return Page[TaskChangeRead].whole([TaskChangeRead.model_validate(c) for c in rows])
