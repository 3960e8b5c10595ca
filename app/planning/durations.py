"""ISO 8601 date durations (``P1Y``, ``-P5M``, ``P2W``, ``P14D``) as calendar arithmetic.

Months and years are calendar units: 31 January plus ``P1M`` is 28 or 29 February. Only date
parts are allowed; a workflow never needs hours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

# Numbers up to twelve are written in words (the language review's L-items; Språkrådet's advice
# for running text). "ett år" and "én måned", "ett" and "én" by gender.
_WORDS = (
    "null",
    "en",
    "to",
    "tre",
    "fire",
    "fem",
    "seks",
    "sju",
    "åtte",
    "ni",
    "ti",
    "elleve",
    "tolv",
)
_ORDINAL_WORDS = (
    "",
    "første",
    "andre",
    "tredje",
    "fjerde",
    "femte",
    "sjette",
    "sjuende",
    "åttende",
    "niende",
    "tiende",
    "ellevte",
    "tolvte",
)


def number(n: int, *, neuter: bool = False) -> str:
    """``tre`` for 3, ``ett``/``én`` for 1 (neuter/common gender), digits from 13 on."""
    if n == 1:
        return "ett" if neuter else "én"
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def every_nth(n: int) -> str:
    """``tredje`` for 3 (``hver tredje måned``), ``13.`` from 13 on."""
    return _ORDINAL_WORDS[n] if 1 <= n < len(_ORDINAL_WORDS) else f"{n}."


_PATTERN = re.compile(r"^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


@dataclass(frozen=True)
class Duration:
    years: int = 0
    months: int = 0
    days: int = 0  # weeks are stored as days
    negative: bool = False

    @classmethod
    def parse(cls, text: str) -> Duration:
        match = _PATTERN.match(text)
        if match is None or text in ("P", "-P"):
            raise ValueError(f"'{text}' is not an ISO 8601 date duration such as P3M or -P5M")
        sign, years, months, weeks, days = match.groups()
        return cls(
            years=int(years or 0),
            months=int(months or 0),
            days=int(weeks or 0) * 7 + int(days or 0),
            negative=sign == "-",
        )

    @classmethod
    def per_year(cls, times: int) -> Duration:
        """The interval for ``times`` a year: 4 → P3M, 2 → P6M, 1 → P1Y."""
        if times < 1 or 12 % times:
            raise ValueError("times a year must divide 12 (1, 2, 3, 4, 6 or 12)")
        return cls(months=12 // times)

    @property
    def is_zero(self) -> bool:
        return self.years == self.months == self.days == 0

    def plus(self, other: Duration, multiple: int = 1) -> Duration:
        """This duration and ``multiple`` times ``other``, part by part (``P3M`` plus three
        times ``P3M`` is ``P12M``, not ``P1Y``: the text then counts in the interval's unit).
        Both must run the same way."""
        if other.is_zero or multiple == 0:
            return self
        if not self.is_zero and self.negative != other.negative:
            raise ValueError("durations running opposite ways are not added")
        return Duration(
            self.years + other.years * multiple,
            self.months + other.months * multiple,
            self.days + other.days * multiple,
            other.negative,
        )

    def delta(self, multiple: int = 1) -> relativedelta:
        sign = -1 if self.negative else 1
        return relativedelta(
            years=sign * self.years * multiple,
            months=sign * self.months * multiple,
            days=sign * self.days * multiple,
        )

    def after(self, start: date, multiple: int = 1) -> date:
        result: date = start + self.delta(multiple)
        return result

    def __str__(self) -> str:
        if self.is_zero:
            return "P0D"
        parts = "".join(
            f"{n}{unit}"
            for n, unit in ((self.years, "Y"), (self.months, "M"), (self.days, "D"))
            if n
        )
        return ("-" if self.negative else "") + "P" + parts

    def norwegian(self) -> str:
        """``fem måneder``, ``ett år og to måneder``, ``14 dager`` (without direction)."""
        parts = []
        years, months = self.years, self.months
        if years and months >= 12:  # "1 år og 12 måneder" reads as "2 år"
            years, months = years + months // 12, months % 12
        if years:
            parts.append(f"{number(years, neuter=True)} år")
        if months:
            parts.append(f"{number(months)} {'måned' if months == 1 else 'måneder'}")
        if self.days:
            if self.days % 7 == 0:
                weeks = self.days // 7
                parts.append(f"{number(weeks)} {'uke' if weeks == 1 else 'uker'}")
            else:
                parts.append(f"{number(self.days)} {'dag' if self.days == 1 else 'dager'}")
        if not parts:
            return "null dager"
        return " og ".join(parts) if len(parts) <= 2 else ", ".join(parts[:-1]) + " og " + parts[-1]

    def every_norwegian(self) -> str:
        """``hver tredje måned``, ``hvert år``, ``annenhver uke`` for a single-unit interval."""
        if self.years and not (self.months or self.days):
            if self.years == 2:
                return "annethvert år"
            return "hvert år" if self.years == 1 else f"hvert {every_nth(self.years)} år"
        if self.months and not (self.years or self.days):
            if self.months == 2:
                return "annenhver måned"
            return "hver måned" if self.months == 1 else f"hver {every_nth(self.months)} måned"
        if self.days and not (self.years or self.months) and self.days % 7 == 0:
            weeks = self.days // 7
            if weeks == 2:
                return "annenhver uke"
            return "hver uke" if weeks == 1 else f"hver {every_nth(weeks)} uke"
        return f"med {self.norwegian()} mellomrom"


MONTHS_NB = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)
WEEKDAYS_NB = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def norwegian_date(value: date) -> str:
    """``5. mars 2027``."""
    return f"{value.day}. {MONTHS_NB[value.month - 1]} {value.year}"
