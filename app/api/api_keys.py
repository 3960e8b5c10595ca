from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Request, Response

from app.api_keys import service
from app.api_keys.models import ApiKey
from app.api_keys.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyRead, ApiKeyRotate
from app.auth import authorize
from app.db import DbSession
from app.errors import Conflict, NotFound, responses
from app.http import ServiceIdQuery, item_response, secret_response
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.service import Idempotency, idempotent
from app.principal import Principal, Scope
from app.schemas import Page, SecretKind, ShownSecret

router = APIRouter(prefix="/v1/api-keys", tags=["api keys"])
Reader = Annotated[Principal, authorize(Scope.API_KEYS_READ)]
Writer = Annotated[Principal, authorize(Scope.API_KEYS_WRITE)]


def _created(row: ApiKey, key: str, previous_expires_at: datetime | None = None) -> Response:
    resource = ApiKeyRead.model_validate(row)
    secret = ShownSecret(
        kind=SecretKind.API_KEY, value=key, previous_expires_at=previous_expires_at
    )
    body = ApiKeyCreated(resource=resource, secret=secret)
    return secret_response(resource, body, status_code=201)


IDEMPOTENT = (IdempotencyKeyReused, IdempotencyInFlight)


@router.post(
    "",
    status_code=201,
    response_model=ApiKeyCreated,
    operation_id="createApiKey",
    summary="Create an API key for a journal system (leader)",
    description="The key is in this response only: it is stored as a hash and cannot be shown "
    "again. It acts for one service with the integration role and the scopes given here. Keys "
    "are managed by leaders only: an integration's token is refused whatever its scopes.",
    responses=responses(*IDEMPOTENT),
)
def create_api_key(
    body: ApiKeyCreate,
    principal: Writer,
    session: DbSession,
    request: Request,
    idem: Idempotency,
    service_id: ServiceIdQuery = None,
) -> Response:
    def run() -> tuple[uuid.UUID, Response]:
        row, key = service.create_key(session, principal, data=body, service_id=service_id)
        return row.service_id, _created(row, key)

    return idempotent(session=session, principal=principal, idem=idem, run=run, shows_secret=True)


@router.get(
    "",
    response_model=Page[ApiKeyRead],
    operation_id="listApiKeys",
    summary="List API keys (leader)",
    description="Every key of your services, revoked and expired ones included (never the "
    "secret itself).",
    responses=responses(),
)
def list_api_keys(principal: Reader, session: DbSession) -> Page[ApiKeyRead]:
    keys = service.list_keys(session, principal)
    return Page[ApiKeyRead].whole([ApiKeyRead.model_validate(r) for r in keys])


@router.get(
    "/{api_key_id}",
    response_model=ApiKeyRead,
    operation_id="getApiKey",
    summary="Get an API key (leader)",
    description="Its name, prefix, scopes, expiry and last use; never the key itself.",
    responses=responses(NotFound),
)
def get_api_key(
    api_key_id: uuid.UUID, principal: Reader, session: DbSession, request: Request
) -> Response:
    row = service.get_key(session, principal, api_key_id)
    return item_response(request, ApiKeyRead.model_validate(row))


@router.post(
    "/{api_key_id}/rotate",
    status_code=201,
    response_model=ApiKeyCreated,
    operation_id="rotateApiKey",
    summary="Rotate an API key (leader)",
    description="Issues a new key with the same name, scopes and expiry (shown once). The old "
    "key keeps working for `grace_seconds`, then stops; `replaced_by_id` points to the new one.",
    responses=responses(NotFound, Conflict, *IDEMPOTENT),
)
def rotate_api_key(
    api_key_id: uuid.UUID,
    principal: Writer,
    session: DbSession,
    request: Request,
    idem: Idempotency,
    body: ApiKeyRotate | None = None,
) -> Response:
    def run() -> tuple[uuid.UUID, Response]:
        row, key = service.rotate_key(session, principal, api_key_id, body or ApiKeyRotate())
        replaced = service.get_key(session, principal, api_key_id)
        return row.service_id, _created(row, key, replaced.expires_at)

    return idempotent(session=session, principal=principal, idem=idem, run=run, shows_secret=True)


@router.post(
    "/{api_key_id}/revoke",
    response_model=ApiKeyRead,
    operation_id="revokeApiKey",
    summary="Revoke an API key (leader)",
    description="The key stops working at once, and so does every key it replaced that is still "
    "in its grace time: revoking the new key of a rotation stops the old one too. Revoking the "
    "old key ends its grace time and leaves the new one working. Revoking twice is harmless; "
    "the record stays.",
    responses=responses(NotFound),
)
def revoke_api_key(
    api_key_id: uuid.UUID, principal: Writer, session: DbSession, request: Request
) -> Response:
    row = service.revoke_key(session, principal, api_key_id)
    return item_response(request, ApiKeyRead.model_validate(row))
