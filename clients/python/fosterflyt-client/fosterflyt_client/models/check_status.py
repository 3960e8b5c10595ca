from enum import StrEnum


class CheckStatus(StrEnum):
    DONE = "done"
    DUE = "due"
    LATE = "late"
    MISSING = "missing"

    def __str__(self) -> str:
        return str(self.value)
