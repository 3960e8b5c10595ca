"""Refused attempts: a 403 or 404 on an audited route is recorded with outcome ``refused``.

The work's transaction has been rolled back when the exception handler runs, so the entry is
written in a transaction of its own. The resource comes from the route's path; the entry belongs
to the service that owns it (so its leaders see who tried), or, when no such row exists, to the
caller's own services.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.dependencies.models import Dependant
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from app.audit import kinds
from app.audit.trail import (
    INSERT,
    Action,
    Actor,
    AuditedRoute,
    Outcome,
    actor_in,
    entry_context,
)
from app.error_handlers import problem_response
from app.errors import AppError, Forbidden, NotFound
from app.principal import Principal

log = logging.getLogger("app.audit")

# The resource a refused request tried to reach, from the route's path: its id parameter, or for
# a list the collection, as the audited kinds declare them (app.audit.kinds). A search of the
# trail itself is the audit's own.
kinds.register_collection("audit-events", "audit_event")


def _route_action(dependant: Dependant) -> Action | None:
    for sub in dependant.dependencies:
        if isinstance(sub.call, AuditedRoute):
            return sub.call.action
        found = _route_action(sub)
        if found is not None:
            return found
    return None


_ACTIONS: dict[int, Action | None] = {}


def audited_action(route: Any) -> Action | None:
    """The action an audited route records, or None for a route outside the audit trail."""
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return None
    key = id(route)
    if key not in _ACTIONS:
        _ACTIONS[key] = _route_action(dependant)
    return _ACTIONS[key]


def attempted(path: str, path_params: dict[str, Any]) -> tuple[str, uuid.UUID | None]:
    """The resource type and id a request was after, from its route path and parameters."""
    for name, resource_type in kinds.path_ids().items():
        if name in path_params:
            try:
                return resource_type, uuid.UUID(str(path_params[name]))
            except ValueError:
                return resource_type, None
    collection = path.removeprefix("/v1/").split("/", 1)[0]
    return kinds.collections().get(collection, collection[:32]), None


def locate(
    session: Session, resource_type: str, resource_id: uuid.UUID
) -> tuple[uuid.UUID, uuid.UUID | None] | None:
    """The owning service and the child of a row, whoever asks.

    Deliberately not tenant-filtered: it only attributes a refused attempt to the service that
    owns the row; nothing of it reaches the caller.
    """
    kind = kinds.named(resource_type)
    if kind is None:
        return None
    model = kind.model
    stmt = select(model.service_id, kind.child_column()).where(model.id == resource_id)
    if kind.via_placement:
        placement = kinds.placement().model
        stmt = stmt.join(placement, placement.id == model.placement_id)
    found = session.execute(stmt).first()
    return (found[0], found[1]) if found is not None else None


def record_refused(request: Request, error: AppError) -> None:
    """Write the refused entry in its own transaction (the work's was rolled back)."""
    route = request.scope.get("route")
    action = audited_action(route)
    principal = getattr(request.state, "principal", None)
    if action is None or not isinstance(principal, Principal):
        return
    resource_type, resource_id = attempted(getattr(route, "path", ""), request.path_params)
    on_behalf_of = request.headers.get("x-on-behalf-of")
    if on_behalf_of is not None and not (
        len(on_behalf_of) <= 128 and on_behalf_of.isascii() and on_behalf_of.isprintable()
    ):
        on_behalf_of = None
    context = {
        **entry_context(Actor.of_request(request, on_behalf_of), action, Outcome.REFUSED),
        "resource_type": resource_type,
        "resource_id": resource_id,
        "detail": error.slug,
    }
    factory = request.app.state.session_factory
    with factory() as session, session.begin():
        owner = locate(session, resource_type, resource_id) if resource_id else None
        if owner is not None:
            rows = [
                {
                    **context,
                    **actor_in(principal, owner[0]),
                    "service_id": owner[0],
                    "child_id": owner[1],
                }
            ]
        else:
            services: list[uuid.UUID | None] = [*sorted(principal.service_ids)] or [None]
            rows = [
                {**context, **actor_in(principal, s), "service_id": s, "child_id": None}
                for s in services
            ]
        session.execute(INSERT, rows)


async def _refused(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    try:
        await run_in_threadpool(record_refused, request, exc)
    except Exception as failure:  # the caller still gets its 403/404; the log says why
        log.error("refused attempt not audited", extra={"error_type": type(failure).__name__})
    return problem_response(exc, request)


def install_refused_audit(app: FastAPI) -> None:
    """403 and 404 on an audited route are recorded (more specific than the AppError handler)."""
    app.add_exception_handler(Forbidden, _refused)
    app.add_exception_handler(NotFound, _refused)
