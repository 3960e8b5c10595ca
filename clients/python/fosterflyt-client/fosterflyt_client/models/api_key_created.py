from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.api_key_read import ApiKeyRead
    from ..models.shown_secret import ShownSecret


T = TypeVar("T", bound="ApiKeyCreated")


@_attrs_define
class ApiKeyCreated:
    """Shown once: the key is not stored and cannot be shown again.

    Attributes:
        resource (ApiKeyRead):
        secret (ShownSecret): A secret in the one response that shows it. Every such response (an API key created or
            rotated, a webhook subscription created or its secret rotated, a calendar feed created) is
            ``{"resource": <what GET returns>, "secret": <this>}`` (docs/integrators.md, "Secrets").
    """

    resource: ApiKeyRead
    secret: ShownSecret
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resource = self.resource.to_dict()

        secret = self.secret.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resource": resource,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_key_read import ApiKeyRead  # noqa: PLC0415
        from ..models.shown_secret import ShownSecret  # noqa: PLC0415

        d = dict(src_dict)
        resource = ApiKeyRead.from_dict(d.pop("resource"))

        secret = ShownSecret.from_dict(d.pop("secret"))

        api_key_created = cls(
            resource=resource,
            secret=secret,
        )

        api_key_created.additional_properties = d
        return api_key_created

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
