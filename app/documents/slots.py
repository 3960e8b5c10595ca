"""Document work waits for its turn in the event loop, not in a worker thread.

Filling and PDF conversion are bounded (``FOSTERFLYT_DOCUMENT_CONCURRENCY``). A request that had
to wait for a slot inside a sync route would hold one of the few worker threads
(``FOSTERFLYT_WORKER_THREADS``) while doing nothing, and a burst of PDF requests would stall
every other route. This dependency takes the slot before the route's thread is taken, and gives
up with ``503`` and ``Retry-After`` when the wait is too long.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import anyio
from fastapi import Depends, Request

from app.documents.errors import DocumentsBusy

RETRY_AFTER_SECONDS = 5


def _needs_slot(request: Request) -> bool:
    """Creating fills a template; a download fills (``source=snapshot``) or converts (PDF)."""
    if request.method == "POST":
        return True
    query = request.query_params
    return query.get("format") == "pdf" or query.get("source") == "snapshot"


async def document_slot(request: Request) -> AsyncIterator[None]:
    if not _needs_slot(request):
        yield
        return
    slots: anyio.Semaphore = request.app.state.document_slots
    with anyio.move_on_after(request.app.state.document_wait_seconds) as waited:
        await slots.acquire()
    if waited.cancelled_caught:
        raise DocumentsBusy(
            "Every document slot is busy; try again shortly.",
            retry_after=RETRY_AFTER_SECONDS,
        )
    try:
        yield
    finally:
        slots.release()


DocumentSlot = Annotated[None, Depends(document_slot, scope="function")]
