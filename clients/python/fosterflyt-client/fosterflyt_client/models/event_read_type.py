from enum import StrEnum


class EventReadType(StrEnum):
    DOCUMENT_GENERATED = "document.generated"
    PLACEMENT_CREATED = "placement.created"
    PLACEMENT_ENDED = "placement.ended"
    PLACEMENT_UPDATED = "placement.updated"
    TASK_CANCELLED = "task.cancelled"
    TASK_COMPLETED = "task.completed"
    TASK_CREATED = "task.created"
    TASK_DUE_SOON = "task.due_soon"
    TASK_OVERDUE = "task.overdue"
    TASK_REOPENED = "task.reopened"
    TASK_RESCHEDULED = "task.rescheduled"
    TASK_SKIPPED = "task.skipped"
    WEBHOOK_SUBSCRIPTION_DISABLED = "webhook_subscription.disabled"
    WORKFLOW_CLOSED = "workflow.closed"
    WORKFLOW_COMPLETED = "workflow.completed"
    WORKFLOW_STARTED = "workflow.started"

    def __str__(self) -> str:
        return str(self.value)
