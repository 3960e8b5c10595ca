"""The audited kinds are declared by their domains (app/audit/kinds.py); a table that hangs off a
child's case must be one of them, or say here why it is not."""

from __future__ import annotations

import pytest

import app.models  # noqa: F401  (every model, so every domain has registered its kinds)
from app.api.refused import attempted
from app.audit import kinds
from app.db import Base

CASE_COLUMNS = {"child_id", "placement_id", "task_id"}
NOT_AUDITED = {
    "audit_events": "the trail itself",
    "events": "the outbox: ids and event types, read through the event feed",
    "task_changes": "a task's history, read only through its task (audited as the task)",
    "task_notices": "markers that a notice was raised; never shown",
}


def test_every_table_on_a_case_is_an_audited_kind_or_says_why_not() -> None:
    audited = {kind.model.__table__.name for kind in kinds.all_kinds()}
    on_a_case = {t.name for t in Base.metadata.sorted_tables if set(t.c.keys()) & CASE_COLUMNS}
    unexplained = sorted(on_a_case - audited - set(NOT_AUDITED))
    assert not unexplained, f"register these as audited kinds, or list why not: {unexplained}"
    assert not audited & set(NOT_AUDITED)


def test_a_kind_under_a_placement_finds_its_child_through_the_placement_kind() -> None:
    placement = kinds.placement()
    assert placement.child is not None
    for kind in kinds.all_kinds():
        if kind.via_placement:
            assert "placement_id" in kind.model.__table__.c, kind.name


def test_a_refused_request_is_named_by_the_kinds_routes() -> None:
    child = "6f1c5b0e-8f7e-4a53-9b8a-4b2f0f1d2c3a"
    assert attempted("/v1/children/{child_id}", {"child_id": child})[0] == "child"
    assert attempted("/v1/tasks", {}) == ("task", None)
    assert attempted("/v1/retention/placements", {}) == ("placement", None)
    assert attempted("/v1/audit-events", {}) == ("audit_event", None)


def test_a_kind_longer_than_the_trails_column_is_refused_when_it_is_registered() -> None:
    """Found on PostgreSQL: an audited kind of 34 characters made every read of a contact-visit
    arrangement's history a 422 (the column holds 32; SQLite does not check)."""
    too_long = kinds.Kind("x" * (kinds.NAME_LENGTH + 1), type("Unregistered", (), {}))
    with pytest.raises(ValueError, match="longer than 32"):
        kinds.register(too_long)
    assert all(len(kind.name) <= kinds.NAME_LENGTH for kind in kinds.all_kinds())
