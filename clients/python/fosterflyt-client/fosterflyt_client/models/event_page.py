from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.approval_created_event import ApprovalCreatedEvent
    from ..models.approval_decided_event import ApprovalDecidedEvent
    from ..models.approval_updated_event import ApprovalUpdatedEvent
    from ..models.contact_visit_arrangement_changed_event import ContactVisitArrangementChangedEvent
    from ..models.contact_visit_arrangement_created_event import ContactVisitArrangementCreatedEvent
    from ..models.contact_visit_changed_event import ContactVisitChangedEvent
    from ..models.contact_visit_created_event import ContactVisitCreatedEvent
    from ..models.contact_visit_report_received_event import ContactVisitReportReceivedEvent
    from ..models.document_generated_event import DocumentGeneratedEvent
    from ..models.foster_home_child_added_event import FosterHomeChildAddedEvent
    from ..models.foster_home_child_updated_event import FosterHomeChildUpdatedEvent
    from ..models.life_story_part_written_event import LifeStoryPartWrittenEvent
    from ..models.parent_created_event import ParentCreatedEvent
    from ..models.parent_updated_event import ParentUpdatedEvent
    from ..models.placement_created_event import PlacementCreatedEvent
    from ..models.placement_ended_event import PlacementEndedEvent
    from ..models.placement_updated_event import PlacementUpdatedEvent
    from ..models.plan_created_event import PlanCreatedEvent
    from ..models.plan_reviewed_event import PlanReviewedEvent
    from ..models.plan_revised_event import PlanRevisedEvent
    from ..models.supervision_report_received_event import SupervisionReportReceivedEvent
    from ..models.supervision_visitor_appointed_event import SupervisionVisitorAppointedEvent
    from ..models.supervision_visitor_ended_event import SupervisionVisitorEndedEvent
    from ..models.supervision_visitor_updated_event import SupervisionVisitorUpdatedEvent
    from ..models.task_cancelled_event import TaskCancelledEvent
    from ..models.task_completed_event import TaskCompletedEvent
    from ..models.task_created_event import TaskCreatedEvent
    from ..models.task_due_soon_event import TaskDueSoonEvent
    from ..models.task_overdue_event import TaskOverdueEvent
    from ..models.task_reopened_event import TaskReopenedEvent
    from ..models.task_rescheduled_event import TaskRescheduledEvent
    from ..models.task_skipped_event import TaskSkippedEvent
    from ..models.team_order_accepted_event import TeamOrderAcceptedEvent
    from ..models.team_order_called_back_event import TeamOrderCalledBackEvent
    from ..models.team_order_closed_event import TeamOrderClosedEvent
    from ..models.team_order_declined_event import TeamOrderDeclinedEvent
    from ..models.team_order_ordered_event import TeamOrderOrderedEvent
    from ..models.team_order_started_event import TeamOrderStartedEvent
    from ..models.webhook_subscription_disabled_event import WebhookSubscriptionDisabledEvent
    from ..models.workflow_closed_event import WorkflowClosedEvent
    from ..models.workflow_completed_event import WorkflowCompletedEvent
    from ..models.workflow_started_event import WorkflowStartedEvent


T = TypeVar("T", bound="EventPage")


@_attrs_define
class EventPage:
    """
    Attributes:
        items (list[ApprovalCreatedEvent | ApprovalDecidedEvent | ApprovalUpdatedEvent |
            ContactVisitArrangementChangedEvent | ContactVisitArrangementCreatedEvent | ContactVisitChangedEvent |
            ContactVisitCreatedEvent | ContactVisitReportReceivedEvent | DocumentGeneratedEvent | FosterHomeChildAddedEvent
            | FosterHomeChildUpdatedEvent | LifeStoryPartWrittenEvent | ParentCreatedEvent | ParentUpdatedEvent |
            PlacementCreatedEvent | PlacementEndedEvent | PlacementUpdatedEvent | PlanCreatedEvent | PlanReviewedEvent |
            PlanRevisedEvent | SupervisionReportReceivedEvent | SupervisionVisitorAppointedEvent |
            SupervisionVisitorEndedEvent | SupervisionVisitorUpdatedEvent | TaskCancelledEvent | TaskCompletedEvent |
            TaskCreatedEvent | TaskDueSoonEvent | TaskOverdueEvent | TaskReopenedEvent | TaskRescheduledEvent |
            TaskSkippedEvent | TeamOrderAcceptedEvent | TeamOrderCalledBackEvent | TeamOrderClosedEvent |
            TeamOrderDeclinedEvent | TeamOrderOrderedEvent | TeamOrderStartedEvent | WebhookSubscriptionDisabledEvent |
            WorkflowClosedEvent | WorkflowCompletedEvent | WorkflowStartedEvent]):
        next_cursor (str): Pass as `cursor` (or `after`) to resume; always present.
        has_more (bool):
    """

    items: list[
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
    next_cursor: str
    has_more: bool
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

        items = []
        for items_item_data in self.items:
            items_item: dict[str, Any]
            if isinstance(items_item_data, ApprovalCreatedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, ApprovalDecidedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, ApprovalUpdatedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, ContactVisitChangedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, ContactVisitCreatedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, ContactVisitArrangementChangedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, ContactVisitArrangementCreatedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, ContactVisitReportReceivedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, DocumentGeneratedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, FosterHomeChildAddedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, FosterHomeChildUpdatedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, LifeStoryPartWrittenEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, ParentCreatedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, ParentUpdatedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, PlacementCreatedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, PlacementEndedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, PlacementUpdatedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, PlanCreatedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, PlanReviewedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, PlanRevisedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, SupervisionReportReceivedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, SupervisionVisitorAppointedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, SupervisionVisitorEndedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, SupervisionVisitorUpdatedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, TaskCancelledEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, TaskCompletedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, TaskCreatedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, TaskDueSoonEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, TaskOverdueEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, TaskReopenedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, TaskRescheduledEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, TaskSkippedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, TeamOrderAcceptedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, TeamOrderCalledBackEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, TeamOrderClosedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, TeamOrderDeclinedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, TeamOrderOrderedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, TeamOrderStartedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, WebhookSubscriptionDisabledEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, WorkflowClosedEvent):
                items_item = items_item_data.to_dict()
            elif isinstance(items_item_data, WorkflowCompletedEvent):
                items_item = items_item_data.to_dict()
            else:
                items_item = items_item_data.to_dict()

            items.append(items_item)

        next_cursor = self.next_cursor

        has_more = self.has_more

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "next_cursor": next_cursor,
                "has_more": has_more,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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
        from ..models.workflow_started_event import WorkflowStartedEvent  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:

            def _parse_items_item(
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

            items_item = _parse_items_item(items_item_data)

            items.append(items_item)

        next_cursor = d.pop("next_cursor")

        has_more = d.pop("has_more")

        event_page = cls(
            items=items,
            next_cursor=next_cursor,
            has_more=has_more,
        )

        event_page.additional_properties = d
        return event_page

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
