from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.participant_relation import ParticipantRelation

T = TypeVar("T", bound="Participant")


@_attrs_define
class Participant:
    """
    Attributes:
        name (str):
        relation (ParticipantRelation):
    """

    name: str
    relation: ParticipantRelation

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        relation = self.relation.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "relation": relation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        relation = ParticipantRelation(d.pop("relation"))

        participant = cls(
            name=name,
            relation=relation,
        )

        return participant
