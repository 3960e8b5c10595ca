from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.plan_revision_read_content import PlanRevisionReadContent


T = TypeVar("T", bound="PlanRevisionRead")


@_attrs_define
class PlanRevisionRead:
    """
    Attributes:
        revision (int):
        content (PlanRevisionReadContent): The plan's fields as this revision left them.
        reason (str):
        revised_by (str):
        created_at (datetime.datetime):
    """

    revision: int
    content: PlanRevisionReadContent
    reason: str
    revised_by: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        revision = self.revision

        content = self.content.to_dict()

        reason = self.reason

        revised_by = self.revised_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "revision": revision,
                "content": content,
                "reason": reason,
                "revised_by": revised_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_revision_read_content import PlanRevisionReadContent  # noqa: PLC0415

        d = dict(src_dict)
        revision = d.pop("revision")

        content = PlanRevisionReadContent.from_dict(d.pop("content"))

        reason = d.pop("reason")

        revised_by = d.pop("revised_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        plan_revision_read = cls(
            revision=revision,
            content=content,
            reason=reason,
            revised_by=revised_by,
            created_at=created_at,
        )

        plan_revision_read.additional_properties = d
        return plan_revision_read

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
