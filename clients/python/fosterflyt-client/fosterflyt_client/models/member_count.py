from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MemberCount")


@_attrs_define
class MemberCount:
    """
    Attributes:
        member_service_id (UUID):
        count (int):
    """

    member_service_id: UUID
    count: int

    def to_dict(self) -> dict[str, Any]:
        member_service_id = str(self.member_service_id)

        count = self.count

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_service_id": member_service_id,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_service_id = UUID(d.pop("member_service_id"))

        count = d.pop("count")

        member_count = cls(
            member_service_id=member_service_id,
            count=count,
        )

        return member_count
