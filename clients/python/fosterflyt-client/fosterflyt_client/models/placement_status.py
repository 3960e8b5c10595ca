from enum import StrEnum


class PlacementStatus(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
