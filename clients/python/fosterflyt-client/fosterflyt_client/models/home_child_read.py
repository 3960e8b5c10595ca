from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.home_child_relation import HomeChildRelation

T = TypeVar("T", bound="HomeChildRead")


@_attrs_define
class HomeChildRead:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        service_id (UUID):
        foster_home_id (UUID):
        name (str):
        birth_date (datetime.date | None):
        birth_year (int):
        relation (HomeChildRelation):
        notes (None | str):
        moved_out_on (datetime.date | None):
    """

    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    service_id: UUID
    foster_home_id: UUID
    name: str
    birth_date: datetime.date | None
    birth_year: int
    relation: HomeChildRelation
    notes: None | str
    moved_out_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        service_id = str(self.service_id)

        foster_home_id = str(self.foster_home_id)

        name = self.name

        birth_date: None | str
        if isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        birth_year = self.birth_year

        relation = self.relation.value

        notes: None | str
        notes = self.notes

        moved_out_on: None | str
        if isinstance(self.moved_out_on, datetime.date):
            moved_out_on = self.moved_out_on.isoformat()
        else:
            moved_out_on = self.moved_out_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "service_id": service_id,
                "foster_home_id": foster_home_id,
                "name": name,
                "birth_date": birth_date,
                "birth_year": birth_year,
                "relation": relation,
                "notes": notes,
                "moved_out_on": moved_out_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        service_id = UUID(d.pop("service_id"))

        foster_home_id = UUID(d.pop("foster_home_id"))

        name = d.pop("name")

        def _parse_birth_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        birth_date = _parse_birth_date(d.pop("birth_date"))

        birth_year = d.pop("birth_year")

        relation = HomeChildRelation(d.pop("relation"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_moved_out_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                moved_out_on_type_0 = datetime.date.fromisoformat(data)

                return moved_out_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        moved_out_on = _parse_moved_out_on(d.pop("moved_out_on"))

        home_child_read = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            service_id=service_id,
            foster_home_id=foster_home_id,
            name=name,
            birth_date=birth_date,
            birth_year=birth_year,
            relation=relation,
            notes=notes,
            moved_out_on=moved_out_on,
        )

        home_child_read.additional_properties = d
        return home_child_read

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
