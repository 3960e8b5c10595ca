from enum import StrEnum


class GetDocumentContentSource(StrEnum):
    SNAPSHOT = "snapshot"
    STORED = "stored"

    def __str__(self) -> str:
        return str(self.value)
