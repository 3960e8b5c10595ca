from enum import StrEnum


class ParticipantRelation(StrEnum):
    FATHER = "father"
    GRANDPARENT = "grandparent"
    MOTHER = "mother"
    OTHER = "other"
    OTHER_FAMILY = "other_family"
    PARENT = "parent"
    SIBLING = "sibling"

    def __str__(self) -> str:
        return str(self.value)
