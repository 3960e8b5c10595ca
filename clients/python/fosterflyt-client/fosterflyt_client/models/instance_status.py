from enum import StrEnum


class InstanceStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    COMPLETED = "completed"

    def __str__(self) -> str:
        return str(self.value)
