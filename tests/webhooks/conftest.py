"""Webhook test harness: a receiver on loopback, and a database of its own where transactions
really commit, so the worker (another connection, thread or process) sees what the API wrote."""

from __future__ import annotations

import json
import select
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, text
from standardwebhooks import Webhook

from app.config import Settings, get_settings
from app.db import make_engine
from app.migrations import upgrade
from app.worker import Report, run_once
from tests.conftest import LiveServer
from tests.helpers import Api, Caller, TempDatabase, Tenant


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    at: float = field(default_factory=time.time)  # when it arrived (wall clock)

    @property
    def event(self) -> dict[str, Any]:
        return dict(json.loads(self.body))


@dataclass
class Receiver:
    """A webhook endpoint on loopback: answers ``status`` after ``hang`` seconds, records all."""

    status: int = 204
    hang: float = 0.0
    location: str | None = None
    received: list[Received] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)
    port: int = 0
    server: ThreadingHTTPServer | None = None
    open_now: int = 0  # requests being answered at this moment
    most_at_once: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    def start(self) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                with receiver._lock:
                    receiver.received.append(Received(dict(self.headers.items()), body))
                    receiver.open_now += 1
                    receiver.most_at_once = max(receiver.most_at_once, receiver.open_now)
                receiver.arrived.set()
                try:
                    caller_left = self._hang(receiver.hang)
                finally:
                    with receiver._lock:
                        receiver.open_now -= 1
                if caller_left:
                    return
                self.send_response(receiver.status)
                if receiver.location:
                    self.send_header("Location", receiver.location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def _hang(self, seconds: float) -> bool:
                """Wait ``seconds`` before answering; True as soon as the caller hangs up (so
                ``open_now`` counts only the requests a caller is still waiting on)."""
                until = time.monotonic() + seconds
                while (left := until - time.monotonic()) > 0:
                    ready, _, _ = select.select([self.connection], [], [], min(left, 0.05))
                    if ready and self.connection.recv(1, socket.MSG_PEEK) == b"":
                        return True
                return False

            def log_message(self, format: str, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        server.daemon_threads = True
        server.block_on_close = False
        self.port = server.server_address[1]
        self.server = server
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def ids(self) -> list[str]:
        return [r.headers["webhook-id"] for r in self.received]

    def verify_all(self, secret: str) -> None:
        """Every request carries a valid Standard Webhooks signature (the reference package)."""
        webhook = Webhook(secret)
        for request in self.received:
            payload = webhook.verify(request.body, request.headers)
            assert payload["id"] == request.headers["webhook-id"]


@dataclass
class Drip:
    """One request a :class:`Trickler` got: its ``webhook-id`` and when it came and went
    (monotonic seconds), and whether the caller hung up before the answer was complete."""

    webhook_id: str
    arrived: float
    ended: float | None = None
    hung_up: bool = False


@dataclass
class Trickler:
    """A slow-drip receiver on loopback, on a raw socket: it answers ``HTTP/1.1 200 OK``, then
    one header line every ``interval`` seconds, ``lines`` times, then ends the headers. Each
    line resets a per-read timeout, so only a total deadline stops the caller waiting.

    ``trickle = False`` makes it answer ``204`` at once. It counts the requests of each
    ``webhook-id`` that are open at the same time (:meth:`most_at_once`)."""

    interval: float = 0.3
    lines: int = 30
    trickle: bool = True
    drips: list[Drip] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)
    port: int = 0
    _open: dict[str, int] = field(default_factory=dict)
    _most: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stopping: threading.Event = field(default_factory=threading.Event)
    _listener: socket.socket | None = None
    _threads: list[threading.Thread] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    def start(self) -> Trickler:
        listener = socket.create_server(("127.0.0.1", 0))
        listener.settimeout(0.1)  # so the accept loop notices stop()
        self.port = listener.getsockname()[1]
        self._listener = listener
        thread = threading.Thread(target=self._accept, daemon=True)
        thread.start()
        self._threads.append(thread)
        return self

    def stop(self) -> None:
        self._stopping.set()
        for thread in list(self._threads):
            thread.join(10)
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def ids(self) -> list[str]:
        return [d.webhook_id for d in self.drips]

    def all_ended(self, seconds: float = 30) -> list[Drip]:
        """The requests so far, once each has ended (the caller's hang-up reaches this thread
        a moment after the caller has moved on)."""
        deadline = time.monotonic() + seconds
        while any(d.ended is None for d in self.drips):
            assert time.monotonic() < deadline, "a request never ended"
            time.sleep(0.02)
        return list(self.drips)

    def most_at_once(self, webhook_id: str) -> int:
        """The most requests for ``webhook_id`` that were open at the same moment."""
        return self._most.get(webhook_id, 0)

    def _accept(self) -> None:
        assert self._listener is not None
        while not self._stopping.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(connection,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            try:
                webhook_id = self._read_request(connection)
            except OSError:
                return
            if webhook_id is None:
                return
            drip = Drip(webhook_id, time.monotonic())
            with self._lock:
                self.drips.append(drip)
                self._open[webhook_id] = self._open.get(webhook_id, 0) + 1
                self._most[webhook_id] = max(self._most.get(webhook_id, 0), self._open[webhook_id])
            self.arrived.set()
            try:
                drip.hung_up = not self._answer(connection)
            except OSError:
                drip.hung_up = True
            finally:
                drip.ended = time.monotonic()
                with self._lock:
                    self._open[webhook_id] -= 1

    @staticmethod
    def _read_request(connection: socket.socket) -> str | None:
        connection.settimeout(10)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = connection.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, body = data.split(b"\r\n\r\n", 1)
        headers = dict(
            line.decode("latin-1").lower().split(": ", 1) for line in head.split(b"\r\n")[1:]
        )
        while len(body) < int(headers.get("content-length", "0")):
            chunk = connection.recv(65536)
            if not chunk:
                return None
            body += chunk
        return headers.get("webhook-id", "")

    def _answer(self, connection: socket.socket) -> bool:
        """Send the answer; False if the caller hung up first."""
        if not self.trickle:
            connection.sendall(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")
            return True
        connection.sendall(b"HTTP/1.1 200 OK\r\n")
        connection.settimeout(self.interval)
        for line in range(self.lines):
            if self._stopping.is_set():
                return False
            try:
                if connection.recv(1) == b"":  # the caller closed the connection
                    return False
            except TimeoutError:
                pass  # the caller is still waiting: one more line
            connection.sendall(f"X-Drip-{line}: .\r\n".encode())
        connection.sendall(b"Content-Length: 0\r\n\r\n")
        return True


@pytest.fixture
def trickler() -> Iterator[Trickler]:
    endpoint = Trickler().start()
    yield endpoint
    endpoint.stop()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    endpoint = Receiver().start()
    yield endpoint
    endpoint.stop()


@pytest.fixture
def allow_private(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loopback receivers are allowed (the API's check reads the process settings)."""
    monkeypatch.setattr(get_settings(), "webhook_allow_private", True)


@dataclass
class Committed:
    """A database where every request commits, its own API server, and worker settings."""

    url: str
    engine: Engine
    server: LiveServer
    http: httpx.Client
    settings: Settings

    @property
    def api(self) -> Api:
        return Api(self.http)

    def run(
        self, now: datetime | None = None, *, settings: Settings | None = None, **kwargs: Any
    ) -> Report:
        return run_once(self.engine, settings or self.settings, now=now, **kwargs)

    def run_until(
        self,
        done: Callable[[], bool],
        *,
        now: datetime | None = None,
        seconds: float = 30,
        settings: Settings | None = None,
    ) -> None:
        """Run the worker until ``done()``: on PostgreSQL the fan-out waits for transactions
        that may still be running anywhere on the server, so one round may not be enough."""
        deadline = time.monotonic() + seconds
        while True:
            self.run(now=now, settings=settings)
            if done():
                return
            assert time.monotonic() < deadline, "the worker did not get there in time"
            time.sleep(0.1)


@pytest.fixture(scope="module")
def committed(temp_databases: TempDatabase) -> Iterator[Committed]:
    url = temp_databases.create()
    upgrade(url)
    engine = make_engine(url)
    server = LiveServer(engine)
    server.start()
    settings = Settings(
        database_url=url,
        webhook_allow_private=True,
        webhook_connect_timeout_seconds=0.5,
        webhook_timeout_seconds=0.5,
    )
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield Committed(url, engine, server, http, settings)
    server.stop()
    engine.dispose()


@pytest.fixture
def db(committed: Committed) -> Iterator[Committed]:
    """The committed database; the subscriptions a test made are deleted afterwards, so the
    next test's worker rounds do not try to reach receivers that are gone."""
    yield committed
    with committed.engine.begin() as connection:
        connection.execute(text("DELETE FROM webhook_attempts"))
        connection.execute(text("DELETE FROM webhook_deliveries"))
        connection.execute(text("DELETE FROM webhook_cursors"))
        connection.execute(text("DELETE FROM webhook_health"))
        connection.execute(text("DELETE FROM webhook_subscriptions"))


def subscribe(caller: Caller, url: str, **body: Any) -> dict[str, Any]:
    """A new subscription as GET shows it, with its once-shown ``secret`` value beside."""
    return with_secret(caller.created("/v1/webhook-subscriptions", {"url": url, **body}))


def with_secret(shown: dict[str, Any]) -> dict[str, Any]:
    """A once-shown response (``{"resource": …, "secret": {…}}``) as one flat dict."""
    assert set(shown) == {"resource", "secret"}, shown
    assert shown["secret"]["kind"] == "webhook_signing_secret"
    return {**shown["resource"], "secret": shown["secret"]["value"]}


def deliveries(caller: Caller, subscription_id: str, **params: Any) -> list[dict[str, Any]]:
    response = caller.get(
        f"/v1/webhook-subscriptions/{subscription_id}/deliveries", params={"limit": 100, **params}
    )
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def feed_ids(tenant: Tenant, after: str | None = None) -> tuple[list[str], str]:
    """The ids of the service's events (after ``after``) and the cursor to resume from."""
    ids: list[str] = []
    cursor = after
    while True:
        params: dict[str, Any] = {"limit": 100}
        if cursor:
            params["after"] = cursor
        page = tenant.integration.get("/v1/events", params=params).json()
        ids += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return ids, cursor


def eventually(check: Callable[[], Any], *, seconds: float = 30) -> Any:
    """``check()`` once it is truthy: the feed holds back events while any older transaction on
    the PostgreSQL server may still be running (other test runs share the server)."""
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if result:
            return result
        assert time.monotonic() < deadline, "not there in time"
        time.sleep(0.1)
