from enum import StrEnum


class StaffRole(StrEnum):
    CONTACT_PERSON = "contact_person"
    LEADER = "leader"
    SUPERVISOR = "supervisor"

    def __str__(self) -> str:
        return str(self.value)
