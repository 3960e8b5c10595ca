"""A frozen database (finding 4 of the December review): a PostgreSQL server that accepts
connections and then never answers, as a stopped host, a stalled disk or a hung VM does.

Requests answer ``503 database-unavailable`` within the configured deadlines, ``/readyz`` within
its own, and once the server thaws the same process serves again: no restart. The server is a
private cluster (tests/pg_cluster.py) whose every process gets SIGSTOP; the API is a real
``fosterflyt serve``, configured only through its environment.

PostgreSQL only: an embedded SQLite database has no server to freeze.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from app.migrations import upgrade
from tests.helpers import Api, Caller, child_body, make_case, ok, problem
from tests.pg_cluster import PrivateCluster, skip_reason

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "app.cli"]

# Small deadlines, so that the test is short; the defaults are a few seconds each (README).
DEADLINES = {
    "FOSTERFLYT_DB_CONNECT_TIMEOUT_SECONDS": "2",  # libpq's minimum
    "FOSTERFLYT_DB_STATEMENT_TIMEOUT_SECONDS": "1",
    "FOSTERFLYT_DB_RESPONSE_TIMEOUT_SECONDS": "2",
    "FOSTERFLYT_DB_POOL_TIMEOUT_SECONDS": "1",
    "FOSTERFLYT_READINESS_TIMEOUT_SECONDS": "0.5",
}
# What a request may take while the database is frozen: its deadlines plus a wide margin for
# two shared cores (they are 2 s at most here; without them a request waits as long as the freeze).
REQUEST_BOUND = 8.0
READINESS_BOUND = 1.5
# Long enough to tell "answered in time" from "hung"; a hung request fails the test with it.
CLIENT_TIMEOUT = 15.0


@pytest.fixture
def cluster() -> Iterator[PrivateCluster]:
    if not os.environ.get("FOSTERFLYT_TEST_DATABASE_URL", "").startswith("postgres"):
        pytest.skip("PostgreSQL only (FOSTERFLYT_TEST_DATABASE_URL): SQLite has no server")
    reason = skip_reason()
    if reason is not None:
        pytest.skip(reason)
    cluster = PrivateCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(cluster: PrivateCluster, tmp_path: Path) -> Iterator[str]:
    """The cluster migrated, and ``fosterflyt serve`` against it; the base URL."""
    port = _free_port()
    env = {
        **os.environ,
        "FOSTERFLYT_DATABASE_URL": cluster.url,
        "FOSTERFLYT_PORT": str(port),
        "FOSTERFLYT_DB_POOL_SIZE": "2",  # four requests at once: two of them wait for the pool
        "FOSTERFLYT_DB_MAX_OVERFLOW": "0",
        "FOSTERFLYT_GC_FREEZE": "false",
        "PYTHONPATH": str(ROOT),
        **DEADLINES,
    }
    upgrade(cluster.url.replace("postgresql://", "postgresql+psycopg://", 1))
    log_path = tmp_path / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen([*CLI, "serve"], env=env, cwd=tmp_path, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, log_path.read_text()
            assert time.monotonic() < deadline, "the server did not become ready"
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def timed(call: Caller, method: str, path: str, **kwargs: object) -> tuple[float, httpx.Response]:
    started = time.monotonic()
    response = call.request(method, path, **kwargs)
    return time.monotonic() - started, response


def test_a_frozen_database_answers_503_within_the_deadlines_and_recovers_without_a_restart(
    cluster: PrivateCluster, server: str
) -> None:
    with httpx.Client(base_url=server, timeout=CLIENT_TIMEOUT) as http:
        case = make_case(Api(http))
        path = f"/v1/placements/{case.placement['id']}"
        assert ok(http.get("/readyz"))["database"] == "ok"
        for _ in range(3):
            ok(case.tenant.leader.get(path))
        key = str(uuid.uuid4())
        body = child_body(given_name=f"Frossen{key[:8]}")

        def get_placement(_: int) -> tuple[float, httpx.Response]:
            with httpx.Client(base_url=server, timeout=CLIENT_TIMEOUT) as own:
                return timed(Caller(own, case.tenant.leader.bearer), "GET", path)

        cluster.freeze()
        try:
            elapsed, ready = timed(Caller(http, None), "GET", "/readyz")
            assert ready.status_code == 503, ready.text
            assert ready.json()["database"] == "unreachable"
            assert elapsed < READINESS_BOUND, elapsed

            # Four at once on a pool of two: two meet connections that were in use a moment ago
            # (no liveness test), two wait for the pool. Then four more, on new connections.
            for _ in range(2):
                with ThreadPoolExecutor(4) as threads:
                    answers = list(threads.map(get_placement, range(4)))
                for elapsed, response in answers:
                    problem(response, 503, "database-unavailable")
                    assert response.headers["retry-after"] == "1"
                    assert elapsed < REQUEST_BOUND, elapsed

            elapsed, write = timed(
                case.tenant.integration,
                "POST",
                "/v1/children",
                json=body,
                headers={"Idempotency-Key": key},
            )
            problem(write, 503, "database-unavailable")
            assert elapsed < REQUEST_BOUND, elapsed

            elapsed, ready = timed(Caller(http, None), "GET", "/readyz")
            assert ready.status_code == 503, ready.text
            assert elapsed < READINESS_BOUND, elapsed
        finally:
            cluster.thaw()

        # The same process, without a restart: reads, the retried write (made once), readiness.
        assert ok(case.tenant.leader.get(path))["id"] == case.placement["id"]
        retried = case.tenant.integration.post(
            "/v1/children", json=body, headers={"Idempotency-Key": key}
        )
        assert retried.status_code == 201, retried.text
        children = ok(case.tenant.leader.get("/v1/children", params={"limit": 100}))["items"]
        assert [c["given_name"] for c in children].count(body["given_name"]) == 1
        deadline = time.monotonic() + 10  # an abandoned probe from the freeze may finish first
        while (ready := http.get("/readyz")).status_code != 200:
            assert time.monotonic() < deadline, ready.text
            time.sleep(0.1)
        assert ready.json()["database"] == "ok"
