"""Every document a workflow step produces has a template, and the manifest says so."""

from __future__ import annotations

from app.documents.catalogue import load_templates
from app.planning.definitions import load_catalogue


def test_every_template_a_workflow_step_names_is_in_the_catalogue() -> None:
    templates = load_templates()
    named = {
        (definition.key, step.key, template)
        for definition in load_catalogue().all_latest()
        for step in definition.steps
        for template in step.templates
    }
    assert named, "the workflows name no templates"
    missing = sorted(t for _, _, t in named if templates.latest(t) is None)
    assert missing == []


def test_the_manifest_names_the_steps_that_produce_each_template() -> None:
    templates = load_templates()
    for definition_key, step_key, template in {
        (d.key, s.key, t)
        for d in load_catalogue().all_latest()
        for s in d.steps
        for t in s.templates
    }:
        entry = templates.latest(template)
        assert entry is not None
        produced = {(p.definition_key, p.step_key) for p in entry.produced_by}
        assert (definition_key, step_key) in produced, (template, definition_key, step_key)
