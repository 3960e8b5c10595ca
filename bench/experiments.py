"""Variants of the service for trying a fix without editing app/: the same ``create_app`` with
another engine or start-up hook, served exactly like the floors.

    .venv/bin/python bench/run.py --only get_placement --service-app bench.experiments:pool32

* ``pool32``: a connection pool that holds 32 connections (``pool_size=32, max_overflow=0``)
  instead of SQLAlchemy's default 5 + 10 overflow, so connections are not closed and reopened
  under load;
* ``frozen``: the service as shipped, with ``gc.freeze()`` once at start-up, so the garbage
  collector's full collections stop walking every object created while starting;
* ``pool32_frozen``: both.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import cache
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from app.config import get_settings
from app.db import make_engine
from app.main import create_app


def _frozen(inner: ASGIApp) -> ASGIApp:
    done = False

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        nonlocal done
        if not done:
            done = True
            gc.collect()
            gc.freeze()
        await inner(scope, receive, send)

    return app


def _lazy(build: Callable[[], ASGIApp]) -> ASGIApp:
    """Build on first use (in the server process, after its settings are in place)."""
    built = cache(build)

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await built()(scope, receive, send)

    return app


def _pool32() -> Any:
    return create_app(
        engine=make_engine(get_settings().sqlalchemy_url, pool_size=32, max_overflow=0)
    )


pool32 = _lazy(_pool32)
frozen = _lazy(lambda: _frozen(create_app()))
pool32_frozen = _lazy(lambda: _frozen(_pool32()))
