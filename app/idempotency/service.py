"""Idempotent creates: a retry with the same ``Idempotency-Key`` replays the stored response.

The record is written in the same transaction as the resource it describes, so either both exist
or neither does. Keys are scoped to the caller (the token's ``sub``) and kept for
``FOSTERFLYT_IDEMPOTENCY_TTL_HOURS`` (at least 24 h).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any, Protocol

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
    raw = await request.body()
    try:
        canonical = json.dumps(json.loads(raw), sort_keys=True, separators=(",", ":")).encode()
    except ValueError:
        canonical = raw
    digest = hashlib.sha256(
        b"\n".join([request.method.encode(), str(request.url.query).encode(), canonical])
    ).hexdigest()
    return IdempotencyRequest(idempotency_key, request.method, request.url.path, digest)


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


def _replay(record: IdempotencyRecord) -> Response:
    headers = {**record.headers, "Idempotent-Replayed": "true"}
    return Response(
        content=record.body,
        status_code=record.status_code,
        media_type="application/json",
        headers=headers,
    )


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
    if idem.key is not None:
        stored = session.scalar(
            select(IdempotencyRecord).where(
                IdempotencyRecord.caller == caller_of(principal),
                IdempotencyRecord.key == idem.key,
            )
        )
        if stored is not None:
            visible = principal.is_admin or stored.service_id in principal.service_ids
            same = (stored.request_hash, stored.path) == (idem.request_hash, idem.path)
            if not (visible and same):
                raise IdempotencyKeyReused(
                    "This Idempotency-Key was already used with a different request."
                )
            return _replay(stored)

    row = create()
    session.flush()
    if location is None:
        location = f"{(location_base or request.url.path).rstrip('/')}/{row.id}"
    body = convert(row) if convert is not None else read.model_validate(row)
    response = item_response(request, body, status_code=201, headers={"Location": location})
    if idem.key is not None:
        ttl = timedelta(hours=get_settings().idempotency_ttl_hours)
        session.execute(
            delete(IdempotencyRecord).where(IdempotencyRecord.created_at < utcnow() - ttl)
        )
        session.add(
            IdempotencyRecord(
                service_id=row.service_id,
                caller=caller_of(principal),
                key=idem.key,
                method=idem.method,
                path=idem.path,
                request_hash=idem.request_hash,
                status_code=201,
                body=response.body,
                headers={"Location": location, "ETag": response.headers["ETag"]},
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
