from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.order_category import OrderCategory
from ..models.order_concerns import OrderConcerns
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderCreate")


@_attrs_define
class OrderCreate:
    """
    Attributes:
        team_id (UUID):
        category (OrderCategory):
        concerns (OrderConcerns): Whom the help is for.
        work_on (str): What the team should work on.
        reason (str): Why help is ordered.
        desired_outcome (str): The outcome the member wants.
        child_id (None | Unset | UUID): A child of the ordering service.
        foster_home_id (None | Unset | UUID): A foster home of the ordering service.
    """

    team_id: UUID
    category: OrderCategory
    concerns: OrderConcerns
    work_on: str
    reason: str
    desired_outcome: str
    child_id: None | Unset | UUID = UNSET
    foster_home_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        team_id = str(self.team_id)

        category = self.category.value

        concerns = self.concerns.value

        work_on = self.work_on

        reason = self.reason

        desired_outcome = self.desired_outcome

        child_id: None | str | Unset
        if isinstance(self.child_id, Unset):
            child_id = UNSET
        elif isinstance(self.child_id, UUID):
            child_id = str(self.child_id)
        else:
            child_id = self.child_id

        foster_home_id: None | str | Unset
        if isinstance(self.foster_home_id, Unset):
            foster_home_id = UNSET
        elif isinstance(self.foster_home_id, UUID):
            foster_home_id = str(self.foster_home_id)
        else:
            foster_home_id = self.foster_home_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "team_id": team_id,
                "category": category,
                "concerns": concerns,
                "work_on": work_on,
                "reason": reason,
                "desired_outcome": desired_outcome,
            }
        )
        if child_id is not UNSET:
            field_dict["child_id"] = child_id
        if foster_home_id is not UNSET:
            field_dict["foster_home_id"] = foster_home_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = UUID(d.pop("team_id"))

        category = OrderCategory(d.pop("category"))

        concerns = OrderConcerns(d.pop("concerns"))

        work_on = d.pop("work_on")

        reason = d.pop("reason")

        desired_outcome = d.pop("desired_outcome")

        def _parse_child_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                child_id_type_0 = UUID(data)

                return child_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        child_id = _parse_child_id(d.pop("child_id", UNSET))

        def _parse_foster_home_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                foster_home_id_type_0 = UUID(data)

                return foster_home_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        foster_home_id = _parse_foster_home_id(d.pop("foster_home_id", UNSET))

        order_create = cls(
            team_id=team_id,
            category=category,
            concerns=concerns,
            work_on=work_on,
            reason=reason,
            desired_outcome=desired_outcome,
            child_id=child_id,
            foster_home_id=foster_home_id,
        )

        return order_create
