"""Workflow definitions are data: YAML files in ``definitions/``, validated here when loaded.

A definition that does not validate stops start-up with a message naming the file and the field.
Definitions are versioned: every file is ``<key>.v<version>.yaml`` and old versions stay shipped,
because running and past instances keep the version they started with.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from app.planning.durations import Duration
from app.planning.rules import RULE_KINDS

DEFINITION_DIR = Path(__file__).parent / "definitions"

Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]{1,62}$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
_RECURRENCE = re.compile(r"^R(\d*)/(.+)$")


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleRef(Frozen):
    """A value taken from the rule set, e.g. ``{rule: follow_up_visits_per_year}``."""

    rule: str

    @field_validator("rule")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in RULE_KINDS:
            raise ValueError(f"unknown rule '{value}' (known: {', '.join(sorted(RULE_KINDS))})")
        return value


def _duration(value: Any) -> Any:
    if isinstance(value, str):
        Duration.parse(value)
    return value


DurationSpec = Annotated[str | RuleRef, Field(description="ISO 8601 duration or {rule: name}")]


class Anchor(StrEnum):
    PLACEMENT_START = "placement_start"
    AGREEMENT_END = "agreement_end"
    CHILD_18 = "child_18"  # the child's 18th birthday
    WORKFLOW_START = "workflow_start"
    STEP_COMPLETED = "step_completed"  # each completion of ``step``


class Until(StrEnum):
    PLACEMENT_END = "placement_end"
    CHILD_18 = "child_18"
    AGREEMENT_END = "agreement_end"
    WORKFLOW_END = "workflow_end"  # the workflow's start plus its definition's ``lasts``


class Recurrence(Frozen):
    """Repeat every ``every`` (``count`` times, or while before ``until``).

    Shorthand ``R6/P1M`` is six times a month apart; ``R/P1Y`` yearly until ``until``.
    ``reduced_every`` applies from a recorded reduction on (follow-up visits after two years).
    """

    every: DurationSpec
    count: int | None = Field(default=None, ge=1, le=200)
    until: Until = Until.PLACEMENT_END
    reduced_every: DurationSpec | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, str):
            match = _RECURRENCE.match(value)
            if match is None:
                raise ValueError(f"'{value}' is not a recurrence such as R6/P1M or R/P1Y")
            count, every = match.groups()
            return {"every": every, "count": int(count) if count else None}
        return value

    @field_validator("every", "reduced_every")
    @classmethod
    def _valid_duration(cls, value: Any) -> Any:
        return _duration(value)


class Role(StrEnum):
    CONTACT_PERSON = "contact_person"
    LEADER = "leader"
    SUPERVISOR = "supervisor"


class NoLaterThan(Frozen):
    """A forward series that must also meet a deadline: in each period of ``anchor`` (an
    agreement), one occurrence falls no later than ``before`` the anchor's date.

    If no occurrence falls in the interval before that deadline, the first one after it is
    pulled back to it (none is added). If the anchor lies less than ``before`` after the
    placement's start, that occurrence is due at once and goes to ``short_role``.
    """

    anchor: Literal[Anchor.AGREEMENT_END] = Anchor.AGREEMENT_END
    before: DurationSpec
    short_role: Role | None = None

    @field_validator("before")
    @classmethod
    def _valid_duration(cls, value: Any) -> Any:
        return _duration(value)


class Shift(StrEnum):
    """Where a due date on a closed day moves."""

    EARLIER = "earlier"  # a deadline: met on the working day before
    LATER = "later"  # an early contact: held on the working day after, never before its day


class DueRule(Frozen):
    anchor: Anchor
    step: Key | None = Field(default=None, description="For anchor step_completed.")
    from_field: Key | None = Field(
        default=None,
        description="For anchor step_completed: a date field of that step's form whose answer is "
        "the anchor (the day the report arrived), instead of the day the step was completed.",
    )
    offset: DurationSpec = "P0D"
    negate_rule: bool = Field(
        default=False, description="Subtract a rule's duration (e.g. five months *before*)."
    )
    recurrence: Recurrence | None = None
    window_before: str | None = Field(default=None, description="Earliest sensible start.")
    no_later_than: NoLaterThan | None = None
    anchor_text: Text | None = Field(
        default=None,
        description="What the anchor is, in the words an explanation uses after 'etter at' "
        "(tilsynsrapporten ble mottatt); defaults to the anchor's own words.",
    )
    shift: Shift = Field(
        default=Shift.EARLIER,
        description="Off a weekend or holiday: earlier (deadlines) or later (early contacts).",
    )

    @field_validator("offset", "window_before")
    @classmethod
    def _valid_duration(cls, value: Any) -> Any:
        return _duration(value)

    @model_validator(mode="after")
    def _step_anchor(self) -> DueRule:
        if (self.anchor is Anchor.STEP_COMPLETED) != (self.step is not None):
            raise ValueError("'step' is required with anchor step_completed, and only with it")
        if self.from_field is not None and self.anchor is not Anchor.STEP_COMPLETED:
            raise ValueError("'from_field' goes only with anchor step_completed")
        if self.anchor is Anchor.STEP_COMPLETED and self.recurrence is not None:
            raise ValueError("a step anchored on another step's completion cannot recur")
        if self.no_later_than is not None:
            forward = self.recurrence is not None and not (
                isinstance(self.recurrence.every, str) and self.recurrence.every.startswith("-")
            )
            if not forward:
                raise ValueError("'no_later_than' needs a forward recurrence")
        return self


class FieldType(StrEnum):
    TEXT = "text"
    DATE = "date"
    BOOLEAN = "boolean"
    INTEGER = "integer"
    CHOICE = "choice"
    MULTICHOICE = "multichoice"


class FormField(Frozen):
    key: Key
    label: Text
    type: FieldType
    required: bool = False
    choices: list[Key] | None = None
    help: Text | None = None

    @model_validator(mode="after")
    def _choices(self) -> FormField:
        has_choices = self.type in (FieldType.CHOICE, FieldType.MULTICHOICE)
        if has_choices != bool(self.choices):
            raise ValueError("choice fields need 'choices'; other fields must not have them")
        return self


class NextWorkflow(Frozen):
    """The workflow a decision's outcome starts (the tribunal case after "fremme for nemnda")."""

    workflow: Key
    start_text: Text = Field(
        description="What the new workflow counts from, after 'etter at' (lederen besluttet å "
        "fremme saken for nemnda)."
    )
    from_field: Key | None = Field(
        default=None,
        description="A date field of the decision's form the new workflow counts from (the day "
        "the child moved home); without it, the decision's day.",
    )
    first_due: DurationSpec | None = Field(
        default=None,
        description="The new workflow's first step is due this long after its start, instead of "
        "its usual offset (a new assessment now, not a year away).",
    )
    when_rule: str | None = Field(
        default=None,
        description="A switch in the rule set that must be on (a provision adopted but not yet "
        "in force); off, the outcome starts nothing.",
    )

    @field_validator("first_due")
    @classmethod
    def _valid_duration(cls, value: Any) -> Any:
        return _duration(value)

    @field_validator("when_rule")
    @classmethod
    def _a_switch(cls, value: str | None) -> str | None:
        if value is not None and RULE_KINDS.get(value) != "switch":
            raise ValueError(f"'{value}' is not a switch in the rule set")
        return value


class Outcome(Frozen):
    key: Key
    label: Text
    requires: list[Key] = Field(default_factory=list, description="Fields this outcome needs.")
    restarts: bool = Field(
        default=False,
        description="The workflow starts again from the decision date; its first step's offset "
        "says when the next run is due.",
    )
    starts: NextWorkflow | None = Field(
        default=None, description="Another workflow this outcome starts."
    )
    continues: bool = Field(
        default=False,
        description="The workflow goes on: a conclusion of a recurring step (a measures-plan "
        "evaluation that continues the measure) leaves the next occurrences planned instead of "
        "closing the workflow.",
    )

    @model_validator(mode="after")
    def _one_next(self) -> Outcome:
        if sum((self.restarts, self.starts is not None, self.continues)) > 1:
            raise ValueError(
                f"outcome '{self.key}' either restarts, starts another workflow or continues"
            )
        return self


PLAN_KINDS = ("care_plan", "measures_plan", "follow_up_plan", "parents_follow_up_plan")
PARTICIPATION_FIELDS = ("barnet_deltok", "foreldrene_deltok", "fosterhjemmet_deltok")


class PlanStep(Frozen):
    """The step is about one of the placement's plans (``app/plans/``).

    ``made``: completing the step needs a plan of ``kind`` registered on the placement (the
    step makes or revises it). ``review``: completing it records a review on the current plan
    of ``kind``, dated from ``date_field``, with who took part (the form's boolean fields
    ``barnet_deltok``, ``foreldrene_deltok`` and ``fosterhjemmet_deltok``) and the conclusion
    (the chosen outcome: a review step has outcomes, and a recurring one's continue it).
    """

    kind: Literal["care_plan", "measures_plan", "follow_up_plan", "parents_follow_up_plan"]
    records: Literal["made", "review"]
    date_field: Key


class Step(Frozen):
    key: Key
    title: Text
    guidance: Text
    responsible: Role
    due: DueRule
    legal_basis: Text | None = Field(default=None, description="Overrides the workflow's.")
    form: list[FormField] = Field(default_factory=list)
    templates: list[Key] = Field(default_factory=list)
    outcomes: list[Outcome] | None = None
    household_title: Text | None = Field(
        default=None,
        description="In a workflow planned per parent household, the task's title with "
        "'{foreldre}' where the parents' names go (Oppfølgingssamtale med {foreldre}); "
        "without it, the title followed by the names.",
    )
    plan: PlanStep | None = Field(
        default=None, description="The step makes, revises or reviews one of the plans."
    )
    counts_as_visit: Key | None = Field(
        default=None,
        description="The step is a visit to the child in the foster home that counts towards "
        "the follow-up visits the law requires (Omsorgspakken's home visits too); the value is "
        "the form field holding the visit's date.",
    )

    @model_validator(mode="after")
    def _household_title(self) -> Step:
        if self.household_title is not None and "{foreldre}" not in self.household_title:
            raise ValueError(f"step '{self.key}': household_title must contain '{{foreldre}}'")
        return self

    def title_for(self, parents: str | None) -> str:
        """The task's title for the parents it concerns (the step's own title for none)."""
        if parents is None:
            return self.title
        if self.household_title is not None:
            return self.household_title.replace("{foreldre}", parents)
        return f"{self.title} – {parents}"

    def parents_in(self, title: str) -> str | None:
        """The parents' names in a title :meth:`title_for` made (None if it holds none)."""
        before, _, after = (self.household_title or f"{self.title} – {{foreldre}}").partition(
            "{foreldre}"
        )
        if title == self.title or not (title.startswith(before) and title.endswith(after)):
            return None
        return title[len(before) : len(title) - len(after)] or None

    @model_validator(mode="after")
    def _form_and_outcomes(self) -> Step:
        keys = [f.key for f in self.form]
        if len(keys) != len(set(keys)):
            raise ValueError(f"step '{self.key}' has duplicate form fields")
        if self.counts_as_visit is not None:
            dated = self.field(self.counts_as_visit)
            if dated is None or dated.type is not FieldType.DATE:
                raise ValueError(f"step '{self.key}': counts_as_visit must name a date field")
        for outcome in self.outcomes or []:
            source = None if outcome.starts is None else outcome.starts.from_field
            if source is not None:
                dated = self.field(source)
                if dated is None or dated.type is not FieldType.DATE:
                    raise ValueError(f"outcome '{outcome.key}': from_field must be a date field")
                if source not in outcome.requires:
                    raise ValueError(f"outcome '{outcome.key}' must require its from_field")
        for outcome in self.outcomes or []:
            unknown = set(outcome.requires) - set(keys)
            if unknown:
                raise ValueError(f"outcome '{outcome.key}' requires unknown fields {unknown}")
        if self.plan is not None:
            self._plan_fields(self.plan)
        return self

    def _plan_fields(self, plan: PlanStep) -> None:
        dated = self.field(plan.date_field)
        if dated is None or dated.type is not FieldType.DATE or not dated.required:
            raise ValueError(f"step '{self.key}': plan.date_field must name a required date field")
        if plan.records == "made":
            return
        for key in PARTICIPATION_FIELDS:
            found = self.field(key)
            if found is None or found.type is not FieldType.BOOLEAN or not found.required:
                raise ValueError(
                    f"step '{self.key}': a plan review needs the required yes/no {key}"
                )
        if not self.outcomes:
            raise ValueError(f"step '{self.key}': a plan review ends in one of its outcomes")

    def field(self, key: str) -> FormField | None:
        return next((f for f in self.form if f.key == key), None)


class Starts(StrEnum):
    ON_PLACEMENT = "on_placement"
    ON_REQUEST = "on_request"


class Definition(Frozen):
    key: Key
    version: int = Field(ge=1)
    title: Text
    description: Text
    rationale: Text = Field(description="Why the schedule looks the way it does.")
    programme: Text = Field(description="The programme or law the workflow implements.")
    legal_basis: Text
    starts: Starts
    legal_bases: list[Literal["care_order", "voluntary", "emergency"]] | None = Field(
        default=None, description="Start automatically only for these legal bases."
    )
    foster_home_kinds: list[Literal["ordinary", "kinship", "emergency"]] | None = Field(
        default=None, description="Start automatically only for placements in these kinds of home."
    )
    new_homes_only: bool = Field(
        default=False,
        description="Start automatically only for a foster home's first placement (new foster "
        "parents).",
    )
    adjustable: bool = Field(
        default=False, description="A service may adjust step offsets or switch steps off."
    )
    starts_at_move: bool = Field(
        default=False,
        description="A care-order workflow that counts from the move even when the care order "
        "came earlier (the care plan is made before the move), not from the tribunal's decision; "
        "after an emergency or voluntary placement became a care order it counts from the "
        "decision, like the others.",
    )
    after_placement: bool = Field(
        default=False,
        description="Goes on after the placement ends (the tribunal case, the follow-up after "
        "the child moved home): the end neither cuts its plan nor closes it.",
    )
    outlives_legal_basis: bool = Field(
        default=False,
        description="Keeps running when the placement's legal basis changes (the approval due "
        "after an urgent move to the family's network is still due once the emergency decision "
        "becomes a care order); ``legal_bases`` only says when it starts.",
    )
    lasts: DurationSpec | None = Field(
        default=None,
        description="The workflow ends this long after its start (recurrences 'until: "
        "workflow_end').",
    )
    instead_of: Key | None = Field(
        default=None,
        description="Runs instead of that workflow for a child whose last decision in the two "
        "led here (after the reunification goal was given up, a new placement continues the "
        "regular assessment, not the return-home funnel).",
    )
    restart_text: Text | None = Field(
        default=None,
        description="What a restarted run counts from, after 'etter at' (forrige jevnlige "
        "vurdering ble avsluttet).",
    )
    optional: bool = Field(
        default=False,
        description="A programme, not the law: a service may have it start only on request "
        "instead of with every placement it applies to.",
    )
    start_text: Text | None = Field(
        default=None,
        description="What the workflow's start is, after 'etter at' (foreldrene takket ja), "
        "for one started on request.",
    )
    per_parent_household: bool = Field(
        default=False,
        description="Planned once per household of the child's parents who want follow-up and "
        "have not declined (parents who live together are one household); while no parent is "
        "registered, once for the parents together.",
    )
    steps: list[Step] = Field(min_length=1)
    upgrades: list[int] = Field(
        default_factory=list,
        description="Running instances of these older versions move to this one at their next "
        "re-plan: each stored task takes the occurrence of this version nearest its date.",
    )
    upgrade_reason: Text | None = Field(
        default=None, description="Why, in Norwegian: recorded on every task the move changes."
    )

    @model_validator(mode="after")
    def _upgrade(self) -> Definition:
        if bool(self.upgrades) != (self.upgrade_reason is not None):
            raise ValueError("'upgrades' and 'upgrade_reason' go together")
        if any(v >= self.version for v in self.upgrades):
            raise ValueError("a definition upgrades only older versions of itself")
        return self

    @model_validator(mode="after")
    def _ends(self) -> Definition:
        bounded = any(
            s.due.recurrence is not None and s.due.recurrence.until is Until.WORKFLOW_END
            for s in self.steps
        )
        if bounded and self.lasts is None:
            raise ValueError("'until: workflow_end' needs the definition's 'lasts'")
        return self

    @model_validator(mode="after")
    def _graph(self) -> Definition:
        keys = [s.key for s in self.steps]
        if len(keys) != len(set(keys)):
            raise ValueError("step keys must be unique")
        depends = {s.key: s.due.step for s in self.steps if s.due.step is not None}
        for key, target in depends.items():
            if target not in keys:
                raise ValueError(f"step '{key}' is anchored on unknown step '{target}'")
        for s in self.steps:
            if s.due.from_field is not None and s.due.step in keys:
                dates = {f.key for f in self.step(s.due.step).form if f.type is FieldType.DATE}
                if s.due.from_field not in dates:
                    raise ValueError(
                        f"step '{s.key}' counts from '{s.due.from_field}', which is not a date "
                        f"field of step '{s.due.step}'"
                    )
        for start in depends:
            seen, current = {start}, depends.get(start)
            while current is not None:
                if current in seen:
                    raise ValueError(f"steps form a cycle through '{current}'")
                seen.add(current)
                current = depends.get(current)
        return self

    def step(self, key: str) -> Step:
        return next(s for s in self.steps if s.key == key)

    @property
    def ident(self) -> tuple[str, int]:
        return (self.key, self.version)


class DefinitionError(RuntimeError):
    """A shipped definition is broken: the service must not start."""


class Catalogue:
    """Every shipped definition, by key and version."""

    def __init__(self, definitions: list[Definition]) -> None:
        self._by_ident = {d.ident: d for d in definitions}
        self._latest: dict[str, Definition] = {}
        for d in sorted(definitions, key=lambda d: d.version):
            self._latest[d.key] = d

    def latest(self, key: str) -> Definition | None:
        return self._latest.get(key)

    def get(self, key: str, version: int) -> Definition:
        return self._by_ident[(key, version)]

    def all_latest(self) -> list[Definition]:
        return sorted(self._latest.values(), key=lambda d: d.key)

    def versions(self, key: str) -> list[int]:
        return sorted(v for k, v in self._by_ident if k == key)


def load_catalogue(directory: Path = DEFINITION_DIR) -> Catalogue:
    definitions: list[Definition] = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            definition = Definition.model_validate(raw)
        except (yaml.YAMLError, ValidationError) as error:
            raise DefinitionError(f"workflow definition {path.name} is invalid:\n{error}") from None
        expected = f"{definition.key}.v{definition.version}.yaml"
        if path.name != expected:
            raise DefinitionError(f"{path.name} must be named {expected}")
        definitions.append(definition)
    if not definitions:
        raise DefinitionError(f"no workflow definitions in {directory}")
    keys = {d.key for d in definitions}
    for definition in definitions:
        for step in definition.steps:
            for outcome in step.outcomes or []:
                if outcome.starts is not None and outcome.starts.workflow not in keys:
                    raise DefinitionError(
                        f"{definition.key} v{definition.version}: outcome '{outcome.key}' starts "
                        f"unknown workflow '{outcome.starts.workflow}'"
                    )
    return Catalogue(definitions)


@lru_cache
def catalogue() -> Catalogue:
    """The shipped definitions; loaded (and validated) once, at start-up."""
    return load_catalogue()
