"""*Min kalender*: the signed-in person's calendar feed of their open tasks (Outlook and
others subscribe to a secret address).

The address carries the feed's token: it is shown once, in the body of the page that answers
the POST that created it, never in a URL of ours, a redirect, a title or a log. The token is
stored only as a hash, so the page cannot show an existing feed's address again: a person who
lost it revokes the feed and makes a new one."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from app.calendar import service as calendar
from app.calendar.models import CalendarFeed
from app.db import DbSession
from app.errors import NotFound, ValidationFailed
from app.principal import Principal
from app.web.deps import SignedIn, SignedInForm
from app.web.templating import render

router = APIRouter()


def feed_url(request: Request, token: str) -> str:
    """The feed's secret address under the configured public base URL (the API's rule)."""
    base: str | None = request.app.state.public_base_url
    if base is None:
        return str(request.url_for("calendar_ics", token=token))
    return base + str(request.app.url_path_for("calendar_ics", token=token))


def _own_feeds(request: Request, principal: Principal, session: DbSession) -> list[CalendarFeed]:
    """The person's own feeds (a leader's list holds the service's: only their own here)."""
    mine = {g.staff_id for g in principal.grants.values() if g.staff_id is not None}
    return [f for f in calendar.list_feeds(session, principal) if f.staff_id in mine]


def _page(
    request: Request,
    principal: Principal,
    session: DbSession,
    *,
    url: str | None = None,
    refused: bool = False,
    status_code: int = 200,
) -> Response:
    feeds = _own_feeds(request, principal, session)
    return render(
        request,
        "calendar/calendar.html",
        {
            "active": [f for f in feeds if f.revoked_at is None],
            "revoked": [f for f in feeds if f.revoked_at is not None],
            "url": url,
            "refused": refused,
            "revoked_now": request.query_params.get("stoppet") == "1",
        },
        status_code=status_code,
    )


@router.get("/calendar", name="calendar", operation_id="page_calendar")
def calendar_page(request: Request, principal: SignedIn, session: DbSession) -> Response:
    return _page(request, principal, session)


@router.post("/calendar", name="calendar_create", operation_id="page_calendar_create")
def create_feed(request: Request, principal: SignedInForm, session: DbSession) -> Response:
    """A new feed; its address is in this answer's body only (shown once)."""
    try:
        _, token = calendar.create_feed(session, principal)
    except ValidationFailed:
        # Staff rows in several services (a team member): a feed belongs to one of them.
        return _page(request, principal, session, refused=True, status_code=422)
    return _page(request, principal, session, url=feed_url(request, token), status_code=201)


def _feed(request: Request, principal: Principal, session: DbSession, feed_id: str) -> CalendarFeed:
    try:
        wanted = uuid.UUID(feed_id)
    except ValueError:
        raise NotFound("No such calendar feed.") from None
    found = next((f for f in _own_feeds(request, principal, session) if f.id == wanted), None)
    if found is None:
        raise NotFound("No such calendar feed.")
    return found


@router.get(
    "/calendar/{feed_id}/revoke", name="calendar_revoke", operation_id="page_calendar_revoke"
)
def confirm_revoke(
    request: Request, feed_id: str, principal: SignedIn, session: DbSession
) -> Response:
    feed = _feed(request, principal, session, feed_id)
    return render(request, "calendar/revoke.html", {"feed": feed})


@router.post(
    "/calendar/{feed_id}/revoke",
    name="calendar_revoke_confirmed",
    operation_id="page_calendar_revoke_confirmed",
)
def revoke(request: Request, feed_id: str, principal: SignedInForm, session: DbSession) -> Response:
    feed = _feed(request, principal, session, feed_id)
    calendar.revoke_feed(session, principal, feed.id)
    return RedirectResponse("/app/calendar?stoppet=1", status_code=303)
