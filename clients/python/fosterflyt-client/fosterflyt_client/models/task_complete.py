from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.task_complete_answers import TaskCompleteAnswers


T = TypeVar("T", bound="TaskComplete")


@_attrs_define
class TaskComplete:
    """
    Attributes:
        answers (TaskCompleteAnswers | Unset): Values for the step's form fields, by key.
        outcome (None | str | Unset): Required for decision steps: one of the step's outcomes.
    """

    answers: TaskCompleteAnswers | Unset = UNSET
    outcome: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        answers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.answers, Unset):
            answers = self.answers.to_dict()

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if answers is not UNSET:
            field_dict["answers"] = answers
        if outcome is not UNSET:
            field_dict["outcome"] = outcome

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.task_complete_answers import TaskCompleteAnswers  # noqa: PLC0415

        d = dict(src_dict)
        _answers = d.pop("answers", UNSET)
        answers: TaskCompleteAnswers | Unset
        if isinstance(_answers, Unset):
            answers = UNSET
        else:
            answers = TaskCompleteAnswers.from_dict(_answers)

        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        task_complete = cls(
            answers=answers,
            outcome=outcome,
        )

        return task_complete
