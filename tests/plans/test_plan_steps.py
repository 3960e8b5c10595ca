"""A plan step and a continuing outcome are validated when a definition loads (pure), and a
placement's plan dates are listed for the year wheel."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app.placements.models import Placement
from app.planning.definitions import PLAN_KINDS, Definition, Outcome, load_catalogue
from app.plans.models import PlanKind
from app.plans.service import plan_dates
from app.principal import Grant, Principal, Role
from tests.helpers import Api, case_started, day, ok
from tests.plans.test_plans_api import REVIEW, plan_body, plans_url, register
from tests.workflows.test_definitions import minimal
from tests.workflows.test_workflows_api import complete, tasks_of


def review_step(**plan: Any) -> dict[str, Any]:
    raw = minimal()
    step = raw["steps"][1]
    step["plan"] = {"kind": "care_plan", "records": "review", "date_field": "dato", **plan}
    step["form"] = [
        {"key": "dato", "label": "Dato", "type": "date", "required": True},
        *(
            {"key": key, "label": key, "type": "boolean", "required": True}
            for key in ("barnet_deltok", "foreldrene_deltok", "fosterhjemmet_deltok")
        ),
    ]
    return raw


def test_a_plan_review_step_loads_with_its_date_and_participation_fields() -> None:
    definition = Definition.model_validate(review_step())
    step = definition.step("andre")
    assert step.plan is not None
    assert (step.plan.kind, step.plan.records) == ("care_plan", "review")


def test_a_plan_review_step_needs_the_participation_fields() -> None:
    raw = review_step()
    raw["steps"][1]["form"] = raw["steps"][1]["form"][:2]
    with pytest.raises(ValidationError, match="needs the required yes/no foreldrene_deltok"):
        Definition.model_validate(raw)


def test_a_plan_review_step_ends_in_an_outcome() -> None:
    raw = review_step()
    del raw["steps"][1]["outcomes"]
    with pytest.raises(ValidationError, match="ends in one of its outcomes"):
        Definition.model_validate(raw)


def test_a_plan_steps_date_field_is_a_required_date() -> None:
    with pytest.raises(ValidationError, match=r"plan\.date_field must name a required date"):
        Definition.model_validate(review_step(date_field="barnet_deltok"))


def test_an_outcome_either_continues_restarts_or_starts_another_workflow() -> None:
    with pytest.raises(ValidationError, match="either restarts, starts another workflow or"):
        Outcome.model_validate(
            {"key": "videre", "label": "Videre", "continues": True, "restarts": True}
        )


def test_every_shipped_review_step_of_a_recurring_plan_continues_but_ending_the_measure() -> None:
    catalogue = load_catalogue()
    evaluation = catalogue.latest("tiltaksplan")
    assert evaluation is not None
    outcomes = {o.key: o.continues for o in evaluation.step("evaluering").outcomes or []}
    assert outcomes == {
        "fortsette": True,
        "nye_tiltak": True,
        "grunnlag_for_omsorgsovertakelse": True,
        "avslutte": False,
    }
    care = catalogue.latest("omsorgsplan")
    assert care is not None
    assert care.starts_at_move
    assert all(o.continues for o in care.step("gjennomgang").outcomes or [])


def test_plan_dates_list_each_adoption_end_and_review_by_date(
    api: Api, connection: Connection
) -> None:
    case = case_started(api, day(-3), legal_basis="voluntary")
    body = {"kind": "measures_plan", "stage": None, "valid_until": day(200).isoformat()}
    plan = ok(register(case, **body), 201)
    follow_up = plan_body(kind="follow_up_plan", stage=None)
    ok(case.tenant.contact.post(plans_url(case), json=follow_up), 201)
    evaluation = tasks_of(case, "tiltaksplan", "evaluering")[0]
    answers = {**REVIEW, "dato": day(0).isoformat()}
    ok(complete(case.tenant.contact, evaluation["id"], answers, outcome="nye_tiltak"))
    service_id = uuid.UUID(case.tenant.service_id)
    leader = Principal(subject="leder", grants={service_id: Grant(Role.LEADER)}, scopes=frozenset())

    with Session(bind=connection) as session:
        placement = session.get_one(Placement, uuid.UUID(case.placement["id"]))
        found = plan_dates(session, leader, placement)

    assert [(d.what, d.on.isoformat()) for d in found] == [
        ("adopted", day(-3).isoformat()),
        ("adopted", day(-3).isoformat()),
        ("reviewed", day(0).isoformat()),
        ("valid_until", day(200).isoformat()),
    ]
    reviewed = next(d for d in found if d.what == "reviewed")
    assert str(reviewed.plan_id) == plan["id"]
    assert reviewed.title.startswith("Tiltaksplan gjennomgått: Nye eller endrede tiltak")


def test_the_plan_kinds_a_step_may_name_are_the_plans_domain_kinds() -> None:
    assert tuple(kind.value for kind in PlanKind) == PLAN_KINDS
