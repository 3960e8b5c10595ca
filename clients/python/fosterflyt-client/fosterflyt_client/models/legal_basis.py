from enum import StrEnum


class LegalBasis(StrEnum):
    CARE_ORDER = "care_order"
    EMERGENCY = "emergency"
    VOLUNTARY = "voluntary"

    def __str__(self) -> str:
        return str(self.value)
