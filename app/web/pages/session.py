"""Signing in and out, and the vendored assets.

In production the login goes straight to the identity provider (OpenID Connect, authorization
code with PKCE: app/web/oidc.py) and comes back to ``/app/login/callback``; signing out ends
the session at the provider too (RP-initiated logout). In development the login page lists the
service's staff (the demo users) and signs in as one of them without a password, beside the
provider's button when one is configured; the development login does not exist in production."""

from __future__ import annotations

import logging
import secrets
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select

from app.db import DbSession
from app.errors import Forbidden, NotFound
from app.services.models import Service
from app.staff.models import Staff, StaffRole
from app.web import assets, identity
from app.web.deps import (
    SignedInForm,
    cookie_name,
    login_url,
    safe_next,
    session_of,
    settings_of,
)
from app.web.oidc import Failure, LoginState, OidcClient, OidcError
from app.web.templating import render
from app.web_sessions import service as sessions
from app.web_sessions.service import Method

router = APIRouter()
log = logging.getLogger("app.web")

STAFF_ROLE_NAMES = {
    StaffRole.CONTACT_PERSON: "kontaktperson",
    StaffRole.LEADER: "leder",
    StaffRole.SUPERVISOR: "tilsynsfører",
}


@router.get("/static/{name}", name="asset")
def asset(request: Request, name: str) -> Response:
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


def _oidc(request: Request) -> OidcClient | None:
    client: OidcClient | None = request.app.state.oidc
    return client


def _base_url(request: Request) -> str:
    """Our own address as the provider must send the person back to it: the configured public
    one (production requires it), else the request's."""
    configured = settings_of(request).public_base_url
    return configured or str(request.base_url).rstrip("/")


def login_cookie_name(request: Request) -> str:
    """The cookie that keeps a login's state, nonce and code verifier between the redirect to
    the provider and its answer (``__Host-`` and Secure in production, as the session's)."""
    secure = settings_of(request).environment == "production"
    return "__Host-fosterflyt_login" if secure else "fosterflyt_login"


def _to_provider(request: Request, next_url: str, prompt: str | None = None) -> Response:
    oidc = _oidc(request)
    if oidc is None:
        raise NotFound("No identity provider is configured.")
    try:
        url, state = oidc.begin(
            redirect_uri=_base_url(request) + "/app/login/callback",
            next_url=safe_next(next_url),
            prompt=prompt,
        )
    except OidcError as error:
        return _login_failed(request, error.failure, next_url)
    response = RedirectResponse(url, status_code=303)
    response.set_cookie(
        login_cookie_name(request),
        state.encode(),
        path="/",
        httponly=True,
        secure=settings_of(request).environment == "production",
        samesite="lax",  # the provider's answer is a top-level GET navigation: Lax sends it
        max_age=LOGIN_SECONDS,
    )
    return response


# A login not finished at the provider within this time must start again.
LOGIN_SECONDS = 15 * 60
FAILURE_STATUS: dict[str, int] = {
    Failure.STATE: 400,
    Failure.REFUSED: 400,
    Failure.TOKEN: 400,
    Failure.CLAIM: 403,
    Failure.UNAVAILABLE: 502,
}


def _login_failed(
    request: Request, reason: Failure | str, next_url: str, *, status_code: int | None = None
) -> Response:
    status = status_code or FAILURE_STATUS.get(str(reason), 400)
    response = render(
        request,
        "login_failed.html",
        {"reason": str(reason), "retry": login_url(next_url), "next": safe_next(next_url)},
        status_code=status,
    )
    _forget_login(request, response)
    return response


def _forget_login(request: Request, response: Response) -> None:
    """The login's state is good for one answer (a ``__Host-`` cookie goes only with Secure)."""
    response.delete_cookie(
        login_cookie_name(request),
        path="/",
        secure=settings_of(request).environment == "production",
        httponly=True,
        samesite="lax",
    )


@router.get("/login", name="login")
def login(
    request: Request, session: DbSession, next: Annotated[str | None, Query()] = None
) -> Response:
    settings = settings_of(request)
    view = session_of(request, session)
    if view is not None and view.active:
        return RedirectResponse(safe_next(next), status_code=303)
    if settings.environment == "production":
        return _to_provider(request, safe_next(next))
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
            "oidc": _oidc(request) is not None,
            "timed_out": view is not None and not view.active,
        },
    )


@router.get("/login/oidc", name="oidc_login", operation_id="page_oidc_login")
def oidc_login(
    request: Request,
    next: Annotated[str | None, Query()] = None,
    prompt: Annotated[str | None, Query()] = None,
) -> Response:
    """To the identity provider (``prompt=login``: ask who the person is even if the
    provider already knows, to sign in as someone else)."""
    return _to_provider(request, safe_next(next), "login" if prompt == "login" else None)


@router.get("/login/callback", name="oidc_callback", operation_id="page_oidc_callback")
def oidc_callback(
    request: Request,
    session: DbSession,
    code: Annotated[str | None, Query(max_length=4000)] = None,
    state: Annotated[str | None, Query(max_length=400)] = None,
    error: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """The provider's answer. Refused unless it carries the ``state`` of the login this browser
    started; the ID token must verify and name a person with a staff row."""
    oidc = _oidc(request)
    if oidc is None:
        raise NotFound("No identity provider is configured.")
    login = LoginState.decode(request.cookies.get(login_cookie_name(request)))
    if login is None or state is None or not secrets.compare_digest(state, login.state):
        return _login_failed(request, Failure.STATE, login.next if login else "/app/")
    if error is not None:
        reason = "cancelled" if error == "access_denied" else Failure.REFUSED
        return _login_failed(request, reason, login.next, status_code=400)
    if code is None:
        return _login_failed(request, Failure.STATE, login.next)
    redirect_uri = _base_url(request) + "/app/login/callback"
    try:
        found = oidc.finish(code=code, redirect_uri=redirect_uri, login=login)
    except OidcError as failure:
        log.warning("oidc login refused: %s", failure.failure)
        return _login_failed(request, failure.failure, login.next)
    if identity.principal_for(session, found.subject) is None:
        return _login_failed(request, "unknown", login.next, status_code=403)
    token = sessions.start(
        session,
        subject=found.subject,
        display_name=found.display_name,
        method=Method.OIDC,
        id_token=found.id_token,
    )
    response = sign_in_response(request, token, login.next)
    _forget_login(request, response)
    return response


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
    target = "/app/logged-out"
    oidc = _oidc(request)
    if oidc is not None and view is not None and view.method == Method.OIDC:
        # RP-initiated logout: the provider ends its session too, then sends the person back.
        at_provider = oidc.logout_url(
            id_token=view.id_token, post_logout_redirect_uri=_base_url(request) + target
        )
        target = at_provider or target
    response = RedirectResponse(target, status_code=303)
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
