"""Every mapped model, imported once so ``Base.metadata`` is complete (Alembic, tests)."""

from app.api_keys.models import ApiKey
from app.approvals.models import FosterHomeApproval
from app.audit.models import AuditEvent
from app.calendar.models import CalendarFeed
from app.children.models import Child
from app.contact_visits.models import (
    ContactVisit,
    ContactVisitArrangement,
    ContactVisitArrangementRevision,
    ContactVisitReport,
)
from app.db import Base
from app.documents.models import Document, ServiceTemplate
from app.events.models import Event
from app.foster_homes.models import FosterHome
from app.idempotency.models import IdempotencyRecord
from app.life_story.models import LifeStoryVersion
from app.people.models import Parent
from app.placements.models import Placement
from app.plans.models import Plan, PlanReview, PlanRevision
from app.services.models import Service
from app.staff.models import Staff
from app.supervision.models import FosterHomeChild, SupervisionReport, SupervisionVisitor
from app.tasks.models import Task, TaskChange, TaskNotice
from app.teams.models import (
    Team,
    TeamMember,
    TeamOrder,
    TeamOrderHours,
    TeamPopulation,
    TeamStaff,
)
from app.web_sessions.models import FormDraft, WebSession
from app.webhooks.models import (
    WebhookAttempt,
    WebhookCursor,
    WebhookDelivery,
    WebhookSubscription,
)
from app.workflows.models import (
    RuleSetVersion,
    VisitReduction,
    WorkflowAdjustment,
    WorkflowInstance,
)

__all__ = [
    "ApiKey",
    "AuditEvent",
    "Base",
    "CalendarFeed",
    "Child",
    "ContactVisit",
    "ContactVisitArrangement",
    "ContactVisitArrangementRevision",
    "ContactVisitReport",
    "Document",
    "Event",
    "FormDraft",
    "FosterHome",
    "FosterHomeApproval",
    "FosterHomeChild",
    "IdempotencyRecord",
    "LifeStoryVersion",
    "Parent",
    "Placement",
    "Plan",
    "PlanReview",
    "PlanRevision",
    "RuleSetVersion",
    "Service",
    "ServiceTemplate",
    "Staff",
    "SupervisionReport",
    "SupervisionVisitor",
    "Task",
    "TaskChange",
    "TaskNotice",
    "Team",
    "TeamMember",
    "TeamOrder",
    "TeamOrderHours",
    "TeamPopulation",
    "TeamStaff",
    "VisitReduction",
    "WebSession",
    "WebhookAttempt",
    "WebhookCursor",
    "WebhookDelivery",
    "WebhookSubscription",
    "WorkflowAdjustment",
    "WorkflowInstance",
]
