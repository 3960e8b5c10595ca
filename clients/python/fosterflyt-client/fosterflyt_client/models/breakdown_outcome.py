from enum import StrEnum


class BreakdownOutcome(StrEnum):
    FOSTER_HOME_CONTINUED = "foster_home_continued"
    PLACEMENT_ENDED = "placement_ended"

    def __str__(self) -> str:
        return str(self.value)
