"""Signing in to the web app with OpenID Connect: the authorization code flow with PKCE.

The relying party's side, built from Authlib's OAuth 2 pieces (the authorization URL, the
token request, the S256 code challenge) and joserfc's JWT verification:

- The provider's discovery document (``<issuer>/.well-known/openid-configuration``) and its
  JWKS are fetched on first use and kept for ``FOSTERFLYT_OIDC_CACHE_SECONDS``; a token signed
  with a key we do not have fetches the JWKS again (at most every ``REFRESH_COOLDOWN``).
- ``begin`` makes a fresh ``state``, ``nonce`` and PKCE code verifier; the page keeps them in
  a short-lived cookie (:class:`LoginState`) and sends the person to the provider.
- ``finish`` exchanges the code (with the verifier) for tokens and verifies the ID token: its
  signature against the JWKS, issuer, audience (our client id), expiry, issue time and nonce.
  The identity claim (``FOSTERFLYT_WEB_IDENTITY_CLAIM``, the e-mail by default) names the person.
- ``logout_url`` is the provider's ``end_session_endpoint`` with ``id_token_hint`` and the
  ``post_logout_redirect_uri``, for RP-initiated logout.

Every failure is an :class:`OidcError` with a reason the callback page turns into a message;
nothing here is a 500."""

from __future__ import annotations

import base64
import json
import logging
import threading
import time
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx
from authlib.common.security import generate_token
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri, prepare_token_request
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from app.config import Settings

log = logging.getLogger("app.web.oidc")

FETCH_TIMEOUT_SECONDS = 10.0
# A key we do not know fetches the JWKS again at most this often.
REFRESH_COOLDOWN = 30.0
ALGORITHMS = ["RS256", "PS256", "ES256"]


class Failure(StrEnum):
    STATE = "state"  # no login under way, or the answer is for another one
    REFUSED = "refused"  # the provider answered with an error (the person cancelled, ...)
    UNAVAILABLE = "unavailable"  # the provider did not answer, or answered nonsense
    TOKEN = "token"  # the ID token did not verify  # noqa: S105 (a reason, not a secret)
    CLAIM = "claim"  # the ID token lacks the identity claim


class OidcError(Exception):
    def __init__(self, failure: Failure, detail: str = "") -> None:
        super().__init__(f"{failure}: {detail}")
        self.failure = failure
        self.detail = detail


@dataclass(frozen=True)
class Metadata:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    end_session_endpoint: str | None


@dataclass(frozen=True)
class LoginState:
    """What the callback checks the answer against; kept in the browser between the two."""

    state: str
    nonce: str
    verifier: str
    next: str

    def encode(self) -> str:
        return base64.urlsafe_b64encode(json.dumps(asdict(self)).encode()).decode()

    @classmethod
    def decode(cls, value: str | None) -> LoginState | None:
        if not value:
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(value.encode()))
            names = ("state", "nonce", "verifier", "next")
            found = cls(**{name: str(data[name]) for name in names})
        except (ValueError, KeyError, TypeError):
            return None
        return found


@dataclass(frozen=True)
class Identity:
    subject: str
    display_name: str
    id_token: str


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class OidcClient:
    """One configured provider, shared by every request of the app (thread safe)."""

    def __init__(self, settings: Settings) -> None:
        assert settings.oidc_issuer is not None
        assert settings.oidc_client_id is not None
        self.issuer = settings.oidc_issuer
        self.client_id = settings.oidc_client_id
        secret = settings.oidc_client_secret
        self.client_secret = secret.get_secret_value() if secret is not None else None
        self.scopes = settings.oidc_scopes
        self.claim = settings.web_identity_claim
        self.leeway = settings.jwt_leeway_seconds
        self.cache_seconds = settings.oidc_cache_seconds
        self._lock = threading.Lock()
        self._metadata: tuple[Metadata, float] | None = None
        self._keys: tuple[KeySet, float] | None = None

    # The provider's documents -----------------------------------------------------------

    def _get(self, url: str) -> Any:
        try:
            response = httpx.get(url, timeout=FETCH_TIMEOUT_SECONDS, follow_redirects=True)
            response.raise_for_status()
            return response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise OidcError(Failure.UNAVAILABLE, f"{url}: {type(error).__name__}") from None

    def metadata(self) -> Metadata:
        """The discovery document, fetched again once it is ``cache_seconds`` old."""
        with self._lock:
            if self._metadata is not None and time.monotonic() < self._metadata[1]:
                return self._metadata[0]
        url = self.issuer.rstrip("/") + "/.well-known/openid-configuration"
        document = self._get(url)
        try:
            found = Metadata(
                issuer=str(document["issuer"]),
                authorization_endpoint=str(document["authorization_endpoint"]),
                token_endpoint=str(document["token_endpoint"]),
                jwks_uri=str(document["jwks_uri"]),
                end_session_endpoint=(
                    str(document["end_session_endpoint"])
                    if document.get("end_session_endpoint")
                    else None
                ),
            )
        except (KeyError, TypeError, AttributeError):
            raise OidcError(Failure.UNAVAILABLE, "discovery document incomplete") from None
        if found.issuer != self.issuer:
            # OpenID Connect Discovery 4.3: the document must name the issuer we asked.
            raise OidcError(Failure.UNAVAILABLE, f"discovery names issuer {found.issuer}")
        with self._lock:
            self._metadata = (found, time.monotonic() + self.cache_seconds)
        return found

    def _key_set(self, *, refresh: bool = False) -> KeySet:
        now = time.monotonic()
        with self._lock:
            kept = self._keys
        if kept is not None:
            keys, fetched_at = kept
            fresh = now - fetched_at < self.cache_seconds
            if fresh and not (refresh and now - fetched_at >= REFRESH_COOLDOWN):
                return keys
        document = self._get(self.metadata().jwks_uri)
        try:
            keys = KeySet.import_key_set(document)
        except (JoseError, ValueError, KeyError, TypeError):
            raise OidcError(Failure.UNAVAILABLE, "the JWKS is not a key set") from None
        with self._lock:
            self._keys = (keys, now)
        return keys

    def form_targets(self) -> str:
        """Origins a form of ours may lead to (CSP ``form-action``): the provider's, and those
        of its endpoints once discovered (logout is a form that ends at the provider)."""
        found = {origin(self.issuer)}
        with self._lock:
            kept = self._metadata
        if kept is not None:
            metadata = kept[0]
            found.add(origin(metadata.authorization_endpoint))
            if metadata.end_session_endpoint:
                found.add(origin(metadata.end_session_endpoint))
        return " ".join(sorted(found))

    # The flow ---------------------------------------------------------------------------

    def begin(
        self, *, redirect_uri: str, next_url: str, prompt: str | None = None
    ) -> tuple[str, LoginState]:
        """The provider's authorization URL for a new login, and what to keep for the callback."""
        login = LoginState(
            state=generate_token(32),
            nonce=generate_token(32),
            verifier=generate_token(64),
            next=next_url,
        )
        extra: dict[str, str] = {}
        if prompt:
            extra["prompt"] = prompt
        url = prepare_grant_uri(
            self.metadata().authorization_endpoint,
            self.client_id,
            "code",
            redirect_uri=redirect_uri,
            scope=self.scopes,
            state=login.state,
            nonce=login.nonce,
            code_challenge=create_s256_code_challenge(login.verifier),
            code_challenge_method="S256",
            **extra,
        )
        return str(url), login

    def finish(self, *, code: str, redirect_uri: str, login: LoginState) -> Identity:
        """Exchange ``code`` for the tokens and verify the ID token (raises :class:`OidcError`)."""
        metadata = self.metadata()
        body = prepare_token_request(
            "authorization_code",
            code=code,
            redirect_uri=redirect_uri,
            code_verifier=login.verifier,
            **({} if self.client_secret else {"client_id": self.client_id}),
        )
        auth = (self.client_id, self.client_secret) if self.client_secret else None
        try:
            response = httpx.post(
                metadata.token_endpoint,
                content=body,
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/json",
                },
                auth=auth,
                timeout=FETCH_TIMEOUT_SECONDS,
            )
        except httpx.HTTPError as error:
            detail = f"token endpoint: {type(error).__name__}"
            raise OidcError(Failure.UNAVAILABLE, detail) from None
        if response.status_code != 200:
            # A used, expired or forged code, or a wrong verifier: the provider refuses it.
            raise OidcError(Failure.REFUSED, f"token endpoint answered {response.status_code}")
        try:
            id_token = response.json()["id_token"]
        except (ValueError, KeyError, TypeError):
            raise OidcError(Failure.UNAVAILABLE, "no ID token in the token response") from None
        if not isinstance(id_token, str):
            raise OidcError(Failure.UNAVAILABLE, "no ID token in the token response")
        claims = self.verify(id_token, nonce=login.nonce)
        subject = claims.get(self.claim)
        if not isinstance(subject, str) or not subject.strip():
            raise OidcError(Failure.CLAIM, f"the ID token has no {self.claim!r} claim")
        name = claims.get("name")
        display_name = name if isinstance(name, str) and name.strip() else subject
        return Identity(subject=subject.strip(), display_name=display_name, id_token=id_token)

    def verify(self, id_token: str, *, nonce: str) -> dict[str, Any]:
        """The ID token's claims, once its signature, issuer, audience, expiry and nonce hold."""
        try:
            token = jwt.decode(id_token, self._key_set(), algorithms=ALGORITHMS)
        except (JoseError, ValueError):
            # Perhaps signed with a key the provider rotated in since we fetched the set.
            try:
                token = jwt.decode(id_token, self._key_set(refresh=True), algorithms=ALGORITHMS)
            except (JoseError, ValueError) as error:
                raise OidcError(Failure.TOKEN, f"signature: {type(error).__name__}") from None
        registry = jwt.JWTClaimsRegistry(
            leeway=self.leeway,
            iss={"essential": True, "value": self.issuer},
            aud={"essential": True, "value": self.client_id},
            exp={"essential": True},
            iat={"essential": True},
            sub={"essential": True},
            nonce={"essential": True, "value": nonce},
        )
        try:
            registry.validate(token.claims)
        except JoseError as error:
            raise OidcError(Failure.TOKEN, f"claims: {error}") from None
        claims: dict[str, Any] = dict(token.claims)
        return claims

    def logout_url(self, *, id_token: str | None, post_logout_redirect_uri: str) -> str | None:
        """Where to send the person to be signed out at the provider too (None: it has no
        ``end_session_endpoint``, or does not answer; the local session is ended anyway)."""
        try:
            endpoint = self.metadata().end_session_endpoint
        except OidcError as error:
            log.warning("oidc logout without the provider: %s", error)
            return None
        if endpoint is None:
            return None
        params = {"post_logout_redirect_uri": post_logout_redirect_uri, "client_id": self.client_id}
        if id_token:
            params["id_token_hint"] = id_token
        separator = "&" if "?" in endpoint else "?"
        return endpoint + separator + urlencode(params)
