"""A rule kind added to the engine never turns a rule set published before it into a 500
(issue #19 item 7): the missing rule comes from the shipped version, and the rule set says so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from app.workflows.models import RuleSetVersion
from tests.helpers import Api, case_started, day, ok
from tests.workflows.test_workflows_api import publish, published_values, tasks_of


@pytest.fixture
def session(connection: Connection) -> Iterator[Session]:
    with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
        yield session


def test_a_rule_set_published_before_a_rule_kind_existed_takes_that_rule_from_the_shipped_one(
    api: Api, session: Session
) -> None:
    published = ok(publish(api, published_values(api, follow_up_visits_per_year=6)), 201)
    row = session.scalars(
        select(RuleSetVersion).where(RuleSetVersion.number == published["version"])
    ).one()
    # As stored before the engine knew the first evaluation's rule, with a retired rule besides.
    values = {k: v for k, v in row.values.items() if k != "annual_evaluation_first_after"}
    values["retired_rule"] = {**values["visit_reduction_after"]}
    # … and before rules stated their provenance.
    values = {k: {f: v for f, v in rule.items() if f != "provenance"} for k, rule in values.items()}
    row.values = values
    session.flush()

    current = ok(api.admin.get("/v1/rule-sets/current"))

    assert current["version"] == published["version"]
    assert current["from_shipped"] == ["annual_evaluation_first_after"]
    assert current["values"]["annual_evaluation_first_after"]["value"] == "P1Y"
    assert "retired_rule" not in current["values"]
    assert current["values"]["follow_up_visits_per_year"]["value"] == 6
    assert current["values"]["follow_up_visits_per_year"]["provenance"] == "law"
    assert current["values"]["parent_conversations_per_year"]["provenance"] == "local_routine"
    case = case_started(api, day(-3))
    (first, *_) = sorted(tasks_of(case, "arlig-evaluering"), key=lambda t: t["occurrence"])
    assert "annual_evaluation_first_after=P1Y" in first["rule"]
    assert f"(rule set v{published['version']})" in first["rule"]


def test_a_stored_rule_in_an_outdated_form_is_taken_from_the_shipped_one(
    api: Api, session: Session
) -> None:
    published = ok(publish(api, published_values(api)), 201)
    row = session.scalars(
        select(RuleSetVersion).where(RuleSetVersion.number == published["version"])
    ).one()
    row.values = {
        **row.values,
        "visit_reduction_after": {**row.values["visit_reduction_after"], "value": 24},
    }
    session.flush()

    current = ok(api.admin.get("/v1/rule-sets/current"))

    assert current["from_shipped"] == ["visit_reduction_after"]
    assert current["values"]["visit_reduction_after"]["value"] == "P2Y"


def test_a_complete_rule_set_takes_nothing_from_the_shipped_one(api: Api) -> None:
    ok(publish(api, published_values(api)), 201)
    assert ok(api.admin.get("/v1/rule-sets/current"))["from_shipped"] == []
