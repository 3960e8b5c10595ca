from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ArchiveMetadata")


@_attrs_define
class ArchiveMetadata:
    """What a Noark 5 archive (Fiks Arkiv) needs to file the document.

    Attributes:
        title (str): Full title; may contain personal data.
        public_title (str): Offentlig tittel: no personal data.
        document_type (str):
        screened (bool | Unset): Exempt from public access (offentleglova § 13). Default: True.
    """

    title: str
    public_title: str
    document_type: str
    screened: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        public_title = self.public_title

        document_type = self.document_type

        screened = self.screened

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
                "public_title": public_title,
                "document_type": document_type,
            }
        )
        if screened is not UNSET:
            field_dict["screened"] = screened

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        public_title = d.pop("public_title")

        document_type = d.pop("document_type")

        screened = d.pop("screened", UNSET)

        archive_metadata = cls(
            title=title,
            public_title=public_title,
            document_type=document_type,
            screened=screened,
        )

        archive_metadata.additional_properties = d
        return archive_metadata

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
