from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status import TaskStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.form_field_read import FormFieldRead
    from ..models.outcome_read import OutcomeRead
    from ..models.task_read_answers_type_0 import TaskReadAnswersType0


T = TypeVar("T", bound="TaskRead")


@_attrs_define
class TaskRead:
    """A task, with the explanation of its due date and the form that completes it.

    Attributes:
        id (UUID):
        service_id (UUID):
        placement_id (UUID):
        workflow_id (UUID):
        definition_key (str):
        definition_version (int):
        step_key (str):
        occurrence (int):
        title (str):
        guidance (str):
        responsible_role (str):
        assignee_id (None | UUID):
        due_date (datetime.date):
        nominal_date (datetime.date): The date before a weekend or holiday shift.
        overdue (bool): Open and due before today (Europe/Oslo); never stored.
        due_edited (bool): Moved by hand: recalculation leaves it alone.
        rule (str): The due rule that produced due_date, with its rule set.
        legal_basis (str):
        explanation (str): Why the task is due then, in Norwegian.
        rule_set_version (int):
        status (TaskStatus):
        form (list[FormFieldRead]):
        outcomes (list[OutcomeRead] | None):
        templates (list[str]):
        answers (None | TaskReadAnswersType0):
        outcome (None | str):
        completed_at (datetime.datetime | None):
        completed_by (None | str):
        skip_reason (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        spread_from (datetime.date | None | Unset): The due date the plan gave, when this task was moved earlier because
            its assignee had too many deadlines that day (only steps a local routine dates).
        parent_household_id (None | Unset | UUID): The household of the child's parents the task concerns (GET
            /v1/children/{child_id}/parents shows each parent's household_id).
    """

    id: UUID
    service_id: UUID
    placement_id: UUID
    workflow_id: UUID
    definition_key: str
    definition_version: int
    step_key: str
    occurrence: int
    title: str
    guidance: str
    responsible_role: str
    assignee_id: None | UUID
    due_date: datetime.date
    nominal_date: datetime.date
    overdue: bool
    due_edited: bool
    rule: str
    legal_basis: str
    explanation: str
    rule_set_version: int
    status: TaskStatus
    form: list[FormFieldRead]
    outcomes: list[OutcomeRead] | None
    templates: list[str]
    answers: None | TaskReadAnswersType0
    outcome: None | str
    completed_at: datetime.datetime | None
    completed_by: None | str
    skip_reason: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    spread_from: datetime.date | None | Unset = UNSET
    parent_household_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.task_read_answers_type_0 import TaskReadAnswersType0  # noqa: PLC0415

        id = str(self.id)

        service_id = str(self.service_id)

        placement_id = str(self.placement_id)

        workflow_id = str(self.workflow_id)

        definition_key = self.definition_key

        definition_version = self.definition_version

        step_key = self.step_key

        occurrence = self.occurrence

        title = self.title

        guidance = self.guidance

        responsible_role = self.responsible_role

        assignee_id: None | str
        if isinstance(self.assignee_id, UUID):
            assignee_id = str(self.assignee_id)
        else:
            assignee_id = self.assignee_id

        due_date = self.due_date.isoformat()

        nominal_date = self.nominal_date.isoformat()

        overdue = self.overdue

        due_edited = self.due_edited

        rule = self.rule

        legal_basis = self.legal_basis

        explanation = self.explanation

        rule_set_version = self.rule_set_version

        status = self.status.value

        form = []
        for form_item_data in self.form:
            form_item = form_item_data.to_dict()
            form.append(form_item)

        outcomes: list[dict[str, Any]] | None
        if isinstance(self.outcomes, list):
            outcomes = []
            for outcomes_type_0_item_data in self.outcomes:
                outcomes_type_0_item = outcomes_type_0_item_data.to_dict()
                outcomes.append(outcomes_type_0_item)

        else:
            outcomes = self.outcomes

        templates = self.templates

        answers: dict[str, Any] | None
        if isinstance(self.answers, TaskReadAnswersType0):
            answers = self.answers.to_dict()
        else:
            answers = self.answers

        outcome: None | str
        outcome = self.outcome

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        completed_by: None | str
        completed_by = self.completed_by

        skip_reason: None | str
        skip_reason = self.skip_reason

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        spread_from: None | str | Unset
        if isinstance(self.spread_from, Unset):
            spread_from = UNSET
        elif isinstance(self.spread_from, datetime.date):
            spread_from = self.spread_from.isoformat()
        else:
            spread_from = self.spread_from

        parent_household_id: None | str | Unset
        if isinstance(self.parent_household_id, Unset):
            parent_household_id = UNSET
        elif isinstance(self.parent_household_id, UUID):
            parent_household_id = str(self.parent_household_id)
        else:
            parent_household_id = self.parent_household_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "placement_id": placement_id,
                "workflow_id": workflow_id,
                "definition_key": definition_key,
                "definition_version": definition_version,
                "step_key": step_key,
                "occurrence": occurrence,
                "title": title,
                "guidance": guidance,
                "responsible_role": responsible_role,
                "assignee_id": assignee_id,
                "due_date": due_date,
                "nominal_date": nominal_date,
                "overdue": overdue,
                "due_edited": due_edited,
                "rule": rule,
                "legal_basis": legal_basis,
                "explanation": explanation,
                "rule_set_version": rule_set_version,
                "status": status,
                "form": form,
                "outcomes": outcomes,
                "templates": templates,
                "answers": answers,
                "outcome": outcome,
                "completed_at": completed_at,
                "completed_by": completed_by,
                "skip_reason": skip_reason,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if spread_from is not UNSET:
            field_dict["spread_from"] = spread_from
        if parent_household_id is not UNSET:
            field_dict["parent_household_id"] = parent_household_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.form_field_read import FormFieldRead  # noqa: PLC0415
        from ..models.outcome_read import OutcomeRead  # noqa: PLC0415
        from ..models.task_read_answers_type_0 import TaskReadAnswersType0  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        service_id = UUID(d.pop("service_id"))

        placement_id = UUID(d.pop("placement_id"))

        workflow_id = UUID(d.pop("workflow_id"))

        definition_key = d.pop("definition_key")

        definition_version = d.pop("definition_version")

        step_key = d.pop("step_key")

        occurrence = d.pop("occurrence")

        title = d.pop("title")

        guidance = d.pop("guidance")

        responsible_role = d.pop("responsible_role")

        def _parse_assignee_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assignee_id_type_0 = UUID(data)

                return assignee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        nominal_date = datetime.date.fromisoformat(d.pop("nominal_date"))

        overdue = d.pop("overdue")

        due_edited = d.pop("due_edited")

        rule = d.pop("rule")

        legal_basis = d.pop("legal_basis")

        explanation = d.pop("explanation")

        rule_set_version = d.pop("rule_set_version")

        status = TaskStatus(d.pop("status"))

        form = []
        _form = d.pop("form")
        for form_item_data in _form:
            form_item = FormFieldRead.from_dict(form_item_data)

            form.append(form_item)

        def _parse_outcomes(data: object) -> list[OutcomeRead] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                outcomes_type_0 = []
                _outcomes_type_0 = data
                for outcomes_type_0_item_data in _outcomes_type_0:
                    outcomes_type_0_item = OutcomeRead.from_dict(outcomes_type_0_item_data)

                    outcomes_type_0.append(outcomes_type_0_item)

                return outcomes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OutcomeRead] | None, data)

        outcomes = _parse_outcomes(d.pop("outcomes"))

        templates = cast(list[str], d.pop("templates"))

        def _parse_answers(data: object) -> None | TaskReadAnswersType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                answers_type_0 = TaskReadAnswersType0.from_dict(data)

                return answers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskReadAnswersType0, data)

        answers = _parse_answers(d.pop("answers"))

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        def _parse_completed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        completed_by = _parse_completed_by(d.pop("completed_by"))

        def _parse_skip_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        skip_reason = _parse_skip_reason(d.pop("skip_reason"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_spread_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                spread_from_type_0 = datetime.date.fromisoformat(data)

                return spread_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        spread_from = _parse_spread_from(d.pop("spread_from", UNSET))

        def _parse_parent_household_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_household_id_type_0 = UUID(data)

                return parent_household_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_household_id = _parse_parent_household_id(d.pop("parent_household_id", UNSET))

        task_read = cls(
            id=id,
            service_id=service_id,
            placement_id=placement_id,
            workflow_id=workflow_id,
            definition_key=definition_key,
            definition_version=definition_version,
            step_key=step_key,
            occurrence=occurrence,
            title=title,
            guidance=guidance,
            responsible_role=responsible_role,
            assignee_id=assignee_id,
            due_date=due_date,
            nominal_date=nominal_date,
            overdue=overdue,
            due_edited=due_edited,
            rule=rule,
            legal_basis=legal_basis,
            explanation=explanation,
            rule_set_version=rule_set_version,
            status=status,
            form=form,
            outcomes=outcomes,
            templates=templates,
            answers=answers,
            outcome=outcome,
            completed_at=completed_at,
            completed_by=completed_by,
            skip_reason=skip_reason,
            created_at=created_at,
            updated_at=updated_at,
            spread_from=spread_from,
            parent_household_id=parent_household_id,
        )

        task_read.additional_properties = d
        return task_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
