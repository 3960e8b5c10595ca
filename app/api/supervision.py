"""The supervision of a placement (the supervision visitor and the reports) and the other
children living in a foster home."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, Response, UploadFile

from app import flows
from app.audit.trail import AuditCreate, AuditDownload, AuditList, AuditRead, AuditUpdate
from app.auth import authorize
from app.db import DbSession
from app.documents.errors import NotADocx, TemplateInvalid
from app.documents.upload import DOCX_MEDIA_TYPE
from app.errors import (
    NotFound,
    PayloadTooLarge,
    PreconditionFailed,
    PreconditionRequired,
    responses,
)
from app.http import IfMatchHeader, item_response, require_if_match
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.service import Idempotency, create_response
from app.principal import Principal, Scope
from app.schemas import Page
from app.supervision import household
from app.supervision import service as supervision
from app.supervision.errors import VisitorAlreadyAppointed, VisitorEnded
from app.supervision.schemas import (
    HomeChildCreate,
    HomeChildRead,
    HomeChildUpdate,
    SupervisionReportRead,
    VisitorCreate,
    VisitorEnd,
    VisitorRead,
    VisitorUpdate,
)

router = APIRouter(tags=["supervision"])
PlacementReader = Annotated[Principal, authorize(Scope.PLACEMENTS_READ)]
PlacementWriter = Annotated[Principal, authorize(Scope.PLACEMENTS_WRITE)]
HomeReader = Annotated[Principal, authorize(Scope.FOSTER_HOMES_READ)]
HomeWriter = Annotated[Principal, authorize(Scope.FOSTER_HOMES_WRITE)]

VISITORS = "/v1/placements/{placement_id}/supervision-visitors"
HOME_CHILDREN = "/v1/foster-homes/{foster_home_id}/children"
BINARY = {"type": "string", "format": "binary"}


_visitor = supervision.visitor_read
_report = supervision.report_read


@router.post(
    VISITORS,
    status_code=201,
    response_model=VisitorRead,
    operation_id="appointSupervisionVisitor",
    summary="Appoint the placement's supervision visitor (tilsynsfører)",
    description="Name and contact details, the day of the appointment, and — when done — the day "
    "the police certificate (politiattest) was checked, the supervision course "
    "(tilsynsførerkurs) was completed and the agreement was signed. A placement has at most one "
    "current visitor: while one is, a new appointment is a 409 `supervision-visitor-current` "
    "(end it first). Dates are not after today (422 pointing at the field).",
    responses=responses(
        NotFound, VisitorAlreadyAppointed, IdempotencyKeyReused, IdempotencyInFlight
    ),
)
def appoint_visitor(
    placement_id: uuid.UUID,
    body: VisitorCreate,
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
        read=VisitorRead,
        convert=_visitor,
        create=lambda: supervision.appoint_visitor(
            session, principal, placement_id, data=body, audit=audit
        ),
    )


@router.get(
    VISITORS,
    response_model=Page[VisitorRead],
    operation_id="listSupervisionVisitors",
    summary="The placement's supervision visitors, the current one first",
    description="Ended appointments stay as history, latest first after the current one.",
    responses=responses(NotFound),
)
def list_visitors(
    placement_id: uuid.UUID, principal: PlacementReader, session: DbSession, audit: AuditList
) -> Page[VisitorRead]:
    rows = supervision.list_visitors(session, principal, placement_id, audit=audit)
    return Page[VisitorRead].whole([_visitor(r) for r in rows])


@router.get(
    VISITORS + "/{visitor_id}",
    response_model=VisitorRead,
    operation_id="getSupervisionVisitor",
    summary="A supervision visitor of the placement",
    description="The response carries an ETag for If-Match.",
    responses=responses(NotFound),
)
def get_visitor(
    placement_id: uuid.UUID,
    visitor_id: uuid.UUID,
    principal: PlacementReader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
) -> Response:
    row = supervision.get_visitor(session, principal, placement_id, visitor_id, audit=audit)
    return item_response(request, _visitor(row))


@router.patch(
    VISITORS + "/{visitor_id}",
    response_model=VisitorRead,
    operation_id="updateSupervisionVisitor",
    summary="Change a supervision visitor's details",
    description="Contact details, and the days the police certificate was checked, the course "
    "was completed and the agreement was signed. Send If-Match with the ETag from your last GET.",
    responses=responses(NotFound, PreconditionFailed, PreconditionRequired),
)
def update_visitor(
    placement_id: uuid.UUID,
    visitor_id: uuid.UUID,
    body: VisitorUpdate,
    principal: PlacementWriter,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
    if_match: IfMatchHeader = None,
) -> Response:
    row = supervision.update_visitor(
        session,
        principal,
        placement_id,
        visitor_id,
        data=body,
        precondition=require_if_match(if_match, _visitor),
        audit=audit,
    )
    return item_response(request, _visitor(row))


@router.post(
    VISITORS + "/{visitor_id}/end",
    response_model=VisitorRead,
    operation_id="endSupervisionVisitor",
    summary="End a supervision visitor's appointment",
    description="The appointment is kept as history and a new visitor may be appointed. The end "
    "is not before the appointment nor after today (422 `#/ended_on`); an ended appointment is "
    "a 409 `supervision-visitor-ended`.",
    responses=responses(NotFound, VisitorEnded),
)
def end_visitor(
    placement_id: uuid.UUID,
    visitor_id: uuid.UUID,
    body: VisitorEnd,
    principal: PlacementWriter,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
) -> Response:
    row = supervision.end_visitor(
        session, principal, placement_id, visitor_id, data=body, audit=audit
    )
    return item_response(request, _visitor(row))


@router.post(
    "/v1/supervision-reports",
    status_code=201,
    response_model=SupervisionReportRead,
    operation_id="recordSupervisionReport",
    summary="Record a supervision report that has arrived",
    description="multipart/form-data with `placement_id`, `visit_date`, `received_on` (the day "
    "the report arrived), `spoke_with_child_alone` and `file` (the report as PDF or .docx, "
    "recognised from its bytes; a .docx is checked like an uploaded template: size, zip bomb, "
    "external content). Another service's placement is a 404. The report completes the "
    "placement's next open supervision visit (`task_id`), and the review of the report "
    "(`gjennomgang_tilsynsrapport`) is then due a rule-set duration after `received_on`, "
    "with its explanation and provenance on the task.",
    responses=responses(
        NotFound,
        NotADocx,
        TemplateInvalid,
        PayloadTooLarge,
        IdempotencyKeyReused,
        IdempotencyInFlight,
    ),
)
def record_report(
    principal: PlacementWriter,
    session: DbSession,
    request: Request,
    audit: AuditCreate,
    idem: Idempotency,
    placement_id: Annotated[uuid.UUID, Form()],
    visit_date: Annotated[date, Form(description="The day of the visit.")],
    received_on: Annotated[date, Form(description="The day the report arrived.")],
    spoke_with_child_alone: Annotated[bool, Form()],
    file: Annotated[UploadFile, File(description="The report (PDF or .docx).")],
) -> Response:
    return create_response(
        request=request,
        session=session,
        principal=principal,
        idem=idem,
        read=SupervisionReportRead,
        create=lambda: flows.record_supervision_report(
            session,
            principal,
            placement_id,
            visit_date=visit_date,
            received_on=received_on,
            spoke_with_child_alone=spoke_with_child_alone,
            filename=file.filename or "tilsynsrapport",
            content=file.file.read(),
            audit=audit,
        ),
        location_base="/v1/supervision-reports",
        convert=_report,
    )


@router.get(
    "/v1/placements/{placement_id}/supervision-reports",
    response_model=Page[SupervisionReportRead],
    operation_id="listSupervisionReports",
    summary="The placement's supervision reports, earliest arrival first",
    description="Each with its visit and arrival dates and the visit task it completed.",
    responses=responses(NotFound),
)
def list_reports(
    placement_id: uuid.UUID, principal: PlacementReader, session: DbSession, audit: AuditList
) -> Page[SupervisionReportRead]:
    rows = supervision.list_reports(session, principal, placement_id, audit=audit)
    return Page[SupervisionReportRead].whole([_report(r) for r in rows])


@router.get(
    "/v1/supervision-reports/{report_id}",
    response_model=SupervisionReportRead,
    operation_id="getSupervisionReport",
    summary="A supervision report",
    description="Its dates, the visit task it completed and a link to the file.",
    responses=responses(NotFound),
)
def get_report(
    report_id: uuid.UUID,
    principal: PlacementReader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
) -> Response:
    row = supervision.get_report(session, principal, report_id, audit=audit)
    return item_response(request, _report(row))


@router.get(
    "/v1/supervision-reports/{report_id}/content",
    operation_id="getSupervisionReportContent",
    summary="Download a supervision report's file",
    description="The bytes as they arrived, with the media type recognised at upload.",
    response_class=Response,
    responses={
        200: {
            "description": "The report's bytes.",
            "content": {
                "application/pdf": {"schema": BINARY},
                DOCX_MEDIA_TYPE: {"schema": BINARY},
            },
        },
        **responses(NotFound),
    },
)
def get_report_content(
    report_id: uuid.UUID,
    principal: PlacementReader,
    session: DbSession,
    audit: AuditDownload,
) -> Response:
    row = supervision.report_content(session, principal, report_id, audit=audit)
    return Response(
        content=row.content,
        media_type=row.media_type,
        headers={"X-Content-SHA256": row.sha256},
    )


@router.post(
    HOME_CHILDREN,
    status_code=201,
    response_model=HomeChildRead,
    operation_id="addFosterHomeChild",
    summary="Record another child living in the foster home",
    description="The foster parents' own child, another foster child or another child: a name "
    "and a birth date or only a year (no national id). 422 `#/birth_year` when neither is "
    "given or they disagree.",
    responses=responses(NotFound, IdempotencyKeyReused, IdempotencyInFlight),
)
def add_home_child(
    foster_home_id: uuid.UUID,
    body: HomeChildCreate,
    principal: HomeWriter,
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
        read=HomeChildRead,
        create=lambda: household.add_child(
            session, principal, foster_home_id, data=body, audit=audit
        ),
    )


@router.get(
    HOME_CHILDREN,
    response_model=Page[HomeChildRead],
    operation_id="listFosterHomeChildren",
    summary="The other children recorded in the foster home, oldest first",
    description="Those who have moved out (`moved_out_on`) too.",
    responses=responses(NotFound),
)
def list_home_children(
    foster_home_id: uuid.UUID, principal: HomeReader, session: DbSession, audit: AuditList
) -> Page[HomeChildRead]:
    rows = household.list_children(session, principal, foster_home_id, audit=audit)
    return Page[HomeChildRead].whole([HomeChildRead.model_validate(r) for r in rows])


@router.get(
    HOME_CHILDREN + "/{home_child_id}",
    response_model=HomeChildRead,
    operation_id="getFosterHomeChild",
    summary="Another child in the foster home",
    description="The response carries an ETag for If-Match.",
    responses=responses(NotFound),
)
def get_home_child(
    foster_home_id: uuid.UUID,
    home_child_id: uuid.UUID,
    principal: HomeReader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
) -> Response:
    row = household.get_child(session, principal, foster_home_id, home_child_id, audit=audit)
    return item_response(request, HomeChildRead.model_validate(row))


@router.patch(
    HOME_CHILDREN + "/{home_child_id}",
    response_model=HomeChildRead,
    operation_id="updateFosterHomeChild",
    summary="Change another child's details, or record that the child moved out",
    description="Send If-Match with the ETag from your last GET.",
    responses=responses(NotFound, PreconditionFailed, PreconditionRequired),
)
def update_home_child(
    foster_home_id: uuid.UUID,
    home_child_id: uuid.UUID,
    body: HomeChildUpdate,
    principal: HomeWriter,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
    if_match: IfMatchHeader = None,
) -> Response:
    row = household.update_child(
        session,
        principal,
        foster_home_id,
        home_child_id,
        data=body,
        precondition=require_if_match(if_match, HomeChildRead.model_validate),
        audit=audit,
    )
    return item_response(request, HomeChildRead.model_validate(row))
