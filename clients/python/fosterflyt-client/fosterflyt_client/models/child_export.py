from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_event_read import AuditEventRead
    from ..models.child_read import ChildRead
    from ..models.document_export import DocumentExport
    from ..models.event_read import EventRead
    from ..models.extra_visit_read import ExtraVisitRead
    from ..models.foster_home_read import FosterHomeRead
    from ..models.placement_read import PlacementRead
    from ..models.task_change_read import TaskChangeRead
    from ..models.task_read import TaskRead
    from ..models.visit_reduction_read import VisitReductionRead
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
            placements (list[PlacementRead]):
            foster_homes (list[FosterHomeRead]): The homes of these placements.
            workflows (list[WorkflowRead]):
            tasks (list[TaskRead]): With their answers.
            task_changes (list[TaskChangeRead]):
            visit_reductions (list[VisitReductionRead]):
            extra_visits (list[ExtraVisitRead]): Follow-up visits recorded unplanned.
            documents (list[DocumentExport]):
            events (list[EventRead]): Events referring to the child's placements.
            access_log (list[AuditEventRead]): Every recorded access to the child's data, oldest first.
    """

    generated_at: datetime.datetime
    child: ChildRead
    placements: list[PlacementRead]
    foster_homes: list[FosterHomeRead]
    workflows: list[WorkflowRead]
    tasks: list[TaskRead]
    task_changes: list[TaskChangeRead]
    visit_reductions: list[VisitReductionRead]
    extra_visits: list[ExtraVisitRead]
    documents: list[DocumentExport]
    events: list[EventRead]
    access_log: list[AuditEventRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        generated_at = self.generated_at.isoformat()

        child = self.child.to_dict()

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

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        access_log = []
        for access_log_item_data in self.access_log:
            access_log_item = access_log_item_data.to_dict()
            access_log.append(access_log_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "generated_at": generated_at,
                "child": child,
                "placements": placements,
                "foster_homes": foster_homes,
                "workflows": workflows,
                "tasks": tasks,
                "task_changes": task_changes,
                "visit_reductions": visit_reductions,
                "extra_visits": extra_visits,
                "documents": documents,
                "events": events,
                "access_log": access_log,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_event_read import AuditEventRead  # noqa: PLC0415
        from ..models.child_read import ChildRead  # noqa: PLC0415
        from ..models.document_export import DocumentExport  # noqa: PLC0415
        from ..models.event_read import EventRead  # noqa: PLC0415
        from ..models.extra_visit_read import ExtraVisitRead  # noqa: PLC0415
        from ..models.foster_home_read import FosterHomeRead  # noqa: PLC0415
        from ..models.placement_read import PlacementRead  # noqa: PLC0415
        from ..models.task_change_read import TaskChangeRead  # noqa: PLC0415
        from ..models.task_read import TaskRead  # noqa: PLC0415
        from ..models.visit_reduction_read import VisitReductionRead  # noqa: PLC0415
        from ..models.workflow_read import WorkflowRead  # noqa: PLC0415

        d = dict(src_dict)
        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        child = ChildRead.from_dict(d.pop("child"))

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

        child_export = cls(
            generated_at=generated_at,
            child=child,
            placements=placements,
            foster_homes=foster_homes,
            workflows=workflows,
            tasks=tasks,
            task_changes=task_changes,
            visit_reductions=visit_reductions,
            extra_visits=extra_visits,
            documents=documents,
            events=events,
            access_log=access_log,
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
