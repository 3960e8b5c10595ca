"""Rate limits per client, with ``429`` and ``Retry-After``.

Two budgets, both configurable: requests per authenticated client (a token's subject or an API
key), and failed authentications per client address (a script guessing keys or replaying
expired tokens gets 429 instead of 401 once its address has spent the budget). The failure
budget never refuses a credential that verifies: behind a proxy or NAT many journal systems
share an address, and one caller's garbage must not lock the others out.

The client address is the socket peer, or, when the peer is one of
``FOSTERFLYT_TRUSTED_PROXIES``, the rightmost ``X-Forwarded-For`` hop that is not a trusted
proxy (:func:`client_address`).

Both use the sliding-window counter: the previous fixed window's count, weighted by the part of
it still inside the sliding window, plus the current window's count; constant memory and time
per client. ``memory://`` (the default: one process per container) keeps the counters in this
process in :class:`SlidingWindowCounters`; another storage URI (``redis://host:6379``) shares
them between processes through the ``limits`` library, which also parses the limits.

Why not ``limits``' own memory storage: it expires its keys from a ``threading.Timer`` that it
starts anew 10 ms after the last one ended, so a busy server starts up to a hundred threads a
second. On a placement read that cost about a tenth of the server's CPU (docs/benchmarks.md).
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import SlidingWindowCounterRateLimiter

from app.config import Settings
from app.errors import RateLimited

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _parse_hop(value: str) -> Address | None:
    """An ``X-Forwarded-For`` entry as an address (``1.2.3.4``, ``1.2.3.4:5678``, ``::1``,
    ``[::1]:5678``), IPv4-mapped IPv6 as IPv4; None for anything else (``unknown``, a name)."""
    value = value.strip()
    if value.startswith("["):
        value = value[1 : value.find("]")] if "]" in value else ""
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def client_address(
    peer: str | None, forwarded_for: Iterable[str], trusted: Sequence[Network]
) -> str:
    """The address a request is counted against.

    The socket ``peer``, unless it is a trusted proxy: then the ``X-Forwarded-For`` hops (all
    header lines, in order) are walked from the right, past trusted proxies, to the first hop
    that is not one. Each proxy appends the address it saw, so the hops to the right of that one
    were written by proxies we trust, and anything to its left by the client itself, which may
    write what it likes. A hop that is not an address stops the walk at the proxy that wrote it,
    and if every hop is trusted the leftmost is the client.
    """
    current = _parse_hop(peer) if peer else None
    if current is None:
        return "unknown" if not peer else peer[:64]
    if not _trusted(current, trusted):
        return str(current)
    hops = [hop for line in forwarded_for for hop in line.split(",")]
    for hop in reversed(hops):
        address = _parse_hop(hop)
        if address is None:
            break
        current = address
        if not _trusted(address, trusted):
            break
    return str(current)


def _trusted(address: Address, trusted: Sequence[Network]) -> bool:
    return any(address in network for network in trusted)


class SlidingWindowCounters:
    """Sliding-window counters in this process, for any number of keys (thread safe: the event
    loop and the worker threads share them).

    Windows are aligned to multiples of ``period`` seconds. A key's entry is (window, previous
    count, current count); once per window the entries older than the previous window, which
    count for nothing, are dropped, so memory follows the clients seen in the last two windows.
    """

    def __init__(
        self, limit: int, period: float, *, clock: Callable[[], float] = time.time
    ) -> None:
        self.limit = limit
        self.period = period
        self.clock = clock
        self._entries: dict[str, tuple[int, int, int]] = {}
        self._lock = threading.Lock()
        self._swept = -1

    def __len__(self) -> int:
        return len(self._entries)

    def _counts(self, key: str, window: int) -> tuple[int, int]:
        """(previous, current) of ``key`` as seen from ``window``."""
        entry = self._entries.get(key)
        if entry is None:
            return 0, 0
        seen, previous, current = entry
        if seen == window:
            return previous, current
        return (current if seen == window - 1 else 0), 0

    def _weighted(self, previous: int, current: int, now: float, window: int) -> float:
        left = (window + 1) * self.period - now  # of the current window
        return previous * left / self.period + current

    def hit(self, key: str) -> bool:
        """Count one request of ``key``, unless that would pass the limit (then False)."""
        now = self.clock()
        window = int(now // self.period)
        with self._lock:
            if window != self._swept:
                self._sweep(window)
            previous, current = self._counts(key, window)
            if self._weighted(previous, current, now, window) + 1 > self.limit:
                return False
            self._entries[key] = (window, previous, current + 1)
            return True

    def test(self, key: str) -> bool:
        """Whether one more request of ``key`` would be allowed (counts nothing)."""
        now = self.clock()
        window = int(now // self.period)
        with self._lock:
            previous, current = self._counts(key, window)
            return self._weighted(previous, current, now, window) + 1 <= self.limit

    def remaining(self, key: str) -> tuple[int, float]:
        """How many more requests of ``key`` fit now, and the seconds left in this window."""
        now = self.clock()
        window = int(now // self.period)
        with self._lock:
            previous, current = self._counts(key, window)
        used = self._weighted(previous, current, now, window)
        return max(0, math.floor(self.limit - used)), (window + 1) * self.period - now

    def retry_after(self, key: str) -> float:
        """Seconds until one more request of ``key`` would be allowed."""
        now = self.clock()
        window = int(now // self.period)
        end = (window + 1) * self.period
        with self._lock:
            previous, current = self._counts(key, window)
        room = self.limit - 1  # one more request fits while the weighted count is at most this
        if current <= room:
            # Within this window, once enough of the previous window's weight has run out.
            if previous == 0:
                return 0.0
            return max(0.0, end - (room - current) * self.period / previous - now)
        # Only in the next window, once enough of this window's weight has run out there.
        return end + self.period - room * self.period / current - now

    def _sweep(self, window: int) -> None:
        self._entries = {k: e for k, e in self._entries.items() if e[0] >= window - 1}
        self._swept = window


@dataclass(frozen=True)
class Quota:
    """A client's budget after its request, for the ``RateLimit-Policy`` and ``RateLimit``
    headers (draft-ietf-httpapi-ratelimit-headers): the policy's name, its quota in a window of
    ``window`` seconds, what remains, and the seconds until the window resets."""

    policy: str
    quota: int
    window: int
    remaining: int
    reset: int

    def headers(self) -> list[tuple[bytes, bytes]]:
        name = f'"{self.policy}"'
        return [
            (b"ratelimit-policy", f"{name};q={self.quota};w={self.window}".encode()),
            (b"ratelimit", f"{name};r={self.remaining};t={self.reset}".encode()),
        ]


class RateLimiter:
    def __init__(self, settings: Settings) -> None:
        self.requests: RateLimitItem = parse(settings.rate_limit)
        # Journal systems onboarding a service register hundreds of placements in one go.
        self.integration_requests: RateLimitItem = parse(settings.integration_rate_limit)
        self.failures: RateLimitItem = parse(settings.auth_failure_limit)
        # In-process counters cost no I/O: they are safe to use from the event loop.
        self.in_process = settings.rate_limit_storage_uri.startswith("memory://")
        self.trusted_proxies: Sequence[Network] = tuple(settings.trusted_proxies)
        self._request_counts = self._counters(self.requests)
        self._integration_counts = self._counters(self.integration_requests)
        self._failure_counts = self._counters(self.failures)
        self._shared = (
            None
            if self.in_process
            else SlidingWindowCounterRateLimiter(
                storage_from_string(settings.rate_limit_storage_uri)
            )
        )

    @staticmethod
    def _counters(item: RateLimitItem) -> SlidingWindowCounters:
        return SlidingWindowCounters(item.amount, item.get_expiry())

    def _hit(self, item: RateLimitItem, counts: SlidingWindowCounters, *keys: str) -> bool:
        if self._shared is None:
            return counts.hit(keys[-1])
        return self._shared.hit(item, *keys)

    def _refuse(
        self, item: RateLimitItem, counts: SlidingWindowCounters, keys: tuple[str, str], detail: str
    ) -> RateLimited:
        if self._shared is None:
            wait = counts.retry_after(keys[-1])
        else:
            wait = self._shared.get_window_stats(item, *keys).reset_time - time.time()
        return RateLimited(detail, retry_after=max(1, math.ceil(wait)))

    def hit(self, client: str, *, integration: bool = False) -> Quota:
        """Count one request of ``client`` against its budget (an integration client's own,
        larger one); 429 when it is spent. Either way the budget as it then stands is given
        (on the 429 as ``quota``), for the response's headers."""
        item, counts, prefix, policy = (
            (self.integration_requests, self._integration_counts, "int", "integration")
            if integration
            else (self.requests, self._request_counts, "req", "default")
        )
        allowed = self._hit(item, counts, prefix, client)
        if self._shared is None:
            left, reset = counts.remaining(client)
        else:
            stats = self._shared.get_window_stats(item, prefix, client)
            left, reset = stats.remaining, stats.reset_time - time.time()
        quota = Quota(
            policy=policy,
            quota=item.amount,
            window=int(item.get_expiry()),
            remaining=left if allowed else 0,
            reset=max(0, math.ceil(reset)),
        )
        if not allowed:
            refused = self._refuse(
                item, counts, (prefix, client), f"This client may send {item} requests."
            )
            refused.quota = quota
            raise refused
        return quota

    def address(self, peer: str | None, forwarded_for: Iterable[str]) -> str:
        """The client address of a request from ``peer`` (see :func:`client_address`)."""
        return client_address(peer, forwarded_for, self.trusted_proxies)

    def count_failure(self, address: str) -> None:
        """Count a failed authentication from ``address``; 429 (instead of the 401) once the
        address has spent its budget. Only failures are counted and refused here: a request
        whose credential verifies never comes this way."""
        if not self._hit(self.failures, self._failure_counts, "auth", address):
            raise self._refuse(
                self.failures,
                self._failure_counts,
                ("auth", address),
                "Too many failed authentications from this address.",
            )
