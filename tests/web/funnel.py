"""A return-home assessment walked to the leader's decision, for the web tests."""

from __future__ import annotations

from typing import Any

from tests.helpers import Case
from tests.workflows import test_workflows_api as workflows_api

# Its helpers walk a funnel to the decision (imported as a module: pytest collects Test* names).
FUNNEL = workflows_api.TestTheReturnHomeFunnel()


def funnel_id(case: Case) -> str:
    return FUNNEL.funnel(case)


def walked_to_decision(case: Case) -> tuple[str, dict[str, Any]]:
    """The case's running assessment with its five stages completed (by the contact person,
    over the API), and its open decision task."""
    workflow_id = FUNNEL.funnel(case)
    return workflow_id, FUNNEL.walk_to_decision(case, workflow_id)
