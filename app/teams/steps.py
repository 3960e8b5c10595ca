"""The team's next step on an order, as a pure function (no ORM, no I/O): the order's state and
dates and the rule set in, the step, its due date and the rule that set it out.

The steps follow the competence base's routine (review row 14): an order is decided (accepted or
declined) and the member called back within the call-back time (an urgent order, concern for
breakdown, within the urgent one); the start conversation is held within the start time after the
call back; from then the assignment runs to its time limit, when it is closed with a report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.planning.rules import RuleSet
from app.teams.models import OrderStatus

CALL_BACK = "team_order_call_back_within"
URGENT_CALL_BACK = "team_order_urgent_call_back_within"
START = "team_order_start_within"


@dataclass(frozen=True)
class Step:
    step: str  # decide, call_back, start, close
    due_on: date
    rule: str  # the rule in Norwegian, with the rule set's version


def _cited(rules: RuleSet, key: str) -> str:
    return f"{rules.cited(key)} (regelsett {rules.key} v{rules.version})"[:300]


def next_step(
    *,
    status: OrderStatus,
    urgent: bool,
    ordered_on: date,
    called_back_on: date | None,
    time_limit_date: date | None,
    rules: RuleSet,
) -> Step | None:
    """The team's next step on the order; None once it is declined or closed."""
    call_back = URGENT_CALL_BACK if urgent else CALL_BACK
    if status is OrderStatus.ORDERED:
        due = rules.duration(call_back).after(ordered_on)
        return Step("decide", due, _cited(rules, call_back))
    if status is OrderStatus.ACCEPTED and called_back_on is None:
        due = rules.duration(call_back).after(ordered_on)
        return Step("call_back", due, _cited(rules, call_back))
    if status is OrderStatus.ACCEPTED and called_back_on is not None:
        due = rules.duration(START).after(called_back_on)
        return Step("start", due, _cited(rules, START))
    if status is OrderStatus.STARTED and time_limit_date is not None:
        return Step("close", time_limit_date, "Oppdraget er tidsavgrenset til denne datoen.")
    return None
