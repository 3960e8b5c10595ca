"""*Mine oppgaver*: the contact person's start page, their open tasks by when they are due."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.audit.trail import AuditList
from app.clock import today
from app.db import DbSession
from app.tasks import service as tasks
from app.tasks.models import TaskStatus
from app.tasks.schemas import TaskFilters
from app.web.deps import SignedIn
from app.web.templating import render

router = APIRouter()

SOON_DAYS = 14


@router.get("/", name="my_tasks", operation_id="page_my_tasks")
def my_tasks(
    request: Request, principal: SignedIn, session: DbSession, audit: AuditList
) -> Response:
    on = today()
    mine = [g.staff_id for g in principal.grants.values() if g.staff_id is not None]
    rows = []
    for staff_id in mine:
        cursor: str | None = None
        while True:
            params = TaskFilters(
                assignee_id=staff_id, status=TaskStatus.OPEN, limit=100, cursor=cursor
            )
            page, cursor = tasks.list_tasks(session, principal, params, audit=audit)
            rows.extend(page)
            if cursor is None:
                break
    rows.sort(key=lambda t: (t.due_date, t.title))
    soon = on + timedelta(days=SOON_DAYS)
    groups = {
        "overdue": [t for t in rows if t.due_date < on],
        "soon": [t for t in rows if on <= t.due_date <= soon],
        "later": [t for t in rows if t.due_date > soon],
    }
    return render(request, "my_tasks.html", {"groups": groups, "today": on})
