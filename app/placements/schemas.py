from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from pydantic import Field
from sqlalchemy import Row

from app.clock import today
from app.placements.models import (
    BreakdownReason,
    EndReason,
    LegalBasis,
    PlacementStatus,
    placement_status,
)
from app.schemas import (
    CaseDate,
    ExternalRef,
    ExternalRefFilters,
    RecordRead,
    StrictModel,
    UpdateModel,
)

SUPERVISOR = (
    "A foster-home supervisor (role supervisor) of the service: the assignee of the "
    "placement's supervisor steps (En god start, where a service gives them to a supervisor)."
)


END_PLANNED = (
    "Whether the end was planned (true) or a breakdown (false: an unintended end, with a "
    "breakdown_reason). Left out: not recorded."
)
BREAKDOWN = "Why the placement broke down; required when end_planned is false, and only then."


class PlacementCreate(StrictModel):
    child_id: uuid.UUID
    foster_home_id: uuid.UUID
    contact_person_id: uuid.UUID = Field(description="A contact person or leader of the service.")
    supervisor_id: uuid.UUID | None = Field(default=None, description=SUPERVISOR)
    start_date: CaseDate = Field(examples=["2026-09-01"])
    end_date: CaseDate | None = Field(
        default=None, description="For a placement that has already ended (e.g. an import)."
    )
    end_reason: EndReason | None = None
    end_planned: bool | None = Field(default=None, description=END_PLANNED, examples=[True])
    breakdown_reason: BreakdownReason | None = Field(
        default=None, description=BREAKDOWN, examples=[None]
    )
    legal_basis: LegalBasis
    agreement_end_date: CaseDate | None = Field(
        default=None, description="When the assignment agreement (oppdragsavtale) ends."
    )
    care_order_date: CaseDate | None = Field(
        default=None,
        description="With legal_basis care_order: the date of the tribunal's decision (nemndas "
        "vedtak), not after today. Left out, it is the child's previous placement's while that "
        "was on the care order. Parent follow-up and the return-home assessment count from it.",
    )
    external_ref: ExternalRef | None = None


class PlacementUpdate(UpdateModel):
    """Change a running placement. A move to another foster home is a new placement, and a
    placement ends through ``POST /v1/placements/{id}/end``."""

    nullable = frozenset({"agreement_end_date", "external_ref", "supervisor_id"})

    contact_person_id: uuid.UUID | None = None
    supervisor_id: uuid.UUID | None = Field(
        default=None,
        description=SUPERVISOR + " The open supervisor tasks go to the new one; null: none.",
    )
    start_date: CaseDate | None = None
    legal_basis: LegalBasis | None = Field(
        default=None,
        description="A change closes the workflows that apply only to the old basis (their open "
        "tasks lapse) and starts those of the new one (care_order needs care_order_date).",
    )
    agreement_end_date: CaseDate | None = None
    care_order_date: CaseDate | None = Field(
        default=None,
        description="Required when legal_basis changes to care_order (an emergency or voluntary "
        "placement that became a care order): the tribunal's decision, on or after start_date "
        "and not after today. The care-order workflows then start, counting from it.",
    )
    external_ref: ExternalRef | None = None


class PlacementEnd(StrictModel):
    end_date: CaseDate = Field(
        description="The day the child moved out (the moving day), from 1900-01-01 to 2199-12-31."
    )
    end_reason: EndReason
    end_planned: bool | None = Field(default=None, description=END_PLANNED, examples=[False])
    breakdown_reason: BreakdownReason | None = Field(
        default=None, description=BREAKDOWN, examples=["foster_home_gave_notice"]
    )


class PlacementRead(RecordRead):
    service_id: uuid.UUID
    child_id: uuid.UUID
    foster_home_id: uuid.UUID
    contact_person_id: uuid.UUID
    supervisor_id: uuid.UUID | None = None
    start_date: date
    end_date: date | None
    end_reason: EndReason | None
    end_planned: bool | None = None
    breakdown_reason: BreakdownReason | None = None
    legal_basis: LegalBasis
    agreement_end_date: date | None
    care_order_date: date | None
    status: PlacementStatus
    external_ref: ExternalRef | None

    @classmethod
    def from_row(cls, row: Row[Any]) -> PlacementRead:
        """From the placements table's columns read without the ORM
        (:meth:`app.tenancy.TenantRepository.read`), derived exactly as from a
        :class:`~app.placements.models.Placement`."""
        return cls.model_validate(
            {
                **row._mapping,
                "status": placement_status(row.start_date, row.end_date, today()),
                "external_ref": ExternalRef.of(row.external_system, row.external_key),
            }
        )


class PlacementFilters(ExternalRefFilters):
    child_id: uuid.UUID | None = None
    foster_home_id: uuid.UUID | None = None
    contact_person_id: uuid.UUID | None = None
    legal_basis: LegalBasis | None = None
    status: PlacementStatus | None = None
