from enum import StrEnum


class Action(StrEnum):
    CREATE = "create"
    DELETE = "delete"
    DOWNLOAD = "download"
    EXPORT = "export"
    LIST = "list"
    READ = "read"
    UPDATE = "update"

    def __str__(self) -> str:
        return str(self.value)
