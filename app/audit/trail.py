"""The audit trail: every read and change of a child's data leaves an entry, committed with
the work (a change) or before the response (a read).

Recording is the service layer's job, whatever the interface: every service function that shows
or changes a child's data takes an :class:`AuditTrail` (a required argument) and records the rows
it returns through it: ``audit.one(row)`` or ``audit.many(rows)``. A route gets its trail from
its dependency (``audit: AuditRead`` and its siblings, one per action) and passes it on; a page,
the worker or the CLI makes one from an :class:`Actor`. tests/audit/test_every_route_is_audited.py
calls every route that shows child data and fails when one leaves no entry.

An entry adds ONE ``INSERT`` to the request's transaction and no ``SELECT``: the child is taken from
the row, or, for rows that hang off a placement (tasks, documents, workflows), looked up by a
subquery inside the same ``INSERT``. A list writes one entry per row shown in one
``INSERT ... SELECT``. Because the entry is in the work's transaction, a change and its entry
commit together or not at all. A read's session on PostgreSQL is in autocommit mode
(:func:`app.db.session_factories`): its entry is committed when the ``INSERT`` returns, before
the response is sent.

An item ``GET`` that shows one row's columns (``TenantRepository.read(..., recorded_by=audit)``)
reads and records in one statement on PostgreSQL: the read as a ``WITH`` query and the entry as a
data-modifying ``WITH ... INSERT ... SELECT`` from it, both executed by the one round trip
(:meth:`AuditTrail.read_one`); no row, no entry. SQLite has no ``INSERT`` inside ``WITH``: there
the row is read and then recorded with :meth:`AuditTrail.one`.

A refused attempt (403, or 404 for a row the caller may not see) rolls the work back; the
exception handler in :mod:`app.api.refused` then writes an entry with outcome
``refused`` in a transaction of its own, naming the resource from the path. It belongs to the
resource's owner (so that service's leaders see who tried), or, when no such row exists, to the
caller's own services.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, Protocol, TypeVar

from fastapi import Depends, Header, Request
from sqlalchemy import Row as SqlRow
from sqlalchemy import Select, Table, bindparam, insert, literal, null, select
from sqlalchemy.orm import Session

from app.audit import kinds
from app.audit.kinds import Kind
from app.audit.models import AuditEvent
from app.db import DbSession, utcnow
from app.principal import Principal


class Row(Protocol):
    """A row of one of the audited kinds (:mod:`app.audit.kinds`)."""

    @property
    def id(self) -> uuid.UUID: ...

    @property
    def service_id(self) -> uuid.UUID: ...


T = TypeVar("T", bound=Row)


class Action(StrEnum):
    READ = "read"
    LIST = "list"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    DOWNLOAD = "download"


class Outcome(StrEnum):
    SUCCESS = "success"
    REFUSED = "refused"


# Built once: a read's INSERT is a cached statement executed with plain parameters.
_TABLE: Table = AuditEvent.__table__  # type: ignore[assignment]
INSERT = insert(_TABLE)


@cache
def _insert_via_placement() -> Any:
    """For rows that hang off a placement: the child is looked up inside the same INSERT (built
    on first use, once the domains have registered their kinds)."""
    placement = kinds.placement().model
    return insert(_TABLE).values(
        child_id=select(placement.child_id)
        .where(placement.id == bindparam("via_placement_id"))
        .scalar_subquery()
    )


# The columns an entry takes from its request (entry_context) and its route, in this order.
ENTRY_COLUMNS = (
    "occurred_at",
    "actor_subject",
    "actor_role",
    "actor_staff_id",
    "actor_service_ids",
    "on_behalf_of",
    "action",
    "operation",
    "request_id",
    "outcome",
    "detail",
    "resource_type",
)
# read_one's statements, by the read statement they wrap (those are built once per shape).
_READ_AND_RECORD: dict[Select[Any], Select[Any]] = {}


def _read_and_record(read: Select[Any], kind: Kind) -> Select[Any]:
    """``read`` (one row of ``kind``'s table) as a ``WITH`` query, and a data-modifying ``WITH``
    that inserts the entry of each row it returns (PostgreSQL)."""
    statement = _READ_AND_RECORD.get(read)
    if statement is None:
        row = read.cte("audited_row")
        values = [bindparam(f"audit_{name}", type_=_TABLE.c[name].type) for name in ENTRY_COLUMNS]
        child = row.c[kind.child.key] if kind.child is not None else null()
        entry = (
            insert(_TABLE)
            .from_select(
                [*ENTRY_COLUMNS, "resource_id", "service_id", "child_id"],
                select(*values, row.c.id, row.c.service_id, child),
            )
            .cte("audit_entry")
        )
        statement = select(row).add_cte(entry)
        _READ_AND_RECORD[read] = statement
    return statement


OnBehalfOf = Annotated[
    str | None,
    Header(
        alias="X-On-Behalf-Of",
        min_length=1,
        max_length=128,
        pattern=r"^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$",
        description="The journal-system user the request is made for (an opaque user id, "
        "printable ASCII, at most 128 characters; never a name or national id). Accepted by "
        "every authenticated operation; recorded with each audit entry the operation writes "
        "(reads and changes of a child's data).",
        examples=["saksbehandler-4711"],
    ),
]


@dataclass(frozen=True)
class Actor:
    """Who acts, whatever the interface: the principal, for whom (a journal system's user), the
    operation (a route's operation id, a page's name, ``worker``, ``cli``) and a request id."""

    principal: Principal
    on_behalf_of: str | None = None
    operation: str | None = None
    request_id: str | None = None

    @classmethod
    def of_request(cls, request: Request, on_behalf_of: str | None) -> Actor:
        principal = getattr(request.state, "principal", None)
        if not isinstance(principal, Principal):
            raise RuntimeError("the audit trail needs an authenticated route")
        return cls(
            principal,
            on_behalf_of,
            getattr(request.scope.get("route"), "operation_id", None),
            getattr(request.state, "request_id", None),
        )


class AuditTrail:
    """The audit context of one use case: who acts and the use case's action. Every service
    function that shows or changes a child's data takes one (a required argument) and records
    through it, so no interface can show case data without an entry.

    ``actor`` may be a function: a route's trail is made before the route's principal is known
    for certain, so it is read when the first entry is written."""

    def __init__(
        self, session: Session, actor: Actor | Callable[[], Actor], action: Action
    ) -> None:
        self.session = session
        self._actor = actor
        self.action = action

    @property
    def actor(self) -> Actor:
        if not isinstance(self._actor, Actor):
            self._actor = self._actor()
        return self._actor

    def one(
        self,
        row: T,
        *,
        model: type[Any] | None = None,
        action: Action | None = None,
        detail: str | None = None,
    ) -> T:
        """Record the access to ``row`` (a child, foster home, placement, task, document,
        workflow or visit reduction) and return it. ``model`` names the kind of a row read
        without the ORM (a :class:`sqlalchemy.Row` of the model's table)."""
        kind = kinds.of_model(model or type(row))
        values = {
            **entry_context(
                self.actor,
                action or self.action,
                Outcome.SUCCESS,
                service_id=row.service_id,
            ),
            "detail": detail,
            "resource_type": kind.name,
            "resource_id": row.id,
            "service_id": row.service_id,
        }
        if kind.via_placement:
            values["via_placement_id"] = kind.placement_of(row)
            self.session.execute(_insert_via_placement(), values)
        else:
            values["child_id"] = kind.child_of(row)
            self.session.execute(INSERT, values)
        return row

    def read_one(
        self, model: type[Any], read: Select[Any], params: dict[str, Any]
    ) -> SqlRow[Any] | None:
        """Run ``read`` (at most one row of ``model``'s table, columns only) and record the
        access to the row it returns, in one statement on PostgreSQL (see the module)."""
        kind = kinds.of_model(model)
        connection = self.session.connection()
        uniform = self.actor.principal.uniform_grant is not None
        if connection.dialect.name != "postgresql" or kind.via_placement or not uniform:
            row = connection.execute(read, params).first()
            if row is not None:
                self.one(row, model=model)
            return row
        context = entry_context(self.actor, self.action, Outcome.SUCCESS)
        context.update(detail=None, resource_type=kind.name)
        values = {f"audit_{name}": context[name] for name in ENTRY_COLUMNS}
        return connection.execute(_read_and_record(read, kind), {**params, **values}).first()

    def many(self, rows: Sequence[T], *, detail: str | None = None) -> Sequence[T]:
        """Record one entry per row shown, in a single ``INSERT ... SELECT``."""
        if not rows:
            return rows
        if self.actor.principal.uniform_grant is None:
            # The actor's role differs between services: one INSERT per service shown.
            by_service: dict[uuid.UUID, list[T]] = {}
            for row in rows:
                by_service.setdefault(row.service_id, []).append(row)
            for service_id, group in by_service.items():
                self._many(group, detail=detail, service_id=service_id)
            return rows
        self._many(rows, detail=detail, service_id=None)
        return rows

    def _many(self, rows: Sequence[T], *, detail: str | None, service_id: uuid.UUID | None) -> None:
        kind = kinds.of_model(type(rows[0]))
        context = {
            **entry_context(self.actor, self.action, Outcome.SUCCESS, service_id=service_id),
            "detail": detail,
            "resource_type": kind.name,
        }
        model = kind.model
        columns = {name: literal(value, _TABLE.c[name].type) for name, value in context.items()}
        ids = [r.id for r in rows]
        source = select(*columns.values(), model.id, model.service_id, kind.child_column()).where(
            model.id.in_(ids)
        )
        if kind.via_placement:
            placement = kinds.placement().model
            source = source.join(placement, placement.id == model.placement_id)
        names = [*columns, "resource_id", "service_id", "child_id"]
        self.session.execute(insert(_TABLE).from_select(names, source))

    def query(
        self, resource_type: str, *, service_ids: Iterable[uuid.UUID], child_id: uuid.UUID | None
    ) -> None:
        """Record a query that is not about one row (a search of the audit trail itself): one
        entry for each service searched."""
        rows = [
            {
                **entry_context(
                    self.actor,
                    self.action,
                    Outcome.SUCCESS,
                    service_id=service_id,
                ),
                "resource_type": resource_type,
                "service_id": service_id,
                "child_id": child_id,
            }
            for service_id in sorted(service_ids)
        ]
        if rows:
            self.session.execute(INSERT, rows)


def actor_in(principal: Principal, service_id: uuid.UUID | None) -> dict[str, Any]:
    """Who the actor is in the entry's service: its role and staff row there. A principal with
    one grant everywhere (nearly every caller) is that grant wherever the entry lands; one whose
    role differs between services, in a service it does not act for, is ``mixed``."""
    grant = principal.uniform_grant
    if grant is None and service_id is not None:
        grant = principal.grant_in(service_id)
    if grant is None:
        return {"actor_role": principal.role_summary, "actor_staff_id": None}
    return {"actor_role": str(grant.role), "actor_staff_id": grant.staff_id}


def entry_context(
    actor: Actor, action: Action, outcome: Outcome, *, service_id: uuid.UUID | None = None
) -> dict[str, Any]:
    principal = actor.principal
    return {
        "occurred_at": utcnow(),
        "actor_subject": principal.subject[:200],
        **actor_in(principal, service_id),
        "actor_service_ids": principal.service_list,
        "on_behalf_of": actor.on_behalf_of,
        "action": str(action),
        "operation": actor.operation,
        "request_id": actor.request_id,
        "outcome": str(outcome),
    }


class AuditedRoute:
    """The dependency behind ``AuditRead`` and its siblings; it also marks the route as audited,
    which is how a refused request finds out that it must be recorded, and with which action."""

    def __init__(self, action: Action) -> None:
        self.action = action

    async def __call__(self, request: Request, session: DbSession) -> AuditTrail:
        # X-On-Behalf-Of is declared and checked once, with the token (app.auth.get_principal),
        # which every audited route has; it keeps the checked value on the request.
        def actor() -> Actor:
            return Actor.of_request(request, getattr(request.state, "on_behalf_of", None))

        return AuditTrail(session, actor, self.action)


def _audited(action: Action) -> Any:
    return Depends(AuditedRoute(action), scope="function")


AuditRead = Annotated[AuditTrail, _audited(Action.READ)]
AuditList = Annotated[AuditTrail, _audited(Action.LIST)]
AuditCreate = Annotated[AuditTrail, _audited(Action.CREATE)]
AuditUpdate = Annotated[AuditTrail, _audited(Action.UPDATE)]
AuditDownload = Annotated[AuditTrail, _audited(Action.DOWNLOAD)]
AuditExport = Annotated[AuditTrail, _audited(Action.EXPORT)]
