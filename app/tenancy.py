"""Tenancy by construction: every tenant row has a ``service_id``, and every read starts from
:meth:`TenantRepository.readable`, which is already filtered to what the caller may see.

No other module writes a tenant filter by hand.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from sqlalchemy import (
    ColumnElement,
    ForeignKey,
    Row,
    Select,
    String,
    and_,
    bindparam,
    false,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.clock import today
from app.db import RecordMixin
from app.errors import DuplicateExternalRef, FieldError, NotFound, ValidationFailed
from app.pagination import paginate
from app.policy import Capability, services_with
from app.principal import Principal, Role
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
        return ExternalRef.of(self.external_system, self.external_key)

    def set_external_ref(self, ref: ExternalRef | None) -> None:
        self.external_system = ref.system if ref else None
        self.external_key = ref.key if ref else None


class TenantRow(RecordMixin, TenantMixin):
    pass


M = TypeVar("M", bound=TenantRow)
R = TypeVar("R")

# TenantRepository.by_id's statements by (repository class, shape of the caller's view, lock,
# table columns, rows granted by another service's order included).
_BY_ID: dict[tuple[type[Any], tuple[str, ...] | None, bool, bool, bool], Select[Any]] = {}


class Recorder(Protocol):
    """What :meth:`TenantRepository.read` needs of an audit trail (``app.audit.trail``)."""

    def read_one(
        self, model: type[Any], read: Select[Any], params: dict[str, Any]
    ) -> Row[Any] | None: ...


CaseLink = Callable[[Any], ColumnElement[bool]]
_case_links: dict[tuple[type, Role], CaseLink] = {}


def register_case_link(model: type, link: CaseLink, *, role: Role = Role.CONTACT_PERSON) -> None:
    """Declare which rows of ``model`` are the own cases of a person with ``role`` (a contact
    person, or a supervisor): ``link(staff_id)`` is a condition on ``model``'s table. The
    domain that makes the link declares it (placements link a contact person to the children
    and foster homes they follow, a supervisor to those they supervise), so the linked domains
    need not import it."""
    _case_links[(model, role)] = link


def case_link(model: type, staff_id: Any, role: Role = Role.CONTACT_PERSON) -> ColumnElement[bool]:
    """The rows of ``model`` that are ``staff_id``'s own cases in ``role``; none when no domain
    declared a link (the person then sees nothing of the table, never everything)."""
    link = _case_links.get((model, role))
    return false() if link is None else link(staff_id)


GrantedLink = Callable[[Any, Any], ColumnElement[bool]]
_granted_links: dict[type, GrantedLink] = {}


def register_granted_access(model: type, link: GrantedLink) -> None:
    """Declare which rows of ``model`` another service's staff may read because the row's own
    service granted it (an inter-municipal team's accepted order, ``app/teams/``):
    ``link(staff_ids, on)`` is a condition on ``model``'s table, true for the rows that any of
    ``staff_ids`` may read on the day ``on``. It is checked at query time, on every read of a
    repository made with ``granted=True``, and never for a write
    (:meth:`TenantRepository.get_for_update`), so the grant ends the moment its order does and
    never lets the reader change the row."""
    _granted_links[model] = link


class TenantRepository(Generic[M]):
    """Reads of one tenant table, always through :meth:`readable`."""

    model: ClassVar[type[Any]]
    path: ClassVar[str]
    noun: ClassVar[str]
    # False for rows that are not case data (templates): every member of the service sees them.
    case_data: ClassVar[bool] = True
    # Set for rows only some roles may see at all (API keys): the services where the caller
    # holds it (app.policy) are the only ones it sees.
    capability: ClassVar[Capability | None] = None

    def __init__(self, session: Session, principal: Principal, *, granted: bool = False) -> None:
        """``granted``: also the rows another service granted the caller's staff rows
        (:func:`register_granted_access`), for the use cases that show the granted record
        itself (a child's or foster home's own read and list). Off by default, so a grant opens
        nothing else: not the rows that hang off the record, nor any write."""
        self.session = session
        self.principal = principal
        self.granted = granted

    def case_filter(self, staff_id: Any) -> ColumnElement[bool]:
        """Extra restriction for callers who see only their own cases (contact persons).

        ``staff_id`` is the caller's staff id: a value, or a bound parameter in a statement
        built once and reused (:meth:`by_id`)."""
        return true()

    def supervised_filter(self, staff_id: Any) -> ColumnElement[bool]:
        """The rows a foster-home supervisor sees (``staff_id`` as for :meth:`case_filter`):
        none, unless the table declares which rows belong to the placements they supervise.
        Fail closed: a new table shows a supervisor nothing until its domain says otherwise."""
        return false()

    def own_filter(self, role: Role, staff_id: Any) -> ColumnElement[bool]:
        """The restriction for a caller who sees only their own cases, by their role there."""
        if role is Role.SUPERVISOR:
            return self.supervised_filter(staff_id)
        return self.case_filter(staff_id)

    def shared(self, services: frozenset[uuid.UUID]) -> ColumnElement[bool] | None:
        """Rows of other services that ``services`` (where the caller sees the whole service)
        also see, by the row's own columns: a team's rows belong to the host service, and a
        member service sees its own orders (``member_service_id``). None: no such rows. A
        repository that shares builds its statements per caller (:meth:`_shape`)."""
        return None

    def sees_every_service(self) -> bool:
        """Whether the caller sees this table's rows in every service (an admin, for staff)."""
        return False

    def _visible(self) -> tuple[frozenset[uuid.UUID], frozenset[uuid.UUID]]:
        """The services whose rows the caller sees: (every row, only its own cases). Rows that
        are not case data are seen whole wherever the caller acts; a repository with a
        :attr:`capability` is limited to the services where the caller holds it."""
        principal = self.principal
        services = (
            principal.service_ids
            if self.capability is None
            else services_with(principal, self.capability)
        )
        if not self.case_data:
            return services, frozenset()
        return services & principal.whole_services, services & principal.own_case_services

    def _staff_ids(self, own: frozenset[uuid.UUID]) -> list[tuple[uuid.UUID | None, Role]]:
        """The caller's (staff row, role) in the services where it sees only its own cases."""
        found: set[tuple[uuid.UUID | None, Role]] = set()
        for service_id in own:
            grant = self.principal.grant_in(service_id)
            if grant is not None:
                found.add((grant.staff_id, grant.role))
        return sorted(found, key=lambda pair: (str(pair[0]), str(pair[1])))

    def _case_filtered(self) -> bool:
        return bool(self._visible()[1])

    def _where(self, *, bound: bool, granted: bool) -> ColumnElement[bool]:
        """What the caller may see of the table, with the caller's values inline or (``bound``)
        as parameters named as :meth:`_params` fills them; ``granted`` adds the rows another
        service granted the caller's staff rows (reads only)."""
        whole, own = self._visible()
        service_id = self.model.service_id

        def of(services: frozenset[uuid.UUID], name: str) -> ColumnElement[bool]:
            if len(services) == 1:
                # The usual token: = instead of IN, no list to expand per execution.
                value: Any = bindparam(name) if bound else next(iter(services))
                one: ColumnElement[bool] = service_id == value
                return one
            values: Any = bindparam(f"{name}s", expanding=True) if bound else services
            several: ColumnElement[bool] = service_id.in_(values)
            return several

        parts: list[ColumnElement[bool]] = []
        if whole:
            parts.append(of(whole, "service_id"))
        if own:
            staff = self._staff_ids(own)
            if len(staff) == 1:
                staff_id, role = staff[0]
                mine = self.own_filter(role, bindparam("staff_id") if bound else staff_id)
            else:
                mine = or_(*(self.own_filter(role, s) for s, role in staff))
            parts.append(and_(of(own, "own_service_id"), mine))
        if self.principal.whole_services:
            shared = self.shared(self.principal.whole_services)
            if shared is not None:
                parts.append(shared)
        if granted:
            staff_ids = self._granted_staff()
            link = _granted_links[self.model]
            parts.append(
                link(bindparam("granted_staff_ids", expanding=True), bindparam("granted_on"))
                if bound
                else link(staff_ids, today())
            )
        if not parts:
            return false()
        return parts[0] if len(parts) == 1 else or_(*parts)

    def _granted_staff(self) -> list[uuid.UUID]:
        """The caller's staff rows, when another service may have granted them rows of this
        table (:func:`register_granted_access`); none for a table no grant reaches, an admin
        or a caller with no staff row (an integration, an API key)."""
        if not self.granted or self.model not in _granted_links or self.sees_every_service():
            return []
        found = {g.staff_id for g in self.principal.grants.values() if g.staff_id is not None}
        return sorted(found, key=str)

    def _params(self, *, granted: bool = False) -> dict[str, Any]:
        whole, own = self._visible()
        params: dict[str, Any] = {}
        if granted:
            params["granted_staff_ids"] = self._granted_staff()
            params["granted_on"] = today()
        for services, name in ((whole, "service_id"), (own, "own_service_id")):
            if len(services) == 1:
                params[name] = next(iter(services))
            elif services:
                params[f"{name}s"] = list(services)
        if own:
            staff = self._staff_ids(own)
            if len(staff) == 1:
                params["staff_id"] = staff[0][0]
        return params

    def _shape(self) -> tuple[str, ...] | None:
        """The statement shape of the caller's view (None: build it for this caller alone, a
        person whose contact-person grants name several staff rows)."""
        if self.sees_every_service():
            return ("every",)
        whole, own = self._visible()
        staff = self._staff_ids(own) if own else []
        if len(staff) > 1:
            return None
        if type(self).shared is not TenantRepository.shared:
            return None

        def count(services: frozenset[uuid.UUID]) -> str:
            return "none" if not services else "one" if len(services) == 1 else "several"

        # The role decides the case filter (a contact person's or a supervisor's); a team's
        # staff also read what accepted orders grant.
        granted = ("granted",) if self._granted_staff() else ()
        return (count(whole), count(own), str(staff[0][1]) if staff else "", *granted)

    def readable(self) -> Select[M]:
        stmt = select(self.model)
        if self.sees_every_service():
            return stmt
        return stmt.where(self._where(bound=False, granted=bool(self._granted_staff())))

    def by_id(
        self, row_id: uuid.UUID, *, for_update: bool = False, columns: bool = False
    ) -> tuple[Select[Any], dict[str, Any]]:
        """:meth:`readable` narrowed to one id, as a statement built once per shape (which
        services, case filter or not, locking or not, ORM object or table columns) and the
        parameters of this caller.

        A statement built anew per request costs SQLAlchemy a cache-key walk on every execution;
        a reused one remembers its key, and only the parameters change.
        """
        shape = self._shape()
        lock = for_update and self.session.get_bind().dialect.name == "postgresql"
        # A write never reaches a row through another service's grant.
        granted = not for_update and bool(self._granted_staff())
        key = (type(self), shape, lock, columns, granted)
        stmt = _BY_ID.get(key) if shape is not None else None
        if stmt is None:
            model = self.model
            stmt = select(model.__table__ if columns else model).where(
                model.id == bindparam("row_id")
            )
            if not self.sees_every_service():
                stmt = stmt.where(self._where(bound=shape is not None, granted=granted))
            if lock:
                stmt = stmt.with_for_update(of=model)
            if shape is not None:
                _BY_ID[key] = stmt
        params: dict[str, Any] = {"row_id": row_id}
        if shape is not None and not self.sees_every_service():
            params.update(self._params(granted=granted))
        return stmt, params

    def get(self, row_id: uuid.UUID) -> M:
        row: M | None = self.session.scalar(*self.by_id(row_id))
        return self._found(row)

    def get_for_update(self, row_id: uuid.UUID) -> M:
        row: M | None = self.session.scalar(*self.by_id(row_id, for_update=True))
        return self._found(row)

    def read(self, row_id: uuid.UUID, *, recorded_by: Recorder) -> Row[Any]:
        """The row's columns without an ORM object, for a route that only shows the row: no
        identity map, no instrumented attributes (an item ``GET`` costs about a tenth less).
        ``recorded_by`` (the route's audit trail) records the read, in the same statement where
        the database allows it."""
        row = recorded_by.read_one(self.model, *self.by_id(row_id, columns=True))
        return self._found(row)

    def _found(self, row: R | None) -> R:
        if row is None:
            raise NotFound(f"No {self.noun} with this id is visible to you.")
        return row

    def in_service(self, service_id: uuid.UUID, row_id: uuid.UUID) -> M | None:
        """A row of ``service_id`` by id, whether or not it is among the caller's cases, for
        references to rows every member of the service may name (staff).

        The caller must already have been shown to act for ``service_id`` (it owns the row being
        written). A reference that would open case data to the caller uses
        :meth:`readable_in_service` instead.
        """
        if service_id not in self.principal.service_ids:
            return None
        row: M | None = self.session.scalar(
            select(self.model).where(self.model.id == row_id, self.model.service_id == service_id)
        )
        return row

    def readable_in_service(self, service_id: uuid.UUID, row_id: uuid.UUID) -> M | None:
        """A row of ``service_id`` by id, only if the caller may read it (for a contact person:
        a row of their own cases), for references whose row becomes readable through the new
        one. A row the caller may not read is None, exactly like a missing one."""
        row: M | None = self.session.scalar(*self.by_id(row_id))
        return row if row is not None and row.service_id == service_id else None

    def url_if_readable(self, row_id: uuid.UUID) -> str | None:
        """The row's API path when the caller may read it, else None. A conflict names the
        existing row only to a caller who may open it: a contact person learns no id of a case
        that is not theirs. The row is in a service the caller acts for."""
        url = f"/v1/{self.path}/{row_id}"
        if not self._case_filtered():
            return url
        return url if self.session.scalar(*self.by_id(row_id, columns=True)) is not None else None

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
            # Still a conflict when the caller may not read the row: the reference is taken in
            # the service, and the create could not succeed. Only its id stays hidden.
            raise DuplicateExternalRef(
                f"This service already has a {self.noun} with external_ref {ref.system}/{ref.key}.",
                existing=self.url_if_readable(existing),
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
