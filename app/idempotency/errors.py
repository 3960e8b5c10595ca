"""Problems with a repeated ``Idempotency-Key``."""

from __future__ import annotations

from app.errors import Conflict, ValidationFailed


class IdempotencyInFlight(Conflict):
    slug, title = "idempotency-conflict", "A request with this Idempotency-Key is being processed"


class IdempotencyKeyReused(ValidationFailed):
    slug, title = "idempotency-key-reused", "The Idempotency-Key was used with another request"
