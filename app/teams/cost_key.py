"""The cost key (fordelingsnøkkel) as a pure core: whole kroner in, whole kroner out, and every
split adds up exactly to the amount split.

The model is Øvre Romerike's (review rows 5-7): the budget has a part for group guidance and a
part for individual guidance. Group guidance is paid ``fixed_percent`` (50) by the fixed key,
each member's share of the members' total population, and the rest by use (seats or
attendance, the team's setting). Individual guidance is paid by the hours bought, at the year's
hourly rate.

Rounding is largest remainder (Hamilton's method), deterministic:

1. each member's exact share is ``amount × weight / total weight``; it gets the whole kroner of
   it (rounded down);
2. the kroner left over (fewer than the number of members) go one each to the members with the
   largest fractional remainders;
3. equal remainders are broken by the larger weight first, then by the member's id in ascending
   order (as text), so the same input always gives the same split.

A part is split in two as ``fixed = amount × fixed_percent // 100`` and ``use = amount - fixed``
(an odd krone lands in the use half). When nobody used group guidance (no seats), the use half is
split by the fixed key too: the budget is still paid in full. Individual guidance costs
``hourly_rate × minutes / 60``, rounded half up to whole kroner for the team, and that total is
split by minutes with the same rule, so each member pays its hours at the rate to within a krone
and the members' charges add up to the total.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

K = TypeVar("K")


def largest_remainder(amount: int, weights: Mapping[K, int]) -> dict[K, int]:
    """``amount`` (whole kroner, not negative) split in proportion to ``weights`` (whole numbers,
    not negative, at least one above zero); the parts sum to ``amount`` exactly."""
    if amount < 0:
        raise ValueError("the amount split is not negative")
    if any(w < 0 for w in weights.values()):
        raise ValueError("weights are not negative")
    total = sum(weights.values())
    if total <= 0:
        raise ValueError("at least one weight is above zero")
    parts = {key: amount * w // total for key, w in weights.items()}
    remainders = {key: amount * w % total for key, w in weights.items()}
    left = amount - sum(parts.values())
    order = sorted(weights, key=lambda key: (-remainders[key], -weights[key], str(key)))
    for key in order[:left]:
        parts[key] += 1
    return parts


def halves(amount: int, fixed_percent: int) -> tuple[int, int]:
    """(the fixed-key part, the use part) of ``amount``; they sum to it exactly."""
    if not 0 <= fixed_percent <= 100:
        raise ValueError("a percentage from 0 to 100")
    fixed = amount * fixed_percent // 100
    return fixed, amount - fixed


@dataclass(frozen=True)
class MemberShare:
    """One member's part of a year: in whole kroner."""

    fixed: int  # group guidance by the fixed (population) key
    use: int  # group guidance by use (seats or attendance)
    individual: int  # individual guidance by hours bought

    @property
    def group(self) -> int:
        return self.fixed + self.use

    @property
    def total(self) -> int:
        return self.fixed + self.use + self.individual


def group_split(
    amount: int,
    *,
    populations: Mapping[K, int],
    use: Mapping[K, int],
    fixed_percent: int,
) -> dict[K, tuple[int, int]]:
    """The group-guidance part: each member's (fixed-key share, use share). Members are the
    keys of ``populations``; a member without use pays no use share, and when no member used any
    the use half follows the fixed key."""
    fixed, by_use = halves(amount, fixed_percent)
    fixed_parts = largest_remainder(fixed, populations)
    weights = {key: use.get(key, 0) for key in populations}
    use_parts = largest_remainder(by_use, weights if sum(weights.values()) else populations)
    return {key: (fixed_parts[key], use_parts[key]) for key in populations}


def individual_cost(hourly_rate: int, minutes: int) -> int:
    """``minutes`` at ``hourly_rate``, rounded half up to whole kroner."""
    return (hourly_rate * minutes * 2 + 60) // 120


def individual_split(hourly_rate: int, minutes: Mapping[K, int]) -> dict[K, int]:
    """Each member's individual guidance: the team's total at the rate, split by minutes."""
    total_minutes = sum(minutes.values())
    if total_minutes == 0:
        return dict.fromkeys(minutes, 0)
    return largest_remainder(individual_cost(hourly_rate, total_minutes), minutes)


def year_split(
    *,
    group_amount: int,
    populations: Mapping[K, int],
    use: Mapping[K, int],
    minutes: Mapping[K, int],
    hourly_rate: int,
    fixed_percent: int,
) -> dict[K, MemberShare]:
    """A year's split for every member with a population: its group shares and its individual
    guidance. A member that bought hours but has no population that year is refused: the key
    must name every member that pays."""
    unknown = set(minutes) - set(populations)
    if unknown:
        raise ValueError("every member that bought hours has a population in the year")
    group = group_split(group_amount, populations=populations, use=use, fixed_percent=fixed_percent)
    individual = individual_split(hourly_rate, {key: minutes.get(key, 0) for key in populations})
    return {
        key: MemberShare(fixed=group[key][0], use=group[key][1], individual=individual[key])
        for key in populations
    }
