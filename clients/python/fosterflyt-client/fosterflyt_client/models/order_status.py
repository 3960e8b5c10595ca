from enum import StrEnum


class OrderStatus(StrEnum):
    ACCEPTED = "accepted"
    CLOSED = "closed"
    DECLINED = "declined"
    ORDERED = "ordered"
    STARTED = "started"

    def __str__(self) -> str:
        return str(self.value)
