from enum import StrEnum


class Role(StrEnum):
    CONTACT_PERSON = "contact_person"
    LEADER = "leader"
    SUPERVISOR = "supervisor"

    def __str__(self) -> str:
        return str(self.value)
