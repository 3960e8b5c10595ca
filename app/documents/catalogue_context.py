"""Case data for three templates of the P3/P6 catalogue (issue #14 item 5): the child's
rammefortelling, the flow chart of the follow-up (*flytskjema*) and the Veien videre desk
calendar. ``context.build`` adds them under ``rammefortelling``, ``flytskjema`` and
``veien_videre``; the data dictionary describes them.

The flow chart is generated, never written by hand: its steps are the workflow definitions' steps
(the versions that run for the placement, else the newest), its times are worded from each
step's due rule with every number taken from the rule set in force, and each step is marked with
where its time comes from: law or regulation, national guidance, or the service's routine. A
step whose time is no rule of the rule set is the workflow's own plan, which is a routine, never
law.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import OSLO
from app.life_story.models import LifeStoryVersion
from app.life_story.parts import PARTS
from app.life_story.service import current_versions
from app.placements.models import Placement
from app.planning.definitions import (
    Anchor,
    Definition,
    DurationSpec,
    RuleRef,
    Starts,
    Step,
    Until,
    catalogue,
)
from app.planning.durations import WEEKDAYS_NB, Duration, norwegian_date, number
from app.planning.rules import Provenance, RuleSet
from app.tasks.models import Task, TaskStatus
from app.workflows.models import InstanceStatus, WorkflowAdjustment, WorkflowInstance
from app.workflows.service import current_rule_set

# --- the rammefortelling ------------------------------------------------------------------


def _nb(value: date | None) -> str | None:
    return value.strftime("%d.%m.%Y") if value is not None else None


# Who wrote a part, when no staff name is known (a journal system, a token without a staff id).
WRITER_NB = {
    "integration": "journalsystemet",
    "leader": "en leder i barnevernstjenesten",
    "contact_person": "kontaktpersonen",
}


def _writer(row: LifeStoryVersion) -> str:
    if row.written_by_name:
        return row.written_by_name
    return WRITER_NB.get(row.written_by_role, "barnevernstjenesten")


def life_story(session: Session, child_id: uuid.UUID) -> dict[str, Any]:
    """Every part in order with its current version: text, number, when and by whom."""
    current = current_versions(session, child_id)
    parts = []
    for part in PARTS:
        row = current.get(part.key)
        parts.append(
            {
                "nokkel": part.key,
                "tittel": part.title,
                "veiledning": part.guidance,
                "tekst": row.text if row else "",
                "versjon": row.number if row else 0,
                "skrevet": _nb(row.created_at.astimezone(OSLO).date()) if row else None,
                "skrevet_av": _writer(row) if row else None,
            }
        )
    written = [row.created_at for row in current.values()]
    last = max(written).astimezone(OSLO).date() if written else None
    return {"deler": parts, "sist_skrevet": _nb(last)}


# --- the Veien videre calendar --------------------------------------------------------------

VEIEN_VIDERE = "veien-videre"


def _weekday_date(value: date) -> str:
    """``tirsdag 5. januar 2027``."""
    return f"{WEEKDAYS_NB[value.weekday()]} {norwegian_date(value)}"


def veien_videre(session: Session, placement: Placement) -> list[dict[str, Any]]:
    """The four conversations of the placement's newest Veien videre, in order: each with its
    number, theme and date (the day it was held, once it was)."""
    instance = session.scalar(
        select(WorkflowInstance)
        .where(
            WorkflowInstance.placement_id == placement.id,
            WorkflowInstance.definition_key == VEIEN_VIDERE,
        )
        .order_by(WorkflowInstance.created_at.desc(), WorkflowInstance.id)
        .limit(1)
    )
    if instance is None:
        return []
    tasks = session.scalars(
        select(Task)
        .where(Task.instance_id == instance.id, Task.status != TaskStatus.CANCELLED)
        .order_by(Task.due_date, Task.step_key)
    )
    definition = catalogue().get(instance.definition_key, instance.definition_version)
    order = [s.key for s in definition.steps]
    out = []
    for task in tasks:
        held = (task.answers or {}).get("dato") if task.status is TaskStatus.COMPLETED else None
        day = date.fromisoformat(held) if isinstance(held, str) else task.due_date
        title = task.title
        number, _, theme = title.partition(": ")
        out.append(
            {
                "nummer": order.index(task.step_key) + 1 if task.step_key in order else None,
                "tittel": title,
                "tema": theme or number,
                "dato": _nb(day),
                "dag": _weekday_date(day),
                "holdt": task.status is TaskStatus.COMPLETED,
            }
        )
    return out


# --- the flow chart -------------------------------------------------------------------------

BEFORE, FIRST_MONTHS, EVERY_YEAR, WHEN_NEEDED, AT_THE_END = (
    "for_flyttingen",
    "forste_maaneder",
    "hvert_aar",
    "ved_behov",
    "ved_slutt",
)
MARK = {Provenance.LAW: "L", Provenance.NATIONAL_GUIDANCE: "V", Provenance.LOCAL_ROUTINE: "R"}
PROVENANCE_NB = {
    Provenance.LAW: "Lov eller forskrift",
    Provenance.NATIONAL_GUIDANCE: "Nasjonal veiledning",
    Provenance.LOCAL_ROUTINE: "Tjenestens rutine",
}
OWN_PLAN = "Tjenestens rutine (arbeidsflytens plan)"
# A noun (counted from without "at"): "tre dager etter flyttingen".
NOUN_ANCHORS = {Anchor.PLACEMENT_START: "flyttingen"}
ANCHOR_NB = {
    Anchor.AGREEMENT_END: "oppdragsavtalen utløper",
    Anchor.CHILD_18: "barnet fyller 18 år",
    Anchor.WORKFLOW_START: "arbeidsflyten startet",
}
UNTIL_NB = {
    Until.PLACEMENT_END: "",  # the usual: no need to say it
    Until.CHILD_18: "til barnet fyller 18 år",
    Until.AGREEMENT_END: "til oppdragsavtalen utløper",
    Until.WORKFLOW_END: "til oppfølgingsperioden er over",
}
STATUS_NB = {
    InstanceStatus.ACTIVE: "Går",
    InstanceStatus.COMPLETED: "Fullført",
    InstanceStatus.CLOSED: "Avsluttet",
}
YEAR_DAYS = 365


def _days(duration: Duration) -> int:
    """About how many days the duration is (signed), for ordering and the one-year line."""
    days = duration.years * YEAR_DAYS + duration.months * 30 + duration.days
    return -days if duration.negative else days


class _Chart:
    """The flow chart's rows for one rule set."""

    def __init__(self, rules: RuleSet, starts: dict[str, str]) -> None:
        self.rules = rules
        self.starts = starts  # what a workflow's start is, by key (its instance, a decision)
        self.used: list[str] = []

    def duration(self, spec: DurationSpec) -> Duration:
        if isinstance(spec, RuleRef):
            if spec.rule not in self.used:
                self.used.append(spec.rule)
            return self.rules.duration(spec.rule)
        return Duration.parse(spec)

    def rule_names(self, step: Step) -> list[str]:
        due = step.due
        specs: list[DurationSpec | None] = [due.offset]
        if due.recurrence is not None:
            specs.append(due.recurrence.every)
        if due.no_later_than is not None:
            specs.append(due.no_later_than.before)
        return [s.rule for s in specs if isinstance(s, RuleRef)]

    def mark(self, step: Step) -> str:
        """The basis as the chart's letters: L (law), V (guidance), R (routine), e.g. ``L, R``."""
        found = {self.rules.provenance(name) for name in self.rule_names(step)}
        return (
            ", ".join(MARK[p] for p in Provenance if p in found) or MARK[Provenance.LOCAL_ROUTINE]
        )

    def basis(self, step: Step) -> str:
        """Where the step's time comes from: its rules' provenance, or the workflow's plan."""
        names = self.rule_names(step)
        if not names:
            return OWN_PLAN
        found = {self.rules.provenance(name) for name in names}
        labels = [PROVENANCE_NB[p] for p in Provenance if p in found]  # law first
        return " og ".join([labels[0], *(label.lower() for label in labels[1:])])

    def anchor_text(self, definition: Definition, step: Step) -> str:
        due = step.due
        if due.anchor_text is not None:
            return due.anchor_text
        if due.anchor is Anchor.STEP_COMPLETED:
            target = definition.step(due.step) if due.step else None
            return f"«{target.title if target else due.step}» er gjort"
        if due.anchor is Anchor.WORKFLOW_START:
            start = self.starts.get(definition.key) or definition.start_text
            if start:
                return start
        # An anchor added later without words here still reads, if plainly.
        return ANCHOR_NB.get(due.anchor, due.anchor.value.replace("_", " "))

    def when(self, definition: Definition, step: Step) -> str:
        due = step.due
        offset = self.duration(due.offset)
        if due.negate_rule:
            offset = Duration(offset.years, offset.months, offset.days, not offset.negative)
        noun = NOUN_ANCHORS.get(due.anchor) if due.anchor_text is None else None
        anchor = noun or self.anchor_text(definition, step)
        if offset.is_zero:
            text = f"samme dag som {anchor}"
        elif offset.negative:
            text = f"{offset.norwegian()} før {anchor}"
        else:
            text = f"{offset.norwegian()} etter {'' if noun else 'at '}{anchor}"
        recurrence = due.recurrence
        if recurrence is not None:
            every = self.duration(recurrence.every)
            if recurrence.count is not None:
                times = number(recurrence.count)
                text += f", deretter {every.every_norwegian()}, {times} ganger i alt"
            else:
                until = UNTIL_NB.get(recurrence.until, "")
                text += f", deretter {every.every_norwegian()}{' ' + until if until else ''}"
            if isinstance(recurrence.every, RuleRef):
                text += f" ({self.rules.text(recurrence.every.rule)})"
        if due.no_later_than is not None:
            before = self.duration(due.no_later_than.before)
            text += f"; senest {before.norwegian()} før oppdragsavtalen utløper"
        return text[:1].upper() + text[1:]

    def start(self, definition: Definition, step: Step) -> int:
        """About how many days after its anchor the step first falls, for ordering a phase."""
        due = step.due
        own = _days(self.duration(due.offset)) * (-1 if due.negate_rule else 1)
        if due.anchor is Anchor.STEP_COMPLETED and due.step is not None:
            return self.start(definition, definition.step(due.step)) + own
        return own

    def phase(self, definition: Definition, step: Step) -> str:
        if definition.after_placement:
            return AT_THE_END
        if definition.starts is Starts.ON_REQUEST:
            return WHEN_NEEDED
        due = step.due
        if due.anchor is Anchor.STEP_COMPLETED and due.step is not None:
            return self.phase(definition, definition.step(due.step))
        if due.anchor is Anchor.CHILD_18:
            return AT_THE_END
        if due.anchor is Anchor.AGREEMENT_END:
            return EVERY_YEAR
        offset = self.duration(due.offset)
        if offset.negative and due.anchor is Anchor.PLACEMENT_START:
            return BEFORE
        span = abs(_days(offset))
        recurrence = due.recurrence
        if recurrence is not None:
            if recurrence.count is None:
                return EVERY_YEAR
            span += _days(self.duration(recurrence.every)) * (recurrence.count - 1)
        return FIRST_MONTHS if span < YEAR_DAYS else EVERY_YEAR


def _start_texts(instances: dict[str, WorkflowInstance]) -> dict[str, str]:
    """What each workflow's start is: the running instance's own reason (nemnda vedtok …), or
    the decision outcome that starts it (lederen besluttet å fremme saken for nemnda)."""
    texts: dict[str, str] = {}
    for definition in catalogue().all_latest():
        for step in definition.steps:
            for outcome in step.outcomes or []:
                if outcome.starts is not None:
                    texts.setdefault(outcome.starts.workflow, outcome.starts.start_text)
    for key, instance in instances.items():
        if instance.start_reason:
            texts[key] = instance.start_reason
    return texts


def _adjusted(definition: Definition, adjustments: dict[str, Any]) -> list[Step]:
    """The definition's steps as the service runs them: a step switched off is left out, a
    moved step has the service's offset (a routine, whatever the rule was)."""
    steps = []
    for step in definition.steps:
        own = adjustments.get(step.key, {})
        if own.get("enabled", True) is False:
            continue
        offset = own.get("offset")
        if isinstance(offset, str):
            step = step.model_copy(update={"due": step.due.model_copy(update={"offset": offset})})
        steps.append(step)
    return steps


def _groups(groups: dict[str, list[tuple[int, dict[str, str]]]]) -> list[dict[str, Any]]:
    ordered = sorted(groups.items(), key=lambda g: (min(start for start, _ in g[1]), g[0]))
    return [
        {"arbeidsflyt": name, "steg": [s for _, s in sorted(steps, key=lambda i: i[0])]}
        for name, steps in ordered
    ]


def _short_title(definition: Definition) -> str:
    return definition.title.split(" – ")[0]


def flow_chart(session: Session, placement: Placement) -> dict[str, Any]:
    """The follow-up of this placement as phases of steps, the workflows behind them and the
    rules their times come from."""
    rules = current_rule_set(session)
    rows = session.scalars(
        select(WorkflowInstance)
        .where(WorkflowInstance.placement_id == placement.id)
        .order_by(WorkflowInstance.created_at, WorkflowInstance.id)
    )
    newest: dict[str, WorkflowInstance] = {}
    for row in rows:
        newest[row.definition_key] = row  # the last one started of each key
    chart = _Chart(rules, _start_texts(newest))
    # The service's own adjustments: steps moved or switched off, programmes on request only.
    service_adjustments = {
        row.definition_key: row
        for row in session.scalars(
            select(WorkflowAdjustment).where(WorkflowAdjustment.service_id == placement.service_id)
        )
    }
    # phase -> workflow -> (when the step first falls, the step)
    phases: dict[str, dict[str, list[tuple[int, dict[str, str]]]]] = {
        key: {} for key in (BEFORE, FIRST_MONTHS, EVERY_YEAR, WHEN_NEEDED, AT_THE_END)
    }
    workflows = []
    for latest in sorted(catalogue().all_latest(), key=lambda d: d.title):
        instance = newest.get(latest.key)
        definition = (
            catalogue().get(latest.key, instance.definition_version) if instance else latest
        )
        adjustment = service_adjustments.get(definition.key)
        on_request = definition.starts is Starts.ON_REQUEST or (
            adjustment is not None and adjustment.start == "on_request"
        )
        if instance is not None:
            status = STATUS_NB.get(instance.status, str(instance.status))
        elif on_request:
            status = "Startes ved behov"
        else:
            status = "Gjelder ikke denne plasseringen"
        workflows.append(
            {
                "tittel": definition.title,
                "program": definition.programme,
                "hjemmel": definition.legal_basis,
                "status": status,
            }
        )
        if instance is None and not on_request:
            continue  # not for this placement (its legal basis, its home)
        name = _short_title(definition)
        steps = instance.adjustments if instance else (adjustment.steps if adjustment else None)
        for step in _adjusted(definition, steps or {}):
            item = {
                "tittel": step.title,
                "naar": chart.when(definition, step),
                "grunnlag": chart.basis(step),
                "merke": chart.mark(step),
            }
            group = phases[chart.phase(definition, step)].setdefault(name, [])
            group.append((chart.start(definition, step), item))
    return {
        # Each phase's workflows by their first step, each workflow's steps in time order.
        **{key: _groups(groups) for key, groups in phases.items()},
        "arbeidsflyter": workflows,
        "regler": [
            {
                "tekst": rules.text(key)[:1].upper() + rules.text(key)[1:],
                "grunnlag": PROVENANCE_NB[rules.provenance(key)],
                "kilde": rules.source(key),
                "kontrollert": "Ja" if rules.values[key].confirmed else "Ikke ennå",
            }
            for key in chart.used
        ],
        "regelsett": f"{rules.title}, versjon {rules.version}",
    }
