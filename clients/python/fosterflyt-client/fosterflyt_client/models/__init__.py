"""Contains all the data models used in inputs/outputs"""

from .action import Action
from .address import Address
from .address_read import AddressRead
from .adjustment_put import AdjustmentPut
from .adjustment_put_steps import AdjustmentPutSteps
from .adjustment_read import AdjustmentRead
from .adjustment_read_steps import AdjustmentReadSteps
from .api_key_create import ApiKeyCreate
from .api_key_created import ApiKeyCreated
from .api_key_read import ApiKeyRead
from .api_key_rotate import ApiKeyRotate
from .approval_check import ApprovalCheck
from .approval_create import ApprovalCreate
from .approval_outcome import ApprovalOutcome
from .approval_read import ApprovalRead
from .approval_update import ApprovalUpdate
from .archive_metadata import ArchiveMetadata
from .arrangement_create import ArrangementCreate
from .arrangement_read import ArrangementRead
from .arrangement_update import ArrangementUpdate
from .audit_event_read import AuditEventRead
from .body_record_supervision_report import BodyRecordSupervisionReport
from .calendar_feed_created import CalendarFeedCreated
from .calendar_feed_read import CalendarFeedRead
from .cancelled_by import CancelledBy
from .care_plan_stage import CarePlanStage
from .check_key import CheckKey
from .check_status import CheckStatus
from .child_create import ChildCreate
from .child_export import ChildExport
from .child_read import ChildRead
from .child_update import ChildUpdate
from .closed_day import ClosedDay
from .contact_visit_report_read import ContactVisitReportRead
from .contact_visit_schedule import ContactVisitSchedule
from .decided_by import DecidedBy
from .definition_read import DefinitionRead
from .definition_read_definition import DefinitionReadDefinition
from .definition_summary import DefinitionSummary
from .delivery_status import DeliveryStatus
from .document_create import DocumentCreate
from .document_create_values import DocumentCreateValues
from .document_export import DocumentExport
from .document_read import DocumentRead
from .end_reason import EndReason
from .entry_kind import EntryKind
from .event_page import EventPage
from .event_read import EventRead
from .event_read_data import EventReadData
from .event_read_type import EventReadType
from .external_ref import ExternalRef
from .extra_visit_create import ExtraVisitCreate
from .extra_visit_read import ExtraVisitRead
from .field_error import FieldError
from .field_read import FieldRead
from .field_type import FieldType
from .follow_up_visits import FollowUpVisits
from .form_field_read import FormFieldRead
from .foster_home_create import FosterHomeCreate
from .foster_home_kind import FosterHomeKind
from .foster_home_read import FosterHomeRead
from .foster_home_update import FosterHomeUpdate
from .foster_parent import FosterParent
from .foster_parent_read import FosterParentRead
from .get_child_access_log_order import GetChildAccessLogOrder
from .get_document_content_format import GetDocumentContentFormat
from .get_document_content_source import GetDocumentContentSource
from .health import Health
from .home_child_create import HomeChildCreate
from .home_child_read import HomeChildRead
from .home_child_relation import HomeChildRelation
from .home_child_update import HomeChildUpdate
from .instance_status import InstanceStatus
from .legal_basis import LegalBasis
from .life_story_part_read import LifeStoryPartRead
from .life_story_part_write import LifeStoryPartWrite
from .life_story_read import LifeStoryRead
from .life_story_version_read import LifeStoryVersionRead
from .list_audit_events_order import ListAuditEventsOrder
from .list_events_type_type_0_item import ListEventsTypeType0Item
from .objections import Objections
from .outcome import Outcome
from .outcome_read import OutcomeRead
from .page_adjustment_read import PageAdjustmentRead
from .page_api_key_read import PageApiKeyRead
from .page_arrangement_read import PageArrangementRead
from .page_audit_event_read import PageAuditEventRead
from .page_calendar_feed_read import PageCalendarFeedRead
from .page_child_read import PageChildRead
from .page_contact_visit_report_read import PageContactVisitReportRead
from .page_definition_summary import PageDefinitionSummary
from .page_document_read import PageDocumentRead
from .page_field_read import PageFieldRead
from .page_foster_home_read import PageFosterHomeRead
from .page_home_child_read import PageHomeChildRead
from .page_life_story_version_read import PageLifeStoryVersionRead
from .page_parent_read import PageParentRead
from .page_placement_read import PagePlacementRead
from .page_plan_read import PagePlanRead
from .page_rule_set_read import PageRuleSetRead
from .page_service_read import PageServiceRead
from .page_staff_read import PageStaffRead
from .page_supervision_report_read import PageSupervisionReportRead
from .page_task_change_read import PageTaskChangeRead
from .page_task_read import PageTaskRead
from .page_template_summary import PageTemplateSummary
from .page_visit_read import PageVisitRead
from .page_visit_reduction_read import PageVisitReductionRead
from .page_visitor_read import PageVisitorRead
from .page_webhook_delivery_read import PageWebhookDeliveryRead
from .page_webhook_subscription_read import PageWebhookSubscriptionRead
from .page_workflow_read import PageWorkflowRead
from .parent_create import ParentCreate
from .parent_read import ParentRead
from .parent_update import ParentUpdate
from .participant import Participant
from .participant_read import ParticipantRead
from .participant_relation import ParticipantRelation
from .placement_create import PlacementCreate
from .placement_end import PlacementEnd
from .placement_read import PlacementRead
from .placement_status import PlacementStatus
from .placement_update import PlacementUpdate
from .plan_create import PlanCreate
from .plan_kind import PlanKind
from .plan_read import PlanRead
from .plan_review_read import PlanReviewRead
from .plan_revision_read import PlanRevisionRead
from .plan_revision_read_content import PlanRevisionReadContent
from .plan_update import PlanUpdate
from .police_certificate import PoliceCertificate
from .police_certificate_read import PoliceCertificateRead
from .problem import Problem
from .relation import Relation
from .report_create import ReportCreate
from .review_task_read import ReviewTaskRead
from .revision_read import RevisionRead
from .revision_read_values import RevisionReadValues
from .role import Role
from .rule_set_publish import RuleSetPublish
from .rule_set_publish_values import RuleSetPublishValues
from .rule_set_read import RuleSetRead
from .rule_set_read_values import RuleSetReadValues
from .schedule_change import ScheduleChange
from .schedule_preview import SchedulePreview
from .schedule_preview_request import SchedulePreviewRequest
from .scheduled_visit import ScheduledVisit
from .scope import Scope
from .secret_kind import SecretKind
from .service_create import ServiceCreate
from .service_read import ServiceRead
from .service_update import ServiceUpdate
from .shown_secret import ShownSecret
from .staff_create import StaffCreate
from .staff_read import StaffRead
from .staff_role import StaffRole
from .staff_update import StaffUpdate
from .starts import Starts
from .step_adjustment import StepAdjustment
from .subscription_status import SubscriptionStatus
from .supervision_report_read import SupervisionReportRead
from .task_change_read import TaskChangeRead
from .task_complete import TaskComplete
from .task_complete_answers import TaskCompleteAnswers
from .task_read import TaskRead
from .task_read_answers_type_0 import TaskReadAnswersType0
from .task_skip import TaskSkip
from .task_status import TaskStatus
from .task_update import TaskUpdate
from .template_read import TemplateRead
from .template_read_extra_fields import TemplateReadExtraFields
from .template_read_produced_by_item import TemplateReadProducedByItem
from .template_summary import TemplateSummary
from .template_upload import TemplateUpload
from .timeline_entry import TimelineEntry
from .timeline_read import TimelineRead
from .visit_create import VisitCreate
from .visit_held import VisitHeld
from .visit_kind import VisitKind
from .visit_read import VisitRead
from .visit_reduction_create import VisitReductionCreate
from .visit_reduction_end import VisitReductionEnd
from .visit_reduction_read import VisitReductionRead
from .visit_status import VisitStatus
from .visit_update import VisitUpdate
from .visit_year import VisitYear
from .visitor_create import VisitorCreate
from .visitor_end import VisitorEnd
from .visitor_read import VisitorRead
from .visitor_update import VisitorUpdate
from .webhook_attempt_read import WebhookAttemptRead
from .webhook_delivery_read import WebhookDeliveryRead
from .webhook_subscription_create import WebhookSubscriptionCreate
from .webhook_subscription_create_event_types_item import WebhookSubscriptionCreateEventTypesItem
from .webhook_subscription_read import WebhookSubscriptionRead
from .webhook_subscription_update import WebhookSubscriptionUpdate
from .webhook_subscription_update_event_types_type_0_item import WebhookSubscriptionUpdateEventTypesType0Item
from .webhook_subscription_update_status_type_0 import WebhookSubscriptionUpdateStatusType0
from .webhook_subscription_with_secret import WebhookSubscriptionWithSecret
from .workflow_read import WorkflowRead
from .workflow_start import WorkflowStart

__all__ = (
    "Action",
    "Address",
    "AddressRead",
    "AdjustmentPut",
    "AdjustmentPutSteps",
    "AdjustmentRead",
    "AdjustmentReadSteps",
    "ApiKeyCreate",
    "ApiKeyCreated",
    "ApiKeyRead",
    "ApiKeyRotate",
    "ApprovalCheck",
    "ApprovalCreate",
    "ApprovalOutcome",
    "ApprovalRead",
    "ApprovalUpdate",
    "ArchiveMetadata",
    "ArrangementCreate",
    "ArrangementRead",
    "ArrangementUpdate",
    "AuditEventRead",
    "BodyRecordSupervisionReport",
    "CalendarFeedCreated",
    "CalendarFeedRead",
    "CancelledBy",
    "CarePlanStage",
    "CheckKey",
    "CheckStatus",
    "ChildCreate",
    "ChildExport",
    "ChildRead",
    "ChildUpdate",
    "ClosedDay",
    "ContactVisitReportRead",
    "ContactVisitSchedule",
    "DecidedBy",
    "DefinitionRead",
    "DefinitionReadDefinition",
    "DefinitionSummary",
    "DeliveryStatus",
    "DocumentCreate",
    "DocumentCreateValues",
    "DocumentExport",
    "DocumentRead",
    "EndReason",
    "EntryKind",
    "EventPage",
    "EventRead",
    "EventReadData",
    "EventReadType",
    "ExternalRef",
    "ExtraVisitCreate",
    "ExtraVisitRead",
    "FieldError",
    "FieldRead",
    "FieldType",
    "FollowUpVisits",
    "FormFieldRead",
    "FosterHomeCreate",
    "FosterHomeKind",
    "FosterHomeRead",
    "FosterHomeUpdate",
    "FosterParent",
    "FosterParentRead",
    "GetChildAccessLogOrder",
    "GetDocumentContentFormat",
    "GetDocumentContentSource",
    "Health",
    "HomeChildCreate",
    "HomeChildRead",
    "HomeChildRelation",
    "HomeChildUpdate",
    "InstanceStatus",
    "LegalBasis",
    "LifeStoryPartRead",
    "LifeStoryPartWrite",
    "LifeStoryRead",
    "LifeStoryVersionRead",
    "ListAuditEventsOrder",
    "ListEventsTypeType0Item",
    "Objections",
    "Outcome",
    "OutcomeRead",
    "PageAdjustmentRead",
    "PageApiKeyRead",
    "PageArrangementRead",
    "PageAuditEventRead",
    "PageCalendarFeedRead",
    "PageChildRead",
    "PageContactVisitReportRead",
    "PageDefinitionSummary",
    "PageDocumentRead",
    "PageFieldRead",
    "PageFosterHomeRead",
    "PageHomeChildRead",
    "PageLifeStoryVersionRead",
    "PageParentRead",
    "PagePlacementRead",
    "PagePlanRead",
    "PageRuleSetRead",
    "PageServiceRead",
    "PageStaffRead",
    "PageSupervisionReportRead",
    "PageTaskChangeRead",
    "PageTaskRead",
    "PageTemplateSummary",
    "PageVisitorRead",
    "PageVisitRead",
    "PageVisitReductionRead",
    "PageWebhookDeliveryRead",
    "PageWebhookSubscriptionRead",
    "PageWorkflowRead",
    "ParentCreate",
    "ParentRead",
    "ParentUpdate",
    "Participant",
    "ParticipantRead",
    "ParticipantRelation",
    "PlacementCreate",
    "PlacementEnd",
    "PlacementRead",
    "PlacementStatus",
    "PlacementUpdate",
    "PlanCreate",
    "PlanKind",
    "PlanRead",
    "PlanReviewRead",
    "PlanRevisionRead",
    "PlanRevisionReadContent",
    "PlanUpdate",
    "PoliceCertificate",
    "PoliceCertificateRead",
    "Problem",
    "Relation",
    "ReportCreate",
    "ReviewTaskRead",
    "RevisionRead",
    "RevisionReadValues",
    "Role",
    "RuleSetPublish",
    "RuleSetPublishValues",
    "RuleSetRead",
    "RuleSetReadValues",
    "ScheduleChange",
    "ScheduledVisit",
    "SchedulePreview",
    "SchedulePreviewRequest",
    "Scope",
    "SecretKind",
    "ServiceCreate",
    "ServiceRead",
    "ServiceUpdate",
    "ShownSecret",
    "StaffCreate",
    "StaffRead",
    "StaffRole",
    "StaffUpdate",
    "Starts",
    "StepAdjustment",
    "SubscriptionStatus",
    "SupervisionReportRead",
    "TaskChangeRead",
    "TaskComplete",
    "TaskCompleteAnswers",
    "TaskRead",
    "TaskReadAnswersType0",
    "TaskSkip",
    "TaskStatus",
    "TaskUpdate",
    "TemplateRead",
    "TemplateReadExtraFields",
    "TemplateReadProducedByItem",
    "TemplateSummary",
    "TemplateUpload",
    "TimelineEntry",
    "TimelineRead",
    "VisitCreate",
    "VisitHeld",
    "VisitKind",
    "VisitorCreate",
    "VisitorEnd",
    "VisitorRead",
    "VisitorUpdate",
    "VisitRead",
    "VisitReductionCreate",
    "VisitReductionEnd",
    "VisitReductionRead",
    "VisitStatus",
    "VisitUpdate",
    "VisitYear",
    "WebhookAttemptRead",
    "WebhookDeliveryRead",
    "WebhookSubscriptionCreate",
    "WebhookSubscriptionCreateEventTypesItem",
    "WebhookSubscriptionRead",
    "WebhookSubscriptionUpdate",
    "WebhookSubscriptionUpdateEventTypesType0Item",
    "WebhookSubscriptionUpdateStatusType0",
    "WebhookSubscriptionWithSecret",
    "WorkflowRead",
    "WorkflowStart",
)
