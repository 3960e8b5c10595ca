from enum import StrEnum


class ApprovalOutcome(StrEnum):
    APPROVED = "approved"
    APPROVED_WITH_CONDITIONS = "approved_with_conditions"
    NOT_APPROVED = "not_approved"

    def __str__(self) -> str:
        return str(self.value)
