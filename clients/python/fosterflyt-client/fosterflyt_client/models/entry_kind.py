from enum import StrEnum


class EntryKind(StrEnum):
    APPROVAL = "approval"
    CONTACT_VISIT = "contact_visit"
    PLAN = "plan"
    SUPERVISION_REPORT = "supervision_report"

    def __str__(self) -> str:
        return str(self.value)
