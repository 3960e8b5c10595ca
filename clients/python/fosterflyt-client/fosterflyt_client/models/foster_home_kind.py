from enum import StrEnum


class FosterHomeKind(StrEnum):
    EMERGENCY = "emergency"
    KINSHIP = "kinship"
    ORDINARY = "ordinary"

    def __str__(self) -> str:
        return str(self.value)
