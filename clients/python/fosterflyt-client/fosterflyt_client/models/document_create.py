from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_create_values import DocumentCreateValues


T = TypeVar("T", bound="DocumentCreate")


@_attrs_define
class DocumentCreate:
    """
    Attributes:
        template_key (str):
        placement_id (UUID):
        template_version (int | None | Unset): Default: the latest.
        task_id (None | Unset | UUID): Fill in that task's answers.
        parent_id (None | Unset | UUID): Fill the document for this parent of the child (`forelder.*`); a letter is
            addressed to the parent's household at the parent's address unless `values` names the recipient. Without it, a
            task of one household's follow-up fills for that household's first parent.
        values (DocumentCreateValues | Unset): Extra values the template declares (ekstra.<name>).
        draft (bool | Unset): A draft is made even when required data is missing; each gap is marked visibly in the
            document. Default: False.
    """

    template_key: str
    placement_id: UUID
    template_version: int | None | Unset = UNSET
    task_id: None | Unset | UUID = UNSET
    parent_id: None | Unset | UUID = UNSET
    values: DocumentCreateValues | Unset = UNSET
    draft: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        template_key = self.template_key

        placement_id = str(self.placement_id)

        template_version: int | None | Unset
        if isinstance(self.template_version, Unset):
            template_version = UNSET
        else:
            template_version = self.template_version

        task_id: None | str | Unset
        if isinstance(self.task_id, Unset):
            task_id = UNSET
        elif isinstance(self.task_id, UUID):
            task_id = str(self.task_id)
        else:
            task_id = self.task_id

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values.to_dict()

        draft = self.draft

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "template_key": template_key,
                "placement_id": placement_id,
            }
        )
        if template_version is not UNSET:
            field_dict["template_version"] = template_version
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if values is not UNSET:
            field_dict["values"] = values
        if draft is not UNSET:
            field_dict["draft"] = draft

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_create_values import DocumentCreateValues  # noqa: PLC0415

        d = dict(src_dict)
        template_key = d.pop("template_key")

        placement_id = UUID(d.pop("placement_id"))

        def _parse_template_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        template_version = _parse_template_version(d.pop("template_version", UNSET))

        def _parse_task_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                task_id_type_0 = UUID(data)

                return task_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        task_id = _parse_task_id(d.pop("task_id", UNSET))

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

        _values = d.pop("values", UNSET)
        values: DocumentCreateValues | Unset
        if isinstance(_values, Unset):
            values = UNSET
        else:
            values = DocumentCreateValues.from_dict(_values)

        draft = d.pop("draft", UNSET)

        document_create = cls(
            template_key=template_key,
            placement_id=placement_id,
            template_version=template_version,
            task_id=task_id,
            parent_id=parent_id,
            values=values,
            draft=draft,
        )

        return document_create
