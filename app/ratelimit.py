"""Rate limits per client, with ``429`` and ``Retry-After``.

Two budgets, both configurable: requests per authenticated client (a token's subject or an API
key), and failed authentications per client address (so a script guessing keys or replaying
expired tokens is slowed down before it costs a database lookup or a JWKS fetch).

The counters use the ``limits`` library's sliding-window counter: constant memory and time per
client, and a storage URI: ``memory://`` keeps them in the process (the default: one process
per container), ``redis://host:6379`` shares them between processes.
"""

from __future__ import annotations

import math
import time

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import SlidingWindowCounterRateLimiter

from app.config import Settings
from app.errors import RateLimited


class RateLimiter:
    def __init__(self, settings: Settings) -> None:
        self.requests: RateLimitItem = parse(settings.rate_limit)
        self.failures: RateLimitItem = parse(settings.auth_failure_limit)
        storage = storage_from_string(settings.rate_limit_storage_uri)
        self.strategy = SlidingWindowCounterRateLimiter(storage)
        # In-process counters cost no I/O: they are safe to use from the event loop.
        self.in_process = isinstance(storage, MemoryStorage)

    def _refuse(self, item: RateLimitItem, keys: tuple[str, str], detail: str) -> RateLimited:
        reset = self.strategy.get_window_stats(item, *keys).reset_time
        return RateLimited(detail, retry_after=max(1, math.ceil(reset - time.time())))

    def hit(self, client: str) -> None:
        """Count one request of ``client``; 429 when its budget is spent."""
        if not self.strategy.hit(self.requests, "req", client):
            raise self._refuse(
                self.requests, ("req", client), f"This client may send {self.requests} requests."
            )

    def check_failures(self, address: str) -> None:
        """429 when ``address`` has failed to authenticate too often (checked before trying)."""
        if not self.strategy.test(self.failures, "auth", address):
            raise self._refuse(
                self.failures,
                ("auth", address),
                "Too many failed authentications from this address.",
            )

    def count_failure(self, address: str) -> None:
        self.strategy.hit(self.failures, "auth", address)
