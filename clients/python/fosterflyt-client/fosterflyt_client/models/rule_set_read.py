from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rule_set_read_values import RuleSetReadValues


T = TypeVar("T", bound="RuleSetRead")


@_attrs_define
class RuleSetRead:
    """
    Attributes:
        key (str):
        version (int):
        valid_from (datetime.date):
        title (str):
        values (RuleSetReadValues):
        from_shipped (list[str] | Unset): Rules this version was published without (the engine learnt them later) or
            holds in an outdated form: their values come from the shipped rule set. Publish a new version to set them.
    """

    key: str
    version: int
    valid_from: datetime.date
    title: str
    values: RuleSetReadValues
    from_shipped: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        version = self.version

        valid_from = self.valid_from.isoformat()

        title = self.title

        values = self.values.to_dict()

        from_shipped: list[str] | Unset = UNSET
        if not isinstance(self.from_shipped, Unset):
            from_shipped = self.from_shipped

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "version": version,
                "valid_from": valid_from,
                "title": title,
                "values": values,
            }
        )
        if from_shipped is not UNSET:
            field_dict["from_shipped"] = from_shipped

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rule_set_read_values import RuleSetReadValues  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        version = d.pop("version")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        title = d.pop("title")

        values = RuleSetReadValues.from_dict(d.pop("values"))

        from_shipped = cast(list[str], d.pop("from_shipped", UNSET))

        rule_set_read = cls(
            key=key,
            version=version,
            valid_from=valid_from,
            title=title,
            values=values,
            from_shipped=from_shipped,
        )

        rule_set_read.additional_properties = d
        return rule_set_read

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
