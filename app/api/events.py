from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

import app.models  # noqa: F401  (every domain declares its event types with its models)
from app.auth import authorize
from app.db import DbSession
from app.errors import InvalidCursor, responses
from app.events import service
from app.events.schemas import EventPage, EventRead
from app.principal import Principal, Scope

router = APIRouter(tags=["events"])
Reader = Annotated[Principal, authorize(Scope.EVENTS_READ)]


@router.get(
    "/v1/events",
    response_model=EventPage,
    operation_id="listEvents",
    summary="The event feed",
    description="Every change in your services, oldest first, resumable: keep `next_cursor` and "
    "pass it as `after` next time. Events are written in the same transaction as the change, so "
    "none is lost. Payloads hold ids only. Types: "
    + ", ".join(f"`{t}`" for t in service.event_types())
    + ".",
    responses=responses(InvalidCursor),
)
def list_events(
    principal: Reader,
    session: DbSession,
    after: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    type: Annotated[list[str] | None, Query(description="Only these types.")] = None,
    service_id: uuid.UUID | None = None,
) -> EventPage:
    rows, cursor, has_more = service.feed(
        session, principal, after=after, limit=limit, types=type, service_id=service_id
    )
    return EventPage(
        items=[EventRead.model_validate(r) for r in rows], next_cursor=cursor, has_more=has_more
    )
