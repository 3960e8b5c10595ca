from enum import StrEnum


class EndReason(StrEnum):
    ADOPTED = "adopted"
    AGED_OUT = "aged_out"
    MOVED_TO_INSTITUTION = "moved_to_institution"
    MOVED_TO_OTHER_FOSTER_HOME = "moved_to_other_foster_home"
    OTHER = "other"
    RETURNED_HOME = "returned_home"

    def __str__(self) -> str:
        return str(self.value)
