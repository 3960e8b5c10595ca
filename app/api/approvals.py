from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Request, Response

from app import flows
from app.approvals import service
from app.approvals.errors import ApprovalExists
from app.approvals.schemas import ApprovalCreate, ApprovalRead, ApprovalUpdate
from app.audit.trail import AuditCreate, AuditRead, AuditUpdate
from app.auth import authorize
from app.db import DbSession
from app.errors import NotFound, PreconditionFailed, PreconditionRequired, responses
from app.http import IfMatchHeader, item_response, require_if_match
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.service import Idempotency, create_response
from app.principal import Principal, Scope

router = APIRouter(prefix="/v1/placements/{placement_id}/approval", tags=["approvals"])
Reader = Annotated[Principal, authorize(Scope.PLACEMENTS_READ)]
Writer = Annotated[Principal, authorize(Scope.PLACEMENTS_WRITE)]

CHECKS = (
    "Each check (assessment, home visit, training, police certificates, the signed "
    "fosterhjemsavtale, the decision) has a `status` against `due_by`: `done`, `late`, `due` or "
    "`missing`. An ordinary placement is approved before the move (`due_by` is the moving day; "
    "`missing_before_move` lists what was not recorded by then). A kinship home on an emergency "
    "basis is urgent: `due_by` is the rule set's deadline after the move (`rule`)."
)


@router.post(
    "",
    status_code=201,
    response_model=ApprovalRead,
    operation_id="createApproval",
    summary="Record the approval of the foster home for this child",
    description="The approval of the placement's foster home for its child (one per placement), "
    "with what is known so far. Dates are not after today; the training course and its date go "
    "together; a fosterhjemsavtale signed from 16 September 2024 is on Bufdir's template; a "
    "decision needs its date, who made it and its outcome, and an approval a checked police "
    "certificate for every foster parent (422 with a pointer to the field). Recording the "
    "decision completes an urgent placement's approval task. " + CHECKS,
    responses=responses(NotFound, ApprovalExists, IdempotencyKeyReused, IdempotencyInFlight),
)
def create_approval(
    placement_id: uuid.UUID,
    body: ApprovalCreate,
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
        read=ApprovalRead,
        create=lambda: flows.record_approval(
            session, principal, placement_id, data=body, audit=audit
        ),
        convert=lambda row: service.to_read(session, row),
        location=request.url.path,
    )


@router.get(
    "",
    response_model=ApprovalRead,
    operation_id="getApproval",
    summary="The approval of the foster home for this child",
    description="What the approval rests on, the decision, and each check's status. " + CHECKS,
    responses=responses(NotFound),
)
def get_approval(
    placement_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
) -> Response:
    row = service.get_approval(session, principal, placement_id, audit=audit)
    return item_response(request, service.to_read(session, row))


@router.patch(
    "",
    response_model=ApprovalRead,
    operation_id="updateApproval",
    summary="Add to or correct the approval",
    description="Partial update; send If-Match with the ETag from your last GET. The approval as "
    "changed is checked as a whole, like a new one. Recording the decision completes an urgent "
    "placement's approval task.",
    responses=responses(NotFound, PreconditionFailed, PreconditionRequired),
)
def update_approval(
    placement_id: uuid.UUID,
    body: ApprovalUpdate,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
    if_match: IfMatchHeader = None,
) -> Response:
    def represent(row: Any) -> ApprovalRead:
        return service.to_read(session, row)

    row = flows.change_approval(
        session,
        principal,
        placement_id,
        data=body,
        precondition=require_if_match(if_match, represent),
        audit=audit,
    )
    return item_response(request, service.to_read(session, row))
