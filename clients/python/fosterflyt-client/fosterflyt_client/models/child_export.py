from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.approval_read import ApprovalRead
    from ..models.arrangement_read import ArrangementRead
    from ..models.audit_event_read import AuditEventRead
    from ..models.child_read import ChildRead
    from ..models.contact_visit_report_read import ContactVisitReportRead
    from ..models.document_export import DocumentExport
    from ..models.event_read import EventRead
    from ..models.extra_visit_read import ExtraVisitRead
    from ..models.foster_home_read import FosterHomeRead
    from ..models.life_story_version_read import LifeStoryVersionRead
    from ..models.parent_read import ParentRead
    from ..models.placement_read import PlacementRead
    from ..models.plan_read import PlanRead
    from ..models.supervision_report_read import SupervisionReportRead
    from ..models.task_change_read import TaskChangeRead
    from ..models.task_read import TaskRead
    from ..models.visit_read import VisitRead
    from ..models.visit_reduction_read import VisitReductionRead
    from ..models.visitor_read import VisitorRead
    from ..models.workflow_read import WorkflowRead


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
            events (list[EventRead]): Events referring to the child's placements.
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
    events: list[EventRead]
    access_log: list[AuditEventRead]
    parents: list[ParentRead] | Unset = UNSET
    approvals: list[ApprovalRead] | Unset = UNSET
    plans: list[PlanRead] | Unset = UNSET
    supervision_visitors: list[VisitorRead] | Unset = UNSET
    supervision_reports: list[SupervisionReportRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
        from ..models.approval_read import ApprovalRead  # noqa: PLC0415
        from ..models.arrangement_read import ArrangementRead  # noqa: PLC0415
        from ..models.audit_event_read import AuditEventRead  # noqa: PLC0415
        from ..models.child_read import ChildRead  # noqa: PLC0415
        from ..models.contact_visit_report_read import ContactVisitReportRead  # noqa: PLC0415
        from ..models.document_export import DocumentExport  # noqa: PLC0415
        from ..models.event_read import EventRead  # noqa: PLC0415
        from ..models.extra_visit_read import ExtraVisitRead  # noqa: PLC0415
        from ..models.foster_home_read import FosterHomeRead  # noqa: PLC0415
        from ..models.life_story_version_read import LifeStoryVersionRead  # noqa: PLC0415
        from ..models.parent_read import ParentRead  # noqa: PLC0415
        from ..models.placement_read import PlacementRead  # noqa: PLC0415
        from ..models.plan_read import PlanRead  # noqa: PLC0415
        from ..models.supervision_report_read import SupervisionReportRead  # noqa: PLC0415
        from ..models.task_change_read import TaskChangeRead  # noqa: PLC0415
        from ..models.task_read import TaskRead  # noqa: PLC0415
        from ..models.visit_read import VisitRead  # noqa: PLC0415
        from ..models.visit_reduction_read import VisitReductionRead  # noqa: PLC0415
        from ..models.visitor_read import VisitorRead  # noqa: PLC0415
        from ..models.workflow_read import WorkflowRead  # noqa: PLC0415

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
            events_item = EventRead.from_dict(events_item_data)

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
