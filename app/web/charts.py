"""Charts for the pages: server-rendered SVG, readable without colour, with the same numbers in
a table beside them.

A chart takes plain data and computes nothing but its own geometry: the compliance numbers
themselves belong to ``app/oversight/`` (decisions.md 3). The on-time chart draws one small bar
chart per rule (no colour tells the rules apart: each has its own heading and its bars carry
their percentage as text), and a table per rule holds the same numbers for a screen reader or
anyone who would rather read them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from app.web.templating import MONTHS, environment

# The drawing's coordinate system (the SVG scales to its container's width).
WIDTH = 640
HEIGHT = 200
LEFT = 44  # room for the percentage axis
RIGHT = 8
TOP = 24  # room for the label above a full bar
BOTTOM = 28  # room for the month names
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM


@dataclass(frozen=True)
class Month:
    """One month of one rule: how many of the deadlines that fell in it were met in time."""

    year: int
    month: int
    on_time: int
    due: int

    @property
    def share(self) -> float | None:
        """The on-time share, 0–1; None for a month with no deadline (nothing to measure)."""
        return self.on_time / self.due if self.due else None

    @property
    def percent(self) -> int | None:
        share = self.share
        return None if share is None else round(share * 100)

    @property
    def name(self) -> str:
        """``desember 2026``."""
        return f"{MONTHS[self.month - 1]} {self.year}"

    @property
    def short_name(self) -> str:
        """``des.`` (``mai`` and ``juni`` as they are), for the axis."""
        full = MONTHS[self.month - 1]
        return full if len(full) <= 4 else full[:3] + "."


@dataclass(frozen=True)
class Series:
    """A rule (its label, in bokmål) and its months, oldest first."""

    label: str
    months: Sequence[Month]


@dataclass(frozen=True)
class Bar:
    month: Month
    x: float
    width: float
    y: float
    height: float
    label: str


@dataclass(frozen=True)
class Panel:
    """One rule's chart: its bars, and the text a screen reader is given instead."""

    key: str
    series: Series
    bars: list[Bar]
    description: str


def _bars(series: Series) -> list[Bar]:
    count = max(len(series.months), 1)
    slot = (WIDTH - LEFT - RIGHT) / count
    bars = []
    for index, month in enumerate(series.months):
        share = month.share
        height = 0.0 if share is None else round(share * PLOT_HEIGHT, 2)
        bars.append(
            Bar(
                month=month,
                x=round(LEFT + index * slot + slot * 0.15, 2),
                width=round(slot * 0.7, 2),
                y=round(TOP + PLOT_HEIGHT - height, 2),
                height=height,
                label="ingen" if month.percent is None else f"{month.percent} %",
            )
        )
    return bars


def _description(series: Series) -> str:
    measured = [m for m in series.months if m.due]
    if not series.months:
        return f"{series.label}: ingen måneder å vise."
    span = f"{series.months[0].name} til {series.months[-1].name}"
    if not measured:
        return f"{series.label}, {span}: ingen frister i perioden."
    low = min(measured, key=lambda m: (m.share or 0.0, m.year, m.month))
    high = max(measured, key=lambda m: (m.share or 0.0, -m.year, -m.month))
    on_time = sum(m.on_time for m in measured)
    due = sum(m.due for m in measured)
    return (
        f"{series.label}, {span}: {on_time} av {due} frister holdt i tide "
        f"({round(on_time / due * 100)} %). Lavest {low.name} med {low.percent} %, "
        f"høyest {high.name} med {high.percent} %."
    )


def panels(series: Sequence[Series]) -> list[Panel]:
    return [
        Panel(key=f"regel-{index}", series=s, bars=_bars(s), description=_description(s))
        for index, s in enumerate(series, start=1)
    ]


def on_time_chart(series: Sequence[Series], *, heading_level: int = 3) -> Markup:
    """The on-time share per rule and month: a bar chart per rule (``role="img"`` with a title
    and a description) and a table with the same numbers below it."""
    template = environment.get_template("charts/on_time.html")
    # The template is autoescaped (app/web/templating.py): its output is safe HTML.
    return Markup(  # noqa: S704
        template.render(
            panels=panels(series),
            heading_level=heading_level,
            width=WIDTH,
            height=HEIGHT,
            left=LEFT,
            right=RIGHT,
            top=TOP,
            plot_height=PLOT_HEIGHT,
        )
    )
