"""A step's form as the task page renders it and reads it back, for every field type a
definition may use (pure: no database)."""

from __future__ import annotations

from starlette.datastructures import FormData

from app.errors import body_error
from app.planning.definitions import Step
from app.planning.forms import check_answers
from app.web.pages.task import answer_messages, answers_of, posted_fields, shown_fields

STEP = Step.model_validate(
    {
        "key": "alle_felt",
        "title": "Alle felttyper",
        "guidance": "Prøv alt.",
        "responsible": "contact_person",
        "due": {"anchor": "placement_start", "offset": "P1M"},
        "form": [
            {"key": "tekst", "label": "Tekst", "type": "text", "required": True},
            {"key": "janei", "label": "Ja eller nei", "type": "boolean", "required": True},
            {"key": "antall", "label": "Antall", "type": "integer"},
            {"key": "dato", "label": "Dato", "type": "date"},
            {"key": "valg", "label": "Valg", "type": "choice", "choices": ["en", "to"]},
            {"key": "flere", "label": "Flere", "type": "multichoice", "choices": ["aa", "bb"]},
        ],
        "outcomes": [{"key": "ferdig", "label": "Ferdig", "requires": ["antall"]}],
    }
)


def test_each_field_type_has_its_own_control() -> None:
    kinds = {f.name: f.kind for f in shown_fields(STEP)}
    assert kinds == {
        "svar-tekst": "textarea",
        "svar-janei": "radios",
        "svar-antall": "integer",
        "svar-dato": "date",
        "svar-valg": "radios",
        "svar-flere": "checkboxes",
    }
    [yes_no] = [f for f in shown_fields(STEP) if f.name == "svar-janei"]
    assert yes_no.options == [("ja", "Ja"), ("nei", "Nei")]
    [count] = [f for f in shown_fields(STEP) if f.name == "svar-antall"]
    assert count.help == "Må fylles ut når du velger «Ferdig»."


def test_the_posted_form_becomes_the_answers_the_step_checks() -> None:
    form = FormData(
        [
            ("svar-tekst", "Hei"),
            ("svar-janei", "nei"),
            ("svar-antall", " 3 "),
            ("svar-dato", "17.5.2026"),
            ("svar-valg", "to"),
            ("svar-flere", "aa"),
            ("svar-flere", "bb"),
            ("utfall", "ferdig"),
        ]
    )
    answers, outcome = answers_of(posted_fields(form, STEP), STEP)
    assert answers == {
        "tekst": "Hei",
        "janei": False,
        "antall": 3,
        "dato": "2026-05-17",
        "valg": "to",
        "flere": ["aa", "bb"],
    }
    assert outcome == "ferdig"
    assert check_answers(STEP, answers, outcome) == []


def test_each_refusal_of_the_step_becomes_a_message_by_its_field() -> None:
    form = FormData([("svar-antall", "tre"), ("svar-dato", "1.1.1800"), ("utfall", "ferdig")])
    answers, outcome = answers_of(posted_fields(form, STEP), STEP)
    problems = check_answers(STEP, answers, outcome)
    errors = [body_error(p.field, p.detail, p.code) for p in problems]
    assert answer_messages(errors, STEP) == {
        "svar-tekst": "Fyll inn tekst",
        "svar-janei": "Velg ja eller nei",
        "svar-antall": "Antall må være et helt tall",
        "svar-dato": "Dato må være en dato som er mulig",
    }
