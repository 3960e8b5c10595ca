from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.indicator_read import IndicatorRead
    from ..models.service_indicators import ServiceIndicators


T = TypeVar("T", bound="IndicatorsReport")


@_attrs_define
class IndicatorsReport:
    """The audit criteria for each service and for the services together.

    Attributes:
        period_start (datetime.date):
        period_end (datetime.date):
        as_of (datetime.date): Today (Europe/Oslo): the day children are counted placed.
        indicators (list[IndicatorRead]):
        services (list[ServiceIndicators]):
    """

    period_start: datetime.date
    period_end: datetime.date
    as_of: datetime.date
    indicators: list[IndicatorRead]
    services: list[ServiceIndicators]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        as_of = self.as_of.isoformat()

        indicators = []
        for indicators_item_data in self.indicators:
            indicators_item = indicators_item_data.to_dict()
            indicators.append(indicators_item)

        services = []
        for services_item_data in self.services:
            services_item = services_item_data.to_dict()
            services.append(services_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period_start": period_start,
                "period_end": period_end,
                "as_of": as_of,
                "indicators": indicators,
                "services": services,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.indicator_read import IndicatorRead  # noqa: PLC0415
        from ..models.service_indicators import ServiceIndicators  # noqa: PLC0415

        d = dict(src_dict)
        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        indicators = []
        _indicators = d.pop("indicators")
        for indicators_item_data in _indicators:
            indicators_item = IndicatorRead.from_dict(indicators_item_data)

            indicators.append(indicators_item)

        services = []
        _services = d.pop("services")
        for services_item_data in _services:
            services_item = ServiceIndicators.from_dict(services_item_data)

            services.append(services_item)

        indicators_report = cls(
            period_start=period_start,
            period_end=period_end,
            as_of=as_of,
            indicators=indicators,
            services=services,
        )

        indicators_report.additional_properties = d
        return indicators_report

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
