"""The cost key's rules, without a database (app/teams/cost_key.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.teams.cost_key import (
    group_split,
    halves,
    individual_cost,
    individual_split,
    largest_remainder,
    year_split,
)

POPULATIONS = {"a": 41000, "b": 21500, "c": 16000, "d": 14500, "e": 7500, "f": 6200, "g": 3800}


class TestLargestRemainder:
    def test_each_member_gets_the_whole_kroner_of_its_exact_share(self) -> None:
        assert largest_remainder(1000, {"a": 1, "b": 1, "c": 2}) == {"a": 250, "b": 250, "c": 500}

    def test_the_kroner_left_over_go_to_the_largest_remainders(self) -> None:
        # Exact shares 33.33…, 33.33…, 33.33… of 100: one krone is left, and a tie.
        assert largest_remainder(100, {"a": 1, "b": 1, "c": 1}) == {"a": 34, "b": 33, "c": 33}
        # 10 × 2/7 = 2.857, 10 × 5/7 = 7.142: the larger remainder gets the krone.
        assert largest_remainder(10, {"a": 2, "b": 5}) == {"a": 3, "b": 7}

    def test_equal_remainders_go_to_the_larger_weight_then_the_lower_id(self) -> None:
        # 3 × 1/4 = 0.75 and 3 × 3/4 = 2.25: remainders 0.75 and 0.25, no tie.
        assert largest_remainder(3, {"x": 1, "y": 3}) == {"x": 1, "y": 2}
        # 1 × 2/4 = 0.5 each: a tie of equal weights goes to the lower id.
        assert largest_remainder(1, {"b": 2, "a": 2}) == {"a": 1, "b": 0}
        # Remainders 0.5 (weights 1 and 3 of 8, amount 4): the larger weight gets it.
        assert largest_remainder(4, {"a": 1, "b": 3, "c": 4}) == {"a": 0, "b": 2, "c": 2}

    def test_the_same_input_always_gives_the_same_split(self) -> None:
        first = largest_remainder(1_000_001, POPULATIONS)
        again = largest_remainder(1_000_001, dict(reversed(list(POPULATIONS.items()))))
        assert first == again

    def test_a_split_needs_a_weight_above_zero_and_no_negative_amount(self) -> None:
        with pytest.raises(ValueError, match="above zero"):
            largest_remainder(100, {"a": 0})
        with pytest.raises(ValueError, match="amount"):
            largest_remainder(-1, {"a": 1})
        with pytest.raises(ValueError, match="weights"):
            largest_remainder(1, {"a": 2, "b": -1})


class TestGroupGuidance:
    def test_group_guidance_is_paid_half_by_the_fixed_key_and_half_by_use(self) -> None:
        split = group_split(
            1_000_000, populations={"a": 3, "b": 1}, use={"a": 1, "b": 3}, fixed_percent=50
        )
        assert split == {"a": (375_000, 125_000), "b": (125_000, 375_000)}

    def test_an_odd_krone_goes_to_the_use_half(self) -> None:
        assert halves(1001, 50) == (500, 501)

    def test_a_member_without_use_pays_only_its_fixed_share(self) -> None:
        split = group_split(100, populations={"a": 1, "b": 1}, use={"a": 5}, fixed_percent=50)
        assert split == {"a": (25, 50), "b": (25, 0)}

    def test_when_nobody_used_group_guidance_the_use_half_follows_the_fixed_key(self) -> None:
        split = group_split(100, populations={"a": 3, "b": 1}, use={}, fixed_percent=50)
        assert split == {"a": (38, 38), "b": (12, 12)}
        assert sum(f + u for f, u in split.values()) == 100

    def test_more_use_in_the_year_gives_a_lower_price_per_seat(self) -> None:
        few = group_split(100_000, populations={"a": 1}, use={"a": 4}, fixed_percent=50)
        many = group_split(100_000, populations={"a": 1}, use={"a": 10}, fixed_percent=50)
        assert few["a"][1] / 4 > many["a"][1] / 10


class TestIndividualGuidance:
    def test_individual_guidance_is_paid_by_hours_at_the_years_rate(self) -> None:
        assert individual_split(1150, {"a": 120 * 60, "b": 30 * 60}) == {
            "a": 138_000,
            "b": 34_500,
        }

    def test_a_part_hour_is_rounded_half_up_to_whole_kroner_for_the_team(self) -> None:
        assert individual_cost(1150, 15) == 288  # 287.5
        assert individual_cost(1001, 1) == 17  # 16.68
        split = individual_split(1150, {"a": 15, "b": 15, "c": 15})
        assert sum(split.values()) == individual_cost(1150, 45) == 863  # 862.5

    def test_nobody_pays_for_hours_nobody_bought(self) -> None:
        assert individual_split(1150, {"a": 0, "b": 0}) == {"a": 0, "b": 0}


class TestAYear:
    def test_a_member_that_bought_hours_needs_a_population(self) -> None:
        with pytest.raises(ValueError, match="population"):
            year_split(
                group_amount=100,
                populations={"a": 1},
                use={},
                minutes={"b": 60},
                hourly_rate=1000,
                fixed_percent=50,
            )


@st.composite
def members(draw: st.DrawFn) -> dict[str, int]:
    count = draw(st.integers(min_value=1, max_value=12))
    return {f"m{i:02d}": draw(st.integers(min_value=1, max_value=2_000_000)) for i in range(count)}


class TestEverySplitSumsExactly:
    @given(amount=st.integers(min_value=0, max_value=10**11), weights=members())
    def test_every_largest_remainder_split_sums_to_its_amount(
        self, amount: int, weights: dict[str, int]
    ) -> None:
        parts = largest_remainder(amount, weights)
        assert sum(parts.values()) == amount
        total = sum(weights.values())
        # Each part is its exact share rounded down or up, never further off.
        assert all(abs(parts[k] * total - amount * w) < total for k, w in weights.items())

    @given(
        amount=st.integers(min_value=0, max_value=10**11),
        populations=members(),
        seats=st.lists(st.integers(min_value=0, max_value=40), max_size=12),
        hours=st.lists(st.integers(min_value=0, max_value=4000), max_size=12),
        rate=st.integers(min_value=0, max_value=5000),
        percent=st.integers(min_value=0, max_value=100),
    )
    def test_every_years_split_sums_to_its_budget_and_its_hours(
        self,
        amount: int,
        populations: dict[str, int],
        seats: list[int],
        hours: list[int],
        rate: int,
        percent: int,
    ) -> None:
        keys = sorted(populations)
        use = dict(zip(keys, seats, strict=False))
        minutes = {k: h * 15 for k, h in zip(keys, hours, strict=False)}
        shares = year_split(
            group_amount=amount,
            populations=populations,
            use=use,
            minutes=minutes,
            hourly_rate=rate,
            fixed_percent=percent,
        )
        assert sum(s.group for s in shares.values()) == amount
        fixed, by_use = halves(amount, percent)
        assert sum(s.fixed for s in shares.values()) == fixed
        assert sum(s.use for s in shares.values()) == by_use
        assert sum(s.individual for s in shares.values()) == individual_cost(
            rate, sum(minutes.values())
        )
