from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.rule_set_publish_values import RuleSetPublishValues


T = TypeVar("T", bound="RuleSetPublish")


@_attrs_define
class RuleSetPublish:
    """A new version of the rule set: every rule, each with its value, text and source.

    Attributes:
        title (str):
        valid_from (datetime.date): A date from 1900-01-01 to 2199-12-31.
        values (RuleSetPublishValues):
    """

    title: str
    valid_from: datetime.date
    values: RuleSetPublishValues

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        valid_from = self.valid_from.isoformat()

        values = self.values.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "valid_from": valid_from,
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rule_set_publish_values import RuleSetPublishValues  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        values = RuleSetPublishValues.from_dict(d.pop("values"))

        rule_set_publish = cls(
            title=title,
            valid_from=valid_from,
            values=values,
        )

        return rule_set_publish
