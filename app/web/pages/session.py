"""Signing in and out, and the vendored assets.

In development the login page lists the service's staff (the demo users) and signs in as one
of them without a password; in production that page does not exist and the login goes to the
identity provider (OpenID Connect)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from app.db import DbSession
from app.errors import Forbidden, NotFound
from app.services.models import Service
from app.staff.models import Staff, StaffRole
from app.web import assets
from app.web.deps import (
    SignedInForm,
    cookie_name,
    safe_next,
    session_of,
    settings_of,
)
from app.web.templating import render
from app.web_sessions import service as sessions
from app.web_sessions.service import Method

router = APIRouter()

STAFF_ROLE_NAMES = {
    StaffRole.CONTACT_PERSON: "kontaktperson",
    StaffRole.LEADER: "leder",
    StaffRole.SUPERVISOR: "tilsynsfører",
}


@router.get("/static/{name}", name="asset")
def asset(name: str, request: Request) -> Response:
    found = assets.find(name)
    if found is None:
        raise NotFound("No such asset.")
    headers = {"Cache-Control": assets.IMMUTABLE, "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        headers["Content-Encoding"] = "gzip"
        return Response(found.gzipped, media_type=found.media_type, headers=headers)
    return Response(found.content, media_type=found.media_type, headers=headers)


def _same_origin(request: Request) -> bool:
    """A login form must come from our own page (it has no session to carry a CSRF token yet):
    the browser says where a form came from in Origin (and Sec-Fetch-Site)."""
    if request.headers.get("sec-fetch-site") not in (None, "same-origin"):
        return False
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None and request.headers.get("sec-fetch-site") == "same-origin"
    parts = urlsplit(origin)
    return parts.netloc == request.headers.get("host")


def sign_in_response(
    request: Request, token: str, next_url: str, *, status_code: int = 303
) -> Response:
    settings = settings_of(request)
    response = RedirectResponse(safe_next(next_url), status_code=status_code)
    response.set_cookie(
        cookie_name(settings),
        token,
        path="/",
        httponly=True,
        secure=settings.environment == "production",
        samesite="lax",
        max_age=int(settings.session_absolute_hours * 3600),
    )
    return response


@router.get("/login", name="login")
def login(
    request: Request, session: DbSession, next: Annotated[str | None, Query()] = None
) -> Response:
    settings = settings_of(request)
    view = session_of(request, session)
    if view is not None and view.active:
        return RedirectResponse(safe_next(next), status_code=303)
    people: list[dict[str, str]] = []
    if settings.environment == "development":
        rows = session.execute(
            select(Staff.name, Staff.email, Staff.role, Service.name)
            .join(Service, Service.id == Staff.service_id)
            .order_by(Service.name, Staff.role, Staff.name)
        ).all()
        people = [
            {
                "name": name,
                "email": email,
                "role": STAFF_ROLE_NAMES[StaffRole(role)],
                "service": service,
            }
            for name, email, role, service in rows
        ]
    return render(
        request,
        "login.html",
        {
            "next": safe_next(next),
            "people": people,
            "development": settings.environment == "development",
            "timed_out": view is not None and not view.active,
        },
    )


@router.post("/login/development", name="development_login")
def development_login(
    request: Request,
    session: DbSession,
    email: Annotated[str, Form(max_length=254)],
    next: Annotated[str, Form(max_length=2000)] = "/app/",
) -> Response:
    settings = settings_of(request)
    if settings.environment != "development":
        raise NotFound("The development login exists only in development.")
    if not _same_origin(request):
        raise Forbidden("The login form must come from this site.")
    name = session.execute(
        select(Staff.name).where(Staff.email == email).limit(1)
    ).scalar_one_or_none()
    if name is None:
        raise NotFound("No staff member has that e-mail address.")
    token = sessions.start(session, subject=email, display_name=name, method=Method.DEVELOPMENT)
    return sign_in_response(request, token, next)


@router.post("/logout", name="logout")
def logout(request: Request, session: DbSession, _principal: SignedInForm) -> Response:
    view = session_of(request, session)
    if view is not None:
        sessions.end(session, view.id)
    response = RedirectResponse("/app/logged-out", status_code=303)
    settings = settings_of(request)
    response.delete_cookie(
        cookie_name(settings),
        path="/",
        secure=settings.environment == "production",
        httponly=True,
        samesite="lax",
    )
    return response


@router.get("/logged-out", name="logged_out")
def logged_out(request: Request) -> Response:
    return render(request, "logged_out.html")
