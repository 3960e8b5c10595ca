"""The period a report covers, checked at the edge of the use case (plain values in)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from app.errors import FieldError, ValidationFailed

LONGEST = relativedelta(years=5)


def _query_error(parameter: str, detail: str, code: str) -> FieldError:
    return FieldError(detail=detail, parameter=parameter, location="query", code=code)


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both days included."""

    start: date
    end: date

    @classmethod
    def of(cls, start: date | None, end: date | None, *, on: date) -> Period:
        """The period asked for: by default the twelve months up to and including ``on``
        (today); a start alone runs twelve months on, an end alone twelve months back. An end
        before the start, or a period longer than five years, is a 422 at the parameter."""
        if end is None:
            end = on if start is None else start + relativedelta(months=12) - timedelta(days=1)
        if start is None:
            start = end - relativedelta(months=12) + timedelta(days=1)
        if end < start:
            raise ValidationFailed(
                "The period ends before it starts.",
                errors=[_query_error("end", "end is before start", "before_start")],
            )
        if end >= start + LONGEST:
            raise ValidationFailed(
                "A report covers at most five years.",
                errors=[_query_error("end", "The period is longer than five years", "too_long")],
            )
        return cls(start, end)

    def months(self) -> list[str]:
        """The calendar months the period touches, as YYYY-MM."""
        found: list[str] = []
        month = self.start.replace(day=1)
        while month <= self.end:
            found.append(month.strftime("%Y-%m"))
            month += relativedelta(months=1)
        return found
