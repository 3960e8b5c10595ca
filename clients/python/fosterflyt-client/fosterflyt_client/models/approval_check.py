from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.check_key import CheckKey
from ..models.check_status import CheckStatus

T = TypeVar("T", bound="ApprovalCheck")


@_attrs_define
class ApprovalCheck:
    """
    Attributes:
        key (CheckKey):
        done_on (datetime.date | None):
        due_by (datetime.date):
        status (CheckStatus):
    """

    key: CheckKey
    done_on: datetime.date | None
    due_by: datetime.date
    status: CheckStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key.value

        done_on: None | str
        if isinstance(self.done_on, datetime.date):
            done_on = self.done_on.isoformat()
        else:
            done_on = self.done_on

        due_by = self.due_by.isoformat()

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "done_on": done_on,
                "due_by": due_by,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = CheckKey(d.pop("key"))

        def _parse_done_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                done_on_type_0 = datetime.date.fromisoformat(data)

                return done_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        done_on = _parse_done_on(d.pop("done_on"))

        due_by = datetime.date.fromisoformat(d.pop("due_by"))

        status = CheckStatus(d.pop("status"))

        approval_check = cls(
            key=key,
            done_on=done_on,
            due_by=due_by,
            status=status,
        )

        approval_check.additional_properties = d
        return approval_check

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
