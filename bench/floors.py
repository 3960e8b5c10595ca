"""The floors: the least any HTTP endpoint costs on this stack, measured in the same run and
started exactly like the service (``bench/serve.py``: the same uvicorn call, pinned to one core).

* ``starlette_app``: a bare Starlette JSON endpoint, no database.
* ``pk_app``: a minimal FastAPI endpoint that reads one placement row by primary key with the
  service's own driver and pool (``app.db.make_engine`` with the service's pool settings: sync
  SQLAlchemy, psycopg 3, a QueuePool of ``FOSTERFLYT_DB_POOL_SIZE``) in a sync endpoint, as the
  service's routes are, with the service's start-up tuning (``app.main.tune_runtime``: worker
  threads, ``gc.freeze()``). No authentication, tenancy, validation model, ETag or middleware.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any

from fastapi import FastAPI, HTTPException
from sqlalchemy import Engine, select
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from app.config import get_settings
from app.db import make_engine
from app.main import tune_runtime
from app.placements.models import Placement


async def _json(_request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


starlette_app = Starlette(routes=[Route("/json", _json), Route("/healthz", _json)])


@lru_cache
def _engine() -> Engine:
    settings = get_settings()
    return make_engine(
        settings.sqlalchemy_url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        ping_after_idle=settings.db_ping_after_idle_seconds,
    )


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    tune_runtime(get_settings())  # the same start-up tuning as the service
    yield


pk_app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None, lifespan=_lifespan)
_placements = Placement.__table__


@pk_app.get("/healthz")
def _healthz() -> dict[str, str]:
    return {"status": "ok"}


@pk_app.get("/placements/{placement_id}")
def _placement(placement_id: uuid.UUID) -> dict[str, Any]:
    with _engine().connect() as conn:
        row = conn.execute(select(_placements).where(_placements.c.id == placement_id)).first()
    if row is None:
        raise HTTPException(404)
    return dict(row._mapping)
