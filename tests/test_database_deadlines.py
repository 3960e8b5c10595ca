"""Deadlines for the database (app/db_deadlines.py): a full pool, a slow statement and an
unanswered round trip each end in time, and a request gets ``503 database-unavailable`` for them.
The frozen server itself is tests/test_frozen_database.py."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from app.config import Settings
from app.db import engine_for, make_engine
from app.db_deadlines import DatabaseTimeouts
from tests.conftest import LiveServer
from tests.helpers import Api, ok, problem


@pytest.fixture
def postgres(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has no server-side timeouts or connections to cut")


@pytest.fixture
def single_connection_server(database_url: str) -> Iterator[tuple[Engine, httpx.Client]]:
    pool = make_engine(database_url, pool_size=1, max_overflow=0, pool_timeout=0.2)
    server = LiveServer(pool, gc_freeze=False)
    server.start()
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield pool, client
    server.stop()
    pool.dispose()


def test_a_request_that_waits_longer_than_the_pool_timeout_gets_503(
    single_connection_server: tuple[Engine, httpx.Client],
) -> None:
    pool, client = single_connection_server
    api = Api(client)
    ok(api.admin.get("/v1/services"))
    held = pool.connect()  # the pool's only connection, as a stuck request would hold it
    try:
        response = api.admin.get("/v1/services")
    finally:
        held.close()
    problem(response, 503, "database-unavailable")
    assert response.headers["retry-after"] == "1"
    ok(api.admin.get("/v1/services"))  # the connection is back: served again


def test_the_server_ends_a_statement_that_outlasts_the_statement_timeout(
    postgres: None, database_url: str
) -> None:
    settings = Settings(
        database_url=database_url,
        db_statement_timeout_seconds=0.2,
        db_lock_timeout_seconds=0.1,
        db_idle_in_transaction_timeout_seconds=30,
    )
    engine = engine_for(settings)
    try:
        with engine.connect() as connection:
            names = ("statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout")
            shown = [connection.scalar(text(f"SHOW {name}")) for name in names]
            assert shown == ["200ms", "100ms", "30s"]
        with engine.connect() as connection, pytest.raises(OperationalError) as raised:
            connection.execute(text("SELECT pg_sleep(5)"))
        assert raised.value.orig.sqlstate == "57014"  # type: ignore[union-attr]  (query_canceled)
        assert not raised.value.connection_invalidated  # the server answered: nothing was cut
    finally:
        engine.dispose()


def test_a_round_trip_unanswered_past_the_response_timeout_is_cut_and_the_pool_recovers(
    postgres: None, database_url: str
) -> None:
    # A statement the server keeps running stands in for a server that does not answer (the
    # statement timeout is set longer than the response timeout, which settings would refuse).
    timeouts = DatabaseTimeouts(statement_seconds=30, response_seconds=0.5)
    engine = make_engine(database_url, timeouts=timeouts)
    try:
        started = time.monotonic()
        with engine.connect() as connection, pytest.raises(OperationalError) as raised:
            connection.execute(text("SELECT pg_sleep(5)"))
        assert time.monotonic() - started < 4  # cut at 0.5 s, not after the 5 s sleep
        assert raised.value.connection_invalidated
        with engine.connect() as connection:  # a new connection: served again
            assert connection.scalar(text("SELECT 1")) == 1
    finally:
        engine.dispose()


def test_the_response_timeout_must_outlast_the_statement_timeout() -> None:
    with pytest.raises(ValueError, match="RESPONSE_TIMEOUT"):
        Settings(db_statement_timeout_seconds=5, db_response_timeout_seconds=5)


def test_timeouts_written_in_the_database_url_win_over_the_settings() -> None:
    params = DatabaseTimeouts().connect_args(
        {"connect_timeout": "10", "options": "-c statement_timeout=9000"}
    )
    assert "connect_timeout" not in params  # the URL's own stays
    # libpq applies -c settings in order: the URL's come last, so they win.
    assert params["options"].endswith("-c statement_timeout=9000")
    assert params["options"].startswith("-c statement_timeout=5000 ")
