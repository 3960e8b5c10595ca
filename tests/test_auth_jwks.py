"""Production token verification: RS256 tokens checked against a JWKS served over HTTP, as
Maskinporten or Entra ID publish it, including a key rotation; and settings checked at start-up."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from pydantic import ValidationError

from app.auth import Role, principal_from_token
from app.config import Settings
from app.errors import Unauthenticated


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

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/jwks.json"

    def publish(self, key: rsa.RSAPrivateKey, kid: str) -> None:
        jwk = json.loads(RSAAlgorithm.to_jwk(key.public_key()))
        self.keys.append({**jwk, "kid": kid, "use": "sig", "alg": "RS256"})


@pytest.fixture
def jwks() -> Iterator[JwksServer]:
    server = JwksServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _settings(jwks: JwksServer, cooldown: float = 30) -> Settings:
    return Settings(
        environment="production",
        jwks_refresh_cooldown_seconds=cooldown,
        jwks_url=jwks.url,
        jwt_issuer="https://maskinporten.example",
        jwt_audience="fosterflyt-prod",
        jwt_leeway_seconds=30,
        public_base_url="https://fosterflyt.kommune.example",
        national_id_key="n" * 32,
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
    }
    claims.update(overrides)
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})


class TestJwksVerification:
    def test_a_token_signed_by_a_published_key_is_accepted(self, jwks: JwksServer) -> None:
        key = _key()
        jwks.publish(key, "k1")
        principal = principal_from_token(_sign(key, "k1"), _settings(jwks))
        assert principal.role is Role.INTEGRATION
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
