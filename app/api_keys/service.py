"""API keys for journal systems: an alternative to JWTs for machine clients.

A key is ``ffk_<8 characters>_<43 characters>``: 256 random bits after a visible prefix. Only its
SHA-256 hash is stored. A slow password hash would add nothing: the key is random, not chosen by a
person, so there is no dictionary to guess from, and SHA-256 keeps authentication one indexed
lookup. A key acts for one service with the ``integration`` role and the scopes it was given.

Keys are managed by leaders only (SECURITY.md): not by contact persons, and not by integrations
whatever scopes their token carries, since a key outlives the token that would have made it.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from datetime import datetime, timedelta

from fastapi import Request
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from app import policy
from app.api_keys.models import ApiKey
from app.api_keys.schemas import ApiKeyCreate, ApiKeyRotate
from app.db import utcnow
from app.errors import Conflict, Unauthenticated
from app.policy import Capability
from app.principal import KEY_MARKER, Principal, Role
from app.tenancy import TenantRepository, resolve_service

LAST_USED_RESOLUTION = timedelta(minutes=1)


class ApiKeyRepository(TenantRepository[ApiKey]):
    model = ApiKey
    path = "api-keys"
    noun = "API key"
    case_data = False
    capability = Capability.MANAGE_API_KEYS  # a leader sees the keys of the services they lead

    def __init__(self, session: Session, principal: Principal) -> None:
        # Refused before any lookup, so the answer is the same for every id.
        policy.require_somewhere(principal, Capability.MANAGE_API_KEYS)
        super().__init__(session, principal)


# What _new_key makes: a key of another shape is refused without a database lookup (it costs
# nothing to send garbage, and the failure budget no longer stops an address early).
_KEY_SHAPE = re.compile(rf"{KEY_MARKER}[0-9a-f]{{8}}_[A-Za-z0-9_-]{{43}}")


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _new_key() -> tuple[str, str]:
    prefix = KEY_MARKER + secrets.token_hex(4)
    return prefix, f"{prefix}_{secrets.token_urlsafe(32)}"


def _issue(
    session: Session,
    principal: Principal,
    *,
    service_id: uuid.UUID,
    name: str,
    scopes: list[str],
    expires_at: datetime | None,
) -> tuple[ApiKey, str]:
    prefix, key = _new_key()
    row = ApiKey(
        service_id=service_id,
        name=name,
        prefix=prefix,
        secret_hash=_hash(key),
        scopes=scopes,
        created_by=principal.subject,
        expires_at=expires_at,
    )
    session.add(row)
    session.flush()
    return row, key


def create_key(
    session: Session, principal: Principal, *, data: ApiKeyCreate, service_id: uuid.UUID | None
) -> tuple[ApiKey, str]:
    ApiKeyRepository(session, principal)  # refuses everyone but leaders
    owner = resolve_service(principal, service_id)
    policy.require(principal, Capability.MANAGE_API_KEYS, owner)
    return _issue(
        session,
        principal,
        service_id=owner,
        name=data.name,
        scopes=[str(s) for s in data.scopes],
        expires_at=data.expires_at,
    )


def list_keys(session: Session, principal: Principal) -> list[ApiKey]:
    stmt = ApiKeyRepository(session, principal).readable()
    return list(session.scalars(stmt.order_by(ApiKey.created_at, ApiKey.id)))


def get_key(session: Session, principal: Principal, key_id: uuid.UUID) -> ApiKey:
    return ApiKeyRepository(session, principal).get(key_id)


def _usable(row: ApiKey, now: datetime) -> bool:
    return row.revoked_at is None and (row.expires_at is None or row.expires_at > now)


def rotate_key(
    session: Session, principal: Principal, key_id: uuid.UUID, data: ApiKeyRotate
) -> tuple[ApiKey, str]:
    """A new key with the same name, scopes and expiry; the old one ends after the grace time."""
    old = ApiKeyRepository(session, principal).get_for_update(key_id)
    now = utcnow()
    if not _usable(old, now) or old.replaced_by_id is not None:
        raise Conflict("Only a key that works and has not been rotated already can be rotated.")
    new, key = _issue(
        session,
        principal,
        service_id=old.service_id,
        name=old.name,
        scopes=list(old.scopes),
        expires_at=old.expires_at,
    )
    ends = now + timedelta(seconds=data.grace_seconds)
    old.expires_at = min(old.expires_at, ends) if old.expires_at else ends
    old.replaced_by_id = new.id
    session.flush()
    return new, key


def revoke_key(session: Session, principal: Principal, key_id: uuid.UUID) -> ApiKey:
    """Stop the key at once, and every key it replaced that still works: a rotation's old key
    in its grace time, and the one before it after rotations in quick succession. So revoking
    the new key of a leaked pair stops both. Revoking an old key ends its grace time and leaves
    its replacement working (that is how a rotation finishes early). Revoking twice is harmless
    (and stops predecessors that an earlier revocation left working)."""
    repository = ApiKeyRepository(session, principal)
    row = repository.get_for_update(key_id)
    now = utcnow()
    if row.revoked_at is None:
        row.revoked_at = now
    replaced = [row.id]
    while replaced:
        older = list(
            session.scalars(
                repository.readable()
                .where(ApiKey.replaced_by_id.in_(replaced))
                .with_for_update(of=ApiKey)
            )
        )
        for key in older:
            if _usable(key, now):
                key.revoked_at = now
        replaced = [key.id for key in older]
    session.flush()
    return row


def authenticate(factory: sessionmaker[Session], key: str) -> Principal:
    """The principal of a presented key, or 401 for an unknown, revoked or expired one."""
    if _KEY_SHAPE.fullmatch(key) is None:
        raise Unauthenticated("The API key is not valid (unknown, revoked or expired).")
    now = utcnow()
    with factory() as session, session.begin():
        row = session.scalar(select(ApiKey).where(ApiKey.secret_hash == _hash(key)))
        if row is None or not _usable(row, now):
            raise Unauthenticated("The API key is not valid (unknown, revoked or expired).")
        principal = Principal.single(
            f"api-key:{row.id}", Role.INTEGRATION, {row.service_id}, row.scopes
        )
        # Kept coarse (a write a minute at most) so a busy key does not write on every request.
        session.execute(
            update(ApiKey)
            .where(
                ApiKey.id == row.id,
                or_(
                    ApiKey.last_used_at.is_(None),
                    ApiKey.last_used_at < now - LAST_USED_RESOLUTION,
                ),
            )
            .values(last_used_at=now)
            .execution_options(synchronize_session=False)
        )
    return principal


class ApiKeyAuthenticator:
    """``Authorization: Bearer ffk_...``: an API key (``app.auth.Authenticator``)."""

    def authenticate(self, request: Request, bearer: str | None) -> Principal | None:
        if bearer is None or not bearer.startswith(KEY_MARKER):
            return None
        return authenticate(request.app.state.session_factory, bearer)
