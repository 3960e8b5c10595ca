from enum import StrEnum


class TeamRole(StrEnum):
    COORDINATOR = "coordinator"
    SUPERVISOR = "supervisor"

    def __str__(self) -> str:
        return str(self.value)
