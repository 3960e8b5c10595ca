from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.entry_kind import EntryKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="TimelineEntry")


@_attrs_define
class TimelineEntry:
    """A dated record beside the tasks: a plan adopted or reviewed, a contact visit, a
    supervision visit and its report, the approval of the home for the child.

        Attributes:
            on (datetime.date):
            kind (EntryKind):
            what (str): What happened on the day: for a plan adopted, valid_until or reviewed; for a contact visit planned,
                held or cancelled; for a supervision report visited or received; for the approval the recorded date's name or
                due_by.
            title (str): In Norwegian, as the year wheel shows it.
            resource (str): The path of the record the entry comes from.
            explanation (None | str | Unset): Why the day (a planned contact visit: the arrangement).
            legal_basis (None | str | Unset): What sets the day: the law, or an agreement.
    """

    on: datetime.date
    kind: EntryKind
    what: str
    title: str
    resource: str
    explanation: None | str | Unset = UNSET
    legal_basis: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        on = self.on.isoformat()

        kind = self.kind.value

        what = self.what

        title = self.title

        resource = self.resource

        explanation: None | str | Unset
        if isinstance(self.explanation, Unset):
            explanation = UNSET
        else:
            explanation = self.explanation

        legal_basis: None | str | Unset
        if isinstance(self.legal_basis, Unset):
            legal_basis = UNSET
        else:
            legal_basis = self.legal_basis

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "on": on,
                "kind": kind,
                "what": what,
                "title": title,
                "resource": resource,
            }
        )
        if explanation is not UNSET:
            field_dict["explanation"] = explanation
        if legal_basis is not UNSET:
            field_dict["legal_basis"] = legal_basis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        on = datetime.date.fromisoformat(d.pop("on"))

        kind = EntryKind(d.pop("kind"))

        what = d.pop("what")

        title = d.pop("title")

        resource = d.pop("resource")

        def _parse_explanation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        explanation = _parse_explanation(d.pop("explanation", UNSET))

        def _parse_legal_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_basis = _parse_legal_basis(d.pop("legal_basis", UNSET))

        timeline_entry = cls(
            on=on,
            kind=kind,
            what=what,
            title=title,
            resource=resource,
            explanation=explanation,
            legal_basis=legal_basis,
        )

        timeline_entry.additional_properties = d
        return timeline_entry

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
