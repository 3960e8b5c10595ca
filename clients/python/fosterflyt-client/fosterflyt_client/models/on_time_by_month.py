from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.rule_months import RuleMonths


T = TypeVar("T", bound="OnTimeByMonth")


@_attrs_define
class OnTimeByMonth:
    """On-time share per rule per month: the leader page's chart (and its table).

    Attributes:
        service_id (UUID):
        period_start (datetime.date):
        period_end (datetime.date):
        as_of (datetime.date):
        rules (list[RuleMonths]):
    """

    service_id: UUID
    period_start: datetime.date
    period_end: datetime.date
    as_of: datetime.date
    rules: list[RuleMonths]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_id = str(self.service_id)

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        as_of = self.as_of.isoformat()

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service_id": service_id,
                "period_start": period_start,
                "period_end": period_end,
                "as_of": as_of,
                "rules": rules,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rule_months import RuleMonths  # noqa: PLC0415

        d = dict(src_dict)
        service_id = UUID(d.pop("service_id"))

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = RuleMonths.from_dict(rules_item_data)

            rules.append(rules_item)

        on_time_by_month = cls(
            service_id=service_id,
            period_start=period_start,
            period_end=period_end,
            as_of=as_of,
            rules=rules,
        )

        on_time_by_month.additional_properties = d
        return on_time_by_month

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
