"""A placement that runs tilsyn v2 moves to v3 at its next re-plan: the review of a report then
counts from the day the report came in (v2 counted from the day the visit was registered)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session

from app.tasks.models import Task
from app.workflows.models import WorkflowInstance
from tests.helpers import Api, case_started, day, ok, parse
from tests.supervision.helpers import send_report
from tests.workflows.test_workflows_api import tasks_of


@pytest.fixture
def session(connection: Connection) -> Iterator[Session]:
    with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
        yield session


def test_a_running_version_2_review_counts_from_the_reports_arrival_after_the_upgrade(
    api: Api, session: Session
) -> None:
    case = case_started(api, day(-70))
    placement_id = uuid.UUID(case.placement["id"])
    instance = session.scalars(
        select(WorkflowInstance).where(
            WorkflowInstance.placement_id == placement_id,
            WorkflowInstance.definition_key == "tilsyn",
        )
    ).one()
    # Version 2 planned the visits on the same dates as version 3: only the version differs.
    instance.definition_version = 2
    session.execute(
        update(Task).where(Task.instance_id == instance.id).values(definition_version=2)
    )
    session.flush()
    assert {t["definition_version"] for t in tasks_of(case, "tilsyn")} == {2}

    arrived = day(-6)
    ok(
        send_report(
            case.tenant.contact, case.placement["id"], visit_date=day(-20), received_on=arrived
        ),
        201,
    )

    [review] = tasks_of(case, "tilsyn", "gjennomgang_tilsynsrapport")
    assert review["definition_version"] == 3
    assert parse(review["nominal_date"]) == arrived + timedelta(days=14)
    assert "etter at tilsynsrapporten kom inn" in review["explanation"]
