from enum import StrEnum


class Relation(StrEnum):
    FATHER = "father"
    MOTHER = "mother"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
