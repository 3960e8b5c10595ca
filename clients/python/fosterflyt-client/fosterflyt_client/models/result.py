from enum import StrEnum


class Result(StrEnum):
    LATE = "late"
    ON_TIME = "on_time"
    OVERDUE = "overdue"
    PENDING = "pending"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return str(self.value)
