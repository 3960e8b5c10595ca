from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import Field

from app.audit.trail import Action, Outcome
from app.schemas import Instant, ReadModel, StrictModel


class AuditEventRead(ReadModel):
    """One access to personal data. Ids only: never a name or a national id."""

    id: int = Field(examples=[4711])
    occurred_at: datetime
    service_id: uuid.UUID | None = Field(
        description="The service the entry belongs to: the owner of the resource (also when "
        "another service's caller was refused)."
    )
    actor_subject: str = Field(description="The token's `sub`.")
    actor_role: str
    actor_staff_id: uuid.UUID | None
    actor_service_ids: list[uuid.UUID] = Field(description="The services the caller acts for.")
    on_behalf_of: str | None = Field(description="`X-On-Behalf-Of` as the caller sent it.")
    action: Action
    resource_type: str = Field(examples=["placement"])
    resource_id: uuid.UUID | None = Field(description="None for a search or a refused list.")
    child_id: uuid.UUID | None = Field(description="The child whose data it was, when one was.")
    operation: str | None = Field(description="The OpenAPI operationId, e.g. `getPlacement`.")
    request_id: str | None = Field(description="`X-Request-ID` of the request.")
    outcome: Outcome
    detail: str | None = Field(
        description="For a refused attempt the problem type slug (`not-found`, `forbidden`); for "
        "a download its format and source."
    )


class AuditWindow(StrictModel):
    """Paging and the time window, shared by the audit search and a child's access log."""

    cursor: str | None = Field(
        default=None, max_length=200, description="`next_cursor` from the previous page."
    )
    limit: int = Field(default=50, ge=1, le=100, description="Page size, at most 100.")
    order: Literal["newest", "oldest"] = Field(
        default="newest", description="Newest first (default) or oldest first."
    )
    from_: Instant | None = Field(
        default=None, alias="from", description="Only entries at or after this time."
    )
    to: Instant | None = Field(default=None, description="Only entries before this time.")


class AuditFilters(AuditWindow):
    service_id: uuid.UUID | None = None
    child_id: uuid.UUID | None = None
    staff_id: uuid.UUID | None = Field(default=None, description="The actor's staff id.")
    subject: str | None = Field(default=None, max_length=200, description="The actor's `sub`.")
    action: Action | None = None
    outcome: Outcome | None = None
    resource_type: str | None = Field(default=None, max_length=32)
    resource_id: uuid.UUID | None = None
