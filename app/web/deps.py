"""What a page route depends on: the signed-in person (or a redirect to the login), their
principal, and a checked CSRF token on every form it receives.

``SignedIn`` makes the principal the request's, as the API's ``authorize`` does, so the audit
trail (``AuditRead`` and its siblings from :mod:`app.audit.trail`) and the refused-attempt
records work for pages exactly as for the API."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from app.config import Settings
from app.db import DbSession
from app.errors import NotFound
from app.principal import DEFAULT_SCOPES, Principal, Scope
from app.web import identity
from app.web_sessions import service as sessions
from app.web_sessions.service import SessionView, Timeouts

DEV_COOKIE = "fosterflyt_session"
SECURE_COOKIE = "__Host-fosterflyt_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


class LoginRequired(Exception):
    """No session, or one that timed out: the person signs in and comes back to ``next_url``."""

    def __init__(self, next_url: str, reason: str | None = None) -> None:
        super().__init__(next_url)
        self.next_url = next_url
        self.reason = reason


class NoAccess(Exception):
    """Signed in, but no staff row grants the person anything."""


class CsrfRefused(Exception):
    """A form arrived without this session's CSRF token."""


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def cookie_name(settings: Settings) -> str:
    """decisions.md 2: ``__Host-`` (always Secure) in production; plain HTTP in development
    cannot carry a Secure cookie, so there it has no prefix."""
    return SECURE_COOKIE if settings.environment == "production" else DEV_COOKIE


def timeouts(settings: Settings) -> Timeouts:
    return Timeouts(
        idle=timedelta(minutes=settings.session_idle_minutes),
        absolute=timedelta(hours=settings.session_absolute_hours),
    )


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a path of the web app, never another site."""
    if value and value.startswith("/app") and not value.startswith("//") and "\\" not in value:
        return value
    return "/app/"


def login_url(next_url: str) -> str:
    return "/app/login?next=" + quote(safe_next(next_url), safe="/")


def session_of(request: Request, session: Session) -> SessionView | None:
    """The request's web session, active or timed out (None: no cookie or unknown token)."""
    if hasattr(request.state, "web_session"):
        view: SessionView | None = request.state.web_session
        return view
    settings = settings_of(request)
    token = request.cookies.get(cookie_name(settings))
    view = sessions.current(session, token, timeouts(settings)) if token else None
    request.state.web_session = view
    return view


def _next_of(request: Request) -> str:
    path = request.url.path
    return path + ("?" + request.url.query if request.url.query and request.method == "GET" else "")


def signed_in(request: Request, session: DbSession) -> Principal:
    view = session_of(request, session)
    if view is None or not view.active:
        raise LoginRequired(_next_of(request), view.end_reason if view is not None else None)
    principal = identity.principal_for(session, view.subject)
    if principal is None:
        raise NoAccess()
    request.state.principal = principal
    return principal


SignedIn = Annotated[Principal, Depends(signed_in)]


async def csrf_valid(request: Request) -> bool:
    """Whether the form carries the CSRF token of the request's session (active or not)."""
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    view = getattr(request.state, "web_session", None)
    expected = view.csrf_token if isinstance(view, SessionView) else None
    if not sent or expected is None:
        return False
    return secrets.compare_digest(sent, expected)


async def signed_in_form(request: Request, principal: SignedIn) -> Principal:
    """``SignedIn`` for a route that receives a form: every form of the web app carries the
    session's CSRF token (htmx sends it as a header); SameSite=Lax on the cookie is the second
    line."""
    if not await csrf_valid(request):
        raise CsrfRefused()
    return principal


SignedInForm = Annotated[Principal, Depends(signed_in_form)]


async def posted_form(request: Request) -> FormData:
    """The posted form (read once; the CSRF check has usually read it already)."""
    return await request.form()


Posted = Annotated[FormData, Depends(posted_form)]


def services_with(principal: Principal, scope: Scope) -> list[uuid.UUID]:
    """The services where the person's role carries ``scope`` (scopes are per role, and a
    person may lead in one service and follow cases in another)."""
    return sorted(
        (s for s, g in principal.grants.items() if scope in DEFAULT_SCOPES[g.role]), key=str
    )


def require_scope(principal: Principal, scope: Scope) -> list[uuid.UUID]:
    """The services where the person may do this; a page they may not use is a 404, like a
    row they may not see."""
    services = services_with(principal, scope)
    if not services:
        raise NotFound("No such page.")
    return services
