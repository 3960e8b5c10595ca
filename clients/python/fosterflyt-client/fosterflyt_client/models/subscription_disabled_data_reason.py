from enum import StrEnum


class SubscriptionDisabledDataReason(StrEnum):
    MANUAL = "manual"
    RETRIES_EXHAUSTED = "retries_exhausted"

    def __str__(self) -> str:
        return str(self.value)
