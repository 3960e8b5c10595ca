"""Jinja2 for the pages: autoescaped, undefined names are errors, Norwegian dates.

Every page extends ``base.html``; ``render`` gives it the request, the CSP nonce, the
signed-in person and the CSRF token, so no page template has to pass them on."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from app.planning.durations import MONTHS_NB, WEEKDAYS_NB, norwegian_date
from app.web import assets

TEMPLATES = Path(__file__).parent / "templates"
OSLO = ZoneInfo("Europe/Oslo")

# The planner's own words for months and weekdays, so a page and an explanation agree.
MONTHS = MONTHS_NB
WEEKDAYS = WEEKDAYS_NB


def long_date(value: date | datetime | None) -> str:
    """``7. desember 2026``, as Norwegians write a date in running text."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(OSLO).date()
    return norwegian_date(value)


def short_date(value: date | datetime | None) -> str:
    """``07.12.2026``, for tables."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(OSLO).date()
    return value.strftime("%d.%m.%Y")


def date_time(value: datetime | None) -> str:
    """``07.12.2026 kl. 14.05`` in Norwegian time."""
    if value is None:
        return ""
    local = value.astimezone(OSLO)
    return f"{local.strftime('%d.%m.%Y')} kl. {local.strftime('%H.%M')}"


def weekday(value: date) -> str:
    return WEEKDAYS[value.weekday()]


environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
environment.filters.update(
    long_date=long_date, short_date=short_date, date_time=date_time, weekday=weekday
)
environment.globals["asset"] = assets.url


def render(
    request: Request,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """The page ``template`` filled with ``context``, plus what every page needs."""
    session = getattr(request.state, "web_session", None)
    page = environment.get_template(template).render(
        request=request,
        nonce=getattr(request.state, "csp_nonce", ""),
        user=session if session is not None and session.active else None,
        csrf_token=session.csrf_token if session is not None and session.active else "",
        principal=getattr(request.state, "principal", None),
        **(context or {}),
    )
    return HTMLResponse(page, status_code=status_code, headers=headers)
