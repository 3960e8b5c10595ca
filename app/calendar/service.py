"""Calendar feeds: a contact person's open tasks as iCalendar (RFC 5545), for Outlook and others.

Calendar clients cannot send bearer tokens, so each feed is a secret URL: stored only as a hash,
shown once, revocable. Events carry the task's title, due date and explanation, and no names:
calendars are synced to places the case file is not.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import date, timedelta
from typing import Any

from icalendar import Calendar, Event
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.calendar.models import CalendarFeed
from app.db import utcnow
from app.errors import FieldError, NotFound, ValidationFailed
from app.placements.models import Placement
from app.planning.definitions import catalogue
from app.principal import Principal
from app.staff.models import Staff
from app.tasks.models import Task, TaskStatus
from app.tenancy import TenantRepository

TOKEN_BYTES = 32


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeedRepository(TenantRepository[CalendarFeed]):
    model = CalendarFeed
    path = "calendar-feeds"
    noun = "calendar feed"

    def case_filter(self, staff_id: Any) -> ColumnElement[bool]:
        mine: ColumnElement[bool] = CalendarFeed.staff_id == staff_id
        return mine

    def supervised_filter(self, staff_id: Any) -> ColumnElement[bool]:
        return self.case_filter(staff_id)


def create_feed(session: Session, principal: Principal) -> tuple[CalendarFeed, str]:
    # A feed belongs to one staff row; a person with staff rows in several services (a team
    # member) creates each feed with a token for that service.
    staff_ids = {g.staff_id for g in principal.grants.values() if g.staff_id is not None}
    if len(staff_ids) != 1:
        raise ValidationFailed(
            "A calendar feed belongs to a staff member: use a token that names one staff_id.",
            errors=[
                FieldError(
                    detail="The token has no staff_id"
                    if not staff_ids
                    else "The token names several staff rows",
                    parameter="Authorization",
                    location="header",
                    code="no_staff" if not staff_ids else "several_staff",
                )
            ],
        )
    [staff_id] = staff_ids
    staff = session.scalar(
        select(Staff).where(Staff.id == staff_id, Staff.service_id.in_(principal.service_ids))
    )
    if staff is None:
        raise NotFound("The token's staff member is not in its services.")
    token = secrets.token_urlsafe(TOKEN_BYTES)
    feed = CalendarFeed(
        service_id=staff.service_id,
        staff_id=staff.id,
        token_hash=_hash(token),
        token_prefix=token[:8],
        created_by=principal.subject,
    )
    session.add(feed)
    session.flush()
    return feed, token


def list_feeds(session: Session, principal: Principal) -> list[CalendarFeed]:
    stmt = CalendarFeedRepository(session, principal).readable()
    return list(session.scalars(stmt.order_by(CalendarFeed.created_at)))


def revoke_feed(session: Session, principal: Principal, feed_id: uuid.UUID) -> CalendarFeed:
    feed = CalendarFeedRepository(session, principal).get_for_update(feed_id)
    if feed.revoked_at is None:
        feed.revoked_at = utcnow()
        session.flush()
    return feed


def _day_after(day: date) -> date | None:
    """The exclusive end of an all-day event on ``day``; None on the last representable day,
    where RFC 5545 (3.6.1) lets a DATE start without an end stand for that one day."""
    return None if day == date.max else day + timedelta(days=1)


def render_feed(session: Session, token: str, *, base_url: str) -> bytes:
    """The open tasks of the feed's staff member; an unknown or revoked token is a 404. Each
    event links to the task's page in the web app under ``base_url``.

    Any stored due date renders, up to the last representable day (9999-12-31): a task moved
    there must not take the assignee's whole feed down."""
    feed = session.scalar(
        select(CalendarFeed).where(
            CalendarFeed.token_hash == _hash(token), CalendarFeed.revoked_at.is_(None)
        )
    )
    if feed is None:
        raise NotFound("No such calendar feed.")
    rows = session.execute(
        select(Task, Placement.external_key)
        .join(Placement, Placement.id == Task.placement_id)
        .where(
            Task.service_id == feed.service_id,
            Task.assignee_id == feed.staff_id,
            Task.status == TaskStatus.OPEN,
        )
        .order_by(Task.due_date, Task.id)
        .limit(2000)
    )
    calendar = Calendar()
    calendar.add("prodid", "-//Fosterflyt//oppfolging//NO")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Fosterflyt – frister")
    for task, external_key in rows:
        event = Event()
        event.add("uid", f"{task.id}@fosterflyt")
        # When the task last changed, not the moment of the request: the same tasks give the
        # same feed, byte for byte, so its ETag holds and a calendar's poll can be a 304.
        event.add("dtstamp", task.updated_at)
        event.add("dtstart", task.due_date)
        end = _day_after(task.due_date)
        if end is not None:
            event.add("dtend", end)
        title, explanation = _without_names(task)
        case = case_reference(task.placement_id, external_key)
        page = f"{base_url}/app/tasks/{task.id}"
        event.add("summary", f"Frist: {title} ({case})")
        event.add("description", f"{explanation}\n\nSak: {case}.\nÅpne oppgaven: {page}")
        event.add("url", page)
        event.add("categories", [task.definition_key])
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def case_reference(placement_id: uuid.UUID, external_key: str | None) -> str:
    """Which case an event belongs to, without naming the child: the journal system's key for
    the placement, or else the first eight characters of the placement's id."""
    return external_key or f"plassering {str(placement_id)[:8]}"


def _without_names(task: Task) -> tuple[str, str]:
    """The title and explanation without the parents' names a per-household task carries
    ("Oppfølgingssamtale med Kari Nordmann" is "Oppfølgingssamtale med foreldrene" here)."""
    if task.parent_household_id is None:
        return task.title, task.explanation
    step = catalogue().get(task.definition_key, task.definition_version).step(task.step_key)
    names = step.parents_in(task.title)
    explanation = task.explanation
    if names is not None:
        explanation = explanation.replace(f" Gjelder {names}.", "")
    return step.title, explanation
