"""Database plumbing: the declarative base, the engine, and the one place that commits.

Routes receive a session from :func:`get_session`; services only ``flush()``. The dependency
commits when the route returned normally and rolls back on any exception, and it runs with
``scope="function"`` so the commit happens *before* the response is sent: a client never sees a
success for a write that did not land.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any
from zoneinfo import ZoneInfo

import anyio
import anyio.to_thread
from fastapi import Depends, Request
from sqlalchemy import DateTime, Engine, Enum, MetaData, create_engine, event
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    declared_attr,
    mapped_column,
    sessionmaker,
)
from sqlalchemy.types import TypeDecorator

from app.db_deadlines import DatabaseTimeouts, guard_round_trips

if TYPE_CHECKING:
    from app.config import Settings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


BIGINT_MAX = 2**63 - 1
"""The largest value of a 64-bit integer column: SQLite's INTEGER and PostgreSQL's BIGINT. A
larger Python int cannot even be bound as a parameter on SQLite (OverflowError)."""


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every backend (SQLite has no time zones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def string_enum(cls: type[StrEnum], name: str) -> Enum:
    """An enum stored as its values in a string column with a CHECK constraint (the same on
    SQLite and PostgreSQL; adding a value is a migration of the constraint, not of a type)."""
    return Enum(
        cls,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda e: [m.value for m in e],
        name=name,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RecordMixin:
    """Id, timestamps and an optimistic-locking version shared by every resource table."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column()

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # Every UPDATE checks and bumps the version: two concurrent writers cannot both win.
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


def _oslo_date(stored: str | None) -> str | None:
    """The day in Europe/Oslo of a UTC time as SQLite stores it (``YYYY-MM-DD HH:MM:SS…``)."""
    if stored is None:
        return None
    moment = datetime.fromisoformat(stored).replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo("Europe/Oslo")).date().isoformat()


def _configure_sqlite(engine: Engine) -> None:
    """Foreign keys on, WAL, and real transactions (pysqlite's own BEGIN handling is off)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
        # PostgreSQL converts a stored UTC time to Oslo's day itself (AT TIME ZONE); SQLite
        # has no time zones, so reports that count by the day (app/oversight) call this.
        dbapi_connection.create_function("oslo_date", 1, _oslo_date, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front: two writers queue on busy_timeout instead of
        # one failing with SQLITE_BUSY when it upgrades a read transaction.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _ping_when_idle(engine: Engine, idle_seconds: float) -> None:
    """Test a pooled connection before use only when it sat unused in the pool for longer than
    ``idle_seconds`` (``pool_pre_ping`` tests it on every checkout: one more round trip per
    request).

    A connection that fails its test is replaced: the pool opens a new one and tries again, up
    to three times (SQLAlchemy's documented pessimistic-disconnect recipe). A connection that
    was in use a moment ago is not tested; if the server went away since, the statement fails,
    SQLAlchemy replaces every pooled connection, and the request is answered with 503
    ``database-unavailable``.
    """

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.pop("idle_since", None)
        if idle_since is None or time.monotonic() - idle_since <= idle_seconds:
            return  # a new connection, or one used a moment ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            raise DisconnectionError("a pooled connection failed its liveness test") from error


def make_engine(
    url: str,
    *,
    ping_after_idle: float = 10.0,
    timeouts: DatabaseTimeouts | None = None,
    **kwargs: Any,
) -> Engine:
    """An engine for ``url``; ``kwargs`` go to :func:`sqlalchemy.create_engine`.

    With ``timeouts`` (a server, the worker, the CLI's commands; not migrations, whose statements
    may rightly take long) a request waits for the pool at most ``pool_seconds``, and on
    PostgreSQL every connection and round trip has a deadline (app/db_deadlines.py). Without
    them, SQLAlchemy's and libpq's defaults apply (no deadline): the tests' own engines.
    """
    if timeouts is not None:
        kwargs.setdefault("pool_timeout", timeouts.pool_seconds)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and not path.startswith(":memory:"):
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        else:
            # An in-memory database lives in one connection (SingletonThreadPool): no pool sizes.
            pooling = ("pool_size", "max_overflow", "pool_timeout")
            kwargs = {k: v for k, v in kwargs.items() if k not in pooling}
        connect_args = {"check_same_thread": False}
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        _configure_sqlite(engine)
        return engine
    if timeouts is not None:
        in_url = dict(make_url(url).query)
        kwargs["connect_args"] = {**timeouts.connect_args(in_url), **kwargs.get("connect_args", {})}
    engine = create_engine(url, **kwargs)
    _ping_when_idle(engine, ping_after_idle)
    if timeouts is not None:
        guard_round_trips(engine, timeouts)
    return engine


def engine_for(settings: Settings, **kwargs: Any) -> Engine:
    """The engine of a server, worker or command: the pool and deadlines of ``settings``
    (``kwargs`` override the pool's sizes)."""
    kwargs.setdefault("pool_size", settings.db_pool_size)
    kwargs.setdefault("max_overflow", settings.db_max_overflow)
    return make_engine(
        settings.sqlalchemy_url,
        ping_after_idle=settings.db_ping_after_idle_seconds,
        timeouts=settings.database_timeouts(),
        **kwargs,
    )


READ_METHODS = frozenset({"GET", "HEAD"})


class ReadOnlyViolation(RuntimeError):
    """A read request tried to change a row through the ORM (a bug in the route)."""


def _refuse_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.new or session.dirty or session.deleted:
        raise ReadOnlyViolation("a GET request may not change data (only the audit trail)")


def session_factories(engine: Engine) -> tuple[sessionmaker[Session], sessionmaker[Session], bool]:
    """The sessions of write requests, those of read requests, and whether a read session's
    statements commit on their own.

    A read request changes nothing but the audit trail, whose entry is one statement. On
    PostgreSQL its session is in autocommit mode: with READ COMMITTED (PostgreSQL's default)
    every statement sees its own snapshot anyway, so a read loses no consistency, and saves the
    ``BEGIN`` and ``COMMIT`` round trips; the audit entry is durable when its ``INSERT``
    returns, before the response is sent. On SQLite a read keeps its transaction (``BEGIN
    IMMEDIATE``, see :func:`_configure_sqlite`). Both refuse to flush ORM changes.
    """
    writes = sessionmaker(engine, expire_on_commit=False)
    autocommit = engine.dialect.name == "postgresql"
    bind = engine.execution_options(isolation_level="AUTOCOMMIT") if autocommit else engine
    reads = sessionmaker(bind, expire_on_commit=False)
    event.listen(reads, "before_flush", _refuse_flush)
    return writes, reads, autocommit


def _finish(session: Session, error: BaseException | None) -> None:
    try:
        if error is None:
            session.commit()
        else:
            session.rollback()
    finally:
        session.close()


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request; commit on success, roll back on any exception.

    The session is made in the event loop (that costs no I/O: it connects on first use, in the
    route's worker thread) and committed and closed in one worker-thread call after the route
    returned, before the response is sent. (A sync generator dependency takes two trips to a
    worker thread, one to make the session and one to finish it.) A read request's session (see
    :func:`session_factories`) in autocommit mode has nothing left to commit: closing it gives
    the connection back to the pool without I/O, in the loop.

    The finishing call has threads of its own (``app.state.commit_limiter``), not the routes'
    ones: a session waiting to commit holds a pooled connection, and routes blocked on the pool
    while holding every route thread would otherwise wait for it forever.
    """
    state = request.app.state
    reads = request.method in READ_METHODS
    session: Session = (state.read_session_factory if reads else state.session_factory)()
    limiter: anyio.CapacityLimiter = state.commit_limiter
    try:
        yield session
    except BaseException as error:
        with anyio.CancelScope(shield=True):  # a cancelled request still gives back its connection
            await anyio.to_thread.run_sync(_finish, session, error, limiter=limiter)
        raise
    if session.in_transaction() and not (reads and state.reads_autocommit):
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(_finish, session, None, limiter=limiter)
    else:
        session.close()  # nothing to commit: no I/O


DbSession = Annotated[Session, Depends(get_session, scope="function")]
