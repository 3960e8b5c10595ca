from enum import StrEnum


class Scope(StrEnum):
    API_KEYSREAD = "api_keys:read"
    API_KEYSWRITE = "api_keys:write"
    AUDITREAD = "audit:read"
    CHILDRENEXPORT = "children:export"
    CHILDRENREAD = "children:read"
    CHILDRENWRITE = "children:write"
    DOCUMENTSREAD = "documents:read"
    DOCUMENTSWRITE = "documents:write"
    EVENTSREAD = "events:read"
    FOSTER_HOMESREAD = "foster_homes:read"
    FOSTER_HOMESWRITE = "foster_homes:write"
    OVERSIGHTREAD = "oversight:read"
    PLACEMENTSREAD = "placements:read"
    PLACEMENTSWRITE = "placements:write"
    RETENTIONREAD = "retention:read"
    RULE_SETSWRITE = "rule_sets:write"
    SERVICESREAD = "services:read"
    SERVICESWRITE = "services:write"
    STAFFREAD = "staff:read"
    STAFFWRITE = "staff:write"
    TASKSREAD = "tasks:read"
    TASKSWRITE = "tasks:write"
    TEAMSREAD = "teams:read"
    TEAMSWRITE = "teams:write"
    TEMPLATESWRITE = "templates:write"
    WEBHOOKSREAD = "webhooks:read"
    WEBHOOKSWRITE = "webhooks:write"
    WORKFLOWSREAD = "workflows:read"
    WORKFLOWSWRITE = "workflows:write"

    def __str__(self) -> str:
        return str(self.value)
