"""Production token verification: RS256 tokens checked against a JWKS served over HTTP, as
Maskinporten or Entra ID publish it, including a key rotation; and settings checked at start-up."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from pydantic import ValidationError

from app.auth import principal_from_token
from app.config import Settings
from app.errors import Unauthenticated
from app.principal import Role
from tests.conftest import LiveServer
from tests.helpers import Api


class JwksServer:
    """A JWKS endpoint on loopback whose key set a test can change (key rotation)."""

    def __init__(self) -> None:
        self.keys: list[dict[str, Any]] = []
        self.requests = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.requests += 1
                body = json.dumps({"keys": outer.keys}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = HTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

        # A path of its own: a later test's server may get the same port, and key sets are
        # cached per URL.
        self.path = f"/{uuid.uuid4().hex}/jwks.json"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{self.path}"

    def publish(self, key: rsa.RSAPrivateKey, kid: str) -> None:
        jwk = json.loads(RSAAlgorithm.to_jwk(key.public_key()))
        self.keys.append({**jwk, "kid": kid, "use": "sig", "alg": "RS256"})

    def publish_only(self, key: rsa.RSAPrivateKey, kid: str) -> None:
        """Rotate: every other key is withdrawn."""
        self.keys = []
        self.publish(key, kid)


@pytest.fixture
def jwks() -> Iterator[JwksServer]:
    server = JwksServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


JWKS_SETTINGS: dict[str, Any] = {
    "jwt_issuer": "https://maskinporten.example",
    "jwt_audience": "fosterflyt-prod",
    "jwt_leeway_seconds": 30,
    "public_base_url": "https://fosterflyt.kommune.example",
    "national_id_key": "n" * 32,
    "oidc_issuer": "https://login.kommune.example",
    "oidc_client_id": "fosterflyt",
}


def _settings(jwks: JwksServer, cooldown: float = 30, cache_seconds: float = 300) -> Settings:
    return Settings(
        environment="production",
        jwks_refresh_cooldown_seconds=cooldown,
        jwks_cache_seconds=cache_seconds,
        jwks_url=jwks.url,
        **JWKS_SETTINGS,
    )


def _sign(key: rsa.RSAPrivateKey, kid: str, **overrides: Any) -> str:
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": "https://maskinporten.example",
        "aud": "fosterflyt-prod",
        "sub": "visma-flyt-barnevern",
        "iat": now,
        "exp": now + 300,
        "role": "integration",
        "services": [str(uuid.uuid4())],
        "scope": "placements:read placements:write",
        "jti": uuid.uuid4().hex,  # two tokens signed in one second still differ
    }
    claims.update(overrides)
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})


class TestJwksVerification:
    def test_a_token_signed_by_a_published_key_is_accepted(self, jwks: JwksServer) -> None:
        key = _key()
        jwks.publish(key, "k1")
        principal = principal_from_token(_sign(key, "k1"), _settings(jwks))
        assert principal.uniform_grant is not None
        assert principal.uniform_grant.role is Role.INTEGRATION
        assert principal.scopes == {"placements:read", "placements:write"}

    def test_a_key_rotated_in_after_start_is_fetched_without_a_restart(
        self, jwks: JwksServer
    ) -> None:
        old, new = _key(), _key()
        jwks.publish(old, "old")
        settings = _settings(jwks, cooldown=0.2)
        principal_from_token(_sign(old, "old"), settings)
        jwks.publish(new, "new")
        time.sleep(0.3)  # the refetch cooldown has passed
        assert principal_from_token(_sign(new, "new"), settings).subject == "visma-flyt-barnevern"
        assert jwks.requests == 2

    def test_unknown_key_ids_do_not_refetch_within_the_cooldown(self, jwks: JwksServer) -> None:
        key = _key()
        jwks.publish(key, "k1")
        settings = _settings(jwks, cooldown=60)
        principal_from_token(_sign(key, "k1"), settings)
        for attempt in range(5):
            with pytest.raises(Unauthenticated):
                principal_from_token(_sign(_key(), f"random-{attempt}"), settings)
        assert jwks.requests == 1

    def test_a_token_signed_by_an_unpublished_key_is_refused(self, jwks: JwksServer) -> None:
        jwks.publish(_key(), "k1")
        with pytest.raises(Unauthenticated):
            principal_from_token(_sign(_key(), "k1"), _settings(jwks))

    def test_clock_skew_within_the_leeway_is_tolerated_and_beyond_it_refused(
        self, jwks: JwksServer
    ) -> None:
        key = _key()
        jwks.publish(key, "k1")
        settings = _settings(jwks)
        now = int(time.time())
        assert principal_from_token(_sign(key, "k1", exp=now - 10), settings)
        with pytest.raises(Unauthenticated, match="expired"):
            principal_from_token(_sign(key, "k1", exp=now - 120), settings)

    def test_wrong_issuer_or_audience_is_refused(self, jwks: JwksServer) -> None:
        key = _key()
        jwks.publish(key, "k1")
        settings = _settings(jwks)
        with pytest.raises(Unauthenticated):
            principal_from_token(_sign(key, "k1", iss="https://evil.example"), settings)
        with pytest.raises(Unauthenticated):
            principal_from_token(_sign(key, "k1", aud="someone-else"), settings)

    def test_an_hs256_token_is_refused_when_jwks_is_configured(self, jwks: JwksServer) -> None:
        jwks.publish(_key(), "k1")
        forged = jwt.encode(
            {
                "sub": "x",
                "role": "admin",
                "iss": "https://maskinporten.example",
                "aud": "fosterflyt-prod",
                "iat": int(time.time()),
                "exp": int(time.time()) + 60,
            },
            "x" * 32,
            algorithm="HS256",
            headers={"kid": "k1"},
        )
        with pytest.raises(Unauthenticated):
            principal_from_token(forged, _settings(jwks))


class TestAKeyWithdrawnFromTheJwksStopsVerifying:
    """A key the identity provider no longer publishes stops verifying tokens once the key set
    is refreshed, at most FOSTERFLYT_JWKS_CACHE_SECONDS after it was fetched (the review's
    finding 2). The window is 1 s here; waiting past it is the only timing involved."""

    def test_a_new_token_signed_by_a_withdrawn_key_is_refused_after_the_refresh_window(
        self, jwks: JwksServer
    ) -> None:
        k1, k2 = _key(), _key()
        jwks.publish(k1, "k1")
        settings = _settings(jwks, cache_seconds=1)
        assert principal_from_token(_sign(k1, "k1"), settings)
        jwks.publish_only(k2, "k2")
        time.sleep(1.2)
        with pytest.raises(Unauthenticated):
            principal_from_token(_sign(k1, "k1"), settings)
        assert principal_from_token(_sign(k2, "k2"), settings)

    def test_over_http_new_and_already_used_tokens_of_a_withdrawn_key_get_401(
        self, api: Api, jwks: JwksServer, server_with: Callable[..., LiveServer]
    ) -> None:
        service_id = api.tenant().service_id
        k1, k2 = _key(), _key()
        jwks.publish(k1, "k1")
        server = server_with(jwks_url=jwks.url, jwks_cache_seconds=1, **JWKS_SETTINGS)
        claims = {"role": "leader", "services": [service_id], "scope": "placements:read"}

        def status(token: str) -> int:
            with httpx.Client(base_url=server.url, timeout=10) as http:
                headers = {"Authorization": f"Bearer {token}"}
                return http.get("/v1/placements", headers=headers).status_code

        used = _sign(k1, "k1", **claims)
        assert status(used) == 200
        assert status(used) == 200  # remembered by the token cache
        jwks.publish_only(k2, "k2")
        time.sleep(1.2)
        assert status(_sign(k1, "k1", **claims)) == 401
        assert status(used) == 401
        assert status(_sign(k2, "k2", **claims)) == 200


class TestSettingsAreValidatedAtStartUp:
    def test_production_without_keys_refuses_to_start(self) -> None:
        with pytest.raises(ValidationError, match="JWKS_URL or FOSTERFLYT_JWT_SECRET"):
            Settings(environment="production", jwt_secret=None, jwks_url=None)

    def test_production_refuses_a_short_secret(self) -> None:
        with pytest.raises(ValidationError, match="at least 32"):
            Settings(environment="production", jwt_secret="short")

    def test_an_unsupported_database_url_is_refused(self) -> None:
        with pytest.raises(ValidationError, match="sqlite"):
            Settings(database_url="mysql://root@localhost/x")

    def test_a_plain_postgresql_url_selects_psycopg(self) -> None:
        settings = Settings(database_url="postgresql://postgres@127.0.0.1:5432/test")
        assert settings.sqlalchemy_url == "postgresql+psycopg://postgres@127.0.0.1:5432/test"
