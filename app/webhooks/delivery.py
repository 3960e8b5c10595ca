"""One HTTP attempt of a webhook: check the URL again, connect to the checked address, POST.

The connection goes to an address that passed :func:`app.webhooks.urls.check` a moment ago
(TLS still verifies the certificate for the host name), redirects are not followed, and proxies
from the environment are not used.

Time: connect, write and read each have a short timeout, and the attempt as a whole has a
:class:`Deadline` (``FOSTERFLYT_WEBHOOK_ATTEMPT_DEADLINE_SECONDS``). Per-step timeouts alone do
not bound an attempt: a receiver that sends its status line and then one header line every few
seconds resets the read timeout with every line (security review 2026-12, finding 3). So every
blocking step gets ``min(its own timeout, the time left)``: the name lookup (waited for in a
thread of its own, since ``getaddrinfo`` takes no timeout and the receiver's own name server
may stall it), each connect, the TLS handshake (bounded as a whole by ``ssl``), each write and
each read. At the deadline the step in progress times out, the connection is closed, and the
attempt is ``deadline_exceeded``. The worker relies on this to finish before its lease ends.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import httpcore
import httpx

from app.config import Settings
from app.webhooks import urls

USER_AGENT = "Fosterflyt-Webhooks/1"


@dataclass(frozen=True)
class Outcome:
    """What one attempt came to: a status code, or the class of the error (never its text,
    which could echo the receiver's response)."""

    status_code: int | None
    error: str | None
    duration_ms: int

    @property
    def ok(self) -> bool:
        return self.error is None and self.status_code is not None


DEADLINE_EXCEEDED = "deadline_exceeded"


class Deadline:
    """A moment on the monotonic clock by which an attempt must be over.

    :meth:`limit` turns a step's own timeout into the one it may use. ``cut`` tells whether the
    most recent step got the time left rather than its own timeout: if that step timed out, the
    deadline is what stopped it.
    """

    def __init__(self, at: float) -> None:
        self.at = at
        self.cut = False

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        return cls(time.monotonic() + seconds)

    def left(self) -> float:
        return self.at - time.monotonic()

    def limit(self, timeout: float | None, expired: type[httpcore.TimeoutException]) -> float:
        """``timeout`` capped at the time left; raises ``expired`` if none is left (a step must
        not start at all then: a timeout of 0 would make the socket non-blocking instead)."""
        left = self.left()
        if left <= 0:
            self.cut = True
            raise expired("the attempt's deadline has passed")
        if timeout is not None and timeout <= left:
            self.cut = False
            return timeout
        self.cut = True
        return left


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read, write and TLS handshake ends by the deadline.

    A write is one ``send`` in practice (the request, headers and an event of a few hundred
    bytes, fits in the socket's send buffer), so it does not wait for the receiver to read.
    """

    def __init__(self, stream: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.limit(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.limit(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        limit = self._deadline.limit(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, limit), self._deadline
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _PinnedBackend(httpcore.SyncBackend):
    """Connects to the checked addresses whatever name the URL has (no second DNS lookup),
    each connect and everything on the connection bounded by the attempt's deadline."""

    def __init__(self, addresses: tuple[str, ...], deadline: Deadline) -> None:
        self.addresses = addresses
        self.deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        error: Exception | None = None
        for address in self.addresses:
            limit = self.deadline.limit(timeout, httpcore.ConnectTimeout)
            try:
                stream = super().connect_tcp(address, port, limit, local_address, socket_options)
            except httpcore.ConnectError as refused:
                error = refused
            else:
                return _DeadlineStream(stream, self.deadline)
        assert error is not None
        raise error


@cache
def _ssl_context() -> ssl.SSLContext:
    """Built once (loading the CA bundle takes tens of milliseconds) and shared by every
    attempt; an SSLContext may be used by several threads."""
    return httpx.create_ssl_context(trust_env=False)


class _PinnedTransport(httpx.HTTPTransport):
    def __init__(self, addresses: tuple[str, ...], deadline: Deadline) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(),
            max_connections=1,
            max_keepalive_connections=0,
            network_backend=_PinnedBackend(addresses, deadline),
        )


class _OutOfTime(Exception):
    """The name lookup did not finish before the deadline."""


def _check_in_time(url: str, *, allow_private: bool, deadline: Deadline) -> urls.Target:
    """:func:`urls.check` given at most the time left. A lookup still running then is left to
    finish in its daemon thread (the resolver's own timeouts end it) and its answer is dropped."""
    answer: list[urls.Target | Exception] = []

    def look_up() -> None:
        try:
            answer.append(urls.check(url, allow_private=allow_private))
        except Exception as error:  # handed to the caller below
            answer.append(error)

    thread = threading.Thread(target=look_up, name="fosterflyt-webhook-lookup", daemon=True)
    thread.start()
    thread.join(max(deadline.left(), 0))
    if not answer:
        raise _OutOfTime
    if isinstance(answer[0], Exception):
        raise answer[0]
    return answer[0]


def post(
    url: str,
    *,
    body: bytes,
    headers: dict[str, str],
    settings: Settings,
    deadline: Deadline | None = None,
) -> Outcome:
    """POST ``body`` to ``url``; any 2xx is a success, anything else (3xx too) a failure.

    The attempt is over by ``deadline`` (by default the configured attempt deadline from now),
    whatever the receiver does; the outcome is then ``deadline_exceeded``.
    """
    started = time.monotonic()
    if deadline is None:
        deadline = Deadline.after(settings.webhook_attempt_deadline_seconds)

    def done(status_code: int | None, error: str | None) -> Outcome:
        return Outcome(status_code, error, int((time.monotonic() - started) * 1000))

    try:
        target = _check_in_time(
            url, allow_private=settings.webhook_allow_private, deadline=deadline
        )
    except urls.UrlRefused as refused:
        return done(None, refused.code)
    except _OutOfTime:
        return done(None, DEADLINE_EXCEEDED)
    timeout = httpx.Timeout(
        settings.webhook_timeout_seconds,
        connect=settings.webhook_connect_timeout_seconds,
        pool=settings.webhook_connect_timeout_seconds,
    )
    all_headers = {"content-type": "application/json", "user-agent": USER_AGENT, **headers}
    try:
        with (
            httpx.Client(
                transport=_PinnedTransport(target.addresses, deadline),
                timeout=timeout,
                follow_redirects=False,
                trust_env=False,
            ) as client,
            client.stream("POST", target.url, content=body, headers=all_headers) as response,
        ):
            status = response.status_code  # the body is never read
    except httpx.TimeoutException:
        return done(None, DEADLINE_EXCEEDED if deadline.cut else "timeout")
    except httpx.ConnectError:
        return done(None, "connect_error")
    except httpx.TransportError:
        return done(None, "network_error")
    if 200 <= status < 300:
        return done(status, None)
    return done(status, "redirect" if 300 <= status < 400 else "http_status")
