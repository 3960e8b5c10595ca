from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Path, Request, Response

from app.auth import authorize
from app.calendar import service
from app.calendar.schemas import CalendarFeedCreated, CalendarFeedRead
from app.db import DbSession
from app.errors import NotFound, responses
from app.http import etag_for, item_response, secret_response
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.service import Idempotency, idempotent
from app.principal import Principal, Scope
from app.schemas import Page, SecretKind, ShownSecret

router = APIRouter(tags=["calendar"])
Reader = Annotated[Principal, authorize(Scope.TASKS_READ)]


@router.post(
    "/v1/calendar-feeds",
    status_code=201,
    response_model=CalendarFeedCreated,
    operation_id="createCalendarFeed",
    summary="Create a calendar feed of my open tasks",
    description="For the staff member named by the token. The URL is shown once; subscribe to "
    "it in Outlook. Events show the task and its deadline, never the child's name.",
    responses=responses(IdempotencyKeyReused, IdempotencyInFlight),
)
def create_feed(
    principal: Reader, session: DbSession, request: Request, idem: Idempotency
) -> Response:
    def run() -> tuple[uuid.UUID, Response]:
        feed, token = service.create_feed(session, principal)
        resource = CalendarFeedRead.model_validate(feed)
        secret = ShownSecret(
            kind=SecretKind.CALENDAR_FEED_URL,
            value=_feed_url(request, token),
            previous_expires_at=None,
        )
        body = CalendarFeedCreated(resource=resource, secret=secret)
        return feed.service_id, secret_response(resource, body, status_code=201)

    return idempotent(session=session, principal=principal, idem=idem, run=run, shows_secret=True)


def _feed_url(request: Request, token: str) -> str:
    """The feed's secret address, under the configured public base URL. Without one
    (development only: production refuses to start without it) the address this request was
    sent to, Host header and all."""
    base: str | None = request.app.state.public_base_url
    if base is None:
        return str(request.url_for("calendar_ics", token=token))
    return base + str(request.app.url_path_for("calendar_ics", token=token))


@router.get(
    "/v1/calendar-feeds",
    response_model=Page[CalendarFeedRead],
    operation_id="listCalendarFeeds",
    summary="List calendar feeds",
    description="Your own feeds; leaders and integrations see every feed of their services.",
    responses=responses(),
)
def list_feeds(principal: Reader, session: DbSession) -> Page[CalendarFeedRead]:
    feeds = service.list_feeds(session, principal)
    return Page[CalendarFeedRead].whole([CalendarFeedRead.model_validate(f) for f in feeds])


@router.post(
    "/v1/calendar-feeds/{feed_id}/revoke",
    response_model=CalendarFeedRead,
    operation_id="revokeCalendarFeed",
    summary="Revoke a calendar feed",
    description="Its URL stops working at once. Revoking twice is harmless.",
    responses=responses(NotFound),
)
def revoke_feed(
    feed_id: uuid.UUID, principal: Reader, session: DbSession, request: Request
) -> Response:
    feed = service.revoke_feed(session, principal, feed_id)
    return item_response(request, CalendarFeedRead.model_validate(feed))


@router.get(
    "/calendar/{token}.ics",
    name="calendar_ics",
    operation_id="getCalendarFeed",
    summary="A calendar feed (iCalendar)",
    description="Opened by calendar clients with the secret URL; no Authorization header. A "
    "revoked or unknown URL answers 404. Each event names its case by the journal system's key "
    "for the placement (or the start of the placement's id), never by the child. The feed has "
    "an ETag: a poll with `If-None-Match` gets 304 while nothing changed.",
    response_class=Response,
    responses={
        200: {
            "description": "An iCalendar (RFC 5545) document.",
            "content": {"text/calendar": {"schema": {"type": "string"}}},
        },
        304: {"description": "Unchanged since the ETag sent in If-None-Match."},
        **responses(NotFound),
    },
)
def calendar_ics(
    token: Annotated[str, Path(min_length=20, max_length=100)],
    session: DbSession,
    request: Request,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    base: str = request.app.state.public_base_url or str(request.base_url).rstrip("/")
    body = service.render_feed(session, token, base_url=base)
    etag = etag_for(body)
    if if_none_match is not None and etag in {t.strip() for t in if_none_match.split(",")}:
        return Response(status_code=304, headers={"ETag": etag})
    return Response(
        content=body,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'inline; filename="fosterflyt.ics"', "ETag": etag},
    )
