from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

import app.models  # noqa: F401  (every domain declares its event types with its models)
from app.auth import authorize
from app.db import DbSession
from app.errors import InvalidCursor, responses
from app.events import service
from app.events.schemas import EventFilters, EventPage, EventRead
from app.http import JSON, render
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
    + ". Like every list: at most 100 a page, a `Link` header to the next page while there "
    "is more, and an unknown parameter or event type is a 422.",
    responses=responses(InvalidCursor),
)
def list_events(
    principal: Reader,
    session: DbSession,
    request: Request,
    params: Annotated[EventFilters, Query()],
) -> Response:
    rows, cursor, has_more = service.feed(
        session,
        principal,
        after=params.resume_from,
        after_parameter="cursor" if params.cursor else "after",
        limit=params.limit,
        types=params.type,
        service_id=params.service_id,
    )
    page = EventPage(
        items=[EventRead.model_validate(r) for r in rows], next_cursor=cursor, has_more=has_more
    )
    headers = {}
    if has_more:
        # Relative to the request, as every list's (RFC 8288 §3.1); `after` gives way to it.
        url = request.url.remove_query_params("after").include_query_params(cursor=cursor)
        headers["Link"] = f'<{url.path}?{url.query}>; rel="next"'
    return Response(content=render(page), media_type=JSON, headers=headers)
