from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app import year_wheel
from app.audit.trail import AuditCreate, AuditList, AuditRead, AuditUpdate
from app.auth import authorize
from app.db import DbSession
from app.errors import DuplicateResource, InvalidCursor, NotFound, responses
from app.http import ServiceIdQuery, item_response, page_response, render
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.service import Idempotency, create_response, idempotent
from app.principal import Principal, Scope
from app.schemas import Page
from app.tasks import service as tasks
from app.tasks.schemas import TimelineRead
from app.workflows import api, visits
from app.workflows.errors import ReductionEnded, WorkflowAlreadyRunning
from app.workflows.schemas import (
    AdjustmentFilters,
    AdjustmentPut,
    AdjustmentRead,
    DefinitionRead,
    DefinitionSummary,
    ExtraVisitCreate,
    ExtraVisitRead,
    FollowUpVisits,
    RuleSetPublish,
    RuleSetRead,
    SchedulePreview,
    SchedulePreviewRequest,
    VisitReductionCreate,
    VisitReductionEnd,
    VisitReductionRead,
    WorkflowFilters,
    WorkflowRead,
    WorkflowStart,
)

router = APIRouter(tags=["workflows"])
Reader = Annotated[Principal, authorize(Scope.WORKFLOWS_READ)]
Writer = Annotated[Principal, authorize(Scope.WORKFLOWS_WRITE)]
PlacementWriter = Annotated[Principal, authorize(Scope.PLACEMENTS_WRITE)]
TaskReader = Annotated[Principal, authorize(Scope.TASKS_READ)]
RuleSetWriter = Annotated[Principal, authorize(Scope.RULE_SETS_WRITE)]


def _json(model: object) -> Response:
    return Response(content=render(model), media_type="application/json")  # type: ignore[arg-type]


@router.get(
    "/v1/workflow-definitions",
    response_model=Page[DefinitionSummary],
    operation_id="listWorkflowDefinitions",
    summary="List workflow definitions",
    description="The latest version of every shipped workflow (follow-up programmes and legal "
    "follow-up), with the versions still kept for running instances.",
    responses=responses(),
)
def list_definitions(principal: Reader) -> Page[DefinitionSummary]:
    return Page[DefinitionSummary].whole(api.definitions())


@router.get(
    "/v1/workflow-definitions/{key}",
    response_model=DefinitionRead,
    operation_id="getWorkflowDefinition",
    summary="Get a workflow definition",
    description="Steps with due rules, guidance, forms, templates and outcomes. `version` picks "
    "an older version (running instances keep theirs).",
    responses=responses(NotFound),
)
def get_definition(
    key: str, principal: Reader, version: Annotated[int | None, Query(ge=1)] = None
) -> DefinitionRead:
    return api.definition(key, version)


@router.get(
    "/v1/workflows",
    response_model=Page[WorkflowRead],
    operation_id="listWorkflows",
    summary="List workflow instances",
    description="Running and finished workflows of the placements you can see.",
    responses=responses(InvalidCursor),
)
def list_workflows(
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditList,
    params: Annotated[WorkflowFilters, Query()],
) -> Response:
    rows, next_cursor = api.list_workflows(session, principal, params, audit=audit)
    return page_response(request, rows, next_cursor, WorkflowRead)


@router.get(
    "/v1/workflows/{workflow_id}",
    response_model=WorkflowRead,
    operation_id="getWorkflow",
    summary="Get a workflow instance",
    description="Pinned to the definition version it started with; `outcome` is set when a "
    "decision closed it.",
    responses=responses(NotFound),
)
def get_workflow(
    workflow_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
) -> Response:
    row = api.get_workflow(session, principal, workflow_id, audit=audit)
    return item_response(request, WorkflowRead.model_validate(row))


@router.post(
    "/v1/placements/{placement_id}/workflows",
    status_code=201,
    response_model=WorkflowRead,
    operation_id="startWorkflow",
    summary="Start a workflow for a placement",
    description="Starts a workflow on request (e.g. `veien-videre`, or a return-home "
    "assessment before it is due). One running instance per workflow and placement; a "
    "workflow planned per parent household (`veien-videre`) runs once per household and takes "
    "`parent_id`, the parent who accepted (required once the child has parents registered; "
    "422 `#/parent_id` for another child's parent or one who declined).",
    responses=responses(
        NotFound, WorkflowAlreadyRunning, IdempotencyKeyReused, IdempotencyInFlight
    ),
)
def start_workflow(
    placement_id: uuid.UUID,
    body: WorkflowStart,
    principal: Writer,
    session: DbSession,
    idem: Idempotency,
    request: Request,
    audit: AuditCreate,
) -> Response:
    return create_response(
        request=request,
        session=session,
        principal=principal,
        idem=idem,
        read=WorkflowRead,
        create=lambda: api.start_workflow(
            session,
            principal,
            placement_id,
            key=body.definition_key,
            parent_id=body.parent_id,
            audit=audit,
        ),
        location_base="/v1/workflows",
    )


@router.get(
    "/v1/placements/{placement_id}/timeline",
    response_model=TimelineRead,
    operation_id="getPlacementTimeline",
    summary="The placement's year wheel",
    description="Every task of the placement, past and future, by due date, each with its "
    "legal basis and the explanation of its date (årshjulet); and beside them, in `entries`, "
    "the plans adopted and reviewed, the contact visits held, cancelled and planned for the "
    "next twelve months, each supervision visit and the day its report came in, and the "
    "approval of the home for the child.",
    responses=responses(NotFound),
)
def timeline(
    placement_id: uuid.UUID,
    principal: TaskReader,
    session: DbSession,
    audit: AuditRead,
    include_cancelled: Annotated[bool, Query()] = False,
) -> Response:
    placement, rows, entries = year_wheel.placement_year_wheel(
        session, principal, placement_id, include_cancelled=include_cancelled, audit=audit
    )
    return _json(
        TimelineRead(
            placement_id=placement.id, items=[tasks.to_read(t) for t in rows], entries=entries
        )
    )


@router.post(
    "/v1/placements/{placement_id}/schedule-preview",
    response_model=SchedulePreview,
    operation_id="previewPlacementSchedule",
    summary="Preview a change of the placement's dates",
    description="Which open tasks would move, appear or be cancelled if the placement's dates "
    "changed as proposed. Saves nothing.",
    responses=responses(NotFound),
)
def schedule_preview(
    placement_id: uuid.UUID,
    body: SchedulePreviewRequest,
    principal: TaskReader,
    session: DbSession,
    audit: AuditRead,
) -> SchedulePreview:
    return api.schedule_preview(session, principal, placement_id, data=body, audit=audit)


@router.post(
    "/v1/placements/{placement_id}/visit-reductions",
    status_code=201,
    response_model=VisitReductionRead,
    operation_id="reduceFollowUpVisits",
    summary="Reduce follow-up visits (leader)",
    description="After the child has lived two years in the same home (the rule set says how "
    "long), a leader may reduce the visits to the reduced minimum. Not a formal decision: the "
    "reason and any objection from the child, the foster parents or the parents are recorded. "
    "Open visits are recalculated at once. Only leaders: contact persons, integration tokens "
    "and API keys get 403.",
    responses=responses(NotFound, DuplicateResource, IdempotencyKeyReused, IdempotencyInFlight),
)
def reduce_visits(
    placement_id: uuid.UUID,
    body: VisitReductionCreate,
    principal: PlacementWriter,
    session: DbSession,
    request: Request,
    audit: AuditCreate,
    idem: Idempotency,
) -> Response:
    def run() -> tuple[uuid.UUID, Response]:
        row = api.reduce_visits(session, principal, placement_id, data=body, audit=audit)
        read = VisitReductionRead.model_validate(row)
        return row.service_id, item_response(request, read, status_code=201)

    return idempotent(session=session, principal=principal, idem=idem, run=run)


@router.get(
    "/v1/placements/{placement_id}/visit-reductions",
    response_model=Page[VisitReductionRead],
    operation_id="listVisitReductions",
    summary="The placement's visit reductions, ended ones too",
    description="Every reduction a leader made, earliest first, with who ended it, when and why.",
    responses=responses(NotFound),
)
def list_visit_reductions(
    placement_id: uuid.UUID, principal: TaskReader, session: DbSession, audit: AuditList
) -> Page[VisitReductionRead]:
    rows = api.list_visit_reductions(session, principal, placement_id, audit=audit)
    return Page[VisitReductionRead].whole([VisitReductionRead.model_validate(r) for r in rows])


@router.post(
    "/v1/placements/{placement_id}/visit-reductions/{reduction_id}/end",
    response_model=VisitReductionRead,
    operation_id="endVisitReduction",
    summary="End a reduction of follow-up visits (leader)",
    description="When the child needs more again: from the day after `ended_on`, visits follow "
    "the usual minimum, counted from the last visit before. The reduction stays in the history "
    "with the reason. Open visits are recalculated at once. To change a reduction, end it and "
    "record a new one. Only leaders.",
    responses=responses(NotFound, ReductionEnded),
)
def end_visit_reduction(
    placement_id: uuid.UUID,
    reduction_id: uuid.UUID,
    body: VisitReductionEnd,
    principal: PlacementWriter,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
) -> Response:
    row = api.end_visit_reduction(
        session, principal, placement_id, reduction_id, data=body, audit=audit
    )
    return item_response(request, VisitReductionRead.model_validate(row))


@router.post(
    "/v1/placements/{placement_id}/extra-visits",
    status_code=201,
    response_model=ExtraVisitRead,
    operation_id="recordExtraVisit",
    summary="Record a follow-up visit nobody planned",
    description="The law asks for the minimum of visits a year and otherwise as often as "
    "necessary: record a visit held without a plan, with whether the child was spoken to "
    "alone, why the child needed it and the notes. It counts towards the year's minimum "
    "(`GET …/follow-up-visits`) and leaves the plan as it is. The date lies in the placement "
    "and not after today (422 `#/visited_on`).",
    responses=responses(NotFound, IdempotencyKeyReused, IdempotencyInFlight),
)
def record_extra_visit(
    placement_id: uuid.UUID,
    body: ExtraVisitCreate,
    principal: PlacementWriter,
    session: DbSession,
    idem: Idempotency,
    request: Request,
    audit: AuditCreate,
) -> Response:
    return create_response(
        request=request,
        session=session,
        principal=principal,
        idem=idem,
        read=ExtraVisitRead,
        create=lambda: visits.record_extra_visit(
            session, principal, placement_id, data=body, audit=audit
        ),
    )


@router.get(
    "/v1/placements/{placement_id}/extra-visits/{visit_id}",
    response_model=ExtraVisitRead,
    operation_id="getExtraVisit",
    summary="An extra follow-up visit",
    description="A visit recorded with `POST …/extra-visits`: when, whether the child was "
    "spoken to alone, why and the notes.",
    responses=responses(NotFound),
)
def get_extra_visit(
    placement_id: uuid.UUID,
    visit_id: uuid.UUID,
    principal: TaskReader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
) -> Response:
    row = visits.read_extra_visit(session, principal, placement_id, visit_id, audit=audit)
    return item_response(request, ExtraVisitRead.model_validate(row))


@router.get(
    "/v1/placements/{placement_id}/follow-up-visits",
    response_model=FollowUpVisits,
    operation_id="listFollowUpVisits",
    summary="The follow-up visits held, and each year against the minimum",
    description="Every visit that counts as a follow-up visit: the legal schedule's, "
    "Omsorgspakken's home visits in the first two months, and extra visits. Each year since "
    "the move is counted against the rule set's minimum (the reduced one when a reduction was "
    "in force all year); `met` is set once the year is over.",
    responses=responses(NotFound),
)
def list_follow_up_visits(
    placement_id: uuid.UUID, principal: TaskReader, session: DbSession, audit: AuditList
) -> FollowUpVisits:
    return visits.follow_up_visits(session, principal, placement_id, audit=audit)


@router.get(
    "/v1/rule-sets",
    response_model=Page[RuleSetRead],
    operation_id="listRuleSets",
    summary="List rule-set versions",
    description="Version 1 ships with the code; later versions were published by an admin.",
    responses=responses(),
)
def list_rule_sets(principal: Reader, session: DbSession) -> Page[RuleSetRead]:
    return Page[RuleSetRead].whole(api.rule_sets(session))


@router.get(
    "/v1/rule-sets/current",
    response_model=RuleSetRead,
    operation_id="getCurrentRuleSet",
    summary="The rule set in force",
    description="The values new due dates are computed with.",
    responses=responses(),
)
def current_rule_set(principal: Reader, session: DbSession) -> RuleSetRead:
    return api.current_rule_set(session)


@router.post(
    "/v1/rule-sets",
    status_code=201,
    response_model=RuleSetRead,
    operation_id="publishRuleSet",
    summary="Publish a new rule-set version (admin)",
    description="Every rule with its value, Norwegian text and source. Tasks planned from now on "
    "record the new version; `fosterflyt schedule-sync` recalculates open tasks.",
    responses=responses(IdempotencyKeyReused, IdempotencyInFlight),
)
def publish_rule_set(
    body: RuleSetPublish,
    principal: RuleSetWriter,
    session: DbSession,
    request: Request,
    idem: Idempotency,
) -> Response:
    def run() -> tuple[None, Response]:
        published = api.publish_rule_set(session, principal, data=body)
        return None, item_response(request, published, status_code=201)

    return idempotent(session=session, principal=principal, idem=idem, run=run)


@router.get(
    "/v1/workflow-adjustments",
    response_model=Page[AdjustmentRead],
    operation_id="listWorkflowAdjustments",
    summary="List the services' workflow adjustments",
    description="How each of your services has adjusted the adjustable workflows.",
    responses=responses(InvalidCursor),
)
def list_adjustments(
    principal: Reader,
    session: DbSession,
    request: Request,
    params: Annotated[AdjustmentFilters, Query()],
) -> Response:
    rows, next_cursor = api.list_adjustments(session, principal, params)
    return page_response(request, rows, next_cursor, AdjustmentRead)


@router.put(
    "/v1/workflow-adjustments/{key}",
    response_model=AdjustmentRead,
    operation_id="putWorkflowAdjustment",
    summary="Adjust a workflow for a service (leader)",
    description="Change a step's offset or switch it off (only workflows marked adjustable: "
    "Omsorgspakken); give a step to another role (any workflow, not a leader's decision; the "
    "service must have staff with the role); start an optional programme (En god start, "
    "Omsorgspakken) only on request. Placements started from now on follow the adjustment, "
    "running ones keep the plan and owners they started with.",
    responses=responses(NotFound),
)
def put_adjustment(
    key: str,
    body: AdjustmentPut,
    principal: Writer,
    session: DbSession,
    request: Request,
    service_id: ServiceIdQuery = None,
) -> Response:
    row = api.put_adjustment(session, principal, key, service_id=service_id, data=body)
    return item_response(request, AdjustmentRead.model_validate(row))
