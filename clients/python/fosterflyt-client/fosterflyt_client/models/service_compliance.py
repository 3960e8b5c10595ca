from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.counts_read import CountsRead
    from ..models.rule_compliance import RuleCompliance


T = TypeVar("T", bound="ServiceCompliance")


@_attrs_define
class ServiceCompliance:
    """
    Attributes:
        service_id (UUID):
        rules (list[RuleCompliance]):
        total (CountsRead): How the tasks due in the period stand (docs/oversight.md defines each figure).
    """

    service_id: UUID
    rules: list[RuleCompliance]
    total: CountsRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        service_id = str(self.service_id)

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        total = self.total.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service_id": service_id,
                "rules": rules,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.counts_read import CountsRead  # noqa: PLC0415
        from ..models.rule_compliance import RuleCompliance  # noqa: PLC0415

        d = dict(src_dict)
        service_id = UUID(d.pop("service_id"))

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = RuleCompliance.from_dict(rules_item_data)

            rules.append(rules_item)

        total = CountsRead.from_dict(d.pop("total"))

        service_compliance = cls(
            service_id=service_id,
            rules=rules,
            total=total,
        )

        service_compliance.additional_properties = d
        return service_compliance

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
