"""Optimistic concurrency is the services' own rule, whatever the interface: a change names what
its caller read, and a stale one is refused with nothing written (``app.preconditions``).

The JSON API's ``If-Match`` is tested in tests/test_http_semantics.py; here the version a web form
carries in a hidden field (``ExpectVersion``) is checked through the service itself, against the
real database, as a page handler will call it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent
from app.audit.trail import Action, Actor, AuditTrail
from app.children import service as children
from app.children.models import Child
from app.children.schemas import ChildUpdate
from app.errors import PreconditionFailed
from app.preconditions import UNCONDITIONAL, ExpectVersion
from app.principal import DEFAULT_SCOPES, Principal, Role
from tests.helpers import Api, child_body


@pytest.fixture
def session(connection: Connection) -> Iterator[Session]:
    with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
        yield session


def leader_of(service_id: str) -> Principal:
    return Principal.single(
        "a-page", Role.LEADER, {uuid.UUID(service_id)}, DEFAULT_SCOPES[Role.LEADER]
    )


def page(session: Session, principal: Principal) -> AuditTrail:
    """The audit context a page handler gives the service: no HTTP request involved."""
    return AuditTrail(session, Actor(principal, operation="page:child-edit"), Action.UPDATE)


class TestAFormCarriesTheVersionItRead:
    def test_the_version_it_read_lets_the_change_through(self, api: Api, session: Session) -> None:
        tenant = api.tenant()
        child = tenant.integration.created("/v1/children", child_body())
        principal = leader_of(tenant.service_id)
        version = session.get_one(Child, uuid.UUID(child["id"])).version
        row = children.update_child(
            session,
            principal,
            uuid.UUID(child["id"]),
            data=ChildUpdate(given_name="Nora"),
            precondition=ExpectVersion(version),
            audit=page(session, principal),
        )
        session.flush()
        assert (row.given_name, row.version) == ("Nora", version + 1)
        # The service recorded the change itself: no route was involved.
        [entry] = session.scalars(
            select(AuditEvent).where(
                AuditEvent.child_id == row.id, AuditEvent.operation == "page:child-edit"
            )
        )
        assert (entry.action, entry.actor_subject, entry.actor_role) == (
            "update",
            "a-page",
            "leader",
        )

    def test_a_stale_version_is_refused_and_nothing_is_written(
        self, api: Api, session: Session
    ) -> None:
        tenant = api.tenant()
        child = tenant.integration.created("/v1/children", child_body())
        child_id = uuid.UUID(child["id"])
        principal = leader_of(tenant.service_id)
        read = session.get_one(Child, child_id).version
        # Someone else saves first.
        children.update_child(
            session,
            principal,
            child_id,
            data=ChildUpdate(given_name="Ida"),
            precondition=UNCONDITIONAL,
            audit=page(session, principal),
        )
        session.flush()
        with pytest.raises(PreconditionFailed):
            children.update_child(
                session,
                principal,
                child_id,
                data=ChildUpdate(given_name="Nora"),
                precondition=ExpectVersion(read),
                audit=page(session, principal),
            )
        session.expire_all()
        assert session.get_one(Child, child_id).given_name == "Ida"
