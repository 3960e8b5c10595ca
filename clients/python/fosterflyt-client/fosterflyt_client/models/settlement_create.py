from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.member_count import MemberCount


T = TypeVar("T", bound="SettlementCreate")


@_attrs_define
class SettlementCreate:
    """
    Attributes:
        use (list[MemberCount] | Unset): Each member's actual use of group guidance in the year, counted as the team's
            use_basis says (seats or attendances). The hours of individual guidance are the hours logged on the members'
            orders in the year.
    """

    use: list[MemberCount] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        use: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.use, Unset):
            use = []
            for use_item_data in self.use:
                use_item = use_item_data.to_dict()
                use.append(use_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if use is not UNSET:
            field_dict["use"] = use

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_count import MemberCount  # noqa: PLC0415

        d = dict(src_dict)
        _use = d.pop("use", UNSET)
        use: list[MemberCount] | Unset = UNSET
        if _use is not UNSET:
            use = []
            for use_item_data in _use:
                use_item = MemberCount.from_dict(use_item_data)

                use.append(use_item)

        settlement_create = cls(
            use=use,
        )

        return settlement_create
