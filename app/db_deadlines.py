"""Deadlines for PostgreSQL: how long the service waits for the database before it answers
``503 database-unavailable`` (app/errors.py) instead of hanging.

A refused or lost connection fails at once. A server that accepts connections but does not
answer (stopped, a stalled disk, a hung VM, a network path that drops packets) needs a deadline
at every step, and each layer covers a different failure:

========================  ==============================================================
connecting                libpq's ``connect_timeout``
a slow statement          ``statement_timeout``, ``lock_timeout`` and
                          ``idle_in_transaction_session_timeout``, set by the server for
                          each connection (sent in its start-up packet: no round trip)
a dead peer or path       TCP keepalives and ``tcp_user_timeout`` (the kernel gives up)
a frozen server           :class:`Watchdog`: the connection is cut when a round trip had no
                          answer in time
a full pool               ``pool_timeout``
========================  ==============================================================

Why the watchdog: against a PostgreSQL 15 whose processes got SIGSTOP (psycopg 3.3, measured
for finding 4 of the December review), a ``SELECT 1`` with ``tcp_user_timeout=1000`` and
keepalives every second still hung after 6 s, because the kernel keeps acknowledging data and
keepalives for a stopped process; the server-side timeouts are enforced by the frozen server
itself; and ``cancel_safe(timeout=2)`` ran out after 2 s, since the cancel request goes to the
frozen postmaster. A new connection did fail after its ``connect_timeout`` (2.0 s). Shutting the
connection's socket down from another thread made the blocked ``SELECT`` fail at once with
"server closed the connection unexpectedly" (after the 1.00 s the test waited): the driver marks
the connection broken, SQLAlchemy sees a disconnect and replaces the pool's connections, and the
request gets 503.
"""

from __future__ import annotations

import logging
import math
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

log = logging.getLogger("app.db")


@dataclass(frozen=True)
class DatabaseTimeouts:
    """The deadlines of one engine, in seconds (see the module docstring for what each covers).

    ``response_seconds`` bounds any one round trip, and must exceed ``statement_seconds``: a live
    server ends a slow statement itself (with an error the client reads), so an unanswered round
    trip past that means the server is not there. A liveness test of an idle connection gets
    ``connect_seconds``, like a new connection: it should be as quick.
    """

    connect_seconds: int = 3
    statement_seconds: float = 5
    lock_seconds: float = 3
    idle_in_transaction_seconds: float = 60
    response_seconds: float = 6
    pool_seconds: float = 3

    def connect_args(self, query: dict[str, Any]) -> dict[str, Any]:
        """libpq connection parameters; ``query`` holds those already in the URL, which win (an
        operator's explicit ``?options=…`` or ``?connect_timeout=…`` stays as written)."""
        server = {
            "statement_timeout": self.statement_seconds,
            "lock_timeout": self.lock_seconds,
            "idle_in_transaction_session_timeout": self.idle_in_transaction_seconds,
        }
        options = " ".join(f"-c {name}={_ms(value)}" for name, value in server.items())
        if query.get("options"):
            options = f"{options} {query['options']}"  # later -c settings win
        params: dict[str, Any] = {
            "connect_timeout": self.connect_seconds,
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
            "tcp_user_timeout": _ms(self.response_seconds),
        }
        params = {name: value for name, value in params.items() if name not in query}
        params["options"] = options
        return params


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))


class Watchdog:
    """Cuts the connection of a database round trip that is not answered by its deadline.

    :meth:`arm` before the driver call, :meth:`disarm` after it (in ``finally``). One daemon
    thread per process sleeps until the earliest deadline and, for each round trip past it,
    shuts the connection's socket down: the blocked call returns with an error at once. The
    thread only wakes for a deadline (never on a timer), and arming costs a dictionary insert
    under an uncontended lock. Cutting happens under that lock, and only while the round trip is
    still armed, so a socket is never shut down after its driver call returned (its descriptor
    may belong to something else by then).
    """

    def __init__(self) -> None:
        self._lock = threading.Condition(threading.Lock())
        self._armed: dict[object, tuple[float, Any]] = {}
        self._wake_at = math.inf  # when the thread wakes next; inf: it waits to be notified
        self._thread: threading.Thread | None = None

    def arm(self, dbapi_connection: Any, seconds: float) -> object:
        token = object()
        deadline = time.monotonic() + seconds
        with self._lock:
            self._armed[token] = (deadline, dbapi_connection)
            if deadline < self._wake_at:  # rare: nothing armed, or a shorter deadline
                if self._thread is None:
                    self._thread = threading.Thread(
                        target=self._run, name="fosterflyt-db-watchdog", daemon=True
                    )
                    self._thread.start()
                self._wake_at = deadline
                self._lock.notify()
        return token

    def disarm(self, token: object) -> None:
        with self._lock:
            self._armed.pop(token, None)

    def _run(self) -> None:
        with self._lock:
            while True:
                now = time.monotonic()
                self._wake_at = math.inf
                for token, (deadline, dbapi_connection) in list(self._armed.items()):
                    if deadline <= now:
                        del self._armed[token]
                        _cut(dbapi_connection)
                    else:
                        self._wake_at = min(self._wake_at, deadline)
                self._lock.wait(None if self._wake_at == math.inf else self._wake_at - now)

    def _after_fork(self) -> None:
        # The thread does not survive a fork: the child starts its own on first use.
        self._lock = threading.Condition(threading.Lock())
        self._armed.clear()
        self._wake_at = math.inf
        self._thread = None


def _cut(dbapi_connection: Any) -> None:
    try:
        descriptor = dbapi_connection.fileno()
        # A duplicate descriptor: closing it leaves the driver's own open, and shutdown() acts
        # on the socket itself, which both share.
        with socket.socket(fileno=os.dup(descriptor)) as duplicate:
            duplicate.shutdown(socket.SHUT_RDWR)
    except Exception as error:  # closed meanwhile, or not a socket: nothing left to cut
        log.debug("database connection not cut", extra={"error_type": type(error).__name__})
        return
    log.warning("database did not answer in time: connection cut")


WATCHDOG = Watchdog()
os.register_at_fork(after_in_child=WATCHDOG._after_fork)

# Every round trip an engine makes goes through one of these dialect methods: statements
# (including the ones SQLAlchemy issues itself, such as SAVEPOINT), COMMIT and ROLLBACK (also
# the pool's rollback when a connection is returned), and the liveness test. SQLAlchemy has an
# event before a commit but none after it, so the window cannot be closed with events.
_ON_CURSOR = ("do_execute", "do_executemany", "do_execute_no_params")
_ON_CONNECTION = ("do_commit", "do_rollback", "do_ping")


def guard_round_trips(engine: Engine, timeouts: DatabaseTimeouts) -> None:
    """Put every round trip of ``engine`` under :data:`WATCHDOG` (each engine has a dialect
    instance of its own, so other engines are left as they are)."""
    dialect = engine.dialect
    for name in _ON_CURSOR:
        setattr(dialect, name, _on_cursor(getattr(dialect, name), timeouts.response_seconds))
    for name in _ON_CONNECTION:
        seconds = timeouts.connect_seconds if name == "do_ping" else timeouts.response_seconds
        setattr(dialect, name, _on_connection(getattr(dialect, name), seconds))


def _on_cursor(call: Callable[..., Any], seconds: float) -> Callable[..., Any]:
    def guarded(cursor: Any, *args: Any, **kwargs: Any) -> Any:
        token = WATCHDOG.arm(cursor.connection, seconds)
        try:
            return call(cursor, *args, **kwargs)
        finally:
            WATCHDOG.disarm(token)

    return guarded


def _on_connection(call: Callable[..., Any], seconds: float) -> Callable[..., Any]:
    def guarded(dbapi_connection: Any, *args: Any, **kwargs: Any) -> Any:
        token = WATCHDOG.arm(dbapi_connection, seconds)
        try:
            return call(dbapi_connection, *args, **kwargs)
        finally:
            WATCHDOG.disarm(token)

    return guarded
