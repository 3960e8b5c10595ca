from enum import StrEnum


class ExportTable(StrEnum):
    BREAKDOWNS = "breakdowns"
    CHILDREN = "children"
    COMPLIANCE = "compliance"
    INDICATORS = "indicators"
    MONTHS = "months"
    STAFF = "staff"

    def __str__(self) -> str:
        return str(self.value)
