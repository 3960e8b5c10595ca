"""Start-up tuning: the worker threads that run sync routes, the connection pool's size and
timeout, and the start-up objects frozen out of the garbage collector's walks all follow the
settings."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import anyio
import anyio.to_thread
import httpx
import pytest
from fastapi import FastAPI

from app.config import Settings
from app.main import create_app


def start_up(app: FastAPI) -> tuple[float, float, int]:
    """Run the app's lifespan in a fresh event loop, as uvicorn does: the thread limit before
    and during it, and the objects frozen meanwhile."""

    async def main() -> tuple[float, float, int]:
        before = anyio.to_thread.current_default_thread_limiter().total_tokens
        async with app.router.lifespan_context(app):
            during = anyio.to_thread.current_default_thread_limiter().total_tokens
            return before, during, gc.get_freeze_count()

    return anyio.run(main)


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()  # the test process keeps collecting what the app built


def test_the_worker_threads_pool_and_gc_follow_the_settings(tmp_path: Path, unfrozen: None) -> None:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'runtime.db'}",
        worker_threads=3,
        db_pool_size=7,
        db_max_overflow=2,
        db_pool_timeout_seconds=4,
        gc_freeze=True,
    )
    app = create_app(settings)
    before, during, frozen = start_up(app)
    assert (before, during) == (40, 3)  # anyio's default, then the setting
    assert frozen > 0
    pool = app.state.engine.pool
    assert (pool.size(), pool._max_overflow, pool.timeout()) == (7, 2, 4)


def test_without_gc_freeze_nothing_is_frozen(tmp_path: Path, unfrozen: None) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'runtime.db'}", gc_freeze=False)
    assert start_up(create_app(settings))[2] == 0


def test_worker_threads_must_be_positive() -> None:
    with pytest.raises(ValueError, match="worker_threads"):
        Settings(worker_threads=0)


def test_liveness_answers_while_every_worker_thread_is_busy(tmp_path: Path) -> None:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'runtime.db'}", worker_threads=1, gc_freeze=False
    )
    app = create_app(settings)

    async def main() -> int:
        async with app.router.lifespan_context(app):
            release = threading.Event()
            async with anyio.create_task_group() as tasks:
                tasks.start_soon(anyio.to_thread.run_sync, release.wait)  # the only thread
                try:
                    await anyio.sleep(0.05)
                    transport = httpx.ASGITransport(app=app)
                    async with httpx.AsyncClient(
                        transport=transport, base_url="http://t"
                    ) as client:
                        with anyio.fail_after(5):
                            response = await client.get("/healthz")
                finally:
                    release.set()
            return response.status_code

    assert anyio.run(main) == 200
