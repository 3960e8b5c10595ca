"""Running annual evaluations of version 1 move to version 2 at their next re-plan (review §2.2).

Version 1 counted backwards from the agreement's end and keyed each evaluation by its distance
from it, so a renewal lost the evaluation that mattered. A placement that ran version 1 is set up
here the way version 1 left it (its tasks as version 1 planned them), then changed over HTTP as a
client would: the move to version 2 keeps what was completed, moves what is open and plans the
evaluation the new agreement needs.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from sqlalchemy import Connection, delete, select
from sqlalchemy.orm import Session

from app.children.models import Child
from app.placements.models import Placement
from app.planning.definitions import catalogue
from app.planning.engine import Facts, plan
from app.planning.rules import shipped_rule_set
from app.tasks.models import Task, TaskChange, TaskStatus
from app.workflows.models import WorkflowInstance
from app.workflows.service import _new_task
from tests.helpers import Api, Case, case_started, day, ok, parse
from tests.workflows.test_workflows_api import changes_of, patch, tasks_of

V1 = catalogue().get("arlig-evaluering", 1)
V2 = catalogue().get("arlig-evaluering", 2)


@pytest.fixture
def session(connection: Connection) -> Iterator[Session]:
    with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
        yield session


def as_version_1(session: Session, case: Case) -> WorkflowInstance:
    """Put the placement's annual evaluation back as version 1 planned it."""
    placement = session.get_one(Placement, uuid.UUID(case.placement["id"]))
    child = session.get_one(Child, placement.child_id)
    instance = session.scalars(
        select(WorkflowInstance).where(
            WorkflowInstance.placement_id == placement.id,
            WorkflowInstance.definition_key == "arlig-evaluering",
        )
    ).one()
    tasks = list(session.scalars(select(Task).where(Task.instance_id == instance.id)))
    session.execute(delete(TaskChange).where(TaskChange.task_id.in_([t.id for t in tasks])))
    for task in tasks:
        session.delete(task)
    session.flush()
    instance.definition_version = 1
    facts = Facts(
        placement_start=placement.start_date,
        child_birth=child.birth_date,
        workflow_start=instance.workflow_start,
        horizon=placement.start_date + relativedelta(years=3),
        agreement_end=placement.agreement_end_date,
        not_before=instance.planned_from,
    )
    rules = shipped_rule_set()
    for item in plan(V1, facts, rules):
        session.add(_new_task(instance, placement, V1, item, rules))
    session.flush()
    return instance


def evaluations(case: Case) -> list[dict[str, Any]]:
    return sorted(tasks_of(case, "arlig-evaluering"), key=lambda t: t["due_date"])


class TestARunningVersion1EvaluationMovesToVersion2:
    def setup(self, api: Api, session: Session) -> tuple[Case, WorkflowInstance]:
        # Eighteen months: version 1 planned one evaluation a month after the move (13 months
        # before the deadline) and one five months before the end.
        start = day(-3)
        case = case_started(
            api, start, agreement_end_date=(start + relativedelta(months=18)).isoformat()
        )
        instance = as_version_1(session, case)
        early = session.scalars(
            select(Task).where(Task.instance_id == instance.id).order_by(Task.due_date)
        ).first()
        assert early is not None
        assert early.occurrence == 1
        early.status = TaskStatus.COMPLETED
        early.completed_at = datetime.now(UTC)
        session.flush()
        return case, instance

    def test_a_renewal_keeps_the_completed_evaluation_and_plans_the_years_that_now_matter(
        self, api: Api, session: Session
    ) -> None:
        case, instance = self.setup(api, session)
        start = parse(case.placement["start_date"])
        before = evaluations(case)
        assert [t["status"] for t in before] == ["completed", "open"]

        renewed = start + relativedelta(months=33)
        ok(
            patch(
                case.tenant.leader,
                f"/v1/placements/{case.placement['id']}",
                {"agreement_end_date": renewed.isoformat()},
            )
        )

        after = evaluations(case)
        workflow = ok(case.tenant.leader.get(f"/v1/workflows/{instance.id}"))
        assert workflow["definition_version"] == V2.version
        done = next(t for t in after if t["id"] == before[0]["id"])
        assert (done["status"], done["due_date"]) == ("completed", before[0]["due_date"])
        open_ = [t for t in after if t["status"] == "open"]
        # The open one is now the first year's, a year after the move; the second year's is new.
        assert open_[0]["id"] == before[1]["id"]
        assert parse(open_[0]["nominal_date"]) == start + relativedelta(years=1)
        assert parse(open_[1]["nominal_date"]) == start + relativedelta(years=2)
        assert [t["occurrence"] for t in open_] == [0, 1]
        assert "innen fristen" in open_[1]["explanation"]
        for task in open_:
            reasons = [c["reason"] for c in changes_of(case.tenant.leader, task["id"])]
            assert V2.upgrade_reason in reasons
        assert V2.upgrade_reason not in [
            c["reason"] for c in changes_of(case.tenant.leader, done["id"])
        ]

    def test_a_preview_shows_the_move_to_version_2_without_saving_it(
        self, api: Api, session: Session
    ) -> None:
        case, instance = self.setup(api, session)
        start = parse(case.placement["start_date"])
        before = evaluations(case)
        url = f"/v1/placements/{case.placement['id']}"

        preview = ok(
            case.tenant.leader.post(
                f"{url}/schedule-preview",
                json={"agreement_end_date": (start + relativedelta(months=33)).isoformat()},
            )
        )

        actions = {(c["action"], c["occurrence"]) for c in preview["changes"]}
        assert ("moved", 0) in actions
        assert ("created", 1) in actions
        assert ok(case.tenant.leader.get(f"/v1/workflows/{instance.id}"))["definition_version"] == 1
        assert evaluations(case) == before
