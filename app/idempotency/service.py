"""Idempotent creates: a retry with the same ``Idempotency-Key`` replays the stored response.

The record is written in the same transaction as the resource it describes, so either both exist
or neither does. Keys are scoped to the caller (the token's ``sub``) and kept for
``FOSTERFLYT_IDEMPOTENCY_TTL_HOURS`` (at least 24 h).
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any, Protocol

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from fastapi import Depends, Header, Request, Response
from pydantic import BaseModel
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.config import get_settings
from app.db import utcnow
from app.http import item_response
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.models import IdempotencyRecord
from app.principal import Principal


@dataclass(frozen=True)
class IdempotencyRequest:
    key: str | None
    method: str
    path: str
    request_hash: str


async def idempotency_request(
    request: Request,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            min_length=1,
            max_length=200,
            description="Any unique string (a UUID is fine). A retry with the same key and body "
            "returns the original response instead of creating a duplicate.",
        ),
    ] = None,
) -> IdempotencyRequest:
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        canonical = await _canonical_form(request)
    else:
        raw = await request.body()
        try:
            canonical = json.dumps(json.loads(raw), sort_keys=True, separators=(",", ":")).encode()
        except ValueError:
            canonical = raw
    digest = hashlib.sha256(
        b"\n".join([request.method.encode(), str(request.url.query).encode(), canonical])
    ).hexdigest()
    return IdempotencyRequest(idempotency_key, request.method, request.url.path, digest)


async def _canonical_form(request: Request) -> bytes:
    """A multipart form as its fields and the files' names and hashes: a retry sends the same
    form with another boundary. (The route parsed the form already; this reads the parsed one.)"""
    fields: list[tuple[str, str]] = []
    for name, value in (await request.form()).multi_items():
        if isinstance(value, str):
            fields.append((name, value))
            continue
        content = await value.read()
        await value.seek(0)
        fields.append((name, f"{value.filename}:{hashlib.sha256(content).hexdigest()}"))
    return json.dumps(sorted(fields), separators=(",", ":")).encode()


Idempotency = Annotated[IdempotencyRequest, Depends(idempotency_request)]


class Created(Protocol):
    @property
    def id(self) -> uuid.UUID: ...

    @property
    def service_id(self) -> uuid.UUID: ...


def caller_of(principal: Principal) -> str:
    """Who owns an idempotency key: the subject together with the services it acts for."""
    grants = ",".join(sorted(str(s) for s in principal.service_ids))
    return f"{principal.subject}|{hashlib.sha256(grants.encode()).hexdigest()[:32]}"


def _replay(record: IdempotencyRecord, idem: IdempotencyRequest, caller: str) -> Response:
    body = record.body
    if record.key != idem.key:  # sealed: the body holds a once-shown secret
        body = _unseal(body, idem, caller)
    headers = {**record.headers, "Idempotent-Replayed": "true"}
    return Response(
        content=body, status_code=record.status_code, media_type="application/json", headers=headers
    )


# A response that shows a secret once (an API key, a webhook secret, a calendar feed's address) is
# kept sealed: encrypted with a key derived from the Idempotency-Key, which is itself stored only
# as a hash. The database alone never yields the secret, as it yields only the API key's hash.
_SEALED_PREFIX = "sealed:"


def _sealed_name(idem: IdempotencyRequest, caller: str) -> str:
    digest = hashlib.sha256(f"{caller}\n{idem.key}".encode()).hexdigest()
    return _SEALED_PREFIX + digest


def _cipher(idem: IdempotencyRequest, caller: str) -> AESGCM:
    material = f"fosterflyt-idempotency-seal\n{caller}\n{idem.key}".encode()
    return AESGCM(hashlib.sha256(material).digest())


def _seal(body: bytes, idem: IdempotencyRequest, caller: str) -> bytes:
    nonce = os.urandom(12)
    return nonce + _cipher(idem, caller).encrypt(nonce, body, None)


def _unseal(sealed: bytes, idem: IdempotencyRequest, caller: str) -> bytes:
    return _cipher(idem, caller).decrypt(sealed[:12], sealed[12:], None)


def idempotent(
    *,
    session: Session,
    principal: Principal,
    idem: IdempotencyRequest,
    run: Callable[[], tuple[uuid.UUID | None, Response]],
    shows_secret: bool = False,
) -> Response:
    """Run ``run`` once per idempotency key and replay its response to a retry.

    ``run`` does the work and returns the service the created row belongs to (None for a
    row of no service, an admin's rule set) and the response. A retry with the same key, path
    and body gets the stored status, body, ``Location``, ``ETag`` and ``Cache-Control`` with
    ``Idempotent-Replayed: true``; the same key with another request is 422. ``shows_secret``:
    the response holds a secret shown once; the retry gets the same secret, kept sealed."""
    caller = caller_of(principal)
    if idem.key is not None:
        names = [idem.key, _sealed_name(idem, caller)]
        stored = session.scalar(
            select(IdempotencyRecord).where(
                IdempotencyRecord.caller == caller, IdempotencyRecord.key.in_(names)
            )
        )
        if stored is not None:
            visible = (
                principal.is_admin
                or stored.service_id is None
                or stored.service_id in principal.service_ids
            )
            same = (stored.request_hash, stored.path) == (idem.request_hash, idem.path)
            if not (visible and same):
                raise IdempotencyKeyReused(
                    "This Idempotency-Key was already used with a different request."
                )
            return _replay(stored, idem, caller)

    service_id, response = run()
    if idem.key is not None:
        ttl = timedelta(hours=get_settings().idempotency_ttl_hours)
        session.execute(
            delete(IdempotencyRecord).where(IdempotencyRecord.created_at < utcnow() - ttl)
        )
        body = bytes(response.body)
        session.add(
            IdempotencyRecord(
                service_id=service_id,
                caller=caller,
                key=_sealed_name(idem, caller) if shows_secret else idem.key,
                method=idem.method,
                path=idem.path,
                request_hash=idem.request_hash,
                status_code=response.status_code,
                body=_seal(body, idem, caller) if shows_secret else body,
                headers={h: response.headers[h] for h in _REPLAYED if h in response.headers},
            )
        )
        try:
            session.flush()
        except IntegrityError:
            raise IdempotencyInFlight(
                "Another request with this Idempotency-Key completed first; retry to get its "
                "response."
            ) from None
    return response


_REPLAYED = ("Location", "ETag", "Cache-Control")


def create_response(
    *,
    request: Request,
    session: Session,
    principal: Principal,
    idem: IdempotencyRequest,
    read: type[BaseModel],
    create: Callable[[], Created],
    location_base: str | None = None,
    convert: Callable[[Any], BaseModel] | None = None,
    location: str | None = None,
) -> Response:
    """Run ``create`` once per idempotency key and answer 201 with Location and ETag.

    ``location``: the created resource's own path, for a singleton under its parent (a
    placement's approval); else ``location_base`` (or the request's path) and the row's id."""

    def run() -> tuple[uuid.UUID | None, Response]:
        row = create()
        session.flush()
        path = location or f"{(location_base or request.url.path).rstrip('/')}/{row.id}"
        body = convert(row) if convert is not None else read.model_validate(row)
        response = item_response(request, body, status_code=201, headers={"Location": path})
        return row.service_id, response

    return idempotent(session=session, principal=principal, idem=idem, run=run)
