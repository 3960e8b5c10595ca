from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.breakdown_outcome import BreakdownOutcome
from ..models.order_category import OrderCategory
from ..models.order_concerns import OrderConcerns
from ..models.order_status import OrderStatus

T = TypeVar("T", bound="OrderRead")


@_attrs_define
class OrderRead:
    """
    Attributes:
        id (UUID):
        service_id (UUID): The host service.
        team_id (UUID):
        member_service_id (UUID): The ordering member service.
        child_id (None | UUID):
        foster_home_id (None | UUID):
        concerns (OrderConcerns): Whom the help is for.
        category (OrderCategory):
        urgent (bool): True for concern_for_breakdown.
        work_on (str):
        reason (str):
        desired_outcome (str):
        ordered_on (datetime.date):
        ordered_by (str):
        status (OrderStatus):
        decided_on (datetime.date | None):
        decided_by (None | str):
        decision_reason (None | str):
        supervisor_id (None | UUID):
        called_back_on (datetime.date | None):
        started_on (datetime.date | None):
        evaluation_date (datetime.date | None):
        time_limit_date (datetime.date | None):
        access_from (datetime.date | None): From this day the team reads the ordered case (the acceptance).
        access_until (datetime.date | None): The last day the team reads it (the time limit); it ends at once when the
            order closes.
        closed_on (datetime.date | None):
        report (None | str):
        breakdown_outcome (BreakdownOutcome | None):
        hours_logged (float):
        next_step (None | str): The team's next step: decide, call_back, start or close (none once declined or closed).
        next_step_due (datetime.date | None):
        next_step_rule (None | str): The rule (in Norwegian, with its provenance and rule-set version) that set the
            date.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    service_id: UUID
    team_id: UUID
    member_service_id: UUID
    child_id: None | UUID
    foster_home_id: None | UUID
    concerns: OrderConcerns
    category: OrderCategory
    urgent: bool
    work_on: str
    reason: str
    desired_outcome: str
    ordered_on: datetime.date
    ordered_by: str
    status: OrderStatus
    decided_on: datetime.date | None
    decided_by: None | str
    decision_reason: None | str
    supervisor_id: None | UUID
    called_back_on: datetime.date | None
    started_on: datetime.date | None
    evaluation_date: datetime.date | None
    time_limit_date: datetime.date | None
    access_from: datetime.date | None
    access_until: datetime.date | None
    closed_on: datetime.date | None
    report: None | str
    breakdown_outcome: BreakdownOutcome | None
    hours_logged: float
    next_step: None | str
    next_step_due: datetime.date | None
    next_step_rule: None | str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        service_id = str(self.service_id)

        team_id = str(self.team_id)

        member_service_id = str(self.member_service_id)

        child_id: None | str
        if isinstance(self.child_id, UUID):
            child_id = str(self.child_id)
        else:
            child_id = self.child_id

        foster_home_id: None | str
        if isinstance(self.foster_home_id, UUID):
            foster_home_id = str(self.foster_home_id)
        else:
            foster_home_id = self.foster_home_id

        concerns = self.concerns.value

        category = self.category.value

        urgent = self.urgent

        work_on = self.work_on

        reason = self.reason

        desired_outcome = self.desired_outcome

        ordered_on = self.ordered_on.isoformat()

        ordered_by = self.ordered_by

        status = self.status.value

        decided_on: None | str
        if isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        decided_by: None | str
        decided_by = self.decided_by

        decision_reason: None | str
        decision_reason = self.decision_reason

        supervisor_id: None | str
        if isinstance(self.supervisor_id, UUID):
            supervisor_id = str(self.supervisor_id)
        else:
            supervisor_id = self.supervisor_id

        called_back_on: None | str
        if isinstance(self.called_back_on, datetime.date):
            called_back_on = self.called_back_on.isoformat()
        else:
            called_back_on = self.called_back_on

        started_on: None | str
        if isinstance(self.started_on, datetime.date):
            started_on = self.started_on.isoformat()
        else:
            started_on = self.started_on

        evaluation_date: None | str
        if isinstance(self.evaluation_date, datetime.date):
            evaluation_date = self.evaluation_date.isoformat()
        else:
            evaluation_date = self.evaluation_date

        time_limit_date: None | str
        if isinstance(self.time_limit_date, datetime.date):
            time_limit_date = self.time_limit_date.isoformat()
        else:
            time_limit_date = self.time_limit_date

        access_from: None | str
        if isinstance(self.access_from, datetime.date):
            access_from = self.access_from.isoformat()
        else:
            access_from = self.access_from

        access_until: None | str
        if isinstance(self.access_until, datetime.date):
            access_until = self.access_until.isoformat()
        else:
            access_until = self.access_until

        closed_on: None | str
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        report: None | str
        report = self.report

        breakdown_outcome: None | str
        if isinstance(self.breakdown_outcome, BreakdownOutcome):
            breakdown_outcome = self.breakdown_outcome.value
        else:
            breakdown_outcome = self.breakdown_outcome

        hours_logged = self.hours_logged

        next_step: None | str
        next_step = self.next_step

        next_step_due: None | str
        if isinstance(self.next_step_due, datetime.date):
            next_step_due = self.next_step_due.isoformat()
        else:
            next_step_due = self.next_step_due

        next_step_rule: None | str
        next_step_rule = self.next_step_rule

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "team_id": team_id,
                "member_service_id": member_service_id,
                "child_id": child_id,
                "foster_home_id": foster_home_id,
                "concerns": concerns,
                "category": category,
                "urgent": urgent,
                "work_on": work_on,
                "reason": reason,
                "desired_outcome": desired_outcome,
                "ordered_on": ordered_on,
                "ordered_by": ordered_by,
                "status": status,
                "decided_on": decided_on,
                "decided_by": decided_by,
                "decision_reason": decision_reason,
                "supervisor_id": supervisor_id,
                "called_back_on": called_back_on,
                "started_on": started_on,
                "evaluation_date": evaluation_date,
                "time_limit_date": time_limit_date,
                "access_from": access_from,
                "access_until": access_until,
                "closed_on": closed_on,
                "report": report,
                "breakdown_outcome": breakdown_outcome,
                "hours_logged": hours_logged,
                "next_step": next_step,
                "next_step_due": next_step_due,
                "next_step_rule": next_step_rule,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        service_id = UUID(d.pop("service_id"))

        team_id = UUID(d.pop("team_id"))

        member_service_id = UUID(d.pop("member_service_id"))

        def _parse_child_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                child_id_type_0 = UUID(data)

                return child_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        child_id = _parse_child_id(d.pop("child_id"))

        def _parse_foster_home_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                foster_home_id_type_0 = UUID(data)

                return foster_home_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        foster_home_id = _parse_foster_home_id(d.pop("foster_home_id"))

        concerns = OrderConcerns(d.pop("concerns"))

        category = OrderCategory(d.pop("category"))

        urgent = d.pop("urgent")

        work_on = d.pop("work_on")

        reason = d.pop("reason")

        desired_outcome = d.pop("desired_outcome")

        ordered_on = datetime.date.fromisoformat(d.pop("ordered_on"))

        ordered_by = d.pop("ordered_by")

        status = OrderStatus(d.pop("status"))

        def _parse_decided_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_on_type_0 = datetime.date.fromisoformat(data)

                return decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        decided_on = _parse_decided_on(d.pop("decided_on"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_decision_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_reason = _parse_decision_reason(d.pop("decision_reason"))

        def _parse_supervisor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supervisor_id_type_0 = UUID(data)

                return supervisor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        supervisor_id = _parse_supervisor_id(d.pop("supervisor_id"))

        def _parse_called_back_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                called_back_on_type_0 = datetime.date.fromisoformat(data)

                return called_back_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        called_back_on = _parse_called_back_on(d.pop("called_back_on"))

        def _parse_started_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_on_type_0 = datetime.date.fromisoformat(data)

                return started_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        started_on = _parse_started_on(d.pop("started_on"))

        def _parse_evaluation_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evaluation_date_type_0 = datetime.date.fromisoformat(data)

                return evaluation_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        evaluation_date = _parse_evaluation_date(d.pop("evaluation_date"))

        def _parse_time_limit_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                time_limit_date_type_0 = datetime.date.fromisoformat(data)

                return time_limit_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        time_limit_date = _parse_time_limit_date(d.pop("time_limit_date"))

        def _parse_access_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                access_from_type_0 = datetime.date.fromisoformat(data)

                return access_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        access_from = _parse_access_from(d.pop("access_from"))

        def _parse_access_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                access_until_type_0 = datetime.date.fromisoformat(data)

                return access_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        access_until = _parse_access_until(d.pop("access_until"))

        def _parse_closed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        def _parse_report(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        report = _parse_report(d.pop("report"))

        def _parse_breakdown_outcome(data: object) -> BreakdownOutcome | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                breakdown_outcome_type_0 = BreakdownOutcome(data)

                return breakdown_outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BreakdownOutcome | None, data)

        breakdown_outcome = _parse_breakdown_outcome(d.pop("breakdown_outcome"))

        hours_logged = d.pop("hours_logged")

        def _parse_next_step(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_step = _parse_next_step(d.pop("next_step"))

        def _parse_next_step_due(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_step_due_type_0 = datetime.date.fromisoformat(data)

                return next_step_due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_step_due = _parse_next_step_due(d.pop("next_step_due"))

        def _parse_next_step_rule(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_step_rule = _parse_next_step_rule(d.pop("next_step_rule"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        order_read = cls(
            id=id,
            service_id=service_id,
            team_id=team_id,
            member_service_id=member_service_id,
            child_id=child_id,
            foster_home_id=foster_home_id,
            concerns=concerns,
            category=category,
            urgent=urgent,
            work_on=work_on,
            reason=reason,
            desired_outcome=desired_outcome,
            ordered_on=ordered_on,
            ordered_by=ordered_by,
            status=status,
            decided_on=decided_on,
            decided_by=decided_by,
            decision_reason=decision_reason,
            supervisor_id=supervisor_id,
            called_back_on=called_back_on,
            started_on=started_on,
            evaluation_date=evaluation_date,
            time_limit_date=time_limit_date,
            access_from=access_from,
            access_until=access_until,
            closed_on=closed_on,
            report=report,
            breakdown_outcome=breakdown_outcome,
            hours_logged=hours_logged,
            next_step=next_step,
            next_step_due=next_step_due,
            next_step_rule=next_step_rule,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        order_read.additional_properties = d
        return order_read

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
