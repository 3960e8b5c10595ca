"""The identity provider's signing keys, fetched from its JWKS URL and kept for a bounded time.

Replaces ``jwt.PyJWKClient``'s caching, whose per-``kid`` cache never expires: a key withdrawn
from the JWKS (after a compromise, or a routine rotation) stayed trusted until the process
restarted. Here the whole key set is one value with one age:

- **Refreshed at most every** ``max_age`` seconds (``FOSTERFLYT_JWKS_CACHE_SECONDS``): the first
  verification after the set is that old fetches it again, and a ``kid`` missing from the new
  set is refused from then on. So a withdrawn key stops verifying within ``max_age`` seconds
  (plus one fetch), and :meth:`JwksKeys.get` says for how long a key may be trusted without
  asking again, so the principal cache (``app.auth.TokenCache``) keeps nothing longer.
- **An unknown** ``kid`` fetches the set again at most once per ``cooldown`` seconds
  (``FOSTERFLYT_JWKS_REFRESH_COOLDOWN_SECONDS``): a key rotated in is found without a restart,
  and tokens with random kids cannot make us hammer the identity provider.
- **One fetch at a time, and nobody waits for it**: while one request fetches, the others
  verify against the set they have (a known kid) or are refused (an unknown kid), so a slow
  JWKS holds up one request at most, bounded by the fetch timeout.
- **A failed fetch keeps the last set** and is retried after ``cooldown``: an outage of the
  identity provider does not lock every caller out. Until the first fetch succeeds, every token
  is refused.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import httpx
import jwt

log = logging.getLogger("app.auth")

# A JWKS answer is a few kilobytes; waiting longer than this means the identity provider is in
# trouble, and the request that fetches is waiting meanwhile.
FETCH_TIMEOUT_SECONDS = 5.0


class UnknownKey(jwt.PyJWTError):
    """The token's ``kid`` is not in the key set (or the token names none)."""


class JwksUnavailable(Exception):
    """The JWKS could not be fetched or is not a key set."""


def fetch_jwks(url: str) -> Any:
    """The JWKS document at ``url`` as parsed JSON (raises :class:`JwksUnavailable`)."""
    try:
        response = httpx.get(
            url,
            timeout=FETCH_TIMEOUT_SECONDS,
            follow_redirects=True,
            headers={"Accept": "application/json"},
        )
        response.raise_for_status()
        return response.json()
    except (httpx.HTTPError, ValueError) as error:
        raise JwksUnavailable(type(error).__name__) from None


def _signing_keys(document: Any) -> dict[str, jwt.PyJWK]:
    """The RS256 signing keys of a JWKS document, by ``kid``; anything else is left out
    (encryption keys, other key types, keys without a kid, keys that do not parse)."""
    if not isinstance(document, Mapping) or not isinstance(document.get("keys"), list):
        raise JwksUnavailable("not a key set")
    keys: dict[str, jwt.PyJWK] = {}
    for data in document["keys"]:
        if not isinstance(data, Mapping):
            continue
        kid = data.get("kid")
        if not isinstance(kid, str) or not kid or data.get("kty") != "RSA":
            continue
        if data.get("use", "sig") != "sig" or data.get("alg", "RS256") != "RS256":
            continue
        try:
            keys[kid] = jwt.PyJWK(dict(data), algorithm="RS256")
        except (jwt.PyJWKError, jwt.InvalidKeyError, ValueError, TypeError):
            continue
    return keys


@dataclass(frozen=True)
class _KeySet:
    keys: dict[str, jwt.PyJWK]
    refresh_at: float  # when (on the clock) the set must be fetched again


class JwksKeys:
    """The signing keys of one JWKS URL (thread safe; see the module docstring)."""

    def __init__(
        self,
        url: str,
        *,
        max_age: float,
        cooldown: float,
        clock: Callable[[], float] = time.monotonic,
        fetch: Callable[[str], Any] = fetch_jwks,
    ) -> None:
        self.url = url
        self.max_age = max_age
        self.cooldown = cooldown
        self._clock = clock
        self._fetch = fetch
        self._set = _KeySet({}, refresh_at=-math.inf)
        self._attempted_at = -math.inf
        self._fetching = threading.Lock()

    def for_token(self, token: str) -> tuple[jwt.PyJWK, float]:
        """:meth:`get` for the ``kid`` in the token's header (not verified yet)."""
        kid = jwt.get_unverified_header(token).get("kid")
        if not isinstance(kid, str):
            raise UnknownKey("The token names no key id.")
        return self.get(kid)

    def get(self, kid: str) -> tuple[jwt.PyJWK, float]:
        """The published key ``kid``, and for how many more seconds it may be trusted without
        fetching the set again (0 while a refresh is due). Raises :class:`UnknownKey`."""
        now = self._clock()
        current = self._set
        if now >= current.refresh_at:
            current = self._refresh(lambda: now >= self._set.refresh_at)
        if kid not in current.keys and now >= self._attempted_at + self.cooldown:
            current = self._refresh(lambda: now >= self._attempted_at + self.cooldown)
        key = current.keys.get(kid)
        if key is None:
            raise UnknownKey("The token's key is not published by the identity provider.")
        return key, max(0.0, current.refresh_at - self._clock())

    def _refresh(self, still_due: Callable[[], bool]) -> _KeySet:
        """Fetch the set unless another thread is fetching (then return the set as it is) or
        already did (``still_due`` is checked again once the fetch lock is held)."""
        if not self._fetching.acquire(blocking=False):
            return self._set
        try:
            if not still_due():
                return self._set
            started = self._attempted_at = self._clock()
            try:
                keys = _signing_keys(self._fetch(self.url))
            except JwksUnavailable as error:
                log.warning("JWKS fetch failed; keeping the keys", extra={"error_type": str(error)})
                self._set = _KeySet(self._set.keys, refresh_at=started + self.cooldown)
            else:
                # Aged from the start of the fetch: the answer is at least that old.
                self._set = _KeySet(keys, refresh_at=started + self.max_age)
            return self._set
        finally:
            self._fetching.release()


@lru_cache(maxsize=8)
def keys_for(url: str, max_age: float, cooldown: float) -> JwksKeys:
    """The process's key cache for one JWKS URL and its timings."""
    return JwksKeys(url, max_age=max_age, cooldown=cooldown)
