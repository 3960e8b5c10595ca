"""The leader's page: the service's overdue and due-soon tasks by the person responsible, the
decisions waiting for a leader, the on-time chart, and moving a contact person's cases to
another (through the same flow as the API's ``PATCH /v1/placements/{id}``, so the open tasks
follow).

Only for a person with a leader grant (``Capability.OVERSEE_SERVICE``); anyone else gets 404,
as for a page that does not exist."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from app import flows, policy
from app.audit.trail import AuditList, AuditTrail, AuditUpdate
from app.children import service as children
from app.clock import today
from app.db import DbSession
from app.errors import AppError, NotFound, PreconditionFailed
from app.oversight import service as oversight
from app.placements import service as placements
from app.placements.models import Placement, PlacementStatus
from app.placements.schemas import PlacementFilters, PlacementUpdate
from app.policy import Capability
from app.preconditions import ExpectVersion
from app.principal import Principal
from app.schemas import ListParams
from app.staff import service as staff_service
from app.staff.models import Staff, StaffRole
from app.staff.schemas import StaffFilters
from app.tasks import service as tasks
from app.tasks.models import Task, TaskStatus
from app.tasks.schemas import TaskFilters
from app.web.charts import Month, Series, on_time_chart
from app.web.deps import SignedIn, SignedInForm
from app.web.forms import message
from app.web.templating import environment, render

router = APIRouter()

SOON_DAYS = 14
LEADER_ROLE = "leader"
ROLE_NAMES = {
    StaffRole.CONTACT_PERSON: "kontaktperson",
    StaffRole.LEADER: "leder",
    StaffRole.SUPERVISOR: "tilsynsfører",
}
# Who may take over a contact person's cases (the placements service checks it again).
CONTACT_ROLES = (StaffRole.CONTACT_PERSON, StaffRole.LEADER)
LABELS = {
    "fra": "Kontaktperson sakene flyttes fra",
    "til": "Ny kontaktperson",
    "saker": "Saker som skal flyttes",
}
MOVED = "flyttet"

T = TypeVar("T")
P = TypeVar("P", bound=ListParams)


def leads(request: Request) -> bool:
    """For the navigation: whether the signed-in person leads a service."""
    principal = getattr(request.state, "principal", None)
    return isinstance(principal, Principal) and bool(
        policy.services_with(principal, Capability.OVERSEE_SERVICE)
    )


environment.globals["leads"] = leads


def on_time_series(
    session: Session, principal: Principal, service_id: uuid.UUID, audit: AuditTrail
) -> list[Series]:
    """The on-time share per rule for the last 12 months, for the chart: the numbers are
    ``app/oversight/``'s (decisions.md 3), the page only draws them. A rule with no deadline
    that could be met in the period (none completed or overdue) has nothing to show."""
    found = oversight.on_time_share_by_month(session, principal, service_id, audit=audit)
    series = []
    for rule in found.rules:
        months = [
            Month(
                year=int(m.month[:4]),
                month=int(m.month[5:7]),
                on_time=m.on_time,
                due=m.on_time + m.late + m.overdue,
            )
            for m in rule.months
        ]
        if any(m.due for m in months):
            series.append(Series(label=rule.title, months=months))
    return series


def leader_services(principal: Principal) -> list[uuid.UUID]:
    """The services where the person leads; none: the page does not exist for them."""
    found = sorted(policy.services_with(principal, Capability.OVERSEE_SERVICE), key=str)
    if not found:
        raise NotFound("No such page.")
    return found


def every(fetch: Callable[[P], tuple[list[T], str | None]], params: P) -> list[T]:
    """Every page of a service's list, 100 rows at a time."""
    rows: list[T] = []
    while True:
        page, cursor = fetch(params)
        rows.extend(page)
        if cursor is None:
            return rows
        params = params.model_copy(update={"cursor": cursor})


def _staff(session: Session, principal: Principal, services: Iterable[uuid.UUID]) -> list[Staff]:
    found: list[Staff] = []
    for service_id in services:
        found.extend(
            every(
                lambda p: staff_service.list_staff(session, principal, p),
                StaffFilters(service_id=service_id, limit=100),
            )
        )
    return sorted(found, key=lambda s: (s.name.lower(), str(s.id)))


@dataclass
class Person:
    """The tasks one person is responsible for, overdue and due in the next 14 days."""

    key: str
    name: str
    role: str
    overdue: list[Task] = field(default_factory=list)
    soon: list[Task] = field(default_factory=list)


def _due_tasks(
    session: Session,
    principal: Principal,
    services: Iterable[uuid.UUID],
    until: date,
    audit: AuditTrail,
) -> list[Task]:
    rows: list[Task] = []
    for service_id in services:
        rows.extend(
            every(
                lambda p: tasks.list_tasks(session, principal, p, audit=audit),
                TaskFilters(
                    service_id=service_id, status=TaskStatus.OPEN, due_before=until, limit=100
                ),
            )
        )
    return sorted(rows, key=lambda t: (t.due_date, t.title, str(t.id)))


def by_person(rows: Iterable[Task], staff: Iterable[Staff], on: date) -> list[Person]:
    """The tasks by the person they are assigned to (those nobody holds last), each split into
    overdue and due soon."""
    people = {s.id: s for s in staff}
    found: dict[str, Person] = {}
    for task in rows:
        holder = people.get(task.assignee_id) if task.assignee_id is not None else None
        key = str(holder.id) if holder is not None else "ingen"
        if key not in found:
            found[key] = Person(
                key=key,
                name=holder.name if holder is not None else "Ingen ansvarlig",
                role=ROLE_NAMES[StaffRole(holder.role)] if holder is not None else "",
            )
        (found[key].overdue if task.due_date < on else found[key].soon).append(task)
    return sorted(found.values(), key=lambda p: (p.key == "ingen", p.name.lower(), p.key))


@router.get("/leader", name="leader", operation_id="page_leader")
def leader(
    request: Request,
    principal: SignedIn,
    session: DbSession,
    audit: AuditList,
    moved: Annotated[int | None, Query(alias=MOVED, ge=0, le=10_000)] = None,
) -> Response:
    services = leader_services(principal)
    on = today()
    rows = _due_tasks(session, principal, services, on + timedelta(days=SOON_DAYS), audit)
    approvals = [t for t in rows if t.responsible_role == LEADER_ROLE]
    others = [t for t in rows if t.responsible_role != LEADER_ROLE]
    people = by_person(others, _staff(session, principal, services), on)
    series = on_time_series(session, principal, services[0], audit)
    return render(
        request,
        "leader/leader.html",
        {
            "people": people,
            "approvals": approvals,
            "today": on,
            "overdue_count": sum(len(p.overdue) for p in people),
            "soon_count": sum(len(p.soon) for p in people),
            "chart": on_time_chart(series) if series else None,
            "moved": moved,
        },
    )


# -- Moving a contact person's cases ---------------------------------------------------------


@dataclass
class Reassignment:
    """What the form says: from whom, to whom, which placements (as typed; checked by
    :func:`check`)."""

    fra: str = ""
    til: str = ""
    saker: list[str] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)


@dataclass
class Choices:
    contacts: list[Staff]
    cases: list[dict[str, Any]]  # the open placements of ``fra``, with the child's name

    def name_of(self, staff_id: str) -> str:
        return next((s.name for s in self.contacts if str(s.id) == staff_id), "")


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def _open_cases(
    session: Session, principal: Principal, contact_id: uuid.UUID, audit: AuditTrail
) -> list[dict[str, Any]]:
    """The placements the contact person follows that have not ended, with the child's name
    (a leader picks cases by the child, not by an id)."""
    rows: list[Placement] = []
    for status in (PlacementStatus.ACTIVE, PlacementStatus.PLANNED):
        rows.extend(
            every(
                lambda p: placements.list_placements(session, principal, p, audit=audit),
                PlacementFilters(contact_person_id=contact_id, status=status, limit=100),
            )
        )
    cases = []
    for row in rows:
        child = children.get_child(session, principal, row.child_id, audit=audit)
        cases.append(
            {
                "id": str(row.id),
                "child": f"{child.given_name} {child.family_name}",
                "start_date": row.start_date,
                "version": row.version,
                "status": row.status,
            }
        )
    return sorted(cases, key=lambda c: (c["child"].lower(), c["id"]))


def _choices(
    session: Session, principal: Principal, services: list[uuid.UUID], fra: str, audit: AuditTrail
) -> Choices:
    contacts = [
        s for s in _staff(session, principal, services) if StaffRole(s.role) in CONTACT_ROLES
    ]
    chosen = _uuid(fra) if fra else None
    cases: list[dict[str, Any]] = []
    if chosen is not None and any(s.id == chosen for s in contacts):
        cases = _open_cases(session, principal, chosen, audit)
    return Choices(contacts=contacts, cases=cases)


def check(form: Reassignment, choices: Choices) -> dict[str, str]:
    """The form's problems, by field (bokmål); none: it may be saved."""
    errors: dict[str, str] = {}
    known = {str(s.id) for s in choices.contacts}
    if not form.fra:
        errors["fra"] = "Velg kontaktpersonen sakene skal flyttes fra"
    elif form.fra not in known:
        errors["fra"] = "Velg en kontaktperson fra listen"
    if not form.til:
        errors["til"] = "Velg hvem sakene skal flyttes til"
    elif form.til not in known:
        errors["til"] = "Velg en kontaktperson fra listen"
    elif form.til == form.fra:
        errors["til"] = "Velg en annen enn den sakene flyttes fra"
    open_ids = {c["id"] for c in choices.cases}
    if "fra" not in errors:
        if not form.saker:
            errors["saker"] = "Velg minst én sak som skal flyttes"
        elif not set(form.saker) <= open_ids:
            errors["saker"] = "Velg sakene fra listen. En av dem er ikke lenger åpen"
    return errors


def _form_page(
    request: Request,
    form: Reassignment,
    choices: Choices,
    errors: dict[str, str],
    *,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "leader/reassign.html",
        {"form": form, "choices": choices, "errors": errors, "labels": LABELS},
        status_code=status_code,
    )


@router.get("/leader/reassign", name="reassign", operation_id="page_reassign")
def reassign_form(
    request: Request,
    principal: SignedIn,
    session: DbSession,
    audit: AuditList,
    fra: Annotated[str, Query(max_length=64)] = "",
    til: Annotated[str, Query(max_length=64)] = "",
    saker: Annotated[list[str] | None, Query(max_length=500)] = None,
) -> Response:
    services = leader_services(principal)
    form = Reassignment(fra=fra, til=til, saker=list(saker or []))
    choices = _choices(session, principal, services, fra, audit)
    errors: dict[str, str] = {}
    if fra and fra not in {str(s.id) for s in choices.contacts}:
        errors["fra"] = "Velg en kontaktperson fra listen"
    return _form_page(request, form, choices, errors, status_code=422 if errors else 200)


async def _posted(request: Request) -> tuple[Reassignment, str]:
    data = await request.form()

    def text(name: str) -> str:
        value = data.get(name)
        return value.strip()[:64] if isinstance(value, str) else ""

    saker = [v.strip()[:64] for v in data.getlist("saker") if isinstance(v, str) and v.strip()]
    versions = {s: text(f"versjon-{s}") for s in saker}
    return Reassignment(fra=text("fra"), til=text("til"), saker=saker, versions=versions), text(
        "steg"
    )


@router.post("/leader/reassign", name="reassign_post", operation_id="page_reassign_post")
async def reassign(
    request: Request,
    principal: SignedInForm,
    session: DbSession,
    audit: AuditUpdate,
    reads: AuditList,
) -> Response:
    services = leader_services(principal)
    form, step = await _posted(request)
    choices = _choices(session, principal, services, form.fra, reads)
    errors = check(form, choices)
    if errors:
        return _form_page(request, form, choices, errors, status_code=422)
    if step != "lagre":
        # The "check your answers" step: nothing is saved until the leader confirms.
        chosen = [c for c in choices.cases if c["id"] in form.saker]
        return render(
            request,
            "leader/reassign_check.html",
            {"form": form, "choices": choices, "chosen": chosen},
        )
    moved = _save(session, principal, form, audit)
    if isinstance(moved, dict):
        return _form_page(request, form, choices, moved, status_code=moved.pop("_status", 422))
    return RedirectResponse(f"/app/leader?{MOVED}={moved}", status_code=303)


def _save(
    session: Session, principal: Principal, form: Reassignment, audit: AuditTrail
) -> int | dict[str, Any]:
    """Move every chosen placement, or none: a refusal rolls all of them back."""
    new_contact = uuid.UUID(form.til)
    try:
        with session.begin_nested():
            for case_id in form.saker:
                version = form.versions.get(case_id, "")
                flows.change_placement(
                    session,
                    principal,
                    uuid.UUID(case_id),
                    data=PlacementUpdate(contact_person_id=new_contact),
                    precondition=ExpectVersion(int(version) if version.isdigit() else -1),
                    audit=audit,
                )
    except PreconditionFailed:
        return {
            "_status": 409,
            "saker": "En av sakene er endret av noen andre mens du holdt på. Ingenting er "
            "flyttet. Se over valgene og prøv igjen",
        }
    except AppError as exc:
        found: dict[str, Any] = {"_status": exc.status if 400 <= exc.status < 500 else 422}
        for error in exc.errors or []:
            if error.pointer == "/contact_person_id" or error.pointer == "#/contact_person_id":
                found.setdefault("til", message(error, LABELS["til"]))
        if len(found) == 1:
            found["saker"] = "Sakene kunne ikke flyttes. Ingenting er flyttet. Prøv igjen"
        return found
    return len(form.saker)
