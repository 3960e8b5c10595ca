from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.use_basis import UseBasis

T = TypeVar("T", bound="TeamCreate")


@_attrs_define
class TeamCreate:
    """
    Attributes:
        name (str):
        use_basis (UseBasis): What the use half of the group-guidance cost is counted in (a team setting).
    """

    name: str
    use_basis: UseBasis

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        use_basis = self.use_basis.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "use_basis": use_basis,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        use_basis = UseBasis(d.pop("use_basis"))

        team_create = cls(
            name=name,
            use_basis=use_basis,
        )

        return team_create
