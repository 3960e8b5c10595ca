from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PoliceCertificate")


@_attrs_define
class PoliceCertificate:
    """
    Attributes:
        name (str): Whose certificate: a foster parent (as named on the foster home) or another adult living in the
            home.
        checked_on (datetime.date): The day the service checked the certificate.
    """

    name: str
    checked_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        checked_on = self.checked_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "checked_on": checked_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        checked_on = datetime.date.fromisoformat(d.pop("checked_on"))

        police_certificate = cls(
            name=name,
            checked_on=checked_on,
        )

        return police_certificate
