from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_status import SubscriptionStatus

T = TypeVar("T", bound="WebhookSubscriptionWithSecret")


@_attrs_define
class WebhookSubscriptionWithSecret:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        service_id (UUID):
        url (str):
        event_types (list[str]):
        description (None | str):
        status (SubscriptionStatus):
        disabled_reason (None | str): Why the subscription is disabled.
        disabled_at (datetime.datetime | None):
        secret (str): The signing secret (Standard Webhooks, `whsec_…`). Shown only now: keep it. If it is lost, rotate
            it.
    """

    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    service_id: UUID
    url: str
    event_types: list[str]
    description: None | str
    status: SubscriptionStatus
    disabled_reason: None | str
    disabled_at: datetime.datetime | None
    secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        service_id = str(self.service_id)

        url = self.url

        event_types = self.event_types

        description: None | str
        description = self.description

        status = self.status.value

        disabled_reason: None | str
        disabled_reason = self.disabled_reason

        disabled_at: None | str
        if isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "service_id": service_id,
                "url": url,
                "event_types": event_types,
                "description": description,
                "status": status,
                "disabled_reason": disabled_reason,
                "disabled_at": disabled_at,
                "secret": secret,
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

        url = d.pop("url")

        event_types = cast(list[str], d.pop("event_types"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        status = SubscriptionStatus(d.pop("status"))

        def _parse_disabled_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason"))

        def _parse_disabled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))

        secret = d.pop("secret")

        webhook_subscription_with_secret = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            service_id=service_id,
            url=url,
            event_types=event_types,
            description=description,
            status=status,
            disabled_reason=disabled_reason,
            disabled_at=disabled_at,
            secret=secret,
        )

        webhook_subscription_with_secret.additional_properties = d
        return webhook_subscription_with_secret

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
