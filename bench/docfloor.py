"""Document filling against its floor, in-process on the driver's core: python-docx opening and
saving the template unchanged, against ``app.documents.filling.render`` of the same template with
the context the service builds for a real placement of the data set.

``render`` prepares a template version once (``app.documents.filling``: the compiled Jinja of
each part, the untouched parts) and fills from that, as the service does after its first
document of that version; the first fill of a version (``render_cold``: the prepared templates
cleared before each) is measured too."""

from __future__ import annotations

import io
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from sqlalchemy.orm import Session

from app.db import make_engine
from app.documents import context as case_context
from app.documents import filling
from app.documents.catalogue import templates
from app.documents.filling import render
from app.placements.models import Placement

TEMPLATE_KEY = "oppfolgingsplan"


@dataclass
class Timing:
    documents: int
    seconds: float
    per_doc_ms: list[float]

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        ordered = sorted(self.per_doc_ms)
        return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))] if ordered else 0.0


def _time(work: Callable[[], Any], seconds: float, limit: int = 100_000) -> Timing:
    work()  # warm: imports, caches
    samples: list[float] = []
    started = time.perf_counter()
    while time.perf_counter() - started < seconds and len(samples) < limit:
        t = time.perf_counter()
        work()
        samples.append((time.perf_counter() - t) * 1000)
    return Timing(len(samples), time.perf_counter() - started, samples)


def case_snapshot(url: str, placement_id: uuid.UUID) -> tuple[dict[str, Any], list[str]]:
    """The context and draft gaps the service would fill ``oppfolgingsplan`` with."""
    entry = templates().latest(TEMPLATE_KEY)
    assert entry is not None
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            placement = session.get_one(Placement, placement_id)
            snapshot = case_context.build(session, placement, task=None, extra={})
    finally:
        engine.dispose()
    return snapshot, case_context.missing(snapshot, entry.required_fields)


def measure(url: str, placement_id: uuid.UUID, seconds: float) -> dict[str, Any]:
    entry = templates().latest(TEMPLATE_KEY)
    assert entry is not None
    template = templates().content(entry)
    snapshot, gaps = case_snapshot(url, placement_id)

    def open_and_save() -> bytes:
        document = docx.Document(io.BytesIO(template))
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    def fill() -> bytes:
        return render(template, snapshot, draft_gaps=gaps or None)

    def first_fill() -> bytes:
        filling.prepared_templates.clear()
        return render(template, snapshot, draft_gaps=gaps or None)

    floor = _time(open_and_save, seconds)
    filled = _time(fill, seconds)
    cold = _time(first_fill, seconds / 2)
    return {
        "template": f"{entry.key}.v{entry.version}",
        "template_bytes": len(template),
        "timeline_items": len(snapshot.get("tidslinje", [])),
        "history_items": len(snapshot.get("historikk", [])),
        "floor": floor,
        "render": filled,
        "render_cold": cold,
    }


def profile_render(url: str, placement_id: uuid.UUID, path: Path, documents: int = 20) -> None:
    """cProfile of ``render`` (and, for comparison, python-docx open-and-save) into ``path``."""
    import cProfile
    import pstats

    entry = templates().latest(TEMPLATE_KEY)
    assert entry is not None
    template = templates().content(entry)
    snapshot, gaps = case_snapshot(url, placement_id)
    render(template, snapshot, draft_gaps=gaps or None)
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.StringIO()

    def first_fill() -> bytes:
        filling.prepared_templates.clear()
        return render(template, snapshot, draft_gaps=gaps or None)

    for name, work in (
        ("render", lambda: render(template, snapshot, draft_gaps=gaps or None)),
        ("render, first fill of the version", first_fill),
        ("python-docx open+save", lambda: docx.Document(io.BytesIO(template)).save(io.BytesIO())),
    ):
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(documents):
            work()
        profiler.disable()
        out.write(f"==== {name} x{documents}\n")
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(25)
    path.write_text(out.getvalue())
