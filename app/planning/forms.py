"""Validating a task's answers against its step's form. Pure: returns every problem at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.planning.definitions import FieldType, FormField, Step
from app.schemas import DATE_RANGE, date_in_range


@dataclass(frozen=True)
class AnswerProblem:
    field: str  # "answers/<key>" or "outcome"
    detail: str
    code: str


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _type_problem(spec: FormField, value: Any) -> str | None:
    match spec.type:
        case FieldType.TEXT:
            ok = isinstance(value, str) and len(value) <= 20_000
            return None if ok else "Expected text (at most 20,000 characters)"
        case FieldType.BOOLEAN:
            return None if isinstance(value, bool) else "Expected true or false"
        case FieldType.INTEGER:
            ok = isinstance(value, int) and not isinstance(value, bool)
            return None if ok else "Expected a whole number"
        case FieldType.DATE:
            if not isinstance(value, str):
                return "Expected a date (YYYY-MM-DD)"
            try:
                answered = date.fromisoformat(value)
            except ValueError:
                return "Expected a date (YYYY-MM-DD)"
            # An answered date is a case date too: it is shown and filled into documents.
            return None if date_in_range(answered) else f"Expected a date from {DATE_RANGE}"
        case FieldType.CHOICE:
            assert spec.choices is not None
            ok = isinstance(value, str) and value in spec.choices
            return None if ok else f"Expected one of: {', '.join(spec.choices)}"
        case FieldType.MULTICHOICE:
            assert spec.choices is not None
            ok = isinstance(value, list) and all(
                isinstance(v, str) and v in spec.choices for v in value
            )
            return None if ok else f"Expected a list of: {', '.join(spec.choices)}"


def check_answers(step: Step, answers: dict[str, Any], outcome: str | None) -> list[AnswerProblem]:
    """Every unknown, missing or invalid answer, and an outcome that is not allowed."""
    problems: list[AnswerProblem] = []
    fields = {f.key: f for f in step.form}
    for key in answers:
        if key not in fields:
            problems.append(AnswerProblem(f"answers/{key}", "Unknown field", "unknown_field"))
    required = {f.key for f in step.form if f.required}
    chosen = None
    if step.outcomes:
        chosen = next((o for o in step.outcomes if o.key == outcome), None)
        if outcome is None:
            problems.append(AnswerProblem("outcome", "An outcome is required", "missing"))
        elif chosen is None:
            allowed = ", ".join(o.key for o in step.outcomes)
            problems.append(
                AnswerProblem("outcome", f"Expected one of: {allowed}", "outcome_not_allowed")
            )
        else:
            required |= set(chosen.requires)
    elif outcome is not None:
        problems.append(
            AnswerProblem("outcome", "This step has no outcomes", "outcome_not_allowed")
        )
    for key, spec in fields.items():
        value = answers.get(key)
        if _blank(value):
            if key in required:
                problems.append(AnswerProblem(f"answers/{key}", "Required", "missing"))
            continue
        problem = _type_problem(spec, value)
        if problem is not None:
            problems.append(AnswerProblem(f"answers/{key}", problem, "invalid_type"))
    return problems
