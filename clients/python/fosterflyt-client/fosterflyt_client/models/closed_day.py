from enum import StrEnum


class ClosedDay(StrEnum):
    CHRISTMAS_EVE = "christmas_eve"
    NEW_YEARS_EVE = "new_years_eve"

    def __str__(self) -> str:
        return str(self.value)
