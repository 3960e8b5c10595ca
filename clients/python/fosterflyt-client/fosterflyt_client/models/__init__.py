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
from .approval_created_event import ApprovalCreatedEvent
from .approval_decided_event import ApprovalDecidedEvent
from .approval_event_data import ApprovalEventData
from .approval_outcome import ApprovalOutcome
from .approval_read import ApprovalRead
from .approval_update import ApprovalUpdate
from .approval_updated_event import ApprovalUpdatedEvent
from .archive_metadata import ArchiveMetadata
from .arrangement_changed_data import ArrangementChangedData
from .arrangement_create import ArrangementCreate
from .arrangement_read import ArrangementRead
from .arrangement_update import ArrangementUpdate
from .audit_event_read import AuditEventRead
from .body_record_supervision_report import BodyRecordSupervisionReport
from .breakdown_outcome import BreakdownOutcome
from .breakdown_reason import BreakdownReason
from .breakdown_report import BreakdownReport
from .breakdown_row import BreakdownRow
from .calendar_feed_created import CalendarFeedCreated
from .calendar_feed_read import CalendarFeedRead
from .cancelled_by import CancelledBy
from .care_plan_stage import CarePlanStage
from .check_key import CheckKey
from .check_status import CheckStatus
from .child_compliance import ChildCompliance
from .child_create import ChildCreate
from .child_export import ChildExport
from .child_read import ChildRead
from .child_update import ChildUpdate
from .closed_day import ClosedDay
from .compliance_report import ComplianceReport
from .compliance_task import ComplianceTask
from .contact_visit_arrangement_changed_event import ContactVisitArrangementChangedEvent
from .contact_visit_arrangement_created_event import ContactVisitArrangementCreatedEvent
from .contact_visit_changed_event import ContactVisitChangedEvent
from .contact_visit_created_event import ContactVisitCreatedEvent
from .contact_visit_data import ContactVisitData
from .contact_visit_report_data import ContactVisitReportData
from .contact_visit_report_read import ContactVisitReportRead
from .contact_visit_report_received_event import ContactVisitReportReceivedEvent
from .contact_visit_schedule import ContactVisitSchedule
from .counts_read import CountsRead
from .decided_by import DecidedBy
from .definition_read import DefinitionRead
from .definition_read_definition import DefinitionReadDefinition
from .definition_summary import DefinitionSummary
from .delivery_status import DeliveryStatus
from .document_create import DocumentCreate
from .document_create_values import DocumentCreateValues
from .document_export import DocumentExport
from .document_generated_data import DocumentGeneratedData
from .document_generated_event import DocumentGeneratedEvent
from .document_read import DocumentRead
from .end_reason import EndReason
from .entry_kind import EntryKind
from .event_page import EventPage
from .event_type import EventType
from .export_format import ExportFormat
from .export_table import ExportTable
from .external_ref import ExternalRef
from .extra_visit_create import ExtraVisitCreate
from .extra_visit_read import ExtraVisitRead
from .field_error import FieldError
from .field_read import FieldRead
from .field_type import FieldType
from .follow_up_visits import FollowUpVisits
from .form_field_read import FormFieldRead
from .foster_home_child_added_event import FosterHomeChildAddedEvent
from .foster_home_child_updated_event import FosterHomeChildUpdatedEvent
from .foster_home_create import FosterHomeCreate
from .foster_home_kind import FosterHomeKind
from .foster_home_read import FosterHomeRead
from .foster_home_update import FosterHomeUpdate
from .foster_parent import FosterParent
from .foster_parent_read import FosterParentRead
from .get_child_access_log_order import GetChildAccessLogOrder
from .get_document_content_format import GetDocumentContentFormat
from .get_document_content_source import GetDocumentContentSource
from .get_team_statement_document_format import GetTeamStatementDocumentFormat
from .health import Health
from .home_child_added_data import HomeChildAddedData
from .home_child_create import HomeChildCreate
from .home_child_read import HomeChildRead
from .home_child_relation import HomeChildRelation
from .home_child_update import HomeChildUpdate
from .home_child_updated_data import HomeChildUpdatedData
from .hours_create import HoursCreate
from .hours_read import HoursRead
from .indicator_read import IndicatorRead
from .indicators_report import IndicatorsReport
from .instance_status import InstanceStatus
from .legal_basis import LegalBasis
from .life_story_part_read import LifeStoryPartRead
from .life_story_part_write import LifeStoryPartWrite
from .life_story_part_written_event import LifeStoryPartWrittenEvent
from .life_story_read import LifeStoryRead
from .life_story_version_read import LifeStoryVersionRead
from .list_audit_events_order import ListAuditEventsOrder
from .member_count import MemberCount
from .member_create import MemberCreate
from .member_read import MemberRead
from .month_share import MonthShare
from .month_statistics import MonthStatistics
from .no_data import NoData
from .objections import Objections
from .on_time_by_month import OnTimeByMonth
from .order_accept import OrderAccept
from .order_call_back import OrderCallBack
from .order_category import OrderCategory
from .order_close import OrderClose
from .order_concerns import OrderConcerns
from .order_create import OrderCreate
from .order_decline import OrderDecline
from .order_read import OrderRead
from .order_start import OrderStart
from .order_status import OrderStatus
from .outcome import Outcome
from .outcome_read import OutcomeRead
from .page_adjustment_read import PageAdjustmentRead
from .page_api_key_read import PageApiKeyRead
from .page_arrangement_read import PageArrangementRead
from .page_audit_event_read import PageAuditEventRead
from .page_calendar_feed_read import PageCalendarFeedRead
from .page_child_compliance import PageChildCompliance
from .page_child_read import PageChildRead
from .page_compliance_task import PageComplianceTask
from .page_contact_visit_report_read import PageContactVisitReportRead
from .page_definition_summary import PageDefinitionSummary
from .page_document_read import PageDocumentRead
from .page_field_read import PageFieldRead
from .page_foster_home_read import PageFosterHomeRead
from .page_home_child_read import PageHomeChildRead
from .page_hours_read import PageHoursRead
from .page_life_story_version_read import PageLifeStoryVersionRead
from .page_member_read import PageMemberRead
from .page_month_statistics import PageMonthStatistics
from .page_order_read import PageOrderRead
from .page_parent_read import PageParentRead
from .page_placement_read import PagePlacementRead
from .page_plan_read import PagePlanRead
from .page_population_read import PagePopulationRead
from .page_rule_read import PageRuleRead
from .page_rule_set_read import PageRuleSetRead
from .page_service_read import PageServiceRead
from .page_staff_compliance import PageStaffCompliance
from .page_staff_read import PageStaffRead
from .page_statement_line import PageStatementLine
from .page_supervision_report_read import PageSupervisionReportRead
from .page_task_change_read import PageTaskChangeRead
from .page_task_read import PageTaskRead
from .page_team_read import PageTeamRead
from .page_team_staff_read import PageTeamStaffRead
from .page_template_summary import PageTemplateSummary
from .page_visit_read import PageVisitRead
from .page_visit_reduction_read import PageVisitReductionRead
from .page_visitor_read import PageVisitorRead
from .page_webhook_delivery_read import PageWebhookDeliveryRead
from .page_webhook_subscription_read import PageWebhookSubscriptionRead
from .page_workflow_read import PageWorkflowRead
from .parent_create import ParentCreate
from .parent_created_event import ParentCreatedEvent
from .parent_event_data import ParentEventData
from .parent_read import ParentRead
from .parent_update import ParentUpdate
from .parent_updated_event import ParentUpdatedEvent
from .part_written_data import PartWrittenData
from .participant import Participant
from .participant_read import ParticipantRead
from .participant_relation import ParticipantRelation
from .placement_create import PlacementCreate
from .placement_created_event import PlacementCreatedEvent
from .placement_end import PlacementEnd
from .placement_ended_data import PlacementEndedData
from .placement_ended_event import PlacementEndedEvent
from .placement_read import PlacementRead
from .placement_status import PlacementStatus
from .placement_update import PlacementUpdate
from .placement_updated_data import PlacementUpdatedData
from .placement_updated_event import PlacementUpdatedEvent
from .plan_changed_data import PlanChangedData
from .plan_create import PlanCreate
from .plan_created_event import PlanCreatedEvent
from .plan_kind import PlanKind
from .plan_read import PlanRead
from .plan_review_read import PlanReviewRead
from .plan_reviewed_data import PlanReviewedData
from .plan_reviewed_event import PlanReviewedEvent
from .plan_revised_event import PlanRevisedEvent
from .plan_revision_read import PlanRevisionRead
from .plan_revision_read_content import PlanRevisionReadContent
from .plan_update import PlanUpdate
from .police_certificate import PoliceCertificate
from .police_certificate_read import PoliceCertificateRead
from .population_create import PopulationCreate
from .population_read import PopulationRead
from .problem import Problem
from .relation import Relation
from .report_create import ReportCreate
from .result import Result
from .review_task_read import ReviewTaskRead
from .revision_read import RevisionRead
from .revision_read_values import RevisionReadValues
from .role import Role
from .rule_compliance import RuleCompliance
from .rule_months import RuleMonths
from .rule_read import RuleRead
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
from .service_compliance import ServiceCompliance
from .service_create import ServiceCreate
from .service_indicators import ServiceIndicators
from .service_read import ServiceRead
from .service_update import ServiceUpdate
from .settlement_create import SettlementCreate
from .settlement_read import SettlementRead
from .shown_secret import ShownSecret
from .split import Split
from .staff_compliance import StaffCompliance
from .staff_create import StaffCreate
from .staff_read import StaffRead
from .staff_role import StaffRole
from .staff_update import StaffUpdate
from .starts import Starts
from .statement_line import StatementLine
from .step_adjustment import StepAdjustment
from .subscription_disabled_data import SubscriptionDisabledData
from .subscription_disabled_data_reason import SubscriptionDisabledDataReason
from .subscription_status import SubscriptionStatus
from .supervision_report_data import SupervisionReportData
from .supervision_report_read import SupervisionReportRead
from .supervision_report_received_event import SupervisionReportReceivedEvent
from .supervision_visitor_appointed_event import SupervisionVisitorAppointedEvent
from .supervision_visitor_ended_event import SupervisionVisitorEndedEvent
from .supervision_visitor_updated_event import SupervisionVisitorUpdatedEvent
from .task_cancelled_event import TaskCancelledEvent
from .task_change_read import TaskChangeRead
from .task_complete import TaskComplete
from .task_complete_answers import TaskCompleteAnswers
from .task_completed_data import TaskCompletedData
from .task_completed_event import TaskCompletedEvent
from .task_created_event import TaskCreatedEvent
from .task_data import TaskData
from .task_due_data import TaskDueData
from .task_due_soon_event import TaskDueSoonEvent
from .task_overdue_event import TaskOverdueEvent
from .task_read import TaskRead
from .task_read_answers_type_0 import TaskReadAnswersType0
from .task_reopened_event import TaskReopenedEvent
from .task_rescheduled_data import TaskRescheduledData
from .task_rescheduled_event import TaskRescheduledEvent
from .task_skip import TaskSkip
from .task_skipped_event import TaskSkippedEvent
from .task_status import TaskStatus
from .task_update import TaskUpdate
from .team_create import TeamCreate
from .team_order_accepted_event import TeamOrderAcceptedEvent
from .team_order_called_back_event import TeamOrderCalledBackEvent
from .team_order_closed_event import TeamOrderClosedEvent
from .team_order_data import TeamOrderData
from .team_order_declined_event import TeamOrderDeclinedEvent
from .team_order_ordered_event import TeamOrderOrderedEvent
from .team_order_started_event import TeamOrderStartedEvent
from .team_read import TeamRead
from .team_role import TeamRole
from .team_staff_create import TeamStaffCreate
from .team_staff_read import TeamStaffRead
from .template_read import TemplateRead
from .template_read_extra_fields import TemplateReadExtraFields
from .template_read_produced_by_item import TemplateReadProducedByItem
from .template_summary import TemplateSummary
from .template_upload import TemplateUpload
from .timeline_entry import TimelineEntry
from .timeline_read import TimelineRead
from .use_basis import UseBasis
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
from .visitor_changed_data import VisitorChangedData
from .visitor_create import VisitorCreate
from .visitor_end import VisitorEnd
from .visitor_ended_data import VisitorEndedData
from .visitor_read import VisitorRead
from .visitor_update import VisitorUpdate
from .webhook_attempt_read import WebhookAttemptRead
from .webhook_delivery_read import WebhookDeliveryRead
from .webhook_subscription_create import WebhookSubscriptionCreate
from .webhook_subscription_create_event_types_item import WebhookSubscriptionCreateEventTypesItem
from .webhook_subscription_disabled_event import WebhookSubscriptionDisabledEvent
from .webhook_subscription_read import WebhookSubscriptionRead
from .webhook_subscription_update import WebhookSubscriptionUpdate
from .webhook_subscription_update_event_types_type_0_item import WebhookSubscriptionUpdateEventTypesType0Item
from .webhook_subscription_update_status_type_0 import WebhookSubscriptionUpdateStatusType0
from .webhook_subscription_with_secret import WebhookSubscriptionWithSecret
from .workflow_closed_event import WorkflowClosedEvent
from .workflow_completed_data import WorkflowCompletedData
from .workflow_completed_event import WorkflowCompletedEvent
from .workflow_event_data import WorkflowEventData
from .workflow_read import WorkflowRead
from .workflow_start import WorkflowStart
from .workflow_started_event import WorkflowStartedEvent
from .year_rates import YearRates
from .year_read import YearRead
from .year_read_planned_hours import YearReadPlannedHours
from .year_read_planned_use import YearReadPlannedUse

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
    "ApprovalCreatedEvent",
    "ApprovalDecidedEvent",
    "ApprovalEventData",
    "ApprovalOutcome",
    "ApprovalRead",
    "ApprovalUpdate",
    "ApprovalUpdatedEvent",
    "ArchiveMetadata",
    "ArrangementChangedData",
    "ArrangementCreate",
    "ArrangementRead",
    "ArrangementUpdate",
    "AuditEventRead",
    "BodyRecordSupervisionReport",
    "BreakdownOutcome",
    "BreakdownReason",
    "BreakdownReport",
    "BreakdownRow",
    "CalendarFeedCreated",
    "CalendarFeedRead",
    "CancelledBy",
    "CarePlanStage",
    "CheckKey",
    "CheckStatus",
    "ChildCompliance",
    "ChildCreate",
    "ChildExport",
    "ChildRead",
    "ChildUpdate",
    "ClosedDay",
    "ComplianceReport",
    "ComplianceTask",
    "ContactVisitArrangementChangedEvent",
    "ContactVisitArrangementCreatedEvent",
    "ContactVisitChangedEvent",
    "ContactVisitCreatedEvent",
    "ContactVisitData",
    "ContactVisitReportData",
    "ContactVisitReportRead",
    "ContactVisitReportReceivedEvent",
    "ContactVisitSchedule",
    "CountsRead",
    "DecidedBy",
    "DefinitionRead",
    "DefinitionReadDefinition",
    "DefinitionSummary",
    "DeliveryStatus",
    "DocumentCreate",
    "DocumentCreateValues",
    "DocumentExport",
    "DocumentGeneratedData",
    "DocumentGeneratedEvent",
    "DocumentRead",
    "EndReason",
    "EntryKind",
    "EventPage",
    "EventType",
    "ExportFormat",
    "ExportTable",
    "ExternalRef",
    "ExtraVisitCreate",
    "ExtraVisitRead",
    "FieldError",
    "FieldRead",
    "FieldType",
    "FollowUpVisits",
    "FormFieldRead",
    "FosterHomeChildAddedEvent",
    "FosterHomeChildUpdatedEvent",
    "FosterHomeCreate",
    "FosterHomeKind",
    "FosterHomeRead",
    "FosterHomeUpdate",
    "FosterParent",
    "FosterParentRead",
    "GetChildAccessLogOrder",
    "GetDocumentContentFormat",
    "GetDocumentContentSource",
    "GetTeamStatementDocumentFormat",
    "Health",
    "HomeChildAddedData",
    "HomeChildCreate",
    "HomeChildRead",
    "HomeChildRelation",
    "HomeChildUpdate",
    "HomeChildUpdatedData",
    "HoursCreate",
    "HoursRead",
    "IndicatorRead",
    "IndicatorsReport",
    "InstanceStatus",
    "LegalBasis",
    "LifeStoryPartRead",
    "LifeStoryPartWrite",
    "LifeStoryPartWrittenEvent",
    "LifeStoryRead",
    "LifeStoryVersionRead",
    "ListAuditEventsOrder",
    "MemberCount",
    "MemberCreate",
    "MemberRead",
    "MonthShare",
    "MonthStatistics",
    "NoData",
    "Objections",
    "OnTimeByMonth",
    "OrderAccept",
    "OrderCallBack",
    "OrderCategory",
    "OrderClose",
    "OrderConcerns",
    "OrderCreate",
    "OrderDecline",
    "OrderRead",
    "OrderStart",
    "OrderStatus",
    "Outcome",
    "OutcomeRead",
    "PageAdjustmentRead",
    "PageApiKeyRead",
    "PageArrangementRead",
    "PageAuditEventRead",
    "PageCalendarFeedRead",
    "PageChildCompliance",
    "PageChildRead",
    "PageComplianceTask",
    "PageContactVisitReportRead",
    "PageDefinitionSummary",
    "PageDocumentRead",
    "PageFieldRead",
    "PageFosterHomeRead",
    "PageHomeChildRead",
    "PageHoursRead",
    "PageLifeStoryVersionRead",
    "PageMemberRead",
    "PageMonthStatistics",
    "PageOrderRead",
    "PageParentRead",
    "PagePlacementRead",
    "PagePlanRead",
    "PagePopulationRead",
    "PageRuleRead",
    "PageRuleSetRead",
    "PageServiceRead",
    "PageStaffCompliance",
    "PageStaffRead",
    "PageStatementLine",
    "PageSupervisionReportRead",
    "PageTaskChangeRead",
    "PageTaskRead",
    "PageTeamRead",
    "PageTeamStaffRead",
    "PageTemplateSummary",
    "PageVisitorRead",
    "PageVisitRead",
    "PageVisitReductionRead",
    "PageWebhookDeliveryRead",
    "PageWebhookSubscriptionRead",
    "PageWorkflowRead",
    "ParentCreate",
    "ParentCreatedEvent",
    "ParentEventData",
    "ParentRead",
    "ParentUpdate",
    "ParentUpdatedEvent",
    "Participant",
    "ParticipantRead",
    "ParticipantRelation",
    "PartWrittenData",
    "PlacementCreate",
    "PlacementCreatedEvent",
    "PlacementEnd",
    "PlacementEndedData",
    "PlacementEndedEvent",
    "PlacementRead",
    "PlacementStatus",
    "PlacementUpdate",
    "PlacementUpdatedData",
    "PlacementUpdatedEvent",
    "PlanChangedData",
    "PlanCreate",
    "PlanCreatedEvent",
    "PlanKind",
    "PlanRead",
    "PlanReviewedData",
    "PlanReviewedEvent",
    "PlanReviewRead",
    "PlanRevisedEvent",
    "PlanRevisionRead",
    "PlanRevisionReadContent",
    "PlanUpdate",
    "PoliceCertificate",
    "PoliceCertificateRead",
    "PopulationCreate",
    "PopulationRead",
    "Problem",
    "Relation",
    "ReportCreate",
    "Result",
    "ReviewTaskRead",
    "RevisionRead",
    "RevisionReadValues",
    "Role",
    "RuleCompliance",
    "RuleMonths",
    "RuleRead",
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
    "ServiceCompliance",
    "ServiceCreate",
    "ServiceIndicators",
    "ServiceRead",
    "ServiceUpdate",
    "SettlementCreate",
    "SettlementRead",
    "ShownSecret",
    "Split",
    "StaffCompliance",
    "StaffCreate",
    "StaffRead",
    "StaffRole",
    "StaffUpdate",
    "Starts",
    "StatementLine",
    "StepAdjustment",
    "SubscriptionDisabledData",
    "SubscriptionDisabledDataReason",
    "SubscriptionStatus",
    "SupervisionReportData",
    "SupervisionReportRead",
    "SupervisionReportReceivedEvent",
    "SupervisionVisitorAppointedEvent",
    "SupervisionVisitorEndedEvent",
    "SupervisionVisitorUpdatedEvent",
    "TaskCancelledEvent",
    "TaskChangeRead",
    "TaskComplete",
    "TaskCompleteAnswers",
    "TaskCompletedData",
    "TaskCompletedEvent",
    "TaskCreatedEvent",
    "TaskData",
    "TaskDueData",
    "TaskDueSoonEvent",
    "TaskOverdueEvent",
    "TaskRead",
    "TaskReadAnswersType0",
    "TaskReopenedEvent",
    "TaskRescheduledData",
    "TaskRescheduledEvent",
    "TaskSkip",
    "TaskSkippedEvent",
    "TaskStatus",
    "TaskUpdate",
    "TeamCreate",
    "TeamOrderAcceptedEvent",
    "TeamOrderCalledBackEvent",
    "TeamOrderClosedEvent",
    "TeamOrderData",
    "TeamOrderDeclinedEvent",
    "TeamOrderOrderedEvent",
    "TeamOrderStartedEvent",
    "TeamRead",
    "TeamRole",
    "TeamStaffCreate",
    "TeamStaffRead",
    "TemplateRead",
    "TemplateReadExtraFields",
    "TemplateReadProducedByItem",
    "TemplateSummary",
    "TemplateUpload",
    "TimelineEntry",
    "TimelineRead",
    "UseBasis",
    "VisitCreate",
    "VisitHeld",
    "VisitKind",
    "VisitorChangedData",
    "VisitorCreate",
    "VisitorEnd",
    "VisitorEndedData",
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
    "WebhookSubscriptionDisabledEvent",
    "WebhookSubscriptionRead",
    "WebhookSubscriptionUpdate",
    "WebhookSubscriptionUpdateEventTypesType0Item",
    "WebhookSubscriptionUpdateStatusType0",
    "WebhookSubscriptionWithSecret",
    "WorkflowClosedEvent",
    "WorkflowCompletedData",
    "WorkflowCompletedEvent",
    "WorkflowEventData",
    "WorkflowRead",
    "WorkflowStart",
    "WorkflowStartedEvent",
    "YearRates",
    "YearRead",
    "YearReadPlannedHours",
    "YearReadPlannedUse",
)
