"""One HTTP attempt of a webhook: check the URL again, connect to the checked address, POST.

The connection goes to an address that passed :func:`app.webhooks.urls.check` a moment ago
(TLS still verifies the certificate for the host name), redirects are not followed, proxies
from the environment are not used, and connect, write and read each have a short timeout, so a
hanging receiver costs the worker seconds, not hours.
"""

from __future__ import annotations

import ssl
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


class _PinnedBackend(httpcore.SyncBackend):
    """Connects to the checked addresses whatever name the URL has (no second DNS lookup)."""

    def __init__(self, addresses: tuple[str, ...]) -> None:
        self.addresses = addresses

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
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as refused:
                error = refused
        assert error is not None
        raise error


@cache
def _ssl_context() -> ssl.SSLContext:
    """Built once (loading the CA bundle takes tens of milliseconds) and shared by every
    attempt; an SSLContext may be used by several threads."""
    return httpx.create_ssl_context(trust_env=False)


class _PinnedTransport(httpx.HTTPTransport):
    def __init__(self, addresses: tuple[str, ...]) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(),
            max_connections=1,
            max_keepalive_connections=0,
            network_backend=_PinnedBackend(addresses),
        )


def post(url: str, *, body: bytes, headers: dict[str, str], settings: Settings) -> Outcome:
    """POST ``body`` to ``url``; any 2xx is a success, anything else (3xx too) a failure."""
    started = time.monotonic()

    def done(status_code: int | None, error: str | None) -> Outcome:
        return Outcome(status_code, error, int((time.monotonic() - started) * 1000))

    try:
        target = urls.check(url, allow_private=settings.webhook_allow_private)
    except urls.UrlRefused as refused:
        return done(None, refused.code)
    timeout = httpx.Timeout(
        settings.webhook_timeout_seconds,
        connect=settings.webhook_connect_timeout_seconds,
        pool=settings.webhook_connect_timeout_seconds,
    )
    all_headers = {"content-type": "application/json", "user-agent": USER_AGENT, **headers}
    try:
        with (
            httpx.Client(
                transport=_PinnedTransport(target.addresses),
                timeout=timeout,
                follow_redirects=False,
                trust_env=False,
            ) as client,
            client.stream("POST", target.url, content=body, headers=all_headers) as response,
        ):
            status = response.status_code  # the body is never read
    except httpx.TimeoutException:
        return done(None, "timeout")
    except httpx.ConnectError:
        return done(None, "connect_error")
    except httpx.TransportError:
        return done(None, "network_error")
    if 200 <= status < 300:
        return done(status, None)
    return done(status, "redirect" if 300 <= status < 400 else "http_status")
