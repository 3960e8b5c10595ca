from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.migrations import current_revision, head_revision

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    database: str | None = Field(default=None, examples=["ok"])
    revision: str | None = Field(
        default=None, description="The database's migration.", examples=["bc552e8b2423"]
    )


UNREACHABLE = Health(status="unavailable", database="unreachable")


class ReadinessProbe:
    """Whether the database answers and its schema is at the latest migration, within
    ``timeout`` seconds whatever the database does.

    The check runs in a thread of its own, on sessions from ``sessions`` (on PostgreSQL an engine
    of its own with one connection and short deadlines, so that neither a busy pool nor busy
    route threads delay it). At most one check is in flight: a caller that comes while one runs
    waits for that one, so polling a frozen database does not pile up threads. A check that
    outlives ``timeout`` is abandoned by its callers (they answer "unreachable"), not stopped:
    its engine's deadlines end it soon after.
    """

    def __init__(self, sessions: Callable[[], Session], timeout: float) -> None:
        self.sessions = sessions
        self.timeout = timeout
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fosterflyt-readyz")
        self._pending: Future[Health] | None = None  # touched only in the event loop

    async def check(self) -> Health:
        if self._pending is None or self._pending.done():
            self._pending = self._thread.submit(self._probe)
        waiting = asyncio.shield(asyncio.wrap_future(self._pending))
        try:
            return await asyncio.wait_for(waiting, self.timeout)
        except TimeoutError:
            return UNREACHABLE

    def _probe(self) -> Health:
        try:
            with self.sessions() as session:
                revision = current_revision(session.connection())
        except SQLAlchemyError:
            return UNREACHABLE
        if revision != head_revision():
            return Health(status="unavailable", database="behind", revision=revision)
        return Health(status="ok", database="ok", revision=revision)

    def close(self) -> None:
        self._thread.shutdown(wait=False, cancel_futures=True)


@router.get(
    "/healthz",
    response_model=Health,
    operation_id="healthz",
    summary="Liveness",
    description="200 while the process is up; it checks nothing else.",
)
async def healthz() -> Health:  # async: answers even while every worker thread is busy
    return Health(status="ok")


@router.get(
    "/readyz",
    response_model=Health,
    operation_id="readyz",
    summary="Readiness",
    description="503 unless the database answers and its schema is at the latest migration.",
    responses={503: {"model": Health, "description": "Not ready"}},
)
async def readyz(request: Request) -> JSONResponse:  # async: holds no route thread while it waits
    probe: ReadinessProbe = request.app.state.readiness
    health = await probe.check()
    return JSONResponse(health.model_dump(), status_code=200 if health.status == "ok" else 503)
