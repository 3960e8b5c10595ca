from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.approval_created_event import ApprovalCreatedEvent
    from ..models.approval_decided_event import ApprovalDecidedEvent
    from ..models.approval_read import ApprovalRead
    from ..models.approval_updated_event import ApprovalUpdatedEvent
    from ..models.arrangement_read import ArrangementRead
    from ..models.audit_event_read import AuditEventRead
    from ..models.child_read import ChildRead
    from ..models.contact_visit_arrangement_changed_event import ContactVisitArrangementChangedEvent
    from ..models.contact_visit_arrangement_created_event import ContactVisitArrangementCreatedEvent
    from ..models.contact_visit_changed_event import ContactVisitChangedEvent
    from ..models.contact_visit_created_event import ContactVisitCreatedEvent
    from ..models.contact_visit_report_read import ContactVisitReportRead
    from ..models.contact_visit_report_received_event import ContactVisitReportReceivedEvent
    from ..models.document_export import DocumentExport
    from ..models.document_generated_event import DocumentGeneratedEvent
    from ..models.extra_visit_read import ExtraVisitRead
    from ..models.foster_home_child_added_event import FosterHomeChildAddedEvent
    from ..models.foster_home_child_updated_event import FosterHomeChildUpdatedEvent
    from ..models.foster_home_read import FosterHomeRead
    from ..models.life_story_part_written_event import LifeStoryPartWrittenEvent
    from ..models.life_story_version_read import LifeStoryVersionRead
    from ..models.parent_created_event import ParentCreatedEvent
    from ..models.parent_read import ParentRead
    from ..models.parent_updated_event import ParentUpdatedEvent
    from ..models.placement_created_event import PlacementCreatedEvent
    from ..models.placement_ended_event import PlacementEndedEvent
    from ..models.placement_read import PlacementRead
    from ..models.placement_updated_event import PlacementUpdatedEvent
    from ..models.plan_created_event import PlanCreatedEvent
    from ..models.plan_read import PlanRead
    from ..models.plan_reviewed_event import PlanReviewedEvent
    from ..models.plan_revised_event import PlanRevisedEvent
    from ..models.supervision_report_read import SupervisionReportRead
    from ..models.supervision_report_received_event import SupervisionReportReceivedEvent
    from ..models.supervision_visitor_appointed_event import SupervisionVisitorAppointedEvent
    from ..models.supervision_visitor_ended_event import SupervisionVisitorEndedEvent
    from ..models.supervision_visitor_updated_event import SupervisionVisitorUpdatedEvent
    from ..models.task_cancelled_event import TaskCancelledEvent
    from ..models.task_change_read import TaskChangeRead
    from ..models.task_completed_event import TaskCompletedEvent
    from ..models.task_created_event import TaskCreatedEvent
    from ..models.task_due_soon_event import TaskDueSoonEvent
    from ..models.task_overdue_event import TaskOverdueEvent
    from ..models.task_read import TaskRead
    from ..models.task_reopened_event import TaskReopenedEvent
    from ..models.task_rescheduled_event import TaskRescheduledEvent
    from ..models.task_skipped_event import TaskSkippedEvent
    from ..models.team_order_accepted_event import TeamOrderAcceptedEvent
    from ..models.team_order_called_back_event import TeamOrderCalledBackEvent
    from ..models.team_order_closed_event import TeamOrderClosedEvent
    from ..models.team_order_declined_event import TeamOrderDeclinedEvent
    from ..models.team_order_ordered_event import TeamOrderOrderedEvent
    from ..models.team_order_started_event import TeamOrderStartedEvent
    from ..models.visit_read import VisitRead
    from ..models.visit_reduction_read import VisitReductionRead
    from ..models.visitor_read import VisitorRead
    from ..models.webhook_subscription_disabled_event import WebhookSubscriptionDisabledEvent
    from ..models.workflow_closed_event import WorkflowClosedEvent
    from ..models.workflow_completed_event import WorkflowCompletedEvent
    from ..models.workflow_read import WorkflowRead
    from ..models.workflow_started_event import WorkflowStartedEvent


T = TypeVar("T", bound="ChildExport")


@_attrs_define
class ChildExport:
    """Everything Fosterflyt stores about one child, for a right-of-access request (GDPR
    art. 15). Documents are listed with their metadata and a download link; their bytes are
    fetched one by one.

        Attributes:
            generated_at (datetime.datetime):
            child (ChildRead):
            contact_visit_arrangements (list[ArrangementRead]): Contact-visit (samvær) arrangements, each with its earlier
                values.
            contact_visits (list[VisitRead]):
            contact_visit_reports (list[ContactVisitReportRead]): With their review tasks.
            placements (list[PlacementRead]):
            foster_homes (list[FosterHomeRead]): The homes of these placements.
            workflows (list[WorkflowRead]):
            tasks (list[TaskRead]): With their answers.
            task_changes (list[TaskChangeRead]):
            visit_reductions (list[VisitReductionRead]):
            extra_visits (list[ExtraVisitRead]): Follow-up visits recorded unplanned.
            documents (list[DocumentExport]):
            life_story (list[LifeStoryVersionRead]): Every version of every part of the child's rammefortelling, by part and
                number.
            events (list[ApprovalCreatedEvent | ApprovalDecidedEvent | ApprovalUpdatedEvent |
                ContactVisitArrangementChangedEvent | ContactVisitArrangementCreatedEvent | ContactVisitChangedEvent |
                ContactVisitCreatedEvent | ContactVisitReportReceivedEvent | DocumentGeneratedEvent | FosterHomeChildAddedEvent
                | FosterHomeChildUpdatedEvent | LifeStoryPartWrittenEvent | ParentCreatedEvent | ParentUpdatedEvent |
                PlacementCreatedEvent | PlacementEndedEvent | PlacementUpdatedEvent | PlanCreatedEvent | PlanReviewedEvent |
                PlanRevisedEvent | SupervisionReportReceivedEvent | SupervisionVisitorAppointedEvent |
                SupervisionVisitorEndedEvent | SupervisionVisitorUpdatedEvent | TaskCancelledEvent | TaskCompletedEvent |
                TaskCreatedEvent | TaskDueSoonEvent | TaskOverdueEvent | TaskReopenedEvent | TaskRescheduledEvent |
                TaskSkippedEvent | TeamOrderAcceptedEvent | TeamOrderCalledBackEvent | TeamOrderClosedEvent |
                TeamOrderDeclinedEvent | TeamOrderOrderedEvent | TeamOrderStartedEvent | WebhookSubscriptionDisabledEvent |
                WorkflowClosedEvent | WorkflowCompletedEvent | WorkflowStartedEvent]): Events referring to the child's
                placements.
            access_log (list[AuditEventRead]): Every recorded access to the child's data, oldest first.
            parents (list[ParentRead] | Unset): The child's parents, with their contact details.
            approvals (list[ApprovalRead] | Unset): The approval of each placement's foster home for the child.
            plans (list[PlanRead] | Unset): The placements' plans, each with its revisions and reviews.
            supervision_visitors (list[VisitorRead] | Unset): The placements' supervision visitors, ended ones too.
            supervision_reports (list[SupervisionReportRead] | Unset): Supervision reports with a download link; the bytes
                are fetched one by one.
    """

    generated_at: datetime.datetime
    child: ChildRead
    contact_visit_arrangements: list[ArrangementRead]
    contact_visits: list[VisitRead]
    contact_visit_reports: list[ContactVisitReportRead]
    placements: list[PlacementRead]
    foster_homes: list[FosterHomeRead]
    workflows: list[WorkflowRead]
    tasks: list[TaskRead]
    task_changes: list[TaskChangeRead]
    visit_reductions: list[VisitReductionRead]
    extra_visits: list[ExtraVisitRead]
    documents: list[DocumentExport]
    life_story: list[LifeStoryVersionRead]
    events: list[
        ApprovalCreatedEvent
        | ApprovalDecidedEvent
        | ApprovalUpdatedEvent
        | ContactVisitArrangementChangedEvent
        | ContactVisitArrangementCreatedEvent
        | ContactVisitChangedEvent
        | ContactVisitCreatedEvent
        | ContactVisitReportReceivedEvent
        | DocumentGeneratedEvent
        | FosterHomeChildAddedEvent
        | FosterHomeChildUpdatedEvent
        | LifeStoryPartWrittenEvent
        | ParentCreatedEvent
        | ParentUpdatedEvent
        | PlacementCreatedEvent
        | PlacementEndedEvent
        | PlacementUpdatedEvent
        | PlanCreatedEvent
        | PlanReviewedEvent
        | PlanRevisedEvent
        | SupervisionReportReceivedEvent
        | SupervisionVisitorAppointedEvent
        | SupervisionVisitorEndedEvent
        | SupervisionVisitorUpdatedEvent
        | TaskCancelledEvent
        | TaskCompletedEvent
        | TaskCreatedEvent
        | TaskDueSoonEvent
        | TaskOverdueEvent
        | TaskReopenedEvent
        | TaskRescheduledEvent
        | TaskSkippedEvent
        | TeamOrderAcceptedEvent
        | TeamOrderCalledBackEvent
        | TeamOrderClosedEvent
        | TeamOrderDeclinedEvent
        | TeamOrderOrderedEvent
        | TeamOrderStartedEvent
        | WebhookSubscriptionDisabledEvent
        | WorkflowClosedEvent
        | WorkflowCompletedEvent
        | WorkflowStartedEvent
    ]
    access_log: list[AuditEventRead]
    parents: list[ParentRead] | Unset = UNSET
    approvals: list[ApprovalRead] | Unset = UNSET
    plans: list[PlanRead] | Unset = UNSET
    supervision_visitors: list[VisitorRead] | Unset = UNSET
    supervision_reports: list[SupervisionReportRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.approval_created_event import ApprovalCreatedEvent  # noqa: PLC0415
        from ..models.approval_decided_event import ApprovalDecidedEvent  # noqa: PLC0415
        from ..models.approval_updated_event import ApprovalUpdatedEvent  # noqa: PLC0415
        from ..models.contact_visit_arrangement_changed_event import ContactVisitArrangementChangedEvent  # noqa: PLC0415
        from ..models.contact_visit_arrangement_created_event import ContactVisitArrangementCreatedEvent  # noqa: PLC0415
        from ..models.contact_visit_changed_event import ContactVisitChangedEvent  # noqa: PLC0415
        from ..models.contact_visit_created_event import ContactVisitCreatedEvent  # noqa: PLC0415
        from ..models.contact_visit_report_received_event import ContactVisitReportReceivedEvent  # noqa: PLC0415
        from ..models.document_generated_event import DocumentGeneratedEvent  # noqa: PLC0415
        from ..models.foster_home_child_added_event import FosterHomeChildAddedEvent  # noqa: PLC0415
        from ..models.foster_home_child_updated_event import FosterHomeChildUpdatedEvent  # noqa: PLC0415
        from ..models.life_story_part_written_event import LifeStoryPartWrittenEvent  # noqa: PLC0415
        from ..models.parent_created_event import ParentCreatedEvent  # noqa: PLC0415
        from ..models.parent_updated_event import ParentUpdatedEvent  # noqa: PLC0415
        from ..models.placement_created_event import PlacementCreatedEvent  # noqa: PLC0415
        from ..models.placement_ended_event import PlacementEndedEvent  # noqa: PLC0415
        from ..models.placement_updated_event import PlacementUpdatedEvent  # noqa: PLC0415
        from ..models.plan_created_event import PlanCreatedEvent  # noqa: PLC0415
        from ..models.plan_reviewed_event import PlanReviewedEvent  # noqa: PLC0415
        from ..models.plan_revised_event import PlanRevisedEvent  # noqa: PLC0415
        from ..models.supervision_report_received_event import SupervisionReportReceivedEvent  # noqa: PLC0415
        from ..models.supervision_visitor_appointed_event import SupervisionVisitorAppointedEvent  # noqa: PLC0415
        from ..models.supervision_visitor_ended_event import SupervisionVisitorEndedEvent  # noqa: PLC0415
        from ..models.supervision_visitor_updated_event import SupervisionVisitorUpdatedEvent  # noqa: PLC0415
        from ..models.task_cancelled_event import TaskCancelledEvent  # noqa: PLC0415
        from ..models.task_completed_event import TaskCompletedEvent  # noqa: PLC0415
        from ..models.task_created_event import TaskCreatedEvent  # noqa: PLC0415
        from ..models.task_due_soon_event import TaskDueSoonEvent  # noqa: PLC0415
        from ..models.task_overdue_event import TaskOverdueEvent  # noqa: PLC0415
        from ..models.task_reopened_event import TaskReopenedEvent  # noqa: PLC0415
        from ..models.task_rescheduled_event import TaskRescheduledEvent  # noqa: PLC0415
        from ..models.task_skipped_event import TaskSkippedEvent  # noqa: PLC0415
        from ..models.team_order_accepted_event import TeamOrderAcceptedEvent  # noqa: PLC0415
        from ..models.team_order_called_back_event import TeamOrderCalledBackEvent  # noqa: PLC0415
        from ..models.team_order_closed_event import TeamOrderClosedEvent  # noqa: PLC0415
        from ..models.team_order_declined_event import TeamOrderDeclinedEvent  # noqa: PLC0415
        from ..models.team_order_ordered_event import TeamOrderOrderedEvent  # noqa: PLC0415
        from ..models.team_order_started_event import TeamOrderStartedEvent  # noqa: PLC0415
        from ..models.webhook_subscription_disabled_event import WebhookSubscriptionDisabledEvent  # noqa: PLC0415
        from ..models.workflow_closed_event import WorkflowClosedEvent  # noqa: PLC0415
        from ..models.workflow_completed_event import WorkflowCompletedEvent  # noqa: PLC0415

        generated_at = self.generated_at.isoformat()

        child = self.child.to_dict()

        contact_visit_arrangements = []
        for contact_visit_arrangements_item_data in self.contact_visit_arrangements:
            contact_visit_arrangements_item = contact_visit_arrangements_item_data.to_dict()
            contact_visit_arrangements.append(contact_visit_arrangements_item)

        contact_visits = []
        for contact_visits_item_data in self.contact_visits:
            contact_visits_item = contact_visits_item_data.to_dict()
            contact_visits.append(contact_visits_item)

        contact_visit_reports = []
        for contact_visit_reports_item_data in self.contact_visit_reports:
            contact_visit_reports_item = contact_visit_reports_item_data.to_dict()
            contact_visit_reports.append(contact_visit_reports_item)

        placements = []
        for placements_item_data in self.placements:
            placements_item = placements_item_data.to_dict()
            placements.append(placements_item)

        foster_homes = []
        for foster_homes_item_data in self.foster_homes:
            foster_homes_item = foster_homes_item_data.to_dict()
            foster_homes.append(foster_homes_item)

        workflows = []
        for workflows_item_data in self.workflows:
            workflows_item = workflows_item_data.to_dict()
            workflows.append(workflows_item)

        tasks = []
        for tasks_item_data in self.tasks:
            tasks_item = tasks_item_data.to_dict()
            tasks.append(tasks_item)

        task_changes = []
        for task_changes_item_data in self.task_changes:
            task_changes_item = task_changes_item_data.to_dict()
            task_changes.append(task_changes_item)

        visit_reductions = []
        for visit_reductions_item_data in self.visit_reductions:
            visit_reductions_item = visit_reductions_item_data.to_dict()
            visit_reductions.append(visit_reductions_item)

        extra_visits = []
        for extra_visits_item_data in self.extra_visits:
            extra_visits_item = extra_visits_item_data.to_dict()
            extra_visits.append(extra_visits_item)

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        life_story = []
        for life_story_item_data in self.life_story:
            life_story_item = life_story_item_data.to_dict()
            life_story.append(life_story_item)

        events = []
        for events_item_data in self.events:
            events_item: dict[str, Any]
            if isinstance(events_item_data, ApprovalCreatedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, ApprovalDecidedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, ApprovalUpdatedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, ContactVisitChangedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, ContactVisitCreatedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, ContactVisitArrangementChangedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, ContactVisitArrangementCreatedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, ContactVisitReportReceivedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, DocumentGeneratedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, FosterHomeChildAddedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, FosterHomeChildUpdatedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, LifeStoryPartWrittenEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, ParentCreatedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, ParentUpdatedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, PlacementCreatedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, PlacementEndedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, PlacementUpdatedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, PlanCreatedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, PlanReviewedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, PlanRevisedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, SupervisionReportReceivedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, SupervisionVisitorAppointedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, SupervisionVisitorEndedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, SupervisionVisitorUpdatedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, TaskCancelledEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, TaskCompletedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, TaskCreatedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, TaskDueSoonEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, TaskOverdueEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, TaskReopenedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, TaskRescheduledEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, TaskSkippedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, TeamOrderAcceptedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, TeamOrderCalledBackEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, TeamOrderClosedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, TeamOrderDeclinedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, TeamOrderOrderedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, TeamOrderStartedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, WebhookSubscriptionDisabledEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, WorkflowClosedEvent):
                events_item = events_item_data.to_dict()
            elif isinstance(events_item_data, WorkflowCompletedEvent):
                events_item = events_item_data.to_dict()
            else:
                events_item = events_item_data.to_dict()

            events.append(events_item)

        access_log = []
        for access_log_item_data in self.access_log:
            access_log_item = access_log_item_data.to_dict()
            access_log.append(access_log_item)

        parents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.parents, Unset):
            parents = []
            for parents_item_data in self.parents:
                parents_item = parents_item_data.to_dict()
                parents.append(parents_item)

        approvals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.approvals, Unset):
            approvals = []
            for approvals_item_data in self.approvals:
                approvals_item = approvals_item_data.to_dict()
                approvals.append(approvals_item)

        plans: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.plans, Unset):
            plans = []
            for plans_item_data in self.plans:
                plans_item = plans_item_data.to_dict()
                plans.append(plans_item)

        supervision_visitors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.supervision_visitors, Unset):
            supervision_visitors = []
            for supervision_visitors_item_data in self.supervision_visitors:
                supervision_visitors_item = supervision_visitors_item_data.to_dict()
                supervision_visitors.append(supervision_visitors_item)

        supervision_reports: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.supervision_reports, Unset):
            supervision_reports = []
            for supervision_reports_item_data in self.supervision_reports:
                supervision_reports_item = supervision_reports_item_data.to_dict()
                supervision_reports.append(supervision_reports_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "generated_at": generated_at,
                "child": child,
                "contact_visit_arrangements": contact_visit_arrangements,
                "contact_visits": contact_visits,
                "contact_visit_reports": contact_visit_reports,
                "placements": placements,
                "foster_homes": foster_homes,
                "workflows": workflows,
                "tasks": tasks,
                "task_changes": task_changes,
                "visit_reductions": visit_reductions,
                "extra_visits": extra_visits,
                "documents": documents,
                "life_story": life_story,
                "events": events,
                "access_log": access_log,
            }
        )
        if parents is not UNSET:
            field_dict["parents"] = parents
        if approvals is not UNSET:
            field_dict["approvals"] = approvals
        if plans is not UNSET:
            field_dict["plans"] = plans
        if supervision_visitors is not UNSET:
            field_dict["supervision_visitors"] = supervision_visitors
        if supervision_reports is not UNSET:
            field_dict["supervision_reports"] = supervision_reports

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.approval_created_event import ApprovalCreatedEvent  # noqa: PLC0415
        from ..models.approval_decided_event import ApprovalDecidedEvent  # noqa: PLC0415
        from ..models.approval_read import ApprovalRead  # noqa: PLC0415
        from ..models.approval_updated_event import ApprovalUpdatedEvent  # noqa: PLC0415
        from ..models.arrangement_read import ArrangementRead  # noqa: PLC0415
        from ..models.audit_event_read import AuditEventRead  # noqa: PLC0415
        from ..models.child_read import ChildRead  # noqa: PLC0415
        from ..models.contact_visit_arrangement_changed_event import ContactVisitArrangementChangedEvent  # noqa: PLC0415
        from ..models.contact_visit_arrangement_created_event import ContactVisitArrangementCreatedEvent  # noqa: PLC0415
        from ..models.contact_visit_changed_event import ContactVisitChangedEvent  # noqa: PLC0415
        from ..models.contact_visit_created_event import ContactVisitCreatedEvent  # noqa: PLC0415
        from ..models.contact_visit_report_read import ContactVisitReportRead  # noqa: PLC0415
        from ..models.contact_visit_report_received_event import ContactVisitReportReceivedEvent  # noqa: PLC0415
        from ..models.document_export import DocumentExport  # noqa: PLC0415
        from ..models.document_generated_event import DocumentGeneratedEvent  # noqa: PLC0415
        from ..models.extra_visit_read import ExtraVisitRead  # noqa: PLC0415
        from ..models.foster_home_child_added_event import FosterHomeChildAddedEvent  # noqa: PLC0415
        from ..models.foster_home_child_updated_event import FosterHomeChildUpdatedEvent  # noqa: PLC0415
        from ..models.foster_home_read import FosterHomeRead  # noqa: PLC0415
        from ..models.life_story_part_written_event import LifeStoryPartWrittenEvent  # noqa: PLC0415
        from ..models.life_story_version_read import LifeStoryVersionRead  # noqa: PLC0415
        from ..models.parent_created_event import ParentCreatedEvent  # noqa: PLC0415
        from ..models.parent_read import ParentRead  # noqa: PLC0415
        from ..models.parent_updated_event import ParentUpdatedEvent  # noqa: PLC0415
        from ..models.placement_created_event import PlacementCreatedEvent  # noqa: PLC0415
        from ..models.placement_ended_event import PlacementEndedEvent  # noqa: PLC0415
        from ..models.placement_read import PlacementRead  # noqa: PLC0415
        from ..models.placement_updated_event import PlacementUpdatedEvent  # noqa: PLC0415
        from ..models.plan_created_event import PlanCreatedEvent  # noqa: PLC0415
        from ..models.plan_read import PlanRead  # noqa: PLC0415
        from ..models.plan_reviewed_event import PlanReviewedEvent  # noqa: PLC0415
        from ..models.plan_revised_event import PlanRevisedEvent  # noqa: PLC0415
        from ..models.supervision_report_read import SupervisionReportRead  # noqa: PLC0415
        from ..models.supervision_report_received_event import SupervisionReportReceivedEvent  # noqa: PLC0415
        from ..models.supervision_visitor_appointed_event import SupervisionVisitorAppointedEvent  # noqa: PLC0415
        from ..models.supervision_visitor_ended_event import SupervisionVisitorEndedEvent  # noqa: PLC0415
        from ..models.supervision_visitor_updated_event import SupervisionVisitorUpdatedEvent  # noqa: PLC0415
        from ..models.task_cancelled_event import TaskCancelledEvent  # noqa: PLC0415
        from ..models.task_change_read import TaskChangeRead  # noqa: PLC0415
        from ..models.task_completed_event import TaskCompletedEvent  # noqa: PLC0415
        from ..models.task_created_event import TaskCreatedEvent  # noqa: PLC0415
        from ..models.task_due_soon_event import TaskDueSoonEvent  # noqa: PLC0415
        from ..models.task_overdue_event import TaskOverdueEvent  # noqa: PLC0415
        from ..models.task_read import TaskRead  # noqa: PLC0415
        from ..models.task_reopened_event import TaskReopenedEvent  # noqa: PLC0415
        from ..models.task_rescheduled_event import TaskRescheduledEvent  # noqa: PLC0415
        from ..models.task_skipped_event import TaskSkippedEvent  # noqa: PLC0415
        from ..models.team_order_accepted_event import TeamOrderAcceptedEvent  # noqa: PLC0415
        from ..models.team_order_called_back_event import TeamOrderCalledBackEvent  # noqa: PLC0415
        from ..models.team_order_closed_event import TeamOrderClosedEvent  # noqa: PLC0415
        from ..models.team_order_declined_event import TeamOrderDeclinedEvent  # noqa: PLC0415
        from ..models.team_order_ordered_event import TeamOrderOrderedEvent  # noqa: PLC0415
        from ..models.team_order_started_event import TeamOrderStartedEvent  # noqa: PLC0415
        from ..models.visit_read import VisitRead  # noqa: PLC0415
        from ..models.visit_reduction_read import VisitReductionRead  # noqa: PLC0415
        from ..models.visitor_read import VisitorRead  # noqa: PLC0415
        from ..models.webhook_subscription_disabled_event import WebhookSubscriptionDisabledEvent  # noqa: PLC0415
        from ..models.workflow_closed_event import WorkflowClosedEvent  # noqa: PLC0415
        from ..models.workflow_completed_event import WorkflowCompletedEvent  # noqa: PLC0415
        from ..models.workflow_read import WorkflowRead  # noqa: PLC0415
        from ..models.workflow_started_event import WorkflowStartedEvent  # noqa: PLC0415

        d = dict(src_dict)
        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        child = ChildRead.from_dict(d.pop("child"))

        contact_visit_arrangements = []
        _contact_visit_arrangements = d.pop("contact_visit_arrangements")
        for contact_visit_arrangements_item_data in _contact_visit_arrangements:
            contact_visit_arrangements_item = ArrangementRead.from_dict(contact_visit_arrangements_item_data)

            contact_visit_arrangements.append(contact_visit_arrangements_item)

        contact_visits = []
        _contact_visits = d.pop("contact_visits")
        for contact_visits_item_data in _contact_visits:
            contact_visits_item = VisitRead.from_dict(contact_visits_item_data)

            contact_visits.append(contact_visits_item)

        contact_visit_reports = []
        _contact_visit_reports = d.pop("contact_visit_reports")
        for contact_visit_reports_item_data in _contact_visit_reports:
            contact_visit_reports_item = ContactVisitReportRead.from_dict(contact_visit_reports_item_data)

            contact_visit_reports.append(contact_visit_reports_item)

        placements = []
        _placements = d.pop("placements")
        for placements_item_data in _placements:
            placements_item = PlacementRead.from_dict(placements_item_data)

            placements.append(placements_item)

        foster_homes = []
        _foster_homes = d.pop("foster_homes")
        for foster_homes_item_data in _foster_homes:
            foster_homes_item = FosterHomeRead.from_dict(foster_homes_item_data)

            foster_homes.append(foster_homes_item)

        workflows = []
        _workflows = d.pop("workflows")
        for workflows_item_data in _workflows:
            workflows_item = WorkflowRead.from_dict(workflows_item_data)

            workflows.append(workflows_item)

        tasks = []
        _tasks = d.pop("tasks")
        for tasks_item_data in _tasks:
            tasks_item = TaskRead.from_dict(tasks_item_data)

            tasks.append(tasks_item)

        task_changes = []
        _task_changes = d.pop("task_changes")
        for task_changes_item_data in _task_changes:
            task_changes_item = TaskChangeRead.from_dict(task_changes_item_data)

            task_changes.append(task_changes_item)

        visit_reductions = []
        _visit_reductions = d.pop("visit_reductions")
        for visit_reductions_item_data in _visit_reductions:
            visit_reductions_item = VisitReductionRead.from_dict(visit_reductions_item_data)

            visit_reductions.append(visit_reductions_item)

        extra_visits = []
        _extra_visits = d.pop("extra_visits")
        for extra_visits_item_data in _extra_visits:
            extra_visits_item = ExtraVisitRead.from_dict(extra_visits_item_data)

            extra_visits.append(extra_visits_item)

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = DocumentExport.from_dict(documents_item_data)

            documents.append(documents_item)

        life_story = []
        _life_story = d.pop("life_story")
        for life_story_item_data in _life_story:
            life_story_item = LifeStoryVersionRead.from_dict(life_story_item_data)

            life_story.append(life_story_item)

        events = []
        _events = d.pop("events")
        for events_item_data in _events:

            def _parse_events_item(
                data: object,
            ) -> (
                ApprovalCreatedEvent
                | ApprovalDecidedEvent
                | ApprovalUpdatedEvent
                | ContactVisitArrangementChangedEvent
                | ContactVisitArrangementCreatedEvent
                | ContactVisitChangedEvent
                | ContactVisitCreatedEvent
                | ContactVisitReportReceivedEvent
                | DocumentGeneratedEvent
                | FosterHomeChildAddedEvent
                | FosterHomeChildUpdatedEvent
                | LifeStoryPartWrittenEvent
                | ParentCreatedEvent
                | ParentUpdatedEvent
                | PlacementCreatedEvent
                | PlacementEndedEvent
                | PlacementUpdatedEvent
                | PlanCreatedEvent
                | PlanReviewedEvent
                | PlanRevisedEvent
                | SupervisionReportReceivedEvent
                | SupervisionVisitorAppointedEvent
                | SupervisionVisitorEndedEvent
                | SupervisionVisitorUpdatedEvent
                | TaskCancelledEvent
                | TaskCompletedEvent
                | TaskCreatedEvent
                | TaskDueSoonEvent
                | TaskOverdueEvent
                | TaskReopenedEvent
                | TaskRescheduledEvent
                | TaskSkippedEvent
                | TeamOrderAcceptedEvent
                | TeamOrderCalledBackEvent
                | TeamOrderClosedEvent
                | TeamOrderDeclinedEvent
                | TeamOrderOrderedEvent
                | TeamOrderStartedEvent
                | WebhookSubscriptionDisabledEvent
                | WorkflowClosedEvent
                | WorkflowCompletedEvent
                | WorkflowStartedEvent
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_0 = ApprovalCreatedEvent.from_dict(data)

                    return componentsschemas_event_read_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_1 = ApprovalDecidedEvent.from_dict(data)

                    return componentsschemas_event_read_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_2 = ApprovalUpdatedEvent.from_dict(data)

                    return componentsschemas_event_read_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_3 = ContactVisitChangedEvent.from_dict(data)

                    return componentsschemas_event_read_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_4 = ContactVisitCreatedEvent.from_dict(data)

                    return componentsschemas_event_read_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_5 = ContactVisitArrangementChangedEvent.from_dict(data)

                    return componentsschemas_event_read_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_6 = ContactVisitArrangementCreatedEvent.from_dict(data)

                    return componentsschemas_event_read_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_7 = ContactVisitReportReceivedEvent.from_dict(data)

                    return componentsschemas_event_read_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_8 = DocumentGeneratedEvent.from_dict(data)

                    return componentsschemas_event_read_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_9 = FosterHomeChildAddedEvent.from_dict(data)

                    return componentsschemas_event_read_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_10 = FosterHomeChildUpdatedEvent.from_dict(data)

                    return componentsschemas_event_read_type_10
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_11 = LifeStoryPartWrittenEvent.from_dict(data)

                    return componentsschemas_event_read_type_11
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_12 = ParentCreatedEvent.from_dict(data)

                    return componentsschemas_event_read_type_12
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_13 = ParentUpdatedEvent.from_dict(data)

                    return componentsschemas_event_read_type_13
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_14 = PlacementCreatedEvent.from_dict(data)

                    return componentsschemas_event_read_type_14
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_15 = PlacementEndedEvent.from_dict(data)

                    return componentsschemas_event_read_type_15
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_16 = PlacementUpdatedEvent.from_dict(data)

                    return componentsschemas_event_read_type_16
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_17 = PlanCreatedEvent.from_dict(data)

                    return componentsschemas_event_read_type_17
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_18 = PlanReviewedEvent.from_dict(data)

                    return componentsschemas_event_read_type_18
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_19 = PlanRevisedEvent.from_dict(data)

                    return componentsschemas_event_read_type_19
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_20 = SupervisionReportReceivedEvent.from_dict(data)

                    return componentsschemas_event_read_type_20
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_21 = SupervisionVisitorAppointedEvent.from_dict(data)

                    return componentsschemas_event_read_type_21
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_22 = SupervisionVisitorEndedEvent.from_dict(data)

                    return componentsschemas_event_read_type_22
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_23 = SupervisionVisitorUpdatedEvent.from_dict(data)

                    return componentsschemas_event_read_type_23
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_24 = TaskCancelledEvent.from_dict(data)

                    return componentsschemas_event_read_type_24
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_25 = TaskCompletedEvent.from_dict(data)

                    return componentsschemas_event_read_type_25
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_26 = TaskCreatedEvent.from_dict(data)

                    return componentsschemas_event_read_type_26
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_27 = TaskDueSoonEvent.from_dict(data)

                    return componentsschemas_event_read_type_27
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_28 = TaskOverdueEvent.from_dict(data)

                    return componentsschemas_event_read_type_28
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_29 = TaskReopenedEvent.from_dict(data)

                    return componentsschemas_event_read_type_29
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_30 = TaskRescheduledEvent.from_dict(data)

                    return componentsschemas_event_read_type_30
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_31 = TaskSkippedEvent.from_dict(data)

                    return componentsschemas_event_read_type_31
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_32 = TeamOrderAcceptedEvent.from_dict(data)

                    return componentsschemas_event_read_type_32
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_33 = TeamOrderCalledBackEvent.from_dict(data)

                    return componentsschemas_event_read_type_33
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_34 = TeamOrderClosedEvent.from_dict(data)

                    return componentsschemas_event_read_type_34
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_35 = TeamOrderDeclinedEvent.from_dict(data)

                    return componentsschemas_event_read_type_35
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_36 = TeamOrderOrderedEvent.from_dict(data)

                    return componentsschemas_event_read_type_36
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_37 = TeamOrderStartedEvent.from_dict(data)

                    return componentsschemas_event_read_type_37
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_38 = WebhookSubscriptionDisabledEvent.from_dict(data)

                    return componentsschemas_event_read_type_38
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_39 = WorkflowClosedEvent.from_dict(data)

                    return componentsschemas_event_read_type_39
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_event_read_type_40 = WorkflowCompletedEvent.from_dict(data)

                    return componentsschemas_event_read_type_40
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_event_read_type_41 = WorkflowStartedEvent.from_dict(data)

                return componentsschemas_event_read_type_41

            events_item = _parse_events_item(events_item_data)

            events.append(events_item)

        access_log = []
        _access_log = d.pop("access_log")
        for access_log_item_data in _access_log:
            access_log_item = AuditEventRead.from_dict(access_log_item_data)

            access_log.append(access_log_item)

        _parents = d.pop("parents", UNSET)
        parents: list[ParentRead] | Unset = UNSET
        if _parents is not UNSET:
            parents = []
            for parents_item_data in _parents:
                parents_item = ParentRead.from_dict(parents_item_data)

                parents.append(parents_item)

        _approvals = d.pop("approvals", UNSET)
        approvals: list[ApprovalRead] | Unset = UNSET
        if _approvals is not UNSET:
            approvals = []
            for approvals_item_data in _approvals:
                approvals_item = ApprovalRead.from_dict(approvals_item_data)

                approvals.append(approvals_item)

        _plans = d.pop("plans", UNSET)
        plans: list[PlanRead] | Unset = UNSET
        if _plans is not UNSET:
            plans = []
            for plans_item_data in _plans:
                plans_item = PlanRead.from_dict(plans_item_data)

                plans.append(plans_item)

        _supervision_visitors = d.pop("supervision_visitors", UNSET)
        supervision_visitors: list[VisitorRead] | Unset = UNSET
        if _supervision_visitors is not UNSET:
            supervision_visitors = []
            for supervision_visitors_item_data in _supervision_visitors:
                supervision_visitors_item = VisitorRead.from_dict(supervision_visitors_item_data)

                supervision_visitors.append(supervision_visitors_item)

        _supervision_reports = d.pop("supervision_reports", UNSET)
        supervision_reports: list[SupervisionReportRead] | Unset = UNSET
        if _supervision_reports is not UNSET:
            supervision_reports = []
            for supervision_reports_item_data in _supervision_reports:
                supervision_reports_item = SupervisionReportRead.from_dict(supervision_reports_item_data)

                supervision_reports.append(supervision_reports_item)

        child_export = cls(
            generated_at=generated_at,
            child=child,
            contact_visit_arrangements=contact_visit_arrangements,
            contact_visits=contact_visits,
            contact_visit_reports=contact_visit_reports,
            placements=placements,
            foster_homes=foster_homes,
            workflows=workflows,
            tasks=tasks,
            task_changes=task_changes,
            visit_reductions=visit_reductions,
            extra_visits=extra_visits,
            documents=documents,
            life_story=life_story,
            events=events,
            access_log=access_log,
            parents=parents,
            approvals=approvals,
            plans=plans,
            supervision_visitors=supervision_visitors,
            supervision_reports=supervision_reports,
        )

        child_export.additional_properties = d
        return child_export

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
