"""CSV files for people to open in a spreadsheet, with no cell that a spreadsheet would run.

A cell that begins with ``=``, ``+``, ``-`` or ``@`` is read as a formula by Excel, LibreOffice
and Google Sheets, and one that begins with a tab or a carriage return can be too. Some cells
hold what a caller wrote (an access log's ``X-On-Behalf-Of`` and ``X-Request-ID``), so every
such cell is prefixed with a single quote, as the OWASP guidance on CSV injection advises: the
spreadsheet then shows it as text. Found by the December 2026 review (finding 10):
``=HYPERLINK(...)`` sent as ``X-On-Behalf-Of`` became a live link in a leader's export.

Every CSV export in the app is written here: :func:`csv_text`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell`` as a spreadsheet shows it as text: prefixed with ``'`` when it would start a
    formula, unchanged otherwise."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_text(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """A CSV document (RFC 4180: CRLF line ends, quoting by the csv module) of ``header`` and
    ``rows``. ``None`` is an empty cell; every other value is written as ``str()`` and then
    :func:`neutralise`\\ d."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in (header, *rows):
        writer.writerow([neutralise("" if v is None else str(v)) for v in row])
    return out.getvalue()
