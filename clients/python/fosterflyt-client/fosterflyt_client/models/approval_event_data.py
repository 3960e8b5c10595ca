from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.approval_outcome import ApprovalOutcome

T = TypeVar("T", bound="ApprovalEventData")


@_attrs_define
class ApprovalEventData:
    """
    Attributes:
        outcome (ApprovalOutcome | None): The decision, once made (`approval.decided` always has one).
    """

    outcome: ApprovalOutcome | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outcome: None | str
        if isinstance(self.outcome, ApprovalOutcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outcome": outcome,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_outcome(data: object) -> ApprovalOutcome | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = ApprovalOutcome(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApprovalOutcome | None, data)

        outcome = _parse_outcome(d.pop("outcome"))

        approval_event_data = cls(
            outcome=outcome,
        )

        approval_event_data.additional_properties = d
        return approval_event_data

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
