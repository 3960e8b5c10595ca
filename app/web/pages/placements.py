"""The child's page, ``/app/placements/{placement_id}``: the placement in brief, its year wheel
as a timeline, its documents and running workflows, and a form to start a workflow on request.

This is also the deep link a journal system opens: without a session the person signs in
first and comes straight back here (``app.web.deps``). What the person may not see is a 404,
as in the API: the services raise it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from app import year_wheel
from app.audit.trail import Action, AuditCreate, AuditRead, AuditTrail
from app.children import service as children
from app.clock import today
from app.db import DbSession
from app.documents import service as documents
from app.documents.schemas import DocumentFilters
from app.errors import AppError, Forbidden, NotFound, ValidationFailed
from app.foster_homes import service as foster_homes
from app.people import service as people
from app.people.schemas import ParentFilters
from app.placements.errors import PlacementAlreadyEnded
from app.placements.models import Placement, PlacementStatus
from app.planning.definitions import Definition, Starts, catalogue
from app.principal import Principal, Scope
from app.staff import service as staff
from app.staff.models import Staff
from app.tasks.models import Task, TaskStatus
from app.tasks.schemas import EntryKind, TimelineEntry
from app.web import forms
from app.web.deps import SignedIn, SignedInForm, require_scope
from app.web.templating import MONTHS, render
from app.workflows import api as workflows
from app.workflows.errors import WorkflowAlreadyRunning
from app.workflows.models import InstanceStatus, WorkflowInstance
from app.workflows.schemas import AdjustmentFilters, WorkflowFilters
from app.workflows.service import LEGAL_BASIS_NB

router = APIRouter()

PAGE_SIZE = 100

PLACEMENT_STATUS = {
    PlacementStatus.PLANNED: "Planlagt",
    PlacementStatus.ACTIVE: "Pågår",
    PlacementStatus.ENDED: "Avsluttet",
}
ENTRY_KIND = {
    EntryKind.PLAN: "Plan",
    EntryKind.CONTACT_VISIT: "Samvær",
    EntryKind.SUPERVISION_REPORT: "Tilsyn",
    EntryKind.APPROVAL: "Godkjenning",
}
VISIT_STATUS = {"planned": "Planlagt", "held": "Holdt", "cancelled": "Avlyst"}
START_LABELS = {"definition_key": "Arbeidsforløp", "parent_id": "Forelderen som takket ja"}


@dataclass(frozen=True)
class WheelItem:
    """One line of the year wheel: a task, or a dated record beside the tasks."""

    on: date
    kind: str  # the kind of thing, in words
    title: str
    status: str  # in words
    icon: str  # overdue, done, skipped, cancelled, open, today or entry
    past: bool
    link: str | None = None
    explanation: str | None = None
    legal_basis: str | None = None


@dataclass
class Month:
    year: int
    month: int
    items: list[WheelItem] = field(default_factory=list)
    today_before: int | None = None  # the index of the first item on or after today

    @property
    def name(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}"


def _task_item(task: Task, on: date) -> WheelItem:
    past = task.due_date < on
    if task.status is TaskStatus.COMPLETED:
        status, icon = "Fullført", "done"
    elif task.status is TaskStatus.SKIPPED:
        status, icon = "Hoppet over", "skipped"
    elif task.status is TaskStatus.CANCELLED:
        status, icon = "Avlyst", "cancelled"
    elif past:
        status, icon = "Forfalt", "overdue"
    else:
        status, icon = "Åpen", "open"
    return WheelItem(
        on=task.due_date,
        kind="Oppgave",
        title=task.title,
        status=status,
        icon=icon,
        past=past,
        link=f"/app/tasks/{task.id}",
        explanation=task.explanation,
        legal_basis=task.legal_basis,
    )


def _entry_item(entry: TimelineEntry, on: date) -> WheelItem:
    past = entry.on < on
    if entry.kind is EntryKind.CONTACT_VISIT:
        status = VISIT_STATUS.get(entry.what, "Planlagt")
        icon = {"held": "done", "cancelled": "cancelled"}.get(entry.what, "entry")
    else:
        status, icon = ("Registrert", "done") if past else ("Kommer", "entry")
    return WheelItem(
        on=entry.on,
        kind=ENTRY_KIND[entry.kind],
        title=entry.title,
        status=status,
        icon=icon,
        past=past,
        explanation=entry.explanation,
        legal_basis=entry.legal_basis,
    )


def wheel(tasks: list[Task], entries: list[TimelineEntry], on: date) -> list[Month]:
    """Tasks and entries in date order, by month, with where today falls."""
    items = sorted(
        [*(_task_item(t, on) for t in tasks), *(_entry_item(e, on) for e in entries)],
        key=lambda i: (i.on, i.kind != "Oppgave", i.title),
    )
    months = [
        Month(year, month, list(group))
        for (year, month), group in groupby(items, key=lambda i: (i.on.year, i.on.month))
    ]
    # Today's marker goes into today's month, a month of its own if nothing falls in it.
    current = next((m for m in months if (m.year, m.month) == (on.year, on.month)), None)
    if current is None:
        current = Month(on.year, on.month)
        months.append(current)
        months.sort(key=lambda m: (m.year, m.month))
    current.today_before = next(
        (i for i, item in enumerate(current.items) if item.on >= on), len(current.items)
    )
    return months


def _name_of(session: Session, principal: Principal, staff_id: uuid.UUID | None) -> str | None:
    if staff_id is None:
        return None
    try:
        row: Staff = staff.get_staff(session, principal, staff_id)
    except NotFound:
        return None
    return row.name


def _all_documents(
    session: Session, principal: Principal, placement_id: uuid.UUID, audit: AuditTrail
) -> list[Any]:
    found: list[Any] = []
    cursor: str | None = None
    while True:
        params = DocumentFilters(placement_id=placement_id, limit=PAGE_SIZE, cursor=cursor)
        rows, cursor = documents.list_documents(session, principal, params, audit=audit)
        found.extend(documents.to_read(r) for r in rows)
        if cursor is None:
            break
    return sorted(found, key=lambda d: d.created_at, reverse=True)


def _running(
    session: Session, principal: Principal, placement_id: uuid.UUID, audit: AuditTrail
) -> list[WorkflowInstance]:
    params = WorkflowFilters(
        placement_id=placement_id, status=InstanceStatus.ACTIVE, limit=PAGE_SIZE
    )
    rows, _ = workflows.list_workflows(session, principal, params, audit=audit)
    return rows


def startable(session: Session, principal: Principal, placement: Placement) -> list[Definition]:
    """The workflows the service lets a person start for the placement: those that start on
    request, and the optional programmes the service has set to start only on request."""
    if placement.status is PlacementStatus.ENDED:
        return []
    adjusted, _ = workflows.list_adjustments(
        session,
        principal,
        AdjustmentFilters(service_id=placement.service_id, limit=PAGE_SIZE),
    )
    on_request = {a.definition_key for a in adjusted if a.start == Starts.ON_REQUEST.value}
    return sorted(
        (
            d
            for d in catalogue().all_latest()
            if d.starts is Starts.ON_REQUEST or (d.optional and d.key in on_request)
        ),
        key=lambda d: d.title,
    )


def _parents(
    session: Session,
    principal: Principal,
    child_id: uuid.UUID,
    options: list[Definition],
    audit: AuditTrail,
) -> list[tuple[str, str]]:
    """The parents who want follow-up, for a workflow planned per parent household."""
    if not any(d.per_parent_household for d in options):
        return []
    rows, _ = people.list_parents(
        session, principal, child_id, ParentFilters(limit=PAGE_SIZE), audit=audit
    )
    return [(str(p.id), p.name) for p in rows if p.followed_up]


def _title_of(instance: WorkflowInstance) -> str:
    definition = catalogue().get(instance.definition_key, instance.definition_version)
    return definition.title


def child_context(
    session: Session, principal: Principal, placement_id: uuid.UUID, audit: AuditTrail
) -> dict[str, Any]:
    on = today()
    placement, rows, entries = year_wheel.placement_year_wheel(
        session, principal, placement_id, include_cancelled=False, audit=audit
    )
    child = children.get_child(session, principal, placement.child_id, audit=audit)
    home = foster_homes.get_foster_home(session, principal, placement.foster_home_id, audit=audit)
    may_start = str(Scope.WORKFLOWS_WRITE) in principal.scopes
    options = startable(session, principal, placement) if may_start else []
    running = _running(session, principal, placement.id, audit)
    return {
        "placement": placement,
        "child": child,
        "home": home,
        "status": PLACEMENT_STATUS[placement.status],
        "legal_basis": LEGAL_BASIS_NB[placement.legal_basis].capitalize(),
        "contact_person": _name_of(session, principal, placement.contact_person_id),
        "supervisor": _name_of(session, principal, placement.supervisor_id),
        "months": wheel(rows, entries, on),
        "today": on,
        "documents": _all_documents(session, principal, placement.id, audit),
        "running": [(w, _title_of(w)) for w in running],
        "options": [(d.key, d.title) for d in options],
        "descriptions": {d.key: d.description for d in options},
        "parents": _parents(session, principal, child.id, options, audit),
        "values": {},
        "errors": {},
        "started": None,
    }


def _placement_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise NotFound("No such placement.") from None


@router.get("/placements/{placement_id}", name="child", operation_id="page_child")
def child_page(
    request: Request,
    placement_id: str,
    principal: SignedIn,
    session: DbSession,
    audit: AuditRead,
    startet: str | None = None,
) -> Response:
    # The API's scope: a foster-home supervisor sees the placement's tasks, not the whole case.
    require_scope(principal, Scope.PLACEMENTS_READ)
    context = child_context(session, principal, _placement_id(placement_id), audit)
    if startet:
        started = next((t for w, t in context["running"] if str(w.id) == startet), None)
        context["started"] = started
    return render(request, "placements/child.html", context)


def _start_errors(exc: AppError) -> dict[str, str]:
    if isinstance(exc, ValidationFailed) and exc.errors:
        return forms.messages(exc.errors, START_LABELS)
    if isinstance(exc, WorkflowAlreadyRunning):
        return {"definition_key": "Dette arbeidsforløpet er allerede i gang for barnet"}
    if isinstance(exc, PlacementAlreadyEnded):
        return {"": "Plasseringen er avsluttet. Da kan du ikke starte nye arbeidsforløp"}
    raise exc


@router.post("/placements/{placement_id}", name="child_start", operation_id="page_child_start")
async def start_workflow(
    request: Request,
    placement_id: str,
    principal: SignedInForm,
    session: DbSession,
    audit: AuditCreate,
) -> Response:
    """Start a workflow on request; a refusal shows the page again with the message."""
    pid = _placement_id(placement_id)
    if str(Scope.WORKFLOWS_WRITE) not in principal.scopes:  # the API route's scope
        raise Forbidden("Starting a workflow needs workflows:write.")
    reading = AuditTrail(session, lambda: audit.actor, Action.READ)
    context = child_context(session, principal, pid, reading)
    form = await request.form()
    values = forms.blank_to_none(form, "definition_key", "parent_id")
    errors = _form_errors(values, {k for k, _ in context["options"]})
    if not errors:
        parent = uuid.UUID(values["parent_id"]) if values["parent_id"] else None
        try:
            with session.begin_nested():  # a refusal leaves nothing half-written
                started = workflows.start_workflow(
                    session,
                    principal,
                    pid,
                    key=values["definition_key"],
                    parent_id=parent,
                    audit=audit,
                )
        except AppError as exc:
            errors = _start_errors(exc)
        else:
            return RedirectResponse(
                f"/app/placements/{pid}?startet={started.id}#arbeidsforlop", status_code=303
            )
    context.update(values=values, errors=errors)
    return render(request, "placements/child.html", context, status_code=422)


def _form_errors(values: dict[str, Any], allowed: set[str]) -> dict[str, str]:
    key = values["definition_key"]
    if key is None:
        return {"definition_key": "Velg hvilket arbeidsforløp du vil starte"}
    if key not in allowed:
        return {"definition_key": "Velg et av arbeidsforløpene i listen"}
    if values["parent_id"] is not None:
        try:
            uuid.UUID(values["parent_id"])
        except ValueError:
            return {"parent_id": "Velg en av foreldrene i listen"}
    return {}
