"""Workflow definitions as validated data: the shipped files load, broken ones are rejected."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from app.planning.definitions import (
    DEFINITION_DIR,
    Anchor,
    DefinitionError,
    FieldType,
    Recurrence,
    Role,
    RuleRef,
    Starts,
    load_catalogue,
)
from app.planning.definitions import (
    Definition as WorkflowDefinition,
)

SHIPPED = {
    "arlig-evaluering",
    "godkjenning-slekt-nettverk",
    "jevnlig-vurdering",
    "oppfolging-etter-tilbakeforing",
    "sak-for-nemnda",
    "samvaer",
    "samvaersrapport",
    "samarbeid-foreldre-frivillig",
    "samtale-andre-barn",
    "en-god-start",
    "omsorgspakken",
    "oppfolging-foreldre",
    "oppfolgingsbesok",
    "omsorgsplan",
    "tiltaksplan",
    "tilsyn",
    "veien-videre",
    "vurderingstrakt",
}

MINIMAL: dict[str, Any] = {
    "key": "proveflyt",
    "version": 1,
    "title": "Prøveflyt",
    "description": "En arbeidsflyt som bare finnes i testene.",
    "rationale": "To steg, det andre etter at det første er fullført.",
    "programme": "Test",
    "legal_basis": "Barnevernsloven § 9-6",
    "starts": "on_placement",
    "steps": [
        {
            "key": "forste",
            "title": "Første steg",
            "guidance": "Gjør det første.",
            "responsible": "contact_person",
            "due": {"anchor": "placement_start", "offset": "P1M"},
            "form": [{"key": "notat", "label": "Notat", "type": "text", "required": True}],
        },
        {
            "key": "andre",
            "title": "Andre steg",
            "guidance": "Gjør det andre.",
            "responsible": "leader",
            "due": {"anchor": "step_completed", "step": "forste", "offset": "P14D"},
            "form": [{"key": "begrunnelse", "label": "Begrunnelse", "type": "text"}],
            "outcomes": [{"key": "ferdig", "label": "Ferdig"}],
        },
    ],
}


def minimal() -> dict[str, Any]:
    return copy.deepcopy(MINIMAL)


def rejected(raw: dict[str, Any]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        WorkflowDefinition.model_validate(raw)
    return caught.value


def write(directory: Path, name: str, raw: dict[str, Any]) -> Path:
    path = directory / name
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --- the shipped definitions -----------------------------------------------------------------


def test_every_shipped_definition_loads() -> None:
    catalogue = load_catalogue()
    assert {d.key for d in catalogue.all_latest()} == SHIPPED
    expected = {
        "arlig-evaluering": [1, 2],
        "oppfolging-foreldre": [1, 2, 3],
        "omsorgspakken": [1, 2],
        "en-god-start": [1, 2],
        "tilsyn": [1, 2, 3],
        "vurderingstrakt": [1, 2, 3],
        "veien-videre": [1, 2],  # per household; the first conversation makes the desk calendar
    }
    assert all(catalogue.versions(key) == expected.get(key, [1]) for key in SHIPPED)


def test_a_newer_version_moves_only_the_older_versions_it_names() -> None:
    evaluation = load_catalogue().latest("arlig-evaluering")
    assert evaluation is not None
    assert evaluation.upgrades == [1]
    assert evaluation.upgrade_reason is not None
    with pytest.raises(ValidationError, match="'upgrades' and 'upgrade_reason' go together"):
        WorkflowDefinition.model_validate({**evaluation.model_dump(), "upgrade_reason": None})
    with pytest.raises(ValidationError, match="upgrades only older versions"):
        WorkflowDefinition.model_validate({**evaluation.model_dump(), "upgrades": [2]})


def test_no_later_than_needs_a_forward_recurrence() -> None:
    evaluation = load_catalogue().get("arlig-evaluering", 1)
    raw = evaluation.model_dump()
    raw["steps"][0]["due"]["no_later_than"] = {"before": "P5M"}
    with pytest.raises(ValidationError, match="needs a forward recurrence"):
        WorkflowDefinition.model_validate(raw)


def test_every_shipped_file_is_named_after_its_key_and_version() -> None:
    for path in sorted(DEFINITION_DIR.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert path.name == f"{raw['key']}.v{raw['version']}.yaml"


def _texts(definition: WorkflowDefinition) -> list[str]:
    texts = [definition.title, definition.description, definition.rationale]
    for step in definition.steps:
        texts += [step.title, step.guidance, *(f.label for f in step.form)]
        texts += [o.label for o in step.outcomes or []]
    return texts


def test_every_shipped_text_is_written_in_norwegian() -> None:
    english = (" the ", " and ", " with ", " should ", " must ", " after ", " before ")
    for definition in load_catalogue().all_latest():
        for text in _texts(definition):
            assert not any(word in f" {text} " for word in english), (definition.key, text)


def test_every_shipped_step_documents_something_required() -> None:
    for definition in load_catalogue().all_latest():
        for step in definition.steps:
            assert any(f.required for f in step.form), (definition.key, step.key)


def test_care_order_workflows_start_only_after_a_care_order() -> None:
    catalogue = load_catalogue()
    for key in ("oppfolging-foreldre", "vurderingstrakt"):
        definition = catalogue.latest(key)
        assert definition is not None
        assert definition.legal_bases == ["care_order"]


ON_REQUEST = {
    "veien-videre",
    "sak-for-nemnda",
    "oppfolging-etter-tilbakeforing",
    "jevnlig-vurdering",
    "samtale-andre-barn",
    # contact visits: started by an arrangement and by each report received
    "samvaer",
    "samvaersrapport",
}


def test_veien_videre_and_what_decisions_start_start_on_request_and_the_others_on_placement() -> (
    None
):
    for definition in load_catalogue().all_latest():
        on_request = definition.key in ON_REQUEST
        expected = Starts.ON_REQUEST if on_request else Starts.ON_PLACEMENT
        assert definition.starts is expected, definition.key


def test_a_service_may_adjust_omsorgspakken() -> None:
    package = load_catalogue().latest("omsorgspakken")
    assert package is not None
    assert package.adjustable
    parts = {s.key.split("_")[0] for s in package.steps}
    assert {"barn", "fosterforeldre", "foreldre", "evaluering"} <= parts
    assert any(s.responsible is Role.SUPERVISOR for s in package.steps)


def test_supervision_registers_the_visit_and_the_report_and_reviews_each_report() -> None:
    supervision = load_catalogue().latest("tilsyn")
    assert supervision is not None
    visit = supervision.step("tilsynsbesok")
    assert visit.due.recurrence is not None
    assert visit.due.recurrence.every == RuleRef(rule="supervision_visits_per_year")
    assert visit.due.offset == RuleRef(rule="supervision_first_after")
    assert visit.due.recurrence.until.value == "child_18"
    assert [(f.key, f.type, f.required) for f in visit.form] == [
        ("besoksdato", FieldType.DATE, True),
        ("rapport_mottatt", FieldType.DATE, True),
        ("samtale_med_barnet_alene", FieldType.BOOLEAN, True),
    ]
    review = supervision.step("gjennomgang_tilsynsrapport")
    assert (review.due.anchor, review.due.step) == (Anchor.STEP_COMPLETED, "tilsynsbesok")
    assert review.due.offset == RuleRef(rule="supervision_report_review_within")
    assert review.templates == ["gjennomgang-tilsynsrapport"]


def test_the_annual_evaluation_concludes_whether_the_assignment_continues() -> None:
    evaluation = load_catalogue().latest("arlig-evaluering")
    assert evaluation is not None
    (step,) = evaluation.steps
    assert step.due.anchor is Anchor.PLACEMENT_START
    assert step.due.offset == RuleRef(rule="annual_evaluation_first_after")
    assert step.due.no_later_than is not None
    assert step.due.no_later_than.before == RuleRef(rule="annual_evaluation_before_agreement_end")
    conclusion = step.field("oppdraget_videre")
    assert conclusion is not None
    assert conclusion.required
    assert conclusion.choices == ["fortsetter", "endres", "avsluttes"]


def test_the_return_home_funnel_walks_five_stages_then_one_decision_with_three_outcomes() -> None:
    funnel = load_catalogue().latest("vurderingstrakt")
    assert funnel is not None
    keys = [s.key for s in funnel.steps]
    assert len(keys) == 6
    assert funnel.steps[0].due.anchor is Anchor.WORKFLOW_START
    assert funnel.steps[0].due.offset == RuleRef(rule="return_home_review_interval")
    for previous, step in zip(funnel.steps, funnel.steps[1:], strict=False):
        assert (step.due.anchor, step.due.step) == (Anchor.STEP_COMPLETED, previous.key)
    for stage in funnel.steps[:5]:
        assert [(f.key, f.type, f.required) for f in stage.form] == [
            ("vurdering", FieldType.TEXT, True),
            ("konklusjon", FieldType.TEXT, True),
        ]
        assert stage.outcomes is None
    decision = funnel.steps[-1]
    assert decision.key == "beslutning"
    assert decision.responsible is Role.LEADER
    assert decision.templates == ["vurdering-tilbakeforing"]
    outcomes = {o.key: o for o in decision.outcomes or []}
    assert list(outcomes) == [
        "fremme_for_nemnda",
        "fortsette_gjenforening",
        "avslutte_gjenforeningsmal",
    ]
    assert outcomes["fortsette_gjenforening"].restarts is True
    assert not outcomes["fremme_for_nemnda"].restarts
    assert outcomes["avslutte_gjenforeningsmal"].requires == ["grunn_for_a_avslutte"]


# --- the schema rejects broken definitions ---------------------------------------------------


def test_the_minimal_definition_used_below_is_valid() -> None:
    definition = WorkflowDefinition.model_validate(minimal())
    assert definition.ident == ("proveflyt", 1)


def test_a_definition_with_a_cycle_is_rejected() -> None:
    raw = minimal()
    raw["steps"][0]["due"] = {"anchor": "step_completed", "step": "andre"}
    assert "steps form a cycle" in str(rejected(raw))


def test_a_step_anchored_on_itself_is_a_cycle() -> None:
    raw = minimal()
    raw["steps"][1]["due"]["step"] = "andre"
    assert "steps form a cycle through 'andre'" in str(rejected(raw))


def test_a_definition_with_an_unknown_anchor_is_rejected() -> None:
    raw = minimal()
    raw["steps"][0]["due"]["anchor"] = "birthday"
    error = rejected(raw)
    assert error.errors()[0]["loc"] == ("steps", 0, "due", "anchor")
    assert error.errors()[0]["type"] == "enum"


def test_a_step_anchored_on_an_unknown_step_is_rejected() -> None:
    raw = minimal()
    raw["steps"][1]["due"]["step"] = "finnes_ikke"
    assert "step 'andre' is anchored on unknown step 'finnes_ikke'" in str(rejected(raw))


def test_a_definition_without_a_title_is_rejected() -> None:
    raw = minimal()
    del raw["title"]
    error = rejected(raw)
    assert [(e["loc"], e["type"]) for e in error.errors()] == [(("title",), "missing")]


def test_a_step_without_a_title_is_rejected() -> None:
    raw = minimal()
    del raw["steps"][0]["title"]
    error = rejected(raw)
    assert [(e["loc"], e["type"]) for e in error.errors()] == [(("steps", 0, "title"), "missing")]


@pytest.mark.parametrize(
    "where",
    ["offset", "every", "reduced_every"],
)
def test_a_definition_with_an_unknown_rule_is_rejected(where: str) -> None:
    raw = minimal()
    due = raw["steps"][0]["due"]
    unknown = {"rule": "visits_per_fortnight"}
    if where == "offset":
        due["offset"] = unknown
    else:
        due["recurrence"] = {"every": "P3M", where: unknown}
    assert "unknown rule 'visits_per_fortnight'" in str(rejected(raw))


def test_an_outcome_with_an_unknown_property_is_rejected() -> None:
    raw = minimal()
    raw["steps"][1]["outcomes"][0]["restart_after"] = {"rule": "sometime"}
    assert "restart_after" in str(rejected(raw))


def test_a_choice_field_without_choices_is_rejected() -> None:
    raw = minimal()
    raw["steps"][0]["form"].append({"key": "valg", "label": "Valg", "type": "choice"})
    assert "choice fields need 'choices'" in str(rejected(raw))


def test_a_text_field_with_choices_is_rejected() -> None:
    raw = minimal()
    raw["steps"][0]["form"][0]["choices"] = ["ja", "nei"]
    assert "other fields must not have them" in str(rejected(raw))


def test_an_outcome_requiring_an_unknown_field_is_rejected() -> None:
    raw = minimal()
    raw["steps"][1]["outcomes"][0]["requires"] = ["grunn"]
    assert "outcome 'ferdig' requires unknown fields {'grunn'}" in str(rejected(raw))


@pytest.mark.parametrize("offset", ["P3X", "3M", "PT1H", "P", "-P"])
def test_an_invalid_duration_is_rejected(offset: str) -> None:
    raw = minimal()
    raw["steps"][0]["due"]["offset"] = offset
    assert "not an ISO 8601 date duration" in str(rejected(raw))


@pytest.mark.parametrize("recurrence", ["every month", "R6P1M", "R6/P1X", "R0/P1M"])
def test_an_invalid_recurrence_is_rejected(recurrence: str) -> None:
    raw = minimal()
    raw["steps"][0]["due"]["recurrence"] = recurrence
    rejected(raw)


@pytest.mark.parametrize(
    ("shorthand", "every", "count"), [("R6/P1M", "P1M", 6), ("R/P1Y", "P1Y", None)]
)
def test_a_recurrence_shorthand_gives_the_interval_and_the_count(
    shorthand: str, every: str, count: int | None
) -> None:
    recurrence = Recurrence.model_validate(shorthand)
    assert (recurrence.every, recurrence.count) == (every, count)


def test_a_step_completed_anchor_needs_a_step_and_only_it_may_have_one() -> None:
    raw = minimal()
    del raw["steps"][1]["due"]["step"]
    assert "'step' is required with anchor step_completed" in str(rejected(raw))
    raw = minimal()
    raw["steps"][0]["due"]["step"] = "andre"
    assert "'step' is required with anchor step_completed, and only with it" in str(rejected(raw))


def test_a_step_anchored_on_another_step_cannot_recur() -> None:
    raw = minimal()
    raw["steps"][1]["due"]["recurrence"] = "R/P1M"
    assert "cannot recur" in str(rejected(raw))


def test_duplicate_step_keys_are_rejected() -> None:
    raw = minimal()
    raw["steps"][1]["key"] = "forste"
    raw["steps"][1]["due"] = {"anchor": "placement_start"}
    assert "step keys must be unique" in str(rejected(raw))


def test_duplicate_form_fields_are_rejected() -> None:
    raw = minimal()
    raw["steps"][0]["form"].append(dict(raw["steps"][0]["form"][0]))
    assert "step 'forste' has duplicate form fields" in str(rejected(raw))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("key",), "Prøveflyt"),
        (("key",), "a"),
        (("key",), "1flyt"),
        (("steps", 0, "key"), "første"),
        (("steps", 0, "form", 0, "key"), "Notat"),
    ],
)
def test_keys_must_be_lowercase_ascii_slugs(path: tuple[Any, ...], value: str) -> None:
    raw = minimal()
    target: Any = raw
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    error = rejected(raw)
    assert error.errors()[0]["type"] == "string_pattern_mismatch"


@pytest.mark.parametrize(
    ("change", "error_type"),
    [
        ({"colour": "blå"}, "extra_forbidden"),
        ({"steps": []}, "too_short"),
        ({"version": 0}, "greater_than_equal"),
        ({"starts": "on_birthday"}, "enum"),
        ({"legal_bases": ["kinship"]}, "literal_error"),
        ({"title": ""}, "string_too_short"),
    ],
)
def test_a_definition_with_a_wrong_top_level_value_is_rejected(
    change: dict[str, Any], error_type: str
) -> None:
    raw = minimal() | change
    assert rejected(raw).errors()[0]["type"] == error_type


@pytest.mark.parametrize(("field", "value"), [("responsible", "social_worker"), ("colour", "blå")])
def test_a_step_with_a_wrong_value_is_rejected(field: str, value: str) -> None:
    raw = minimal()
    raw["steps"][0][field] = value
    rejected(raw)


def test_a_form_field_of_an_unknown_type_is_rejected() -> None:
    raw = minimal()
    raw["steps"][0]["form"][0]["type"] = "file"
    assert rejected(raw).errors()[0]["loc"] == ("steps", 0, "form", 0, "type")


# --- loading a catalogue from files ----------------------------------------------------------


def test_a_catalogue_loads_every_version_and_serves_the_latest(tmp_path: Path) -> None:
    write(tmp_path, "proveflyt.v1.yaml", minimal())
    write(tmp_path, "proveflyt.v2.yaml", minimal() | {"version": 2, "title": "Prøveflyt 2"})
    (tmp_path / "README.md").write_text("not a definition", encoding="utf-8")
    catalogue = load_catalogue(tmp_path)
    assert catalogue.versions("proveflyt") == [1, 2]
    latest = catalogue.latest("proveflyt")
    assert latest is not None
    assert latest.title == "Prøveflyt 2"
    assert catalogue.get("proveflyt", 1).title == "Prøveflyt"
    assert [d.ident for d in catalogue.all_latest()] == [("proveflyt", 2)]
    assert catalogue.latest("finnes-ikke") is None


def test_a_broken_yaml_file_stops_loading_and_names_the_file(tmp_path: Path) -> None:
    write(tmp_path, "proveflyt.v1.yaml", minimal())
    (tmp_path / "odelagt.v1.yaml").write_text("key: [unclosed\ntitle: x\n", encoding="utf-8")
    with pytest.raises(DefinitionError, match=r"workflow definition odelagt\.v1\.yaml is invalid"):
        load_catalogue(tmp_path)


def test_an_invalid_definition_file_names_the_file_and_the_field(tmp_path: Path) -> None:
    raw = minimal()
    del raw["title"]
    write(tmp_path, "proveflyt.v1.yaml", raw)
    with pytest.raises(DefinitionError, match=r"proveflyt\.v1\.yaml is invalid") as caught:
        load_catalogue(tmp_path)
    assert "title" in str(caught.value)


@pytest.mark.parametrize("name", ["annet-navn.v1.yaml", "proveflyt.v2.yaml", "proveflyt.yaml"])
def test_a_wrongly_named_file_stops_loading_and_names_the_file(tmp_path: Path, name: str) -> None:
    write(tmp_path, name, minimal())
    with pytest.raises(DefinitionError, match=rf"{name} must be named proveflyt\.v1\.yaml"):
        load_catalogue(tmp_path)


def test_an_empty_definition_directory_stops_loading(tmp_path: Path) -> None:
    with pytest.raises(DefinitionError, match="no workflow definitions"):
        load_catalogue(tmp_path)


def test_a_yaml_file_that_is_not_a_mapping_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "liste.v1.yaml").write_text("- en\n- to\n", encoding="utf-8")
    with pytest.raises(DefinitionError, match=r"liste\.v1\.yaml is invalid"):
        load_catalogue(tmp_path)


def test_an_outcome_that_starts_an_unknown_workflow_stops_start_up(tmp_path: Path) -> None:
    raw = minimal()
    raw["steps"][1]["outcomes"] = [
        {
            "key": "videre",
            "label": "Videre",
            "starts": {"workflow": "finnes-ikke", "start_text": "x"},
        }
    ]
    write(tmp_path, "proveflyt.v1.yaml", raw)
    with pytest.raises(DefinitionError, match="starts unknown workflow 'finnes-ikke'"):
        load_catalogue(tmp_path)


def test_an_outcome_counts_from_a_required_date_field_and_waits_only_for_a_switch() -> None:
    raw = minimal()
    step = raw["steps"][1]
    step["outcomes"] = [
        {
            "key": "videre",
            "label": "Videre",
            "starts": {"workflow": "proveflyt", "start_text": "x", "from_field": "begrunnelse"},
            "requires": ["begrunnelse"],
        }
    ]
    assert "from_field must be a date field" in str(rejected(raw))
    step["form"].append({"key": "dato", "label": "Dato", "type": "date"})
    step["outcomes"][0]["starts"]["from_field"] = "dato"
    assert "must require its from_field" in str(rejected(raw))
    step["outcomes"][0]["starts"]["when_rule"] = "return_home_review_interval"
    step["outcomes"][0]["requires"] = ["dato"]
    assert "is not a switch in the rule set" in str(rejected(raw))
    step["outcomes"][0]["starts"]["when_rule"] = "return_home_follow_up_in_force"
    assert WorkflowDefinition.model_validate(raw).steps[1].outcomes


def test_a_recurrence_until_the_workflows_end_needs_its_length() -> None:
    raw = minimal()
    raw["steps"][0]["due"]["recurrence"] = {"every": "P1M", "until": "workflow_end"}
    assert "needs the definition's 'lasts'" in str(rejected(raw))
    raw["lasts"] = "P6M"
    assert WorkflowDefinition.model_validate(raw).lasts == "P6M"
