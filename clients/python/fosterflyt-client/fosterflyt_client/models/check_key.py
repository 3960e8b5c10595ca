from enum import StrEnum


class CheckKey(StrEnum):
    AGREEMENT = "agreement"
    ASSESSMENT = "assessment"
    DECISION = "decision"
    HOME_VISIT = "home_visit"
    POLICE_CERTIFICATES = "police_certificates"
    TRAINING = "training"

    def __str__(self) -> str:
        return str(self.value)
