from enum import StrEnum


class CarePlanStage(StrEnum):
    FINAL = "final"
    PRELIMINARY = "preliminary"

    def __str__(self) -> str:
        return str(self.value)
