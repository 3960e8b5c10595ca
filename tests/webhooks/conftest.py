"""Webhook test harness: a receiver on loopback, and a database of its own where transactions
really commit, so the worker (another connection, thread or process) sees what the API wrote."""

from __future__ import annotations

import json
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
from app.webhooks.worker import Report, run_once
from tests.conftest import LiveServer
from tests.helpers import Api, Caller, TempDatabase, Tenant


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes

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

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    def start(self) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", "0")))
                receiver.received.append(Received(dict(self.headers.items()), body))
                receiver.arrived.set()
                if receiver.hang:
                    time.sleep(receiver.hang)
                self.send_response(receiver.status)
                if receiver.location:
                    self.send_header("Location", receiver.location)
                self.send_header("Content-Length", "0")
                self.end_headers()

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

    def run(self, now: datetime | None = None, **kwargs: Any) -> Report:
        return run_once(self.engine, self.settings, now=now, **kwargs)

    def run_until(
        self, done: Callable[[], bool], *, now: datetime | None = None, seconds: float = 30
    ) -> None:
        """Run the worker until ``done()``: on PostgreSQL the fan-out waits for transactions
        that may still be running anywhere on the server, so one round may not be enough."""
        deadline = time.monotonic() + seconds
        while True:
            self.run(now=now)
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
        connection.execute(text("DELETE FROM webhook_subscriptions"))


def subscribe(caller: Caller, url: str, **body: Any) -> dict[str, Any]:
    return caller.created("/v1/webhook-subscriptions", {"url": url, **body})


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
        params: dict[str, Any] = {"limit": 500}
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
