from enum import StrEnum


class VisitKind(StrEnum):
    EXTRA = "extra"
    PLANNED = "planned"
    PROGRAMME = "programme"

    def __str__(self) -> str:
        return str(self.value)
