from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.home_child_relation import HomeChildRelation
from ..types import UNSET, Unset

T = TypeVar("T", bound="HomeChildUpdate")


@_attrs_define
class HomeChildUpdate:
    """
    Attributes:
        name (None | str | Unset):
        relation (HomeChildRelation | None | Unset):
        notes (None | str | Unset):
        moved_out_on (datetime.date | None | Unset):
    """

    name: None | str | Unset = UNSET
    relation: HomeChildRelation | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    moved_out_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        relation: None | str | Unset
        if isinstance(self.relation, Unset):
            relation = UNSET
        elif isinstance(self.relation, HomeChildRelation):
            relation = self.relation.value
        else:
            relation = self.relation

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        moved_out_on: None | str | Unset
        if isinstance(self.moved_out_on, Unset):
            moved_out_on = UNSET
        elif isinstance(self.moved_out_on, datetime.date):
            moved_out_on = self.moved_out_on.isoformat()
        else:
            moved_out_on = self.moved_out_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if relation is not UNSET:
            field_dict["relation"] = relation
        if notes is not UNSET:
            field_dict["notes"] = notes
        if moved_out_on is not UNSET:
            field_dict["moved_out_on"] = moved_out_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_relation(data: object) -> HomeChildRelation | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                relation_type_0 = HomeChildRelation(data)

                return relation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HomeChildRelation | None | Unset, data)

        relation = _parse_relation(d.pop("relation", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_moved_out_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                moved_out_on_type_0 = datetime.date.fromisoformat(data)

                return moved_out_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        moved_out_on = _parse_moved_out_on(d.pop("moved_out_on", UNSET))

        home_child_update = cls(
            name=name,
            relation=relation,
            notes=notes,
            moved_out_on=moved_out_on,
        )

        return home_child_update
