"""Lost database connections. A pooled connection whose server process went away is replaced
before a request gets it, when it sat idle longer than ``db_ping_after_idle_seconds``; one used
a moment ago is not tested (no extra round trip under load), so a request that meets a freshly
broken one gets ``503 database-unavailable``, and the next request a new connection.

PostgreSQL only: an embedded SQLite database has no server connection to lose.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, text

from app.db import make_engine
from tests.conftest import LiveServer
from tests.helpers import Api, Case, make_case, ok

Start = Callable[[float], tuple[LiveServer, Engine, Case]]


@pytest.fixture
def start(database_url: str, engine: Engine, unique: str) -> Iterator[Start]:
    """A server with one pooled connection, named so that the test can find its backend."""
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only: an embedded SQLite database has no connection to lose")
    started: list[tuple[LiveServer, Engine, httpx.Client]] = []

    def start(ping_after_idle: float) -> tuple[LiveServer, Engine, Case]:
        pool = make_engine(
            database_url,
            pool_size=1,
            max_overflow=0,
            ping_after_idle=ping_after_idle,
            connect_args={"application_name": f"fosterflyt-test-{unique}"},
        )
        server = LiveServer(pool, gc_freeze=False)
        server.start()
        client = httpx.Client(base_url=server.url, timeout=30)
        started.append((server, pool, client))
        return server, pool, make_case(Api(client))

    yield start
    for server, pool, client in started:
        client.close()
        server.stop()
        pool.dispose()


def cut(engine: Engine, name: str) -> None:
    """Terminate the server processes of the pool's connections, as a restart would."""
    # Autocommit: within one transaction pg_stat_activity keeps showing its first snapshot.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = :name AND pid <> pg_backend_pid()"
            ),
            {"name": name},
        )
        deadline = time.monotonic() + 10
        while connection.scalar(
            text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :name"),
            {"name": name},
        ):
            assert time.monotonic() < deadline, "the backend did not exit"
            time.sleep(0.02)


def get(case: Case) -> httpx.Response:
    return case.tenant.leader.get(f"/v1/placements/{case.placement['id']}")


def counting_pings(pool: Engine) -> list[int]:
    calls: list[int] = []
    real = pool.dialect.do_ping

    def do_ping(dbapi_connection: Any) -> bool:
        calls.append(1)
        return real(dbapi_connection)

    pool.dialect.do_ping = do_ping  # type: ignore[method-assign]
    return calls


def test_an_idle_connection_whose_server_went_away_is_replaced_before_use(
    start: Start, engine: Engine, unique: str
) -> None:
    _, _, case = start(0)  # every connection that waited in the pool is tested
    ok(get(case))
    time.sleep(0.01)
    cut(engine, f"fosterflyt-test-{unique}")
    assert ok(get(case))["id"] == case.placement["id"]


def test_a_broken_connection_used_a_moment_ago_gives_503_then_the_pool_recovers(
    start: Start, engine: Engine, unique: str
) -> None:
    _, _, case = start(3600)  # never tested: the request meets the broken connection
    ok(get(case))
    cut(engine, f"fosterflyt-test-{unique}")
    response = get(case)
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["retry-after"] == "1"
    assert response.json()["type"].endswith("/database-unavailable")
    assert ok(get(case))["id"] == case.placement["id"]  # the pool opened a new connection


def test_a_connection_in_steady_use_costs_no_liveness_round_trip(start: Start) -> None:
    _, steady, steady_case = start(3600)
    _, eager, eager_case = start(0)
    steady_pings, eager_pings = counting_pings(steady), counting_pings(eager)
    for _ in range(5):
        ok(get(steady_case))
        ok(get(eager_case))
    assert steady_pings == []
    assert len(eager_pings) >= 5
