from enum import StrEnum


class UseBasis(StrEnum):
    ATTENDANCE = "attendance"
    SEATS = "seats"

    def __str__(self) -> str:
        return str(self.value)
