from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.revision_read_values import RevisionReadValues


T = TypeVar("T", bound="RevisionRead")


@_attrs_define
class RevisionRead:
    """
    Attributes:
        revision (int):
        values (RevisionReadValues): The arrangement's values in that revision.
        change_reason (str):
        changed_by (str):
        created_at (datetime.datetime): When the change replaced these values.
    """

    revision: int
    values: RevisionReadValues
    change_reason: str
    changed_by: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        revision = self.revision

        values = self.values.to_dict()

        change_reason = self.change_reason

        changed_by = self.changed_by

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "revision": revision,
                "values": values,
                "change_reason": change_reason,
                "changed_by": changed_by,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.revision_read_values import RevisionReadValues  # noqa: PLC0415

        d = dict(src_dict)
        revision = d.pop("revision")

        values = RevisionReadValues.from_dict(d.pop("values"))

        change_reason = d.pop("change_reason")

        changed_by = d.pop("changed_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        revision_read = cls(
            revision=revision,
            values=values,
            change_reason=change_reason,
            changed_by=changed_by,
            created_at=created_at,
        )

        revision_read.additional_properties = d
        return revision_read

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
