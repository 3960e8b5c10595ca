"""Contact visits (*samvær*) of a placement: arrangements, visits, reports and the schedule."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from app.audit.trail import AuditCreate, AuditList, AuditRead, AuditUpdate
from app.auth import authorize
from app.contact_visits import reports, service
from app.contact_visits.schemas import (
    ArrangementCreate,
    ArrangementRead,
    ArrangementUpdate,
    ContactVisitReportRead,
    ContactVisitSchedule,
    ReportCreate,
    ScheduleParams,
    VisitCreate,
    VisitFilters,
    VisitRead,
    VisitUpdate,
)
from app.db import DbSession
from app.errors import (
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    UnknownReference,
    responses,
)
from app.http import IfMatchHeader, item_response, require_if_match
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.service import Idempotency, create_response
from app.principal import Principal, Scope
from app.schemas import Page

router = APIRouter(tags=["contact visits"])
Reader = Annotated[Principal, authorize(Scope.PLACEMENTS_READ)]
Writer = Annotated[Principal, authorize(Scope.PLACEMENTS_WRITE)]

ARRANGEMENTS = "/v1/placements/{placement_id}/contact-visit-arrangements"
VISITS = "/v1/placements/{placement_id}/contact-visits"
REPORTS = "/v1/placements/{placement_id}/contact-visit-reports"
CREATED = responses(NotFound, IdempotencyKeyReused, IdempotencyInFlight)
UPDATED = responses(NotFound, PreconditionFailed, PreconditionRequired)


@router.post(
    ARRANGEMENTS,
    status_code=201,
    response_model=ArrangementRead,
    operation_id="createContactVisitArrangement",
    summary="Record a contact-visit arrangement",
    description="What the tribunal (`tribunal`), a court or an agreement set for the child's "
    "contact visits: with whom, how often (`every`, an ISO 8601 interval counted from "
    "`first_visit_on`), how long, supervised or not and by whom, where, and the minimum in the "
    "decision's words. The placement's first arrangement starts the `samvaer` workflow: a plan "
    "for the visits and a regular review of the arrangement, as tasks. `first_visit_on` lies "
    "in the placement (422 `#/first_visit_on`).",
    responses=CREATED,
)
def create_arrangement(
    placement_id: uuid.UUID,
    body: ArrangementCreate,
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
        read=ArrangementRead,
        create=lambda: service.create_arrangement(
            session, principal, placement_id, data=body, audit=audit
        ),
        convert=lambda row: service.arrangement_read(row, []),
    )


@router.get(
    ARRANGEMENTS,
    response_model=Page[ArrangementRead],
    operation_id="listContactVisitArrangements",
    summary="The placement's contact-visit arrangements",
    description="Every arrangement, ended ones too, earliest decided first, each with its "
    "earlier values (`revisions`).",
    responses=responses(NotFound),
)
def list_arrangements(
    placement_id: uuid.UUID, principal: Reader, session: DbSession, audit: AuditList
) -> Page[ArrangementRead]:
    return Page[ArrangementRead].whole(
        service.list_arrangements(session, principal, placement_id, audit=audit)
    )


@router.get(
    ARRANGEMENTS + "/{arrangement_id}",
    response_model=ArrangementRead,
    operation_id="getContactVisitArrangement",
    summary="A contact-visit arrangement",
    description="With its earlier values, oldest first. The ETag is for If-Match.",
    responses=responses(NotFound),
)
def get_arrangement(
    placement_id: uuid.UUID,
    arrangement_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
) -> Response:
    read = service.get_arrangement(session, principal, placement_id, arrangement_id, audit=audit)
    return item_response(request, read)


@router.patch(
    ARRANGEMENTS + "/{arrangement_id}",
    response_model=ArrangementRead,
    operation_id="updateContactVisitArrangement",
    summary="Change a contact-visit arrangement",
    description="A new decision or agreement, a correction, or its end (`ended_on` with "
    "`end_reason`). `change_reason` is required; the values replaced are kept as a revision. "
    "Send If-Match with the ETag from your last GET.",
    responses=UPDATED,
)
def update_arrangement(
    placement_id: uuid.UUID,
    arrangement_id: uuid.UUID,
    body: ArrangementUpdate,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
    if_match: IfMatchHeader = None,
) -> Response:
    def represent(row: Any) -> ArrangementRead:
        return service.arrangement_read(row, service.revisions_of(session, row.id))

    read = service.update_arrangement(
        session,
        principal,
        placement_id,
        arrangement_id,
        data=body,
        precondition=require_if_match(if_match, represent),
        audit=audit,
    )
    return item_response(request, read)


@router.get(
    VISITS + "/schedule",
    response_model=ContactVisitSchedule,
    operation_id="getContactVisitSchedule",
    summary="The contact visits planned in a period",
    description="Every visit the arrangements plan from `from_date` (default today) to "
    "`to_date` (default twelve months on, at most five years), with the visit recorded for "
    "that day where there is one (`visit_id`, `status`), and visits recorded off the schedule. "
    "These are dates, not tasks: the plan and reviews of the arrangement and the review of "
    "each report are tasks (`GET /v1/tasks`).",
    responses=responses(NotFound),
)
def get_schedule(
    placement_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    audit: AuditList,
    params: Annotated[ScheduleParams, Query()],
) -> ContactVisitSchedule:
    return service.schedule(
        session,
        principal,
        placement_id,
        from_date=params.from_date,
        to_date=params.to_date,
        audit=audit,
    )


@router.post(
    VISITS,
    status_code=201,
    response_model=VisitRead,
    operation_id="createContactVisit",
    summary="Record a contact visit",
    description="A visit planned, held or cancelled (`cancelled_by` and `cancellation_reason` "
    "then required). The day lies in the placement: before it started or after it ended is "
    "422 `#/planned_on`; a visit held is recorded after it was held.",
    responses=CREATED,
)
def create_visit(
    placement_id: uuid.UUID,
    body: VisitCreate,
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
        read=VisitRead,
        create=lambda: service.create_visit(
            session, principal, placement_id, data=body, audit=audit
        ),
    )


@router.get(
    VISITS,
    response_model=Page[VisitRead],
    operation_id="listContactVisits",
    summary="The placement's recorded contact visits",
    description="Earliest first; `status` filters.",
    responses=responses(NotFound),
)
def list_visits(
    placement_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    audit: AuditList,
    params: Annotated[VisitFilters, Query()],
) -> Page[VisitRead]:
    rows = service.list_visits(session, principal, placement_id, params, audit=audit)
    return Page[VisitRead].whole([service.visit_read(r) for r in rows])


@router.get(
    VISITS + "/{contact_visit_id}",
    response_model=VisitRead,
    operation_id="getContactVisit",
    summary="A contact visit",
    description="The ETag is for If-Match.",
    responses=responses(NotFound),
)
def get_visit(
    placement_id: uuid.UUID,
    contact_visit_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
) -> Response:
    row = service.get_visit(session, principal, placement_id, contact_visit_id, audit=audit)
    return item_response(request, service.visit_read(row))


@router.patch(
    VISITS + "/{contact_visit_id}",
    response_model=VisitRead,
    operation_id="updateContactVisit",
    summary="Register a contact visit held or cancelled",
    description="Set `status` to `held` (with `held_on` if another day) or `cancelled` (with "
    "`cancelled_by` and `cancellation_reason`), add notes, or correct the visit. The whole "
    "visit is checked again. Send If-Match with the ETag from your last GET.",
    responses=UPDATED,
)
def update_visit(
    placement_id: uuid.UUID,
    contact_visit_id: uuid.UUID,
    body: VisitUpdate,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
    if_match: IfMatchHeader = None,
) -> Response:
    row = service.update_visit(
        session,
        principal,
        placement_id,
        contact_visit_id,
        data=body,
        precondition=require_if_match(if_match, service.visit_read),
        audit=audit,
    )
    return item_response(request, service.visit_read(row))


@router.post(
    REPORTS,
    status_code=201,
    response_model=ContactVisitReportRead,
    operation_id="receiveContactVisitReport",
    summary="Register a report received after a contact visit",
    description="The day it arrived, who wrote it, the visit it reports on (one that was "
    "held) and a summary. Its review (P6 template 14) is planned at once as a task due the "
    "rule set's interval after the day it arrived, with the explanation and the rule's "
    "provenance: `review_task`.",
    responses=responses(NotFound, UnknownReference, IdempotencyKeyReused, IdempotencyInFlight),
)
def receive_report(
    placement_id: uuid.UUID,
    body: ReportCreate,
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
        read=ContactVisitReportRead,
        create=lambda: reports.receive_report(
            session, principal, placement_id, data=body, audit=audit
        ),
        convert=lambda read: read,
    )


@router.get(
    REPORTS,
    response_model=Page[ContactVisitReportRead],
    operation_id="listContactVisitReports",
    summary="The placement's contact-visit reports",
    description="Earliest received first, each with its review task.",
    responses=responses(NotFound),
)
def list_reports(
    placement_id: uuid.UUID, principal: Reader, session: DbSession, audit: AuditList
) -> Page[ContactVisitReportRead]:
    return Page[ContactVisitReportRead].whole(
        reports.list_reports(session, principal, placement_id, audit=audit)
    )


@router.get(
    REPORTS + "/{contact_visit_report_id}",
    response_model=ContactVisitReportRead,
    operation_id="getContactVisitReport",
    summary="A contact-visit report",
    description="With its review task: due date, status, rule and explanation.",
    responses=responses(NotFound),
)
def get_report(
    placement_id: uuid.UUID,
    contact_visit_report_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
) -> Response:
    read = reports.get_report(
        session, principal, placement_id, contact_visit_report_id, audit=audit
    )
    return item_response(request, read)
