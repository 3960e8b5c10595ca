"""The JWKS key cache (app.jwks.JwksKeys) on a clock the test moves and a JWKS the test serves
from a function: when the key set is fetched again, what happens to a withdrawn key, and what
a slow or broken identity provider can and cannot do to callers."""

from __future__ import annotations

import json
import threading
import time
import uuid
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from app.auth import TokenCache
from app.jwks import JwksKeys, JwksUnavailable, UnknownKey
from app.principal import Principal, Role


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def jwk(kid: str, **extra: Any) -> dict[str, Any]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return {**json.loads(RSAAlgorithm.to_jwk(key.public_key())), "kid": kid, **extra}


class Idp:
    """The identity provider's JWKS: the keys it publishes, an outage, a malformed answer, or
    a slow one (held until ``gate`` is set)."""

    def __init__(self, *keys: dict[str, Any]) -> None:
        self.keys = list(keys)
        self.fetches = 0
        self.down = False
        self.body: Any = None  # when set, answered instead of the key set
        self.gate: threading.Event | None = None
        self.fetching = threading.Event()

    def __call__(self, url: str) -> Any:
        self.fetches += 1
        if self.gate is not None:
            self.fetching.set()
            assert self.gate.wait(timeout=30)
        if self.down:
            raise JwksUnavailable("connection refused")
        return self.body if self.body is not None else {"keys": self.keys}


def cache(idp: Idp, clock: Clock, *, max_age: float = 300, cooldown: float = 30) -> JwksKeys:
    return JwksKeys(
        "https://idp.example/jwks", max_age=max_age, cooldown=cooldown, clock=clock, fetch=idp
    )


class TestTheKeySetIsRefreshed:
    def test_the_set_is_fetched_once_and_again_when_it_is_older_than_max_age(self) -> None:
        idp, clock = Idp(jwk("k1")), Clock()
        keys = cache(idp, clock)
        keys.get("k1")
        clock.now += 299
        keys.get("k1")
        assert idp.fetches == 1
        clock.now += 1
        keys.get("k1")
        assert idp.fetches == 2

    def test_a_kid_no_longer_published_is_refused_after_the_next_refresh(self) -> None:
        idp, clock = Idp(jwk("k1")), Clock()
        keys = cache(idp, clock)
        keys.get("k1")
        idp.keys = [jwk("k2")]
        clock.now += 299
        keys.get("k1")  # still inside the window
        clock.now += 1
        with pytest.raises(UnknownKey):
            keys.get("k1")
        keys.get("k2")
        assert idp.fetches == 2

    def test_a_key_is_trusted_for_the_time_left_until_the_next_refresh(self) -> None:
        idp, clock = Idp(jwk("k1")), Clock()
        keys = cache(idp, clock)
        assert keys.get("k1")[1] == 300
        clock.now += 200
        assert keys.get("k1")[1] == 100

    def test_a_key_set_without_usable_signing_keys_withdraws_them_all(self) -> None:
        ec_key = ec.generate_private_key(ec.SECP256R1()).public_key()
        idp, clock = Idp(jwk("k1")), Clock()
        keys = cache(idp, clock)
        keys.get("k1")
        idp.keys = [
            jwk("enc", use="enc"),  # an encryption key
            {**json.loads(ECAlgorithm.to_jwk(ec_key)), "kid": "ec"},  # not RS256
            {"kty": "oct", "k": "c2VjcmV0", "kid": "hmac"},  # a shared secret
            jwk(""),  # no kid
            {"kty": "RSA", "kid": "broken", "n": "!", "e": "AQAB"},
        ]
        clock.now += 300
        for kid in ("k1", "enc", "ec", "hmac", "", "broken"):
            with pytest.raises(UnknownKey):
                keys.get(kid)


class TestUnknownKeyIds:
    def test_an_unknown_kid_refetches_at_most_once_per_cooldown(self) -> None:
        idp, clock = Idp(jwk("k1")), Clock()
        keys = cache(idp, clock)
        keys.get("k1")
        clock.now += 30
        for attempt in range(10):
            with pytest.raises(UnknownKey):
                keys.get(f"random-{attempt}")
        assert idp.fetches == 2
        clock.now += 29
        with pytest.raises(UnknownKey):
            keys.get("random")
        assert idp.fetches == 2

    def test_a_rotated_in_key_is_found_by_the_refetch(self) -> None:
        idp, clock = Idp(jwk("k1")), Clock()
        keys = cache(idp, clock)
        keys.get("k1")
        idp.keys.append(jwk("k2"))
        clock.now += 30
        keys.get("k2")
        assert idp.fetches == 2

    def test_a_token_with_an_unknown_kid_header_is_refused_without_a_fetch(self) -> None:
        idp, clock = Idp(jwk("k1")), Clock()
        keys = cache(idp, clock)
        keys.get("k1")
        token = jwt.encode({"sub": "x"}, "s" * 32, algorithm="HS256", headers={"kid": "zz"})
        with pytest.raises(UnknownKey):
            keys.for_token(token)
        with pytest.raises(jwt.PyJWTError):
            keys.for_token(jwt.encode({"sub": "x"}, "s" * 32, algorithm="HS256"))  # no kid
        assert idp.fetches == 1


class TestABrokenOrSlowJwks:
    def test_a_failed_refresh_keeps_the_known_keys_and_retries_after_the_cooldown(self) -> None:
        idp, clock = Idp(jwk("k1")), Clock()
        keys = cache(idp, clock)
        keys.get("k1")
        idp.down = True
        clock.now += 300
        key, fresh_for = keys.get("k1")
        assert key.key_id == "k1"
        assert fresh_for == 30  # asked again after the cooldown, not after max_age
        clock.now += 29
        keys.get("k1")
        assert idp.fetches == 2
        idp.down = False
        clock.now += 1
        keys.get("k1")
        assert idp.fetches == 3
        assert keys.get("k1")[1] == 300

    @pytest.mark.parametrize("body", ["keys", [], {"keys": "k1"}, {"nokeys": []}])
    def test_a_malformed_key_set_counts_as_a_failed_fetch(self, body: Any) -> None:
        idp, clock = Idp(jwk("k1")), Clock()
        keys = cache(idp, clock)
        keys.get("k1")
        idp.body = body
        clock.now += 300
        assert keys.get("k1")[0].key_id == "k1"
        assert keys.get("k1")[1] == 30

    def test_the_first_fetch_failing_refuses_the_token(self) -> None:
        idp, clock = Idp(jwk("k1")), Clock()
        idp.down = True
        keys = cache(idp, clock)
        with pytest.raises(UnknownKey):
            keys.get("k1")
        with pytest.raises(UnknownKey):
            keys.get("k1")
        assert idp.fetches == 1  # not again within the cooldown

    def test_callers_do_not_wait_for_a_refresh_in_progress(self) -> None:
        idp, clock = Idp(jwk("k1")), Clock()
        keys = cache(idp, clock)
        keys.get("k1")
        gate = idp.gate = threading.Event()
        clock.now += 300
        refresher = threading.Thread(target=keys.get, args=("k1",))
        refresher.start()
        try:
            assert idp.fetching.wait(timeout=30)
            # A known key is served from the current set, and trusted for no time at all: the
            # principal cache keeps nothing verified while the set is overdue.
            key, fresh_for = keys.get("k1")
            assert (key.key_id, fresh_for) == ("k1", 0)
            with pytest.raises(UnknownKey):  # no second fetch, no waiting for the first
                keys.get("k9")
        finally:
            gate.set()
            refresher.join(timeout=30)
        assert idp.fetches == 2


class TestThePrincipalCacheFollowsTheKeySet:
    def principal(self, key_valid_until: float | None) -> Principal:
        return Principal.single(
            "visma",
            Role.INTEGRATION,
            {uuid.uuid4()},
            (),
            claims={"exp": time.time() + 3600},
            key_valid_until=key_valid_until,
        )

    def test_a_principal_is_cached_no_longer_than_its_signing_key_is_known_current(
        self,
    ) -> None:
        tokens = TokenCache(max_age=60)
        tokens.put("fresh", self.principal(time.time() + 60), leeway=30)
        tokens.put("due", self.principal(time.time() - 1), leeway=30)
        assert tokens.get("fresh") is not None
        assert tokens.get("due") is None

    def test_a_token_signed_by_a_key_whose_set_is_overdue_is_not_cached(self) -> None:
        tokens = TokenCache(max_age=60)
        tokens.put("overdue", self.principal(time.time()), leeway=30)
        assert tokens.get("overdue") is None
