from enum import StrEnum


class BreakdownReason(StrEnum):
    CHILD_WISH = "child_wish"
    CONCERN_FOR_CARE = "concern_for_care"
    FOSTER_HOME_GAVE_NOTICE = "foster_home_gave_notice"
    NEEDS_NOT_MET = "needs_not_met"
    OTHER = "other"
    PARENTS = "parents"

    def __str__(self) -> str:
        return str(self.value)
