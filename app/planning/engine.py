"""The scheduling core: from a definition, the placement's dates and the rule set to planned
tasks with due dates and a Norwegian explanation of each. Pure: no ORM, no I/O, no clock.

Rules, each stated by a unit test:
- a due date is its anchor plus the step's offset (negative offsets count backwards);
- a recurring step repeats every interval until its bound (the placement's end, the child's 18th
  birthday, the agreement's end), or ``count`` times, and never past the planning horizon;
- a negative interval counts backwards from the anchor down to the placement's start (version 1
  of the annual evaluation);
- a forward series with ``no_later_than`` keeps one occurrence in the interval before that
  deadline: if none falls there, the first one after it is pulled back to it (none is added);
  if the agreement ends less than the deadline's distance after the move, that occurrence is
  due at once and goes to the step's ``short_role``;
- after a recorded reduction, a step with ``reduced_every`` continues at the reduced interval;
- nothing is planned after the placement has ended, nor before ``not_before``;
- a run that follows up one household of parents says whom, after the due date's first sentence
  (``Gjelder Kari Nordmann.``);
- a due date on a weekend, a Norwegian public holiday or a day the service keeps closed moves to
  the previous working day (a deadline is met early), unless the step's shift is ``later`` (an
  early contact, which cannot happen before its day) or the previous working day would fall
  before ``not_before``, or on or before the anchor of a step that comes after it: then to the
  next working day;
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import holidays

from app.planning.definitions import (
    Anchor,
    Definition,
    DurationSpec,
    NoLaterThan,
    Recurrence,
    Role,
    RuleRef,
    Shift,
    Step,
    Until,
)
from app.planning.durations import WEEKDAYS_NB, Duration, norwegian_date
from app.planning.durations import every_nth as ordinal
from app.planning.rules import RuleSet


@dataclass(frozen=True)
class StepOverride:
    """A service's adjustment of one step of an adjustable definition."""

    offset: str | None = None
    enabled: bool = True


@dataclass(frozen=True)
class Facts:
    placement_start: date
    child_birth: date
    workflow_start: date
    horizon: date
    placement_end: date | None = None
    agreement_end: date | None = None
    not_before: date | None = None
    reduction_from: date | None = None
    reduction_until: date | None = None  # a leader ended the reduction: the usual interval again
    completions: Mapping[str, Sequence[date]] = field(default_factory=dict)
    # The answers of each completion, in the order of ``completions`` (a due rule's from_field).
    completion_answers: Mapping[str, Sequence[Mapping[str, Any]]] = field(default_factory=dict)
    held: Mapping[str, Mapping[int, date]] = field(default_factory=dict)  # step → occurrence → day
    workflow_start_text: str | None = None  # what workflow_start is: "nemnda vedtok …"
    closed_days: ClosedDays = frozenset()  # days the service keeps closed (julaften, …)
    overrides: Mapping[str, StepOverride] = field(default_factory=dict)
    concerns: str | None = None  # the parents a per-household run follows up, by name

    @property
    def child_18(self) -> date:
        try:
            return self.child_birth.replace(year=self.child_birth.year + 18)
        except ValueError:  # born 29 February
            return date(self.child_birth.year + 18, 3, 1)


@dataclass(frozen=True)
class PlannedTask:
    step_key: str
    occurrence: int
    due_date: date
    nominal_date: date
    rule: str
    legal_basis: str
    explanation: str
    responsible: Role | None = None  # the step's own unless this occurrence needs another


@lru_cache(maxsize=64)
def _holiday_names(year: int) -> Mapping[date, str]:
    """Norway's public holidays in the year, with their Norwegian names in lower case."""
    found = holidays.country_holidays("NO", years=year, language="no")
    return {day: name.lower() for day, name in found.items()}


@lru_cache(maxsize=64)
def _norwegian_holidays(year: int) -> frozenset[date]:
    return frozenset(_holiday_names(year))


def holiday_name(day: date) -> str | None:
    """``første påskedag`` for 5 April 2026; None on a day that is not a public holiday."""
    return _holiday_names(day.year).get(day)


def _day_text(day: date) -> str:
    return f"{WEEKDAYS_NB[day.weekday()]} {norwegian_date(day)}"


def _closed_name(day: date, closed: ClosedDays) -> str | None:
    if (day.month, day.day) in closed:
        return _CLOSED_NAMES.get((day.month, day.day), "en stengt dag")
    return None


def shift_text(nominal: date, due: date, closed: ClosedDays = frozenset()) -> str:
    """Why a date is not its nominal day, without the word "flyttet" (the child moved; the
    deadline did not): ``Fristen er satt til onsdag 1. april 2026, virkedagen før, fordi
    5. april 2026 er første påskedag; langfredag og skjærtorsdag er også helligdager.``"""
    direction = "før" if due < nominal else "etter"
    step = timedelta(days=1 if due > nominal else -1)
    passed: list[str] = []
    shut: list[str] = []
    day = nominal + step
    while day != due:
        if (name := holiday_name(day)) is not None:
            passed.append(name)
        elif (name := _closed_name(day, closed)) is not None:
            shut.append(name)
        day += step
    if (name := holiday_name(nominal)) is not None:
        what = name
    elif (name := _closed_name(nominal, closed)) is not None:
        what = f"{name}, som tjenesten holder stengt"
    else:
        what = f"en {WEEKDAYS_NB[nominal.weekday()]}"
    text = (
        f"Fristen er satt til {_day_text(due)}, virkedagen {direction}, fordi "
        f"{norwegian_date(nominal)} er {what}"
    )
    if len(passed) == 1:
        text += f"; {passed[0]} er også en helligdag"
    elif passed:
        text += f"; {', '.join(passed[:-1])} og {passed[-1]} er også helligdager"
    if shut:
        text += f"; tjenesten holder også stengt på {' og '.join(shut)}"
    return text + "."


ClosedDays = frozenset[tuple[int, int]]  # (month, day) a service keeps closed
_CLOSED_NAMES = {(12, 24): "julaften", (12, 31): "nyttårsaften"}


def is_working_day(day: date, closed: ClosedDays = frozenset()) -> bool:
    return (
        day.weekday() < 5
        and day not in _norwegian_holidays(day.year)
        and (day.month, day.day) not in closed
    )


def previous_working_day(day: date, closed: ClosedDays = frozenset()) -> date:
    """``day`` itself if it is a working day, else the nearest working day before it."""
    while not is_working_day(day, closed):
        day -= timedelta(days=1)
    return day


def next_working_day(day: date, closed: ClosedDays = frozenset()) -> date:
    while not is_working_day(day, closed):
        day += timedelta(days=1)
    return day


def _resolve(spec: DurationSpec, rules: RuleSet) -> tuple[Duration, str | None]:
    if isinstance(spec, RuleRef):
        return rules.duration(spec.rule), spec.rule
    return Duration.parse(spec), None


def _negated(duration: Duration) -> Duration:
    return Duration(duration.years, duration.months, duration.days, not duration.negative)


_ANCHOR_TEXT = {
    Anchor.PLACEMENT_START: "barnet flyttet inn i fosterhjemmet",
    Anchor.AGREEMENT_END: "oppdragsavtalen utløper",
    Anchor.CHILD_18: "barnet fyller 18 år",
    Anchor.WORKFLOW_START: "arbeidsflyten ble startet",
}


@dataclass(frozen=True)
class _Occurrence:
    index: int
    nominal: date
    distance: Duration  # from the anchor to ``nominal``, in the units of the step's intervals
    repeat_text: str = ""
    counted: bool = False  # one of a forward series: the text says which one
    pulled_from: date | None = None  # the series' own date, before a deadline pulled it back
    pulled_text: str = ""  # why: "trukket fram til 5 måneder før oppdragsavtalen utløper (…)"
    deadline_rule: str | None = None
    short: bool = False  # the agreement is shorter than the deadline's distance: due at once
    legal_basis: str | None = None  # this occurrence's own, where it differs from the step's


_LAW_NAMES = ("Barnevernsloven", "Fosterhjemsforskriften", "Offentleglova", "Forvaltningsloven")


def _in_running_text(basis: str) -> str:
    """A law's name is a common noun: lower case after "Grunnlag:" (review L7)."""
    if basis.startswith(_LAW_NAMES):
        return basis[:1].lower() + basis[1:]
    return basis


def _when(offset: Duration, anchor_text: str, anchor_date: date) -> str:
    """``5 måneder før oppdragsavtalen utløper (…)``, ``3 måneder etter at barnet …``."""
    where = f"{anchor_text} ({norwegian_date(anchor_date)})"
    if offset.is_zero:
        return f"samme dag som {where}"
    if offset.negative:
        return f"{offset.norwegian()} før {where}"
    return f"{offset.norwegian()} etter at {where}"


def _answered_date(
    key: str | None, answers: Sequence[Mapping[str, Any]], index: int
) -> date | None:
    """The date a completion's answer ``key`` gives (the day the report arrived), if any."""
    if key is None or index >= len(answers):
        return None
    value = answers[index].get(key)
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


class _Planner:
    def __init__(self, definition: Definition, facts: Facts, rules: RuleSet) -> None:
        self.definition = definition
        # A workflow that goes on after the placement (the tribunal case, the follow-up after
        # the child moved home) is not cut off by its end.
        self.facts = replace(facts, placement_end=None) if definition.after_placement else facts
        self.rules = rules
        self.workflow_end: date | None = None
        if definition.lasts is not None:
            lasts, _ = _resolve(definition.lasts, rules)
            self.workflow_end = lasts.after(facts.workflow_start)

    def plan(self) -> list[PlannedTask]:
        tasks = [task for step in self.definition.steps for task in self._step(step)]
        return sorted(tasks, key=lambda t: (t.due_date, t.step_key, t.occurrence))

    def _anchors(self, step: Step) -> Iterator[tuple[int, date, str]]:
        f = self.facts
        anchor = step.due.anchor
        if anchor is Anchor.STEP_COMPLETED:
            assert step.due.step is not None
            title = self.definition.step(step.due.step).title
            text = step.due.anchor_text or f"«{title}» ble fullført"
            answers = f.completion_answers.get(step.due.step, ())
            for index, done in enumerate(f.completions.get(step.due.step, ())):
                yield index, _answered_date(step.due.from_field, answers, index) or done, text
            return
        value = {
            Anchor.PLACEMENT_START: f.placement_start,
            Anchor.AGREEMENT_END: f.agreement_end,
            Anchor.CHILD_18: f.child_18,
            Anchor.WORKFLOW_START: f.workflow_start,
        }[anchor]
        if value is not None:
            text = step.due.anchor_text or _ANCHOR_TEXT[anchor]
            if anchor is Anchor.WORKFLOW_START:
                text = f.workflow_start_text or self.definition.start_text or text
            yield 0, value, text

    def _bound(self, until: Until) -> date | None:
        f = self.facts
        return {
            Until.PLACEMENT_END: f.placement_end,
            Until.CHILD_18: f.child_18,
            Until.AGREEMENT_END: f.agreement_end,
            Until.WORKFLOW_END: self.workflow_end,
        }[until]

    def _offset(self, step: Step) -> tuple[Duration, str | None]:
        override = self.facts.overrides.get(step.key)
        if override is not None and override.offset is not None:
            return Duration.parse(override.offset), None
        offset, rule = _resolve(step.due.offset, self.rules)
        return (_negated(offset) if step.due.negate_rule else offset), rule

    def _step(self, step: Step) -> Iterator[PlannedTask]:
        override = self.facts.overrides.get(step.key)
        if override is not None and not override.enabled:
            return
        offset, offset_rule = self._offset(step)
        for index, anchor_date, anchor_text in self._anchors(step):
            first = offset.after(anchor_date)
            for item in self._occurrences(step, first, offset, offset_rule):
                occurrence_index = index if step.due.anchor is Anchor.STEP_COMPLETED else item.index
                nominal = item.nominal
                if not self._allowed(nominal):
                    continue
                # Each occurrence states its own distance from the anchor (the fourth visit is
                # 12 months after the move, not 3), and which one of the series it is.
                base_text = _when(item.distance, anchor_text, anchor_date)
                if item.pulled_from is not None:
                    usual = f"vanligvis {norwegian_date(item.pulled_from)}, {base_text}"
                    base_text = f"{usual}, {item.pulled_text}"
                if item.counted:
                    base_text = f"{ordinal(item.index + 1)} gang, {base_text}"
                # A shift must not move a deadline before what it follows (the first day
                # planned), nor a step that comes after its anchor onto the anchor's own day (a
                # call "the day after the move" on the moving day): it moves on instead.
                if offset.negative:
                    floor = date.min
                elif offset.is_zero:
                    floor = anchor_date
                else:
                    floor = anchor_date + timedelta(days=1)
                floor = max(floor, self.facts.not_before or date.min)
                yield self._task(
                    step,
                    occurrence_index,
                    nominal,
                    floor,
                    base_text,
                    item,
                    offset,
                    offset_rule,
                )

    def _occurrences(
        self, step: Step, first: date, offset: Duration, offset_rule: str | None
    ) -> Iterator[_Occurrence]:
        recurrence = step.due.recurrence
        if recurrence is None:
            yield _Occurrence(0, first, offset)
            return
        every, every_rule = _resolve(recurrence.every, self.rules)
        # A rule the offset already quotes ("Regel (…): …") is not quoted twice.
        quoted = every_rule is not None and every_rule != offset_rule
        rule_note = f" {self.rules.cited(every_rule)}." if quoted and every_rule else ""
        f = self.facts
        if every.negative:  # backwards from the anchor to the placement's start
            k = 0
            while (day := every.after(first, k)) >= f.placement_start:
                if recurrence.count is not None and k >= recurrence.count:
                    return
                if day <= f.horizon:  # later ones are planned when the horizon reaches them
                    text = f" Gjentas {every.every_norwegian()} bakover.{rule_note}" if k else ""
                    yield _Occurrence(k, day, offset.plus(every, k), text)
                k += 1
            return
        bound = self._bound(recurrence.until)
        limit = min(d for d in (bound, f.horizon) if d is not None)
        no_later = step.due.no_later_than
        if no_later is None or f.agreement_end is None:
            yield from self._forward(recurrence, first, offset, every, rule_note, limit)
            return
        # Look past the horizon for the occurrence a deadline inside it may pull back.
        scan = max(limit, every.after(f.agreement_end))
        if bound is not None:
            scan = min(scan, bound)
        series = list(self._forward(recurrence, first, offset, every, rule_note, scan))
        for item in self._pull(series, no_later, every, f.held.get(step.key, {})):
            if item.nominal <= limit:
                yield item

    def _pull(
        self,
        series: list[_Occurrence],
        no_later: NoLaterThan,
        every: Duration,
        held: Mapping[int, date],
    ) -> Iterator[_Occurrence]:
        """The series with its occurrence for the agreement's deadline pulled back to it.

        An occurrence already held counts on the day it was held, and is never pulled."""
        f = self.facts
        assert f.agreement_end is not None
        before, before_rule = _resolve(no_later.before, self.rules)
        deadline = _negated(before).after(f.agreement_end)
        period_start = _negated(every).after(deadline)
        end = f"{_ANCHOR_TEXT[Anchor.AGREEMENT_END]} ({norwegian_date(f.agreement_end)})"

        def day(item: _Occurrence) -> date:
            return held.get(item.index, item.nominal)

        within = next((i for i in series if period_start < day(i) <= deadline), None)
        if within is not None:  # the series meets the deadline by itself: say so on that one
            for item in series:
                if item is within:
                    note = f" Den holdes innen fristen {before.norwegian()} før {end}."
                    item = replace(
                        item, repeat_text=note + item.repeat_text, deadline_rule=before_rule
                    )
                yield item
            return
        target = next((i for i in series if i.nominal > deadline and i.index not in held), None)
        short = deadline < f.placement_start
        for item in series:
            if item is not target:
                yield item
                continue
            floor = max(f.placement_start, f.not_before or date.min)
            if short:
                why = (
                    f"men {end} mindre enn {before.norwegian()} etter innflyttingen, så "
                    "evalueringen må holdes nå, og lederen har ansvaret"
                )
            else:
                why = f"men trukket fram til {before.norwegian()} før {end}"
            yield _Occurrence(
                item.index,
                max(deadline, floor),
                item.distance,
                item.repeat_text,
                counted=True,
                pulled_from=item.nominal,
                pulled_text=why,
                deadline_rule=before_rule,
                short=short,
            )

    def _forward(
        self,
        recurrence: Recurrence,
        first: date,
        offset: Duration,
        every: Duration,
        rule_note: str,
        limit: date,
    ) -> Iterator[_Occurrence]:
        f = self.facts
        reduced: Duration | None = None
        reduced_note = ""
        reduced_basis: str | None = None
        if recurrence.reduced_every is not None and f.reduction_from is not None:
            reduced, reduced_rule = _resolve(recurrence.reduced_every, self.rules)
            reduced_note = f" {self.rules.cited(reduced_rule)}." if reduced_rule else ""
            if reduced_rule:  # a reduced visit stands on the reduction, not on the minimum
                reduced_basis = (
                    f"{self.rules.source(reduced_rule)}: {self.rules.text(reduced_rule)}, "
                    f"etter lederens beslutning om reduksjon fra {norwegian_date(f.reduction_from)}"
                )
        interval, base, k = every, first, 0
        base_distance = offset
        previous: tuple[date, Duration] | None = None
        phase = "usual"  # then "reduced" from the reduction, and "restored" once it has ended
        until = f.reduction_until
        for n in range(recurrence.count or 10_000):
            day = interval.after(base, k)
            if reduced is not None and phase == "usual" and day > f.reduction_from:  # type: ignore[operator]
                # From the reduction on, count the reduced interval from the last visit before it.
                phase, interval, k = "reduced", reduced, 1 if previous else 0
                base, base_distance = previous or (first, offset)
                day = interval.after(base, k)
            if phase == "reduced" and until is not None and day > until:
                # Once a leader ends it, the usual interval again, from the last visit before.
                phase, interval, k = "restored", every, 1 if previous else 0
                base, base_distance = previous or (first, offset)
                day = interval.after(base, k)
            if day > limit:
                return
            if phase == "reduced":
                text = f" Redusert til {interval.every_norwegian()}.{reduced_note}"
            elif phase == "restored":
                assert until is not None
                text = (
                    f" Gjentas {every.every_norwegian()} igjen etter at reduksjonen ble avsluttet "
                    f"{norwegian_date(until)}.{rule_note}"
                )
            else:
                text = f" Gjentas {every.every_norwegian()}.{rule_note}"
            distance = base_distance.plus(interval, k)
            basis = reduced_basis if phase == "reduced" else None
            yield _Occurrence(n, day, distance, text, counted=True, legal_basis=basis)
            previous, k = (day, distance), k + 1

    def _allowed(self, nominal: date) -> bool:
        f = self.facts
        if f.placement_end is not None and nominal > f.placement_end:
            return False
        return f.not_before is None or nominal >= f.not_before

    def _task(
        self,
        step: Step,
        occurrence: int,
        nominal: date,
        floor: date,
        base_text: str,
        item: _Occurrence,
        offset: Duration,
        offset_rule: str | None,
    ) -> PlannedTask:
        closed = self.facts.closed_days
        if step.due.shift is Shift.LATER:
            due = next_working_day(nominal, closed)
        else:
            due = previous_working_day(nominal, closed)
            if due < floor:
                due = next_working_day(max(nominal, floor), closed)
        legal_basis = item.legal_basis or step.legal_basis or self.definition.legal_basis
        parts = [f"Frist {norwegian_date(due)}: {base_text}.", item.repeat_text.strip()]
        if self.facts.concerns is not None:
            parts.insert(1, f"Gjelder {self.facts.concerns}.")
        if offset_rule is not None:
            parts.append(f"{self.rules.cited(offset_rule)}.")
        if item.deadline_rule is not None:
            parts.append(f"{self.rules.cited(item.deadline_rule)}.")
        if due != nominal:
            parts.append(shift_text(nominal, due, closed))
        parts.append(f"Grunnlag: {_in_running_text(legal_basis)}.")
        rule = f"{step.due.anchor.value}{'' if offset.negative else '+'}{offset}"
        if step.due.recurrence is not None:
            every = step.due.recurrence.every
            if isinstance(every, RuleRef):
                every = f"{every.rule}={self.rules.values[every.rule].value}"
            rule += f" every {every}"
        if offset_rule:
            rule += f" [{offset_rule}={self.rules.values[offset_rule].value}]"
        no_later = step.due.no_later_than
        if no_later is not None:
            before = no_later.before
            if isinstance(before, RuleRef):
                before = f"{before.rule}={self.rules.values[before.rule].value}"
            rule += f" no later than {no_later.anchor.value}-{before}"
        short_role = no_later.short_role if no_later is not None and item.short else None
        return PlannedTask(
            step_key=step.key,
            occurrence=occurrence,
            due_date=due,
            nominal_date=nominal,
            rule=f"{rule} (rule set v{self.rules.version})",
            legal_basis=legal_basis,
            explanation=" ".join(p for p in parts if p),
            responsible=short_role,
        )


def plan(definition: Definition, facts: Facts, rules: RuleSet) -> list[PlannedTask]:
    """Every task the definition asks for, given the facts, sorted by due date."""
    return _Planner(definition, facts, rules).plan()
