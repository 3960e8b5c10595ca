from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.statement_line import StatementLine


T = TypeVar("T", bound="SettlementRead")


@_attrs_define
class SettlementRead:
    """
    Attributes:
        team_id (UUID):
        year (int):
        settled_on (datetime.date):
        fixed_percent (int):
        rule_set_version (int):
        lines (list[StatementLine]):
    """

    team_id: UUID
    year: int
    settled_on: datetime.date
    fixed_percent: int
    rule_set_version: int
    lines: list[StatementLine]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        team_id = str(self.team_id)

        year = self.year

        settled_on = self.settled_on.isoformat()

        fixed_percent = self.fixed_percent

        rule_set_version = self.rule_set_version

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "team_id": team_id,
                "year": year,
                "settled_on": settled_on,
                "fixed_percent": fixed_percent,
                "rule_set_version": rule_set_version,
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statement_line import StatementLine  # noqa: PLC0415

        d = dict(src_dict)
        team_id = UUID(d.pop("team_id"))

        year = d.pop("year")

        settled_on = datetime.date.fromisoformat(d.pop("settled_on"))

        fixed_percent = d.pop("fixed_percent")

        rule_set_version = d.pop("rule_set_version")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = StatementLine.from_dict(lines_item_data)

            lines.append(lines_item)

        settlement_read = cls(
            team_id=team_id,
            year=year,
            settled_on=settled_on,
            fixed_percent=fixed_percent,
            rule_set_version=rule_set_version,
            lines=lines,
        )

        settlement_read.additional_properties = d
        return settlement_read

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
