from enum import StrEnum


class Starts(StrEnum):
    ON_PLACEMENT = "on_placement"
    ON_REQUEST = "on_request"

    def __str__(self) -> str:
        return str(self.value)
