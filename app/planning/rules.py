"""Versioned rule sets: the numbers that come from law, kept out of code.

The shipped version lives in ``rule_sets/``; newer versions published by an admin are stored in the
database (``rule_set_versions``). Each value says what it means, where it comes from and whether it
is confirmed, and every computed deadline records the version that produced it.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from app.planning.durations import Duration

RULE_SET_DIR = Path(__file__).parent / "rule_sets"
RULE_SET_KEY = "barnevern"

# The rules the engine knows, and the kind of value each takes.
RULE_KINDS: dict[str, str] = {
    "follow_up_visits_per_year": "per_year",
    "follow_up_visits_reduced_per_year": "per_year",
    "visit_reduction_after": "duration",
    "supervision_visits_per_year": "per_year",
    "supervision_first_after": "duration",
    "supervision_report_review_within": "duration",
    "annual_evaluation_first_after": "duration",
    "annual_evaluation_before_agreement_end": "duration",
    "parent_conversations_per_year": "per_year",
    "return_home_review_interval": "duration",
    "tribunal_case_prepared_within": "duration",
    "return_home_follow_up_in_force": "switch",
    "return_home_follow_up_duration": "duration",
    "return_home_follow_up_every": "duration",
    "voluntary_parent_meetings_per_year": "per_year",
    "bunched_deadlines_per_day": "count",
    # contact visits (samvær)
    "contact_visit_plan_within": "duration",
    "contact_visit_arrangement_review_every": "duration",
    "contact_visit_report_review_within": "duration",
    "network_emergency_approval_within": "duration",
    # plans (app/plans/) and their reviews
    "care_plan_foster_home_review_within": "duration",
    "care_plan_first_review_after": "duration",
    "care_plan_review_interval": "duration",
    "measures_plan_evaluation_interval": "duration",
    "follow_up_plan_first_within": "duration",
    "follow_up_plan_revision_interval": "duration",
    "other_children_conversation_within": "duration",
    # inter-municipal teams' orders (app/teams/steps.py)
    "team_order_call_back_within": "duration",
    "team_order_urgent_call_back_within": "duration",
    "team_order_start_within": "duration",
    # the teams' cost key (app/teams/cost_key.py)
    "team_group_fixed_key_percent": "percent",
}


class Provenance(StrEnum):
    """Where a rule comes from; an explanation never presents a local routine as law."""

    LAW = "law"  # a statute or regulation (lov, forskrift)
    NATIONAL_GUIDANCE = "national_guidance"  # Bufdir's or the ministry's guidance
    LOCAL_ROUTINE = "local_routine"  # the service's own routine, often a learning network's

    @property
    def norwegian(self) -> str:
        return {
            Provenance.LAW: "lov eller forskrift",
            Provenance.NATIONAL_GUIDANCE: "nasjonal veiledning",
            Provenance.LOCAL_ROUTINE: "tjenestens rutine",
        }[self]


class RuleValue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    value: bool | int | str
    text: Annotated[str, StringConstraints(min_length=1, max_length=300)] = Field(
        description="What the rule says, in Norwegian (shown in task explanations)."
    )
    source: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    provenance: Provenance | None = Field(
        default=None,
        description="law, national_guidance or local_routine. Left out, the shipped rule's.",
    )
    confirmed: bool = Field(
        description="True once the value has been checked against its source (the law text "
        "on Lovdata, the guidance, or the routine's document); false while it still needs it."
    )


class RuleSetValues(BaseModel):
    """The values of one rule-set version: every known rule, each of the right kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    values: dict[str, RuleValue]

    @model_validator(mode="after")
    def _complete_and_typed(self) -> RuleSetValues:
        problems = rule_problems(self.values)
        if problems:
            raise ValueError("; ".join(f"{key}: {detail}" for key, detail in problems))
        return self


def rule_problems(values: dict[str, RuleValue]) -> list[tuple[str, str]]:
    """(rule, problem) for every missing, unknown or wrongly typed rule."""
    problems = [(key, "missing rule") for key in sorted(set(RULE_KINDS) - set(values))]
    problems += [(key, "unknown rule") for key in sorted(set(values) - set(RULE_KINDS))]
    for key, rule in values.items():
        kind = RULE_KINDS.get(key)
        if kind == "per_year":
            if not isinstance(rule.value, int) or isinstance(rule.value, bool):
                problems.append((key, "must be a whole number of times a year"))
                continue
            try:
                Duration.per_year(rule.value)
            except ValueError as error:
                problems.append((key, str(error)))
        elif kind == "count":
            if not isinstance(rule.value, int) or isinstance(rule.value, bool) or rule.value < 2:
                problems.append((key, "must be a whole number, 2 or more"))
        elif kind == "percent":
            value = rule.value
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
                problems.append((key, "must be a whole percentage from 0 to 100"))
        elif kind == "switch":
            if not isinstance(rule.value, bool):
                problems.append((key, "must be true or false"))
        elif kind == "duration":
            try:
                if not isinstance(rule.value, str) or Duration.parse(rule.value).negative:
                    raise ValueError("must be a positive ISO 8601 duration such as P5M")
            except ValueError as error:
                problems.append((key, str(error)))
    return problems


class RuleSet(RuleSetValues):
    key: str = RULE_SET_KEY
    version: int = Field(ge=1)
    valid_from: date
    title: str
    from_shipped: tuple[str, ...] = Field(
        default=(),
        description="Rules this stored version lacked (published before the engine knew them) "
        "or held in an outdated form, taken from the shipped version.",
    )

    def duration(self, key: str) -> Duration:
        """The rule as an interval: a duration as written, or ``times a year`` as P12/nM."""
        value = self.values[key].value
        if isinstance(value, bool):
            raise TypeError(f"rule '{key}' is a switch, not an interval")
        if isinstance(value, int):
            return Duration.per_year(value)
        return Duration.parse(value)

    def percent(self, key: str) -> int:
        value = self.values[key].value
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"rule '{key}' is not a percentage")
        return value

    def text(self, key: str) -> str:
        return self.values[key].text

    def switch(self, key: str) -> bool:
        """A rule that is on or off (a provision adopted but not yet in force)."""
        return self.values[key].value is True

    def provenance(self, key: str) -> Provenance:
        """The rule's provenance; a stored rule without one has the shipped rule's."""
        own = self.values[key].provenance
        if own is not None:
            return own
        shipped = shipped_rule_set().values[key].provenance
        assert shipped is not None  # every shipped rule states it (a test checks)
        return shipped

    def cited(self, key: str) -> str:
        """``Regel (tjenestens rutine): …`` as an explanation quotes the rule."""
        return f"Regel ({self.provenance(key).norwegian}): {self.text(key)}"

    def source(self, key: str) -> str:
        return self.values[key].source


def stored_rule_set(
    *, key: str, version: int, valid_from: date, title: str, values: dict[str, object]
) -> RuleSet:
    """A published version as the engine can use it today.

    A version published before a rule kind was added lacks that rule; one published before a
    kind was retired has an extra. Neither may stop planning: a missing or no longer valid rule
    is taken from the shipped version and named in ``from_shipped``; an unknown one is dropped.
    """
    shipped = shipped_rule_set()
    usable: dict[str, RuleValue] = {}
    from_shipped: list[str] = []
    for rule in RULE_KINDS:
        try:
            value = RuleValue.model_validate(values[rule])
            if rule_problems({**shipped.values, rule: value}):
                raise ValueError(rule)
        except (KeyError, ValueError):
            usable[rule] = shipped.values[rule]
            from_shipped.append(rule)
            continue
        if value.provenance is None:  # published before rules said where they come from
            value = value.model_copy(update={"provenance": shipped.values[rule].provenance})
        usable[rule] = value
    return RuleSet(
        key=key,
        version=version,
        valid_from=valid_from,
        title=title,
        values=usable,
        from_shipped=tuple(from_shipped),
    )


@lru_cache(maxsize=1)
def shipped_rule_set() -> RuleSet:
    path = RULE_SET_DIR / f"{RULE_SET_KEY}.v1.yaml"
    return RuleSet.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
