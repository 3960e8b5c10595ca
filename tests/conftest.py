"""Test harness: a real uvicorn server on loopback, a schema built by the migrations, and one
rolled-back transaction per test.

``FOSTERFLYT_TEST_DATABASE_URL`` picks the database: unset means a fresh SQLite file; a
PostgreSQL URL (e.g. ``postgresql://postgres@127.0.0.1:5432/test``) means a fresh database
created next to it for this run and dropped afterwards.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import Connection, Engine
from sqlalchemy.orm import sessionmaker

os.environ["FOSTERFLYT_JWT_SECRET"] = "test-secret-" + "x" * 32
os.environ.pop("FOSTERFLYT_JWKS_URL", None)
# The suite sends thousands of requests a minute with a handful of token subjects, and the
# tenancy matrix's unauthenticated calls all come from 127.0.0.1: the shared server gets budgets
# no test reaches. tests/test_rate_limit.py starts servers with small ones.
os.environ["FOSTERFLYT_RATE_LIMIT"] = "1000000/minute"
os.environ["FOSTERFLYT_AUTH_FAILURE_LIMIT"] = "1000000/minute"

from app.config import Settings, get_settings
from app.db import make_engine
from app.main import create_app
from app.migrations import upgrade
from tests.helpers import Api, TempDatabase

get_settings.cache_clear()


@pytest.fixture(scope="session")
def temp_databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TempDatabase]:
    base = os.environ.get("FOSTERFLYT_TEST_DATABASE_URL")
    databases = TempDatabase(base, Path(tmp_path_factory.mktemp("db")))
    yield databases
    databases.drop_all()


@pytest.fixture(scope="session")
def database_url(temp_databases: TempDatabase) -> str:
    url = temp_databases.create()
    upgrade(url)
    return url


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


class LiveServer:
    def __init__(self, engine: Engine, *, lifespan: str = "off", **settings: Any) -> None:
        url = str(engine.url.render_as_string(hide_password=False))
        self.app = create_app(Settings(database_url=url, **settings), engine)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            log_config=None,
            access_log=False,
            # As `fosterflyt serve` without trusted proxies: uvicorn would take X-Forwarded-For
            # from any loopback peer, and the app decides that itself (FOSTERFLYT_TRUSTED_PROXIES).
            proxy_headers=False,
            # uvicorn closes an idle connection after 5 s; a test that spends longer elsewhere (a
            # worker process, a receiver) would then race that close with its next request and
            # read "Server disconnected without sending a response". Tests keep theirs open.
            timeout_keep_alive=600,
            lifespan=lifespan,  # "on" applies the start-up tuning (worker threads)
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("test server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def join(self, connection: Connection) -> None:
        """Run every request in savepoints of ``connection``'s transaction (rolled back by the
        test). Reads too: their autocommit sessions would not see the test's rows."""
        join_transaction(self.app, connection)


def join_transaction(app: Any, connection: Connection) -> None:
    factory = sessionmaker(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    app.state.session_factory = factory
    app.state.read_session_factory = factory
    app.state.reads_autocommit = False


@pytest.fixture(scope="session")
def live_server(engine: Engine) -> Iterator[LiveServer]:
    server = LiveServer(engine)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def connection(engine: Engine, live_server: LiveServer) -> Iterator[Connection]:
    """Everything a test writes, through the API or directly, is rolled back afterwards."""
    connection = engine.connect()
    transaction = connection.begin()
    live_server.join(connection)
    yield connection
    transaction.rollback()
    connection.close()


@pytest.fixture
def server_with(engine: Engine, connection: Connection) -> Iterator[Callable[..., LiveServer]]:
    """Start another server with other settings, sharing the test's rolled-back transaction."""
    started: list[LiveServer] = []

    def start(**settings: Any) -> LiveServer:
        server = LiveServer(engine, **settings)
        server.join(connection)
        server.start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def http(live_server: LiveServer, connection: Connection) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        yield client


@pytest.fixture
def api(http: httpx.Client) -> Api:
    return Api(http, rolled_back=True)


@pytest.fixture
def unique() -> str:
    return uuid.uuid4().hex[:8]
