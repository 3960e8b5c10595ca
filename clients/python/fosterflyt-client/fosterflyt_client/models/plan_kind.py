from enum import StrEnum


class PlanKind(StrEnum):
    CARE_PLAN = "care_plan"
    FOLLOW_UP_PLAN = "follow_up_plan"
    MEASURES_PLAN = "measures_plan"
    PARENTS_FOLLOW_UP_PLAN = "parents_follow_up_plan"

    def __str__(self) -> str:
        return str(self.value)
