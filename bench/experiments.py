"""Variants of the service for trying a fix without editing app/: the same ``create_app`` with
another engine, served exactly like the floors (``run.py --service-app MODULE:ATTR``).

    .venv/bin/python bench/run.py --only create_placement --service-app bench.experiments:no_imv

Start-up tuning that has become a setting needs no variant: set ``FOSTERFLYT_WORKER_THREADS``,
``FOSTERFLYT_DB_POOL_SIZE``, ``FOSTERFLYT_DB_MAX_OVERFLOW`` or ``FOSTERFLYT_GC_FREEZE`` for the
run (the servers inherit the environment).

* ``no_imv``: SQLAlchemy's "insertmanyvalues" off (``use_insertmanyvalues=False``), so bulk
  INSERTs go to psycopg's pipelined ``executemany`` instead of long multi-row statements that
  psycopg converts afresh every time (too long for its query cache).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from app.config import get_settings
from app.db import make_engine
from app.main import create_app


def _lazy(build: Callable[[], ASGIApp]) -> ASGIApp:
    """Build on first use (in the server process, after its settings are in place)."""
    built = cache(build)

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await built()(scope, receive, send)

    return app


def _engine(**options: Any) -> Any:
    settings = get_settings()
    return make_engine(
        settings.sqlalchemy_url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        **options,
    )


no_imv = _lazy(lambda: create_app(engine=_engine(use_insertmanyvalues=False)))
