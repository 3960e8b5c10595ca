from enum import StrEnum


class TaskStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    OPEN = "open"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return str(self.value)
