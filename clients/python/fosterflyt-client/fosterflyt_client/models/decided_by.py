from enum import StrEnum


class DecidedBy(StrEnum):
    AGREEMENT = "agreement"
    COURT = "court"
    TRIBUNAL = "tribunal"

    def __str__(self) -> str:
        return str(self.value)
