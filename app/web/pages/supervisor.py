"""The foster-home supervisor's page: the foster homes and placements they supervise, and the
tasks assigned to them (the En god start sessions and other supervisor steps).

What a supervisor sees is the tenancy layer's answer (``Role.SUPERVISOR``: the placements
whose supervisor they are, those placements' child and foster home, and their tasks); the
page only asks the services. It links to the task pages, not to the placement page: that page
shows the whole case (contact visits, plans, documents), which is more than a supervisor sees."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.audit.trail import AuditList
from app.children import service as children
from app.clock import today
from app.db import DbSession
from app.errors import NotFound
from app.foster_homes import service as foster_homes
from app.foster_homes.models import FosterHome
from app.placements import service as placements
from app.placements.models import Placement, PlacementStatus
from app.placements.schemas import PlacementFilters
from app.principal import Principal, Role
from app.tasks import service as tasks
from app.tasks.models import Task, TaskStatus
from app.tasks.schemas import TaskFilters
from app.web.deps import SignedIn
from app.web.pages.leader import every
from app.web.templating import environment, render

router = APIRouter()


def supervisor_grants(principal: Principal) -> dict[uuid.UUID, uuid.UUID]:
    """The services where the person is a foster-home supervisor, with their staff row there."""
    return {
        service_id: grant.staff_id
        for service_id, grant in principal.grants.items()
        if grant.role is Role.SUPERVISOR and grant.staff_id is not None
    }


def supervises(request: Request) -> bool:
    """For the navigation: whether the signed-in person is a supervisor anywhere."""
    principal = getattr(request.state, "principal", None)
    return isinstance(principal, Principal) and bool(supervisor_grants(principal))


environment.globals["supervises"] = supervises


@dataclass
class Home:
    home: FosterHome
    placements: list[dict[str, Any]] = field(default_factory=list)


@router.get("/supervisor", name="supervisor", operation_id="page_supervisor")
def supervisor(
    request: Request, principal: SignedIn, session: DbSession, audit: AuditList
) -> Response:
    grants = supervisor_grants(principal)
    if not grants:
        raise NotFound("No such page.")
    on = today()
    rows: list[Placement] = []
    for service_id in sorted(grants, key=str):
        for status in (PlacementStatus.ACTIVE, PlacementStatus.PLANNED):
            rows.extend(
                every(
                    lambda p: placements.list_placements(session, principal, p, audit=audit),
                    PlacementFilters(service_id=service_id, status=status, limit=100),
                )
            )
    homes: dict[uuid.UUID, Home] = {}
    for row in rows:
        if row.foster_home_id not in homes:
            home = foster_homes.get_foster_home(session, principal, row.foster_home_id, audit=audit)
            homes[row.foster_home_id] = Home(home)
        child = children.get_child(session, principal, row.child_id, audit=audit)
        homes[row.foster_home_id].placements.append(
            {
                "id": row.id,
                "child": f"{child.given_name} {child.family_name}",
                "start_date": row.start_date,
                "planned": row.status is PlacementStatus.PLANNED,
            }
        )
    mine: list[Task] = []
    for staff_id in sorted(set(grants.values()), key=str):
        mine.extend(
            every(
                lambda p: tasks.list_tasks(session, principal, p, audit=audit),
                TaskFilters(assignee_id=staff_id, status=TaskStatus.OPEN, limit=100),
            )
        )
    mine.sort(key=lambda t: (t.due_date, t.title, str(t.id)))
    ordered = sorted(homes.values(), key=lambda h: (h.home.name.lower(), str(h.home.id)))
    for entry in ordered:
        entry.placements.sort(key=lambda p: (p["child"].lower(), str(p["id"])))
    return render(
        request, "supervisor/supervisor.html", {"homes": ordered, "tasks": mine, "today": on}
    )
