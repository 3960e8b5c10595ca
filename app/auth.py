"""Who is calling, and what they may do.

A caller presents ``Authorization: Bearer <JWT>``. The token names the caller (``sub``), its
``role``, the child welfare ``services`` it may act for, for a contact person the ``staff_id`` it
is, and its ``scope`` (space separated). Development tokens are HS256 with a shared secret;
production verifies RS256 tokens against a JWKS URL (Maskinporten / Entra ID style).

Tenancy is decided here and applied by the repositories: a caller only ever sees rows of its
services, and a contact person only the placements (and their children and foster homes) where
they are the contact person.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Protocol

import jwt
from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer, SecurityScopes
from starlette.concurrency import run_in_threadpool

from app import jwks
from app.audit.trail import OnBehalfOf
from app.config import Settings
from app.errors import Forbidden, RateLimited, Unauthenticated
from app.principal import DEFAULT_SCOPES, KEY_MARKER, Grant, Principal, Role, Scope
from app.ratelimit import RateLimiter


def mint_token(
    settings: Settings,
    *,
    role: Role | None = None,
    subject: str | None = None,
    service_ids: Iterable[uuid.UUID] = (),
    staff_id: uuid.UUID | None = None,
    grants: Mapping[uuid.UUID, Grant] | None = None,
    scopes: Iterable[str] | None = None,
    ttl_seconds: int | None = None,
) -> str:
    """A signed HS256 development token (production tokens come from the identity provider):
    one ``role`` in every service of ``service_ids``, or ``grants``, a role per service."""
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "nbf": now,
        "exp": now + (ttl_seconds if ttl_seconds is not None else settings.dev_token_ttl_seconds),
    }
    if grants is not None:
        if role is not None or staff_id is not None or service_ids:
            raise ValueError("a token has grants or a role, not both")
        if not grants:
            raise ValueError("a token with grants needs at least one")
        claims["sub"] = subject or "dev-grants"
        claims["grants"] = [
            {"service": str(service), "role": str(grant.role)}
            | ({"staff_id": str(grant.staff_id)} if grant.staff_id is not None else {})
            for service, grant in sorted(grants.items(), key=lambda item: str(item[0]))
        ]
        defaults = frozenset().union(*(DEFAULT_SCOPES[g.role] for g in grants.values()))
        claims["scope"] = " ".join(sorted(scopes if scopes is not None else defaults))
        return jwt.encode(claims, settings.signing_secret(), algorithm="HS256")
    if role is None:
        raise ValueError("a token needs a role or grants")
    services = sorted(str(s) for s in service_ids)
    if role is not Role.ADMIN and not services:
        raise ValueError(f"a {role} token needs at least one service")
    if role is Role.CONTACT_PERSON and staff_id is None:
        raise ValueError("a contact_person token needs --staff")
    if role is Role.SUPERVISOR and staff_id is None:
        raise ValueError("a supervisor token needs --staff")
    claims["sub"] = subject or f"dev-{role}"
    claims["role"] = str(role)
    claims["services"] = services
    claims["scope"] = " ".join(sorted(scopes if scopes is not None else DEFAULT_SCOPES[role]))
    if staff_id is not None:
        claims["staff_id"] = str(staff_id)
    return jwt.encode(claims, settings.signing_secret(), algorithm="HS256")


def _decode(token: str, settings: Settings) -> tuple[dict[str, Any], float | None]:
    """The verified claims, and for a JWKS-verified token until when its key is current."""
    options = {"require": ["exp", "iat", "sub", "iss", "aud"]}
    common: dict[str, Any] = {
        "audience": settings.jwt_audience,
        "issuer": settings.jwt_issuer,
        "leeway": settings.jwt_leeway_seconds,
        "options": options,
    }
    if settings.jwks_url:
        keys = jwks.keys_for(
            settings.jwks_url, settings.jwks_cache_seconds, settings.jwks_refresh_cooldown_seconds
        )
        key, fresh_for = keys.for_token(token)
        claims = _numeric_dates(jwt.decode(token, key.key, algorithms=["RS256"], **common))
        return claims, time.time() + fresh_for
    claims = jwt.decode(token, settings.signing_secret(), algorithms=["HS256"], **common)
    return _numeric_dates(claims), None


DATE_CLAIMS = ("exp", "iat", "nbf")


def _numeric_dates(claims: dict[str, Any]) -> dict[str, Any]:
    """RFC 7519 §2: a date claim is a NumericDate. PyJWT turns ``"exp": "9999999999"`` into a
    number and accepts it; a token that carries its dates as text is not valid here."""
    for name in DATE_CLAIMS:
        value = claims.get(name)
        if name in claims and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise jwt.InvalidTokenError(f"{name} must be a number")
    return claims


def _uuid_set(values: Any) -> frozenset[uuid.UUID]:
    if not isinstance(values, list):
        raise ValueError("services must be a list")
    return frozenset(uuid.UUID(str(v)) for v in values)


def _grants(claim: Any) -> dict[uuid.UUID, Grant]:
    """The ``grants`` claim: ``[{"service": id, "role": r, "staff_id": s?}, ...]``, one entry
    per service, for a person whose role differs between services."""
    if not isinstance(claim, list) or not claim:
        raise Unauthenticated("The token's grants claim must be a non-empty list.")
    grants: dict[uuid.UUID, Grant] = {}
    for entry in claim:
        if not isinstance(entry, dict) or set(entry) - {"service", "role", "staff_id"}:
            raise Unauthenticated("Each grant names service, role and, optionally, staff_id.")
        try:
            service = uuid.UUID(str(entry["service"]))
            role = Role(entry["role"])
            staff = entry.get("staff_id")
            staff_id = uuid.UUID(str(staff)) if staff is not None else None
        except (KeyError, ValueError, TypeError):
            raise Unauthenticated("A grant in the token is not valid.") from None
        if role is Role.ADMIN:
            raise Unauthenticated("Admin is not a role in a service.")
        if role is Role.CONTACT_PERSON and staff_id is None:
            raise Unauthenticated("A contact person's grant must name its staff_id.")
        if role is Role.SUPERVISOR and staff_id is None:
            raise Unauthenticated("A supervisor's grant must name its staff_id.")
        if service in grants:
            raise Unauthenticated("The token grants a service twice.")
        grants[service] = Grant(role, staff_id)
    return grants


def principal_from_token(token: str, settings: Settings) -> Principal:
    try:
        claims, key_valid_until = _decode(token, settings)
    except jwt.ExpiredSignatureError:
        raise Unauthenticated("The token has expired.") from None
    except jwt.PyJWTError:
        raise Unauthenticated("The token is not valid.") from None
    try:
        scope_claim = claims.get("scope", "")
        scopes = frozenset(scope_claim.split() if isinstance(scope_claim, str) else scope_claim)
    except TypeError:
        raise Unauthenticated("The token's claims are not valid.") from None
    subject = str(claims["sub"])
    if "grants" in claims:
        # Per-service roles: the grants say everything, so the one-role claims must be absent.
        if {"role", "services", "staff_id"} & set(claims):
            raise Unauthenticated("A token with grants has no role, services or staff_id claim.")
        return Principal(
            subject,
            _grants(claims["grants"]),
            scopes,
            claims=claims,
            key_valid_until=key_valid_until,
        )
    try:
        role = Role(claims.get("role", ""))
        services = _uuid_set(claims.get("services", []))
        staff = claims.get("staff_id")
        staff_id = uuid.UUID(str(staff)) if staff else None
    except (ValueError, TypeError):
        raise Unauthenticated("The token's claims are not valid.") from None
    if role is Role.CONTACT_PERSON and staff_id is None:
        raise Unauthenticated("A contact person's token must name its staff_id.")
    if role is Role.SUPERVISOR and staff_id is None:
        raise Unauthenticated("A supervisor's token must name its staff_id.")
    # One role in every listed service: each service is one grant.
    return Principal.single(
        subject,
        role,
        services,
        scopes,
        staff_id=staff_id,
        claims=claims,
        key_valid_until=key_valid_until,
    )


class TokenCache:
    """Principals of recently verified JWTs, so a journal system that sends the same token many
    times a minute pays for its signature check once.

    An entry lives until the token expires (as ``jwt.decode`` judges it: ``exp`` plus the leeway),
    at most ``max_age`` seconds, and for a JWKS-verified token no longer than its signing key is
    known to be published (``Principal.key_valid_until``: until the key set is due to be fetched
    again), so a key withdrawn from the JWKS stops being honoured with the next refresh even for
    tokens that were verified with it. Bounded: the least recently used entry
    goes first. Only successes are cached; a rejected token is checked (and counted against its
    address) every time. Thread safe: sync routes' threads and the event loop share it.
    """

    def __init__(self, *, max_entries: int = 10_000, max_age: float = 60.0) -> None:
        self.max_entries = max_entries
        self.max_age = max_age
        self._entries: OrderedDict[str, tuple[Principal, float]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, token: str) -> Principal | None:
        with self._lock:
            entry = self._entries.get(token)
            if entry is None:
                return None
            principal, until = entry
            if time.time() >= until:
                del self._entries[token]
                return None
            self._entries.move_to_end(token)
            return principal

    def put(self, token: str, principal: Principal, leeway: float) -> None:
        expires = principal.claims.get("exp")
        if not isinstance(expires, int | float):
            return
        until = min(float(expires) + leeway, time.time() + self.max_age)
        if principal.key_valid_until is not None:
            until = min(until, principal.key_valid_until)
        if until <= time.time():
            return
        with self._lock:
            self._entries[token] = (principal, until)
            self._entries.move_to_end(token)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)


def verify_token(token: str, settings: Settings, cache: TokenCache) -> Principal:
    """The principal of a JWT: from the cache, or verified (and then cached)."""
    principal = cache.get(token)
    if principal is None:
        principal = principal_from_token(token, settings)
        cache.put(token, principal, settings.jwt_leeway_seconds)
    return principal


_bearer = HTTPBearer(
    auto_error=False,
    bearerFormat="JWT or API key",
    description="A JWT from the identity provider, or a journal system's API key (`ffk_...`).",
)


def _address(request: Request) -> str:
    limiter: RateLimiter = request.app.state.rate_limiter
    peer = request.client.host if request.client else None
    return limiter.address(peer, request.headers.getlist("x-forwarded-for"))


class Authenticator(Protocol):
    """One way of proving who is calling (a JWT, an API key; a browser session next). Each
    produces the same :class:`Principal`. The app's authenticators are tried in order
    (``app.state.authenticators``, set in ``create_app``); the first that recognises the
    request's credential decides."""

    def authenticate(self, request: Request, bearer: str | None) -> Principal | None:
        """The principal of the request's credential of this kind; None when the request carries
        no credential of this kind; :class:`Unauthenticated` when it carries one that fails."""
        ...


class JwtAuthenticator:
    """``Authorization: Bearer <JWT>`` from the identity provider (or a development token)."""

    def authenticate(self, request: Request, bearer: str | None) -> Principal | None:
        if bearer is None or bearer.startswith(KEY_MARKER):
            return None
        cache: TokenCache = request.app.state.token_cache
        settings: Settings = request.app.state.settings
        return verify_token(bearer, settings, cache)


def _authenticate(request: Request, credentials: HTTPAuthorizationCredentials | None) -> Principal:
    """Verify the credentials. A failure counts against the client's address, and past the
    address's failure budget is a 429 instead of the 401; a credential that verifies is admitted
    whatever its address has sent before (the per-client request budget still applies)."""
    limiter: RateLimiter = request.app.state.rate_limiter
    bearer = (
        credentials.credentials
        if credentials is not None and credentials.scheme.lower() == "bearer"
        else None
    )
    authenticators: list[Authenticator] = request.app.state.authenticators
    try:
        for authenticator in authenticators:
            principal = authenticator.authenticate(request, bearer)
            if principal is not None:
                break
        else:
            raise Unauthenticated("Send Authorization: Bearer <token>.")
    except Unauthenticated:
        limiter.count_failure(_address(request))
        raise
    _count(request, limiter, principal)
    return principal


def _count(request: Request, limiter: RateLimiter, principal: Principal) -> None:
    """Count the request against the client's budget (a journal system's own, larger one) and
    keep the budget for the response's RateLimit headers, on a 429 too."""
    integration = bool(principal.grants) and all(
        g.role is Role.INTEGRATION for g in principal.grants.values()
    )
    try:
        request.state.rate_quota = limiter.hit(principal.subject, integration=integration)
    except RateLimited as refused:
        request.state.rate_quota = refused.quota
        raise


def _cached(request: Request, credentials: HTTPAuthorizationCredentials | None) -> Principal | None:
    """The principal of a JWT verified a moment ago, if checking it needs no I/O (in-process
    rate-limit counters)."""
    limiter: RateLimiter = request.app.state.rate_limiter
    if not limiter.in_process or credentials is None or credentials.scheme.lower() != "bearer":
        return None
    token = credentials.credentials
    if token.startswith(KEY_MARKER):
        return None
    cache: TokenCache = request.app.state.token_cache
    return cache.get(token)


async def get_principal(
    security_scopes: SecurityScopes,
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    on_behalf_of: OnBehalfOf = None,
) -> Principal:
    """Authenticate the caller (once per request), count it against its rate limit, and check
    the route's scopes (declared with ``Security``).

    ``X-On-Behalf-Of`` is declared (and checked) here so that every authenticated operation
    accepts it alike: a journal system sets it once for all its requests. The audit trail
    records it with each entry an operation writes (``app.audit.trail``).

    A token verified a moment ago (with in-process counters) is admitted in the event loop, and
    so is a request without credentials (refused at once). Everything else may wait on I/O (an
    API key's database lookup, a JWKS fetch, Redis counters) and runs in a worker thread.
    """
    principal: Principal | None = getattr(request.state, "principal", None)
    if principal is None:
        limiter: RateLimiter = request.app.state.rate_limiter
        cached = _cached(request, credentials)
        if cached is not None:
            _count(request, limiter, cached)
            principal = cached
        elif credentials is None and limiter.in_process:
            principal = _authenticate(request, credentials)
        else:
            principal = await run_in_threadpool(_authenticate, request, credentials)
        request.state.principal = principal
    request.state.on_behalf_of = on_behalf_of
    missing = [s for s in security_scopes.scopes if s not in principal.scopes]
    if missing:
        raise Forbidden(f"The token lacks the scope {' '.join(missing)}.")
    return principal


def authorize(*scopes: Scope) -> Any:
    """``Annotated[Principal, authorize(Scope.X)]``: authenticate and require the scopes."""
    return Security(get_principal, scopes=[str(s) for s in scopes])
