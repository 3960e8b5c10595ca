"""Dates as a Norwegian caseworker sees them: "today" is today in Europe/Oslo."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")


def today() -> date:
    return datetime.now(OSLO).date()
