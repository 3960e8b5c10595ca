from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.template_read_extra_fields import TemplateReadExtraFields
    from ..models.template_read_produced_by_item import TemplateReadProducedByItem


T = TypeVar("T", bound="TemplateRead")


@_attrs_define
class TemplateRead:
    """
    Attributes:
        key (str):
        title (str):
        version (int):
        versions (list[int]):
        noark_document_type (str):
        source (str): shipped, or service for a service's own template
        public_title (str):
        required_fields (list[str]):
        extra_fields (TemplateReadExtraFields):
        fields (list[str]): Every data-dictionary path the template reads.
        produced_by (list[TemplateReadProducedByItem]):
        service_id (None | Unset | UUID):
    """

    key: str
    title: str
    version: int
    versions: list[int]
    noark_document_type: str
    source: str
    public_title: str
    required_fields: list[str]
    extra_fields: TemplateReadExtraFields
    fields: list[str]
    produced_by: list[TemplateReadProducedByItem]
    service_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        title = self.title

        version = self.version

        versions = self.versions

        noark_document_type = self.noark_document_type

        source = self.source

        public_title = self.public_title

        required_fields = self.required_fields

        extra_fields = self.extra_fields.to_dict()

        fields = self.fields

        produced_by = []
        for produced_by_item_data in self.produced_by:
            produced_by_item = produced_by_item_data.to_dict()
            produced_by.append(produced_by_item)

        service_id: None | str | Unset
        if isinstance(self.service_id, Unset):
            service_id = UNSET
        elif isinstance(self.service_id, UUID):
            service_id = str(self.service_id)
        else:
            service_id = self.service_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "title": title,
                "version": version,
                "versions": versions,
                "noark_document_type": noark_document_type,
                "source": source,
                "public_title": public_title,
                "required_fields": required_fields,
                "extra_fields": extra_fields,
                "fields": fields,
                "produced_by": produced_by,
            }
        )
        if service_id is not UNSET:
            field_dict["service_id"] = service_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_read_extra_fields import TemplateReadExtraFields  # noqa: PLC0415
        from ..models.template_read_produced_by_item import TemplateReadProducedByItem  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        version = d.pop("version")

        versions = cast(list[int], d.pop("versions"))

        noark_document_type = d.pop("noark_document_type")

        source = d.pop("source")

        public_title = d.pop("public_title")

        required_fields = cast(list[str], d.pop("required_fields"))

        extra_fields = TemplateReadExtraFields.from_dict(d.pop("extra_fields"))

        fields = cast(list[str], d.pop("fields"))

        produced_by = []
        _produced_by = d.pop("produced_by")
        for produced_by_item_data in _produced_by:
            produced_by_item = TemplateReadProducedByItem.from_dict(produced_by_item_data)

            produced_by.append(produced_by_item)

        def _parse_service_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_id_type_0 = UUID(data)

                return service_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        service_id = _parse_service_id(d.pop("service_id", UNSET))

        template_read = cls(
            key=key,
            title=title,
            version=version,
            versions=versions,
            noark_document_type=noark_document_type,
            source=source,
            public_title=public_title,
            required_fields=required_fields,
            extra_fields=extra_fields,
            fields=fields,
            produced_by=produced_by,
            service_id=service_id,
        )

        template_read.additional_properties = d
        return template_read

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
