from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.secret_kind import SecretKind

T = TypeVar("T", bound="ShownSecret")


@_attrs_define
class ShownSecret:
    """A secret in the one response that shows it. Every such response (an API key created or
    rotated, a webhook subscription created or its secret rotated, a calendar feed created) is
    ``{"resource": <what GET returns>, "secret": <this>}`` (docs/integrators.md, "Secrets").

        Attributes:
            kind (SecretKind):
            value (str): The secret itself: shown only here, store it now. Lost: rotate it (a calendar feed: create a new
                one).
            previous_expires_at (datetime.datetime | None): After a rotation: until when the secret it replaced keeps
                working (an API key's grace time, a webhook secret's overlap); null otherwise.
    """

    kind: SecretKind
    value: str
    previous_expires_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        value = self.value

        previous_expires_at: None | str
        if isinstance(self.previous_expires_at, datetime.datetime):
            previous_expires_at = self.previous_expires_at.isoformat()
        else:
            previous_expires_at = self.previous_expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "value": value,
                "previous_expires_at": previous_expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = SecretKind(d.pop("kind"))

        value = d.pop("value")

        def _parse_previous_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return previous_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        previous_expires_at = _parse_previous_expires_at(d.pop("previous_expires_at"))

        shown_secret = cls(
            kind=kind,
            value=value,
            previous_expires_at=previous_expires_at,
        )

        shown_secret.additional_properties = d
        return shown_secret

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
