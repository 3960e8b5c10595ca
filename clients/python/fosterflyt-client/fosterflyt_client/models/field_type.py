from enum import StrEnum


class FieldType(StrEnum):
    BOOLEAN = "boolean"
    CHOICE = "choice"
    DATE = "date"
    INTEGER = "integer"
    MULTICHOICE = "multichoice"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
