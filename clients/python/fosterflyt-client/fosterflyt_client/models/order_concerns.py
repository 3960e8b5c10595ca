from enum import StrEnum


class OrderConcerns(StrEnum):
    CHILDS_FOSTER_PARENTS = "childs_foster_parents"
    CHILDS_PARENTS = "childs_parents"
    FOSTER_HOME = "foster_home"

    def __str__(self) -> str:
        return str(self.value)
