from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    ForeignKeyConstraint,
    Index,
    UniqueConstraint,
    exists,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.audit.kinds import Kind
from app.audit.kinds import register as register_audited
from app.children.models import Child
from app.clock import today
from app.db import Base, string_enum
from app.events.data import ChangedFields, EventData, EventDate, NoData
from app.events.service import register_types as register_event_types
from app.foster_homes.models import FosterHome
from app.principal import Role
from app.tenancy import ExternalRefMixin, TenantRow, register_case_link


class LegalBasis(StrEnum):
    CARE_ORDER = "care_order"  # omsorgsovertakelse
    VOLUNTARY = "voluntary"  # frivillig plassering
    EMERGENCY = "emergency"  # akuttvedtak


class EndReason(StrEnum):
    RETURNED_HOME = "returned_home"
    MOVED_TO_OTHER_FOSTER_HOME = "moved_to_other_foster_home"
    MOVED_TO_INSTITUTION = "moved_to_institution"
    ADOPTED = "adopted"
    AGED_OUT = "aged_out"
    OTHER = "other"


class BreakdownReason(StrEnum):
    """Why a placement ended unplanned (a breakdown: ``end_planned`` false)."""

    FOSTER_HOME_GAVE_NOTICE = "foster_home_gave_notice"  # fosterhjemmet sa opp oppdraget
    NEEDS_NOT_MET = "needs_not_met"  # barnets behov kunne ikke dekkes i fosterhjemmet
    CHILD_WISH = "child_wish"  # barnet ønsket å flytte
    CONCERN_FOR_CARE = "concern_for_care"  # barnevernstjenesten flyttet barnet etter bekymring
    PARENTS = "parents"  # foreldrene tok barnet hjem eller samarbeidet brøt sammen
    OTHER = "other"


class PlacementStatus(StrEnum):
    PLANNED = "planned"  # start_date is in the future
    ACTIVE = "active"
    ENDED = "ended"  # end_date is today or earlier


class Placement(TenantRow, ExternalRefMixin, Base):
    """A child living in a foster home from ``start_date``.

    ``end_date`` is the day the placement ended (the moving day): a new placement for the same
    child may start that day. ``status`` is derived from the dates in Europe/Oslo, never stored,
    so it cannot drift from them.
    """

    __tablename__ = "placements"
    __table_args__ = (
        # The referenced rows must belong to the placement's own service.
        ForeignKeyConstraint(
            ["child_id", "service_id"],
            ["children.id", "children.service_id"],
            name="fk_placements_child_same_service",
        ),
        ForeignKeyConstraint(
            ["foster_home_id", "service_id"],
            ["foster_homes.id", "foster_homes.service_id"],
            name="fk_placements_foster_home_same_service",
        ),
        ForeignKeyConstraint(
            ["contact_person_id", "service_id"],
            ["staff.id", "staff.service_id"],
            name="fk_placements_contact_person_same_service",
        ),
        ForeignKeyConstraint(
            ["supervisor_id", "service_id"],
            ["staff.id", "staff.service_id"],
            name="fk_placements_supervisor_same_service",
        ),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
        UniqueConstraint("service_id", "external_system", "external_key"),
        UniqueConstraint("id", "service_id"),  # target of same-service foreign keys
        Index("ix_placements_child_id", "child_id"),
        Index("ix_placements_foster_home_id", "foster_home_id"),
        Index("ix_placements_contact_person_id", "contact_person_id"),
        Index("ix_placements_supervisor_id", "supervisor_id"),
    )

    child_id: Mapped[uuid.UUID]
    foster_home_id: Mapped[uuid.UUID]
    contact_person_id: Mapped[uuid.UUID]
    supervisor_id: Mapped[uuid.UUID | None] = mapped_column(
        doc="The foster-home supervisor (fosterhjemsveileder) who does the supervisor steps."
    )
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    end_reason: Mapped[EndReason | None] = mapped_column(string_enum(EndReason, "end_reason"))
    end_planned: Mapped[bool | None] = mapped_column(
        doc="The end was planned (true) or a breakdown (false); None: not recorded."
    )
    breakdown_reason: Mapped[BreakdownReason | None] = mapped_column(
        string_enum(BreakdownReason, "breakdown_reason"),
        doc="Why an unplanned end happened (end_planned false only).",
    )
    legal_basis: Mapped[LegalBasis] = mapped_column(string_enum(LegalBasis, "legal_basis"))
    agreement_end_date: Mapped[date | None]
    care_order_date: Mapped[date | None] = mapped_column(
        doc="The tribunal's care-order decision (nemndas vedtak); carried to the child's next "
        "placement while the care order stands."
    )

    @property
    def status(self) -> PlacementStatus:
        return placement_status(self.start_date, self.end_date, today())


def placement_status(start: date, end: date | None, on: date) -> PlacementStatus:
    if end is not None and end <= on:
        return PlacementStatus.ENDED
    if start > on:
        return PlacementStatus.PLANNED
    return PlacementStatus.ACTIVE


def same_service_placement() -> ForeignKeyConstraint:
    """A row of a placement of its own service (composite key: never another service's)."""
    return ForeignKeyConstraint(
        ["placement_id", "service_id"], ["placements.id", "placements.service_id"]
    )


register_audited(
    Kind(
        "placement",
        Placement,
        child=Placement.child_id,
        path_id="placement_id",
        collections=("placements",),
    )
)


# A contact person's own cases are the children and foster homes of the placements they follow.
register_case_link(
    Child,
    lambda staff_id: exists().where(
        Placement.child_id == Child.id, Placement.contact_person_id == staff_id
    ),
)
register_case_link(
    FosterHome,
    lambda staff_id: exists().where(
        Placement.foster_home_id == FosterHome.id, Placement.contact_person_id == staff_id
    ),
)
# A supervisor's are the children and foster homes of the placements they supervise.
register_case_link(
    Child,
    lambda staff_id: exists().where(
        Placement.child_id == Child.id, Placement.supervisor_id == staff_id
    ),
    role=Role.SUPERVISOR,
)
register_case_link(
    FosterHome,
    lambda staff_id: exists().where(
        Placement.foster_home_id == FosterHome.id, Placement.supervisor_id == staff_id
    ),
    role=Role.SUPERVISOR,
)


class PlacementEvent(StrEnum):
    CREATED = "placement.created"
    UPDATED = "placement.updated"
    ENDED = "placement.ended"


class PlacementUpdatedData(EventData):
    fields: ChangedFields


class PlacementEndedData(EventData):
    end_date: EventDate


register_event_types(
    PlacementEvent,
    data={
        PlacementEvent.CREATED: NoData,
        PlacementEvent.UPDATED: PlacementUpdatedData,
        PlacementEvent.ENDED: PlacementEndedData,
    },
)
