from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MemberCreate")


@_attrs_define
class MemberCreate:
    """
    Attributes:
        member_service_id (UUID): The member child welfare service.
        joined_on (datetime.date): A date from 1900-01-01 to 2199-12-31.
        left_on (datetime.date | None | Unset): The last day of the membership (open-ended without it); on or after
            joined_on. A member's periods may not overlap.
    """

    member_service_id: UUID
    joined_on: datetime.date
    left_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        member_service_id = str(self.member_service_id)

        joined_on = self.joined_on.isoformat()

        left_on: None | str | Unset
        if isinstance(self.left_on, Unset):
            left_on = UNSET
        elif isinstance(self.left_on, datetime.date):
            left_on = self.left_on.isoformat()
        else:
            left_on = self.left_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_service_id": member_service_id,
                "joined_on": joined_on,
            }
        )
        if left_on is not UNSET:
            field_dict["left_on"] = left_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_service_id = UUID(d.pop("member_service_id"))

        joined_on = datetime.date.fromisoformat(d.pop("joined_on"))

        def _parse_left_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_on_type_0 = datetime.date.fromisoformat(data)

                return left_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        left_on = _parse_left_on(d.pop("left_on", UNSET))

        member_create = cls(
            member_service_id=member_service_id,
            joined_on=joined_on,
            left_on=left_on,
        )

        return member_create
