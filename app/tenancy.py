"""Tenancy by construction: every tenant row has a ``service_id``, and every read starts from
:meth:`TenantRepository.readable`, which is already filtered to what the caller may see.

No other module writes a tenant filter by hand.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import ColumnElement, ForeignKey, Select, String, false, select, true
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.auth import Principal
from app.db import RecordMixin
from app.errors import DuplicateExternalRef, FieldError, NotFound, ValidationFailed
from app.http import paginate
from app.schemas import ExternalRef, ListParams


class TenantMixin:
    service_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("services.id", ondelete="RESTRICT"), index=True
    )


class ExternalRefMixin:
    """A journal system's key for the row; unique per service (each table declares the
    ``UniqueConstraint("service_id", "external_system", "external_key")``)."""

    external_system: Mapped[str | None] = mapped_column(String(64))
    external_key: Mapped[str | None] = mapped_column(String(128))

    @property
    def external_ref(self) -> ExternalRef | None:
        if self.external_system is None or self.external_key is None:
            return None
        return ExternalRef(system=self.external_system, key=self.external_key)

    def set_external_ref(self, ref: ExternalRef | None) -> None:
        self.external_system = ref.system if ref else None
        self.external_key = ref.key if ref else None


class TenantRow(RecordMixin, TenantMixin):
    pass


M = TypeVar("M", bound=TenantRow)


class TenantRepository(Generic[M]):
    """Reads of one tenant table, always through :meth:`readable`."""

    model: ClassVar[type[Any]]
    path: ClassVar[str]
    noun: ClassVar[str]
    # False for rows that are not case data (templates): every member of the service sees them.
    case_data: ClassVar[bool] = True

    def __init__(self, session: Session, principal: Principal) -> None:
        self.session = session
        self.principal = principal

    def case_filter(self) -> ColumnElement[bool]:
        """Extra restriction for callers who see only their own cases (contact persons)."""
        return true()

    def readable(self) -> Select[M]:
        if not self.principal.service_ids:
            return select(self.model).where(false())
        services = self.principal.service_ids
        # One service (the usual token) compares with = : no IN list to expand per execution.
        stmt = select(self.model).where(
            self.model.service_id == next(iter(services))
            if len(services) == 1
            else self.model.service_id.in_(services)
        )
        if self.case_data and not self.principal.sees_whole_service:
            stmt = stmt.where(self.case_filter())
        return stmt

    def get(self, row_id: uuid.UUID) -> M:
        row: M | None = self.session.scalar(self.readable().where(self.model.id == row_id))
        if row is None:
            raise NotFound(f"No {self.noun} with this id is visible to you.")
        return row

    def get_for_update(self, row_id: uuid.UUID) -> M:
        stmt = self.readable().where(self.model.id == row_id)
        if self.session.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update(of=self.model)
        row: M | None = self.session.scalar(stmt)
        if row is None:
            raise NotFound(f"No {self.noun} with this id is visible to you.")
        return row

    def in_service(self, service_id: uuid.UUID, row_id: uuid.UUID) -> M | None:
        """A row of ``service_id`` by id, for references between rows of one service.

        The caller must already have been shown to act for ``service_id`` (it owns the row being
        written); a contact person may point a placement at a home they have no case in yet.
        """
        if service_id not in self.principal.service_ids:
            return None
        row: M | None = self.session.scalar(
            select(self.model).where(self.model.id == row_id, self.model.service_id == service_id)
        )
        return row

    def list(
        self, params: ListParams, *, where: Sequence[ColumnElement[bool]] = ()
    ) -> tuple[list[M], str | None]:
        """A page of readable rows. Each filter field of ``params`` compares the column of the
        same name; fields that are not columns must be turned into ``where`` by the caller."""
        stmt = self.readable().where(*where)
        filters = params.model_dump(exclude=set(ListParams.model_fields), exclude_none=True)
        for name, value in filters.items():
            stmt = stmt.where(getattr(self.model, name) == value)
        if params.updated_since is not None:
            stmt = stmt.where(self.model.updated_at >= params.updated_since)
        return paginate(self.session, stmt, self.model, cursor=params.cursor, limit=params.limit)

    def change_external_ref(
        self, row: Any, changes: dict[str, Any], ref: ExternalRef | None
    ) -> None:
        """Apply an ``external_ref`` change (if any) and take it out of ``changes``."""
        if "external_ref" not in changes:
            return
        self.ensure_external_ref_free(row.service_id, ref, exclude=row.id)
        row.set_external_ref(ref)
        del changes["external_ref"]

    def ensure_external_ref_free(
        self, service_id: uuid.UUID, ref: ExternalRef | None, *, exclude: uuid.UUID | None = None
    ) -> None:
        if ref is None:
            return
        stmt = select(self.model.id).where(
            self.model.service_id == service_id,
            self.model.external_system == ref.system,
            self.model.external_key == ref.key,
        )
        if exclude is not None:
            stmt = stmt.where(self.model.id != exclude)
        existing = self.session.scalar(stmt)
        if existing is not None:
            raise DuplicateExternalRef(
                f"This service already has a {self.noun} with external_ref {ref.system}/{ref.key}.",
                existing=f"/v1/{self.path}/{existing}",
            )


def resolve_service(principal: Principal, service_id: uuid.UUID | None) -> uuid.UUID:
    """The service a new row belongs to: the caller's only service, or the one it names."""
    if service_id is not None:
        if service_id not in principal.service_ids:
            raise ValidationFailed(
                "You may not act for this service.",
                errors=[
                    FieldError(
                        detail="Not one of your services",
                        parameter="service_id",
                        location="query",
                        code="service_not_granted",
                    )
                ],
            )
        return service_id
    if len(principal.service_ids) == 1:
        return next(iter(principal.service_ids))
    raise ValidationFailed(
        "You act for several services (or none): say which one with ?service_id=.",
        errors=[
            FieldError(
                detail="Required when the token grants several services",
                parameter="service_id",
                location="query",
                code="missing",
            )
        ],
    )


def apply_changes(row: object, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        setattr(row, name, value)
