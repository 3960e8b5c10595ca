"""Errors on pages are pages: a 404 looks like a 404 to a person, not a problem document.

The JSON handlers (app/error_handlers.py, and the refused-attempt record of app/api/refused.py)
still run first for a request under ``/app/``, so the same error is recorded the same way;
only the response they made is replaced by a page with the same status."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from app.web.deps import CsrfRefused, LoginRequired, NoAccess, login_url
from app.web.templating import render

Handler = Callable[[Request, Exception], Awaitable[Response] | Response]

# What a person reads for each status (bokmål); anything else is the generic error.
MESSAGES: dict[int, tuple[str, str]] = {
    400: ("Noe var feil i forespørselen", "Gå tilbake og prøv igjen."),
    403: ("Du har ikke tilgang", "Du har ikke tilgang til denne siden."),
    404: (
        "Fant ikke siden",
        "Siden finnes ikke, eller du har ikke tilgang til den. Sjekk at adressen er riktig.",
    ),
    405: ("Fant ikke siden", "Denne adressen kan ikke brukes slik."),
    409: (
        "Noen andre har endret dette",
        "Det du prøvde å lagre, er endret av noen andre i mellomtiden. Last siden på nytt.",
    ),
    413: ("For mye innhold", "Skjemaet eller filen var for stor."),
    429: ("For mange forespørsler", "Vent litt, og prøv igjen."),
    503: (
        "Tjenesten er midlertidig utilgjengelig",
        "Vi får ikke kontakt med databasen akkurat nå. Prøv igjen om litt.",
    ),
}
GENERIC = ("Noe gikk galt", "Det oppstod en feil hos oss. Prøv igjen senere.")


def is_page(request: Request) -> bool:
    path = request.url.path
    return path == "/app" or path.startswith("/app/")


def error_page(request: Request, status: int, headers: dict[str, str] | None = None) -> Response:
    title, text = MESSAGES.get(status, GENERIC)
    return render(
        request,
        "error.html",
        {"title": title, "text": text, "status": status},
        status_code=status,
        headers=headers,
    )


def _pages_first(original: Handler) -> Handler:
    async def handle(request: Request, exc: Exception) -> Response:
        response = original(request, exc)
        if not isinstance(response, Response):
            response = await response
        if not is_page(request):
            return response
        kept = {k: v for k, v in response.headers.items() if k.lower() in ("retry-after",)}
        return error_page(request, response.status_code, kept)

    return handle


async def _login_required(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LoginRequired)
    return RedirectResponse(login_url(exc.next_url), status_code=303)


async def _no_access(request: Request, exc: Exception) -> Response:
    return render(request, "no_access.html", status_code=403)


async def _csrf_refused(request: Request, exc: Exception) -> Response:
    return render(request, "csrf_refused.html", status_code=403)


def install_page_errors(app: FastAPI) -> None:
    """Wrap every installed handler (call after the JSON ones are installed)."""
    handlers: dict[Any, Handler] = app.exception_handlers
    for key, handler in list(handlers.items()):
        handlers[key] = _pages_first(handler)
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(NoAccess, _no_access)
    app.add_exception_handler(CsrfRefused, _csrf_refused)
