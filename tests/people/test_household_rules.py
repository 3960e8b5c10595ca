"""The rules of the follow-up per parent household, unit-tested without a database: the engine
names the parents a run follows up, a step's household title puts their names where the
definition says, and the shipped versions plan per household."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from app.planning.definitions import Step, load_catalogue
from app.planning.engine import Facts, plan
from app.planning.rules import shipped_rule_set

CATALOGUE = load_catalogue()
RULES = shipped_rule_set()
CARE_ORDER = date(2025, 1, 15)


def facts(concerns: str | None) -> Facts:
    return Facts(
        placement_start=CARE_ORDER,
        child_birth=date(2015, 3, 10),
        workflow_start=CARE_ORDER,
        horizon=date(2026, 12, 31),
        concerns=concerns,
    )


def follow_up() -> Step:
    definition = CATALOGUE.latest("oppfolging-foreldre")
    assert definition is not None
    return definition.step("oppfolgingssamtale")


def test_a_run_for_one_household_names_its_parents_after_the_due_dates_first_sentence() -> None:
    definition = CATALOGUE.latest("oppfolging-foreldre")
    assert definition is not None
    named = plan(definition, facts("Kari Nordmann"), RULES)
    together = plan(definition, facts(None), RULES)
    assert [t.due_date for t in named] == [t.due_date for t in together]
    for with_names, without in zip(named, together, strict=True):
        assert with_names.explanation.replace(" Gjelder Kari Nordmann.", "") == without.explanation
        first = without.explanation.split("). ", 1)[0] + ")."  # "Frist …: … (15. januar 2025)."
        assert with_names.explanation.startswith(f"{first} Gjelder Kari Nordmann. ")


def test_the_parents_conversations_stay_twice_a_year_from_the_care_order() -> None:
    definition = CATALOGUE.latest("oppfolging-foreldre")
    assert definition is not None
    due = [t.nominal_date for t in plan(definition, facts("Kari Nordmann"), RULES)]
    assert due[:3] == [date(2025, 7, 15), date(2026, 1, 15), date(2026, 7, 15)]


def test_a_household_title_puts_the_names_where_the_definition_says() -> None:
    step = follow_up()
    assert step.title_for("Kari Nordmann") == "Oppfølgingssamtale med Kari Nordmann"
    assert step.title_for(None) == "Oppfølgingssamtale med foreldrene"
    assert step.parents_in("Oppfølgingssamtale med Kari Nordmann og Ola Nordmann") == (
        "Kari Nordmann og Ola Nordmann"
    )
    assert step.parents_in("Oppfølgingssamtale med foreldrene") is None


def test_without_a_household_title_the_names_follow_the_title() -> None:
    definition = CATALOGUE.latest("veien-videre")
    assert definition is not None
    step = definition.steps[0]
    title = step.title_for("Ola Nordmann")
    assert title == "Samtale 1: Samarbeid – Ola Nordmann"
    assert step.parents_in(title) == "Ola Nordmann"


def test_a_household_title_without_the_place_for_the_names_is_refused() -> None:
    raw = follow_up().model_dump(mode="json")
    raw["household_title"] = "Oppfølgingssamtale"
    with pytest.raises(ValidationError, match="household_title"):
        Step.model_validate(raw)


def test_the_parents_follow_up_and_veien_videre_are_planned_per_household() -> None:
    follow = CATALOGUE.latest("oppfolging-foreldre")
    veien = CATALOGUE.latest("veien-videre")
    assert follow is not None
    assert veien is not None
    assert (follow.version, follow.per_parent_household, follow.upgrades) == (3, True, [1, 2])
    assert (veien.version, veien.per_parent_household, veien.upgrades) == (2, True, [1])
    assert "kartlegging-foreldre" in follow.step("oppfolgingssamtale").templates
    # the versions before stay as they were: one series for the parents together
    assert not CATALOGUE.get("oppfolging-foreldre", 2).per_parent_household
    assert not CATALOGUE.get("veien-videre", 1).per_parent_household
