from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.calendar_feed_read import CalendarFeedRead


T = TypeVar("T", bound="CalendarFeedCreated")


@_attrs_define
class CalendarFeedCreated:
    """Shown once: keep ``url`` secret, it opens the feed without a token.

    Attributes:
        feed (CalendarFeedRead):
        url (str):
    """

    feed: CalendarFeedRead
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        feed = self.feed.to_dict()

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "feed": feed,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calendar_feed_read import CalendarFeedRead  # noqa: PLC0415

        d = dict(src_dict)
        feed = CalendarFeedRead.from_dict(d.pop("feed"))

        url = d.pop("url")

        calendar_feed_created = cls(
            feed=feed,
            url=url,
        )

        calendar_feed_created.additional_properties = d
        return calendar_feed_created

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
