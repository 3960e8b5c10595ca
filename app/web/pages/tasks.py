"""*Mine oppgaver*: the signed-in person's open tasks by when they are due (overdue, the next 14
days, later), with a filter by child.

The filter is a GET form (it works without JavaScript; htmx swaps the list in place). Its value
is the placement's id, never a name: names are in the page body only."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from app.audit.trail import AuditList, AuditTrail
from app.children import service as children
from app.clock import today
from app.db import DbSession
from app.placements import service as placements
from app.placements.models import Placement, PlacementStatus
from app.placements.schemas import PlacementFilters
from app.principal import Principal
from app.tasks import service as tasks
from app.tasks.models import Task, TaskStatus
from app.tasks.schemas import TaskFilters
from app.web.deps import SignedIn
from app.web.templating import render

router = APIRouter()

SOON_DAYS = 14
# "Later" lists the next three months; what falls due after that is counted, and the child's
# year wheel shows it. A contact person's whole plan runs to hundreds of tasks.
LATER_DAYS = 91
PAGE_SIZE = 100


@dataclass(frozen=True)
class ChildOption:
    """A child the person follows, as the filter offers it: by the placement's id."""

    placement_id: uuid.UUID
    name: str


def _staff_ids(principal: Principal) -> list[uuid.UUID]:
    return [g.staff_id for g in principal.grants.values() if g.staff_id is not None]


def _my_placements(
    session: Session, principal: Principal, staff_ids: list[uuid.UUID], audit: AuditTrail
) -> list[Placement]:
    """The placements the person is contact person for (every page of them)."""
    found: list[Placement] = []
    for staff_id in staff_ids:
        cursor: str | None = None
        while True:
            params = PlacementFilters(contact_person_id=staff_id, limit=PAGE_SIZE, cursor=cursor)
            rows, cursor = placements.list_placements(session, principal, params, audit=audit)
            found.extend(rows)
            if cursor is None:
                break
    return found


def _open_tasks(
    session: Session,
    principal: Principal,
    staff_ids: list[uuid.UUID],
    placement_id: uuid.UUID | None,
    until: date,
    audit: AuditTrail,
) -> list[Task]:
    rows: list[Task] = []
    for staff_id in staff_ids:
        cursor: str | None = None
        while True:
            params = TaskFilters(
                assignee_id=staff_id,
                placement_id=placement_id,
                status=TaskStatus.OPEN,
                due_before=until,
                limit=PAGE_SIZE,
                cursor=cursor,
            )
            page, cursor = tasks.list_tasks(session, principal, params, audit=audit)
            rows.extend(page)
            if cursor is None:
                break
    rows.sort(key=lambda t: (t.due_date, t.title))
    return rows


def _children_of(
    session: Session, principal: Principal, rows: list[Placement], audit: AuditTrail
) -> dict[uuid.UUID, str]:
    """Each placement's child's name (each child read once, and recorded)."""
    names: dict[uuid.UUID, str] = {}
    for child_id in {p.child_id for p in rows}:
        child = children.get_child(session, principal, child_id, audit=audit)
        names[child_id] = f"{child.given_name} {child.family_name}"
    return {p.id: names[p.child_id] for p in rows}


def _parse_id(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None


def group(rows: list[Task], on: date) -> dict[str, list[Task]]:
    """Overdue (before today), due within the next 14 days (today included), later."""
    soon = on + timedelta(days=SOON_DAYS)
    return {
        "overdue": [t for t in rows if t.due_date < on],
        "soon": [t for t in rows if on <= t.due_date <= soon],
        "later": [t for t in rows if t.due_date > soon],
    }


@router.get("/", name="my_tasks", operation_id="page_my_tasks")
def my_tasks(
    request: Request,
    principal: SignedIn,
    session: DbSession,
    audit: AuditList,
    barn: Annotated[str | None, Query(max_length=64)] = None,
) -> Response:
    on = today()
    mine = _staff_ids(principal)
    own = _my_placements(session, principal, mine, audit)
    chosen = _parse_id(barn)
    unknown = barn not in (None, "") and (chosen is None or chosen not in {p.id for p in own})
    if unknown:
        chosen = None
    horizon = on + timedelta(days=LATER_DAYS)
    rows = _open_tasks(session, principal, mine, chosen, horizon, audit)
    beyond = tasks.count_open_after(
        session, principal, assignee_ids=mine, after=horizon, placement_id=chosen
    )
    with_tasks = {t.placement_id for t in rows}
    # The children in the filter: those living in their foster home now or soon, and those
    # whose placement has ended but still has tasks here (each child read once, and recorded).
    shown = [
        p
        for p in own
        if p.status is not PlacementStatus.ENDED or p.id in with_tasks or p.id == chosen
    ]
    names = _children_of(session, principal, shown, audit)
    options = sorted(
        (ChildOption(p.id, names[p.id]) for p in shown),
        key=lambda o: (o.name, str(o.placement_id)),
    )
    context = {
        "groups": group(rows, on),
        "today": on,
        "options": options,
        "chosen": str(chosen) if chosen else "",
        "names": names,
        "errors": {"barn": "Velg et av barna i listen"} if unknown else {},
        "total": len(rows) + beyond,
        "beyond": beyond,
        "horizon": horizon,
    }
    return render(request, "my_tasks.html", context)
