from enum import StrEnum


class OrderCategory(StrEnum):
    CONCERN_FOR_BREAKDOWN = "concern_for_breakdown"
    FOSTER_PARENT_GUIDANCE = "foster_parent_guidance"
    GROUP_GUIDANCE = "group_guidance"
    HOME_BASED_PARENT_GUIDANCE = "home_based_parent_guidance"
    OTHER = "other"
    PARENTS_AFTER_CARE_LOSS = "parents_after_care_loss"

    def __str__(self) -> str:
        return str(self.value)
