"""The oversight tables as CSV or XLSX files, with small numbers suppressed.

Aggregate tables (per service, rule, staff member, month, indicator, breakdown) never hold a
name or a national id: staff and services by id. A count from 1 up to the threshold minus one
(``FOSTERFLYT_OVERSIGHT_SMALL_NUMBERS_BELOW``, default 5) is written as ``<5``, and a share
computed from a suppressed count is left empty. The per-child table identifies children by id
only, and is given only when it holds at least the threshold's number of children
(decisions.md 9).

Every string cell goes through :func:`app.csv_export.neutralise`, in CSV and in XLSX (where a
cell beginning with ``=`` would be stored as a formula).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from openpyxl import Workbook

from app.csv_export import csv_text, neutralise


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


class ExportTable(StrEnum):
    COMPLIANCE = "compliance"
    CHILDREN = "children"
    STAFF = "staff"
    MONTHS = "months"
    INDICATORS = "indicators"
    BREAKDOWNS = "breakdowns"


MEDIA_TYPES = {
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    """A table to export: its header, its rows, which columns are counts (suppressed when
    small) and which shares go with them."""

    name: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    counts: frozenset[str] = frozenset()
    shares: frozenset[str] = frozenset()

    def suppressed(self, below: int) -> Table:
        """The table with every count in 1..below-1 written as ``<below``, and the shares of a
        row with a suppressed count left empty."""
        if below <= 1:
            return self
        index = {name: i for i, name in enumerate(self.header)}
        counts = [index[c] for c in self.counts]
        shares = [index[s] for s in self.shares]
        rows: list[list[Cell]] = []
        for row in self.rows:
            cells = list(row)
            small = False
            for i in counts:
                value = cells[i]
                if isinstance(value, int) and 0 < value < below:
                    cells[i] = f"<{below}"
                    small = True
            if small:
                for i in shares:
                    cells[i] = None
            rows.append(cells)
        return Table(self.name, self.header, rows, self.counts, self.shares)


def _cell(value: Cell) -> Cell:
    return neutralise(value) if isinstance(value, str) else value


def render(table: Table, fmt: ExportFormat) -> bytes:
    if fmt is ExportFormat.CSV:
        return csv_text(table.header, table.rows).encode("utf-8")
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=table.name[:31])
    sheet.append(list(table.header))
    for row in table.rows:
        sheet.append([_cell(v) for v in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


COUNT_COLUMNS = ("due", "on_time", "late", "overdue", "skipped", "pending")


def counts_table(
    name: str, keys: Sequence[str], rows: Iterable[tuple[Sequence[Cell], Sequence[Cell]]]
) -> Table:
    """A table of ``keys`` columns followed by the compliance figures."""
    return Table(
        name,
        [*keys, *COUNT_COLUMNS, "on_time_share"],
        [[*k, *c] for k, c in rows],
        counts=frozenset(COUNT_COLUMNS),
        shares=frozenset({"on_time_share"}),
    )
