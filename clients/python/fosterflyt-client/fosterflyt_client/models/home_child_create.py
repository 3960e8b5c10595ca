from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.home_child_relation import HomeChildRelation
from ..types import UNSET, Unset

T = TypeVar("T", bound="HomeChildCreate")


@_attrs_define
class HomeChildCreate:
    """Another child living in the foster home: a birth date or only a year; no national id.

    Attributes:
        name (str):
        relation (HomeChildRelation):
        birth_date (datetime.date | None | Unset):
        birth_year (int | None | Unset):
        notes (None | str | Unset):
    """

    name: str
    relation: HomeChildRelation
    birth_date: datetime.date | None | Unset = UNSET
    birth_year: int | None | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        relation = self.relation.value

        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        birth_year: int | None | Unset
        if isinstance(self.birth_year, Unset):
            birth_year = UNSET
        else:
            birth_year = self.birth_year

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "relation": relation,
            }
        )
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if birth_year is not UNSET:
            field_dict["birth_year"] = birth_year
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        relation = HomeChildRelation(d.pop("relation"))

        def _parse_birth_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        birth_date = _parse_birth_date(d.pop("birth_date", UNSET))

        def _parse_birth_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        birth_year = _parse_birth_year(d.pop("birth_year", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        home_child_create = cls(
            name=name,
            relation=relation,
            birth_date=birth_date,
            birth_year=birth_year,
            notes=notes,
        )

        return home_child_create
