from enum import StrEnum


class HomeChildRelation(StrEnum):
    FOSTER_CHILD = "foster_child"
    OTHER = "other"
    OWN_CHILD = "own_child"

    def __str__(self) -> str:
        return str(self.value)
