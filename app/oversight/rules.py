"""The rules compliance is counted for: every step of the shipped workflow definitions.

A rule here is not a second copy of the planning rules: it is the name of a step of
:func:`app.planning.definitions.catalogue` (``<definition key>.<step key>``), and the figures
are counted from the tasks that step planned, whose due dates the planning engine computed from
the rule set. A step that exists in an older version of a definition only is still a rule, so
tasks planned by a version no longer shipped as the latest are counted too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from app.errors import FieldError, ValidationFailed
from app.planning.definitions import catalogue

# The groups the national audit and the issue name, by definition key; a definition not named
# here is grouped as "other" (a programme of a learning network, for instance).
GROUPS: dict[str, str] = {
    "oppfolgingsbesok": "visits",
    "omsorgspakken": "visits",
    "tilsyn": "supervision",
    "arlig-evaluering": "annual_evaluation",
    "oppfolging-foreldre": "parent_follow_up",
    "samarbeid-foreldre-frivillig": "parent_follow_up",
    "omsorgsplan": "plans",
    "tiltaksplan": "plans",
    "jevnlig-vurdering": "return_home",
    "vurderingstrakt": "return_home",
    "sak-for-nemnda": "return_home",
    "oppfolging-etter-tilbakeforing": "return_home",
}


@dataclass(frozen=True)
class Rule:
    """One step of a workflow definition, as its latest version names it."""

    key: str
    definition_key: str
    step_key: str
    definition_title: str
    title: str
    programme: str
    legal_basis: str
    group: str
    decision: bool  # the step ends in one of its outcomes (a conclusion)


def rule_key(definition_key: str, step_key: str) -> str:
    return f"{definition_key}.{step_key}"


@cache
def rules() -> dict[str, Rule]:
    """Every step of every shipped definition version, by rule key, sorted."""
    found: dict[str, Rule] = {}
    shipped = catalogue()
    for latest in shipped.all_latest():
        # Newest first, so a step keeps the title of the newest version that has it.
        for version in sorted(shipped.versions(latest.key), reverse=True):
            definition = shipped.get(latest.key, version)
            for step in definition.steps:
                key = rule_key(definition.key, step.key)
                if key in found:
                    continue
                found[key] = Rule(
                    key=key,
                    definition_key=definition.key,
                    step_key=step.key,
                    definition_title=definition.title,
                    title=step.title,
                    programme=definition.programme,
                    legal_basis=step.legal_basis or definition.legal_basis,
                    group=GROUPS.get(definition.key, "other"),
                    decision=bool(step.outcomes),
                )
    return dict(sorted(found.items()))


def rule_of(key: str, *, parameter: str = "rule") -> Rule:
    """The rule ``key`` names; 422 at the query parameter for a key no definition has."""
    found = rules().get(key)
    if found is None:
        raise ValidationFailed(
            "No workflow step has this rule key; GET /v1/oversight/rules lists them.",
            errors=[
                FieldError(
                    detail="Unknown rule",
                    parameter=parameter,
                    location="query",
                    code="unknown_rule",
                )
            ],
        )
    return found
