from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.archive_metadata import ArchiveMetadata


T = TypeVar("T", bound="DocumentRead")


@_attrs_define
class DocumentRead:
    """
    Attributes:
        id (UUID):
        service_id (UUID):
        placement_id (UUID):
        task_id (None | UUID):
        template_key (str):
        template_version (int):
        template_source (str):
        title (str):
        draft (bool):
        gaps (list[str]): Required fields that were missing (drafts only).
        sha256 (str):
        size (int):
        media_type (str):
        created_by (str):
        created_at (datetime.datetime):
        archive (ArchiveMetadata): What a Noark 5 archive (Fiks Arkiv) needs to file the document.
        parent_id (None | Unset | UUID): The parent the document was filled for.
    """

    id: UUID
    service_id: UUID
    placement_id: UUID
    task_id: None | UUID
    template_key: str
    template_version: int
    template_source: str
    title: str
    draft: bool
    gaps: list[str]
    sha256: str
    size: int
    media_type: str
    created_by: str
    created_at: datetime.datetime
    archive: ArchiveMetadata
    parent_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        service_id = str(self.service_id)

        placement_id = str(self.placement_id)

        task_id: None | str
        if isinstance(self.task_id, UUID):
            task_id = str(self.task_id)
        else:
            task_id = self.task_id

        template_key = self.template_key

        template_version = self.template_version

        template_source = self.template_source

        title = self.title

        draft = self.draft

        gaps = self.gaps

        sha256 = self.sha256

        size = self.size

        media_type = self.media_type

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        archive = self.archive.to_dict()

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service_id": service_id,
                "placement_id": placement_id,
                "task_id": task_id,
                "template_key": template_key,
                "template_version": template_version,
                "template_source": template_source,
                "title": title,
                "draft": draft,
                "gaps": gaps,
                "sha256": sha256,
                "size": size,
                "media_type": media_type,
                "created_by": created_by,
                "created_at": created_at,
                "archive": archive,
            }
        )
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.archive_metadata import ArchiveMetadata  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        service_id = UUID(d.pop("service_id"))

        placement_id = UUID(d.pop("placement_id"))

        def _parse_task_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                task_id_type_0 = UUID(data)

                return task_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        task_id = _parse_task_id(d.pop("task_id"))

        template_key = d.pop("template_key")

        template_version = d.pop("template_version")

        template_source = d.pop("template_source")

        title = d.pop("title")

        draft = d.pop("draft")

        gaps = cast(list[str], d.pop("gaps"))

        sha256 = d.pop("sha256")

        size = d.pop("size")

        media_type = d.pop("media_type")

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        archive = ArchiveMetadata.from_dict(d.pop("archive"))

        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        document_read = cls(
            id=id,
            service_id=service_id,
            placement_id=placement_id,
            task_id=task_id,
            template_key=template_key,
            template_version=template_version,
            template_source=template_source,
            title=title,
            draft=draft,
            gaps=gaps,
            sha256=sha256,
            size=size,
            media_type=media_type,
            created_by=created_by,
            created_at=created_at,
            archive=archive,
            parent_id=parent_id,
        )

        document_read.additional_properties = d
        return document_read

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
