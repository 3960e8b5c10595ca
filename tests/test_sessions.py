"""Sessions and connections as the real server uses them, outside the test transaction: read
requests in autocommit mode (PostgreSQL), write requests in one transaction, every connection
back in the pool, and no deadlock when requests outnumber the connections."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import Engine, func, select, text

from app.audit.models import AuditEvent
from app.db import ReadOnlyViolation, make_engine, session_factories
from app.services.models import Service
from tests.conftest import LiveServer
from tests.helpers import Api, Case, child_body, make_case, ok


@pytest.fixture(scope="module")
def small_pool(database_url: str) -> Iterator[Engine]:
    """Two connections, no overflow, and a short wait for one: fewer connections than threads."""
    engine = make_engine(database_url, pool_size=2, max_overflow=0, pool_timeout=5)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def server(small_pool: Engine) -> Iterator[LiveServer]:
    """A server that commits for real (not joined to a test transaction), with four route
    threads sharing the two connections. Its rows stay in this run's throwaway database."""
    server = LiveServer(small_pool, lifespan="on", worker_threads=4, gc_freeze=False)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def case(server: LiveServer) -> Iterator[Case]:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield make_case(Api(http))


def reads_of(engine: Engine, placement_id: str) -> int:
    with engine.connect() as connection:
        return connection.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(
                AuditEvent.resource_id == uuid.UUID(placement_id),
                AuditEvent.action == "read",
                AuditEvent.outcome == "success",
            )
        )


class TestReadRequests:
    def test_each_read_is_recorded_and_durable_and_gives_its_connection_back(
        self, server: LiveServer, small_pool: Engine, case: Case
    ) -> None:
        placement = case.placement["id"]
        before = reads_of(small_pool, placement)
        for _ in range(3):
            assert ok(case.tenant.leader.get(f"/v1/placements/{placement}"))["id"] == placement
        # Seen from another connection: committed, not waiting in an open transaction.
        assert reads_of(small_pool, placement) == before + 3
        assert small_pool.pool.checkedout() == 0  # type: ignore[attr-defined]

    def test_a_connection_a_read_used_is_transactional_again_for_the_next_write(
        self, server: LiveServer, small_pool: Engine, case: Case
    ) -> None:
        for _ in range(4):  # every pooled connection has served a read
            ok(case.tenant.leader.get(f"/v1/placements/{case.placement['id']}"))
        with server.app.state.session_factory() as session:
            dbapi = session.connection().connection.dbapi_connection
            if small_pool.dialect.name == "postgresql":
                assert dbapi.autocommit is False  # type: ignore[union-attr]
            session.execute(text("SELECT 1"))
            assert session.in_transaction()

    def test_a_refused_read_is_recorded_and_its_connection_given_back(
        self, server: LiveServer, small_pool: Engine, case: Case
    ) -> None:
        other = Api(case.tenant.leader.http).tenant()
        response = other.leader.get(f"/v1/placements/{case.placement['id']}")
        assert response.status_code == 404, response.text
        with small_pool.connect() as connection:
            refused = connection.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(
                    AuditEvent.resource_id == uuid.UUID(case.placement["id"]),
                    AuditEvent.outcome == "refused",
                )
            )
        assert refused == 1
        assert small_pool.pool.checkedout() == 0  # type: ignore[attr-defined]


class TestReadSessions:
    def test_a_read_session_refuses_to_flush_changes(self, small_pool: Engine) -> None:
        _, reads, _ = session_factories(small_pool)
        with reads() as session:
            service = session.scalars(select(Service).limit(1)).one()
            service.name = "Endret i en lesing"
            with pytest.raises(ReadOnlyViolation):
                session.flush()
            session.rollback()

    def test_on_postgresql_a_read_session_commits_each_statement(self, small_pool: Engine) -> None:
        _, reads, autocommit = session_factories(small_pool)
        with reads() as session:
            session.execute(text("SELECT 1"))
            dbapi = session.connection().connection.dbapi_connection
            if small_pool.dialect.name == "postgresql":
                assert autocommit
                assert dbapi.autocommit is True  # type: ignore[union-attr]
            else:  # SQLite keeps a transaction for reads, like for writes
                assert not autocommit
                assert dbapi.in_transaction  # type: ignore[union-attr]

    def test_a_write_session_keeps_one_transaction(self, small_pool: Engine) -> None:
        writes, _, _ = session_factories(small_pool)
        with writes() as session:
            session.execute(text("SELECT 1"))
            dbapi = session.connection().connection.dbapi_connection
            if small_pool.dialect.name == "postgresql":
                assert dbapi.autocommit is False  # type: ignore[union-attr]
            else:
                assert dbapi.in_transaction  # type: ignore[union-attr]


class TestMoreRequestsThanConnections:
    def test_reads_and_writes_at_once_all_finish(self, server: LiveServer, case: Case) -> None:
        """32 requests at once on four route threads and two connections. Each finished session
        gives its connection back on threads of its own, so routes blocked waiting for a
        connection never keep a finished one from being returned (that deadlocked until the
        pool's timeout before)."""
        tenant = case.tenant
        placement = case.placement["id"]

        def read(_: int) -> int:
            return tenant.leader.get(f"/v1/placements/{placement}").status_code

        def write(i: int) -> int:
            body = child_body(given_name=f"Barn{i}")
            return tenant.integration.post("/v1/children", json=body).status_code

        with ThreadPoolExecutor(max_workers=32) as pool:
            writes = pool.map(write, range(24))
            reads = pool.map(read, range(8))
            statuses = list(writes) + list(reads)
        assert statuses == [201] * 24 + [200] * 8
