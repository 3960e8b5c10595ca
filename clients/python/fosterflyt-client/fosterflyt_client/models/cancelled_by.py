from enum import StrEnum


class CancelledBy(StrEnum):
    CHILD = "child"
    FOSTER_HOME = "foster_home"
    OTHER = "other"
    PARENT = "parent"
    SERVICE = "service"

    def __str__(self) -> str:
        return str(self.value)
