"""Inter-municipal teams: the host's set-up (``/v1/teams``) and the members' orders
(``/v1/team-orders``). See docs/teams.md."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response

from app.audit.trail import AuditCreate, AuditList, AuditRead, AuditUpdate
from app.auth import authorize
from app.clock import today
from app.csv_export import csv_text
from app.db import DbSession
from app.documents.errors import PdfUnavailable
from app.errors import (
    Forbidden,
    InvalidCursor,
    NotFound,
    UnknownReference,
    ValidationFailed,
    responses,
)
from app.http import ServiceIdQuery, item_response, page_response
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.service import Idempotency, create_response, idempotent
from app.principal import Principal, Scope
from app.schemas import Page
from app.teams import orders, service, statements, statistics
from app.teams.errors import (
    OrderNotInStep,
    OverlappingMembership,
    PopulationExists,
    TeamStaffExists,
    YearSettled,
)
from app.teams.models import TeamOrder, TeamSettlement
from app.teams.schemas import (
    HoursCreate,
    HoursRead,
    MemberCreate,
    MemberRead,
    MonthStatistics,
    OrderAccept,
    OrderCallBack,
    OrderClose,
    OrderCreate,
    OrderDecline,
    OrderFilters,
    OrderRead,
    OrderStart,
    PopulationCreate,
    PopulationRead,
    SettlementCreate,
    SettlementRead,
    StatementLine,
    TeamCreate,
    TeamFilters,
    TeamRead,
    TeamStaffCreate,
    TeamStaffRead,
    YearRates,
    YearRead,
)

router = APIRouter(tags=["teams"])
Reader = Annotated[Principal, authorize(Scope.TEAMS_READ)]
Writer = Annotated[Principal, authorize(Scope.TEAMS_WRITE)]
CREATE_ERRORS = (IdempotencyKeyReused, IdempotencyInFlight)


# -- Teams ---------------------------------------------------------------------------------------


@router.post(
    "/v1/teams",
    status_code=201,
    response_model=TeamRead,
    operation_id="createTeam",
    summary="Set up a team hosted by the service",
    description="An inter-municipal guidance team (vertskommunesamarbeid) hosted by the "
    "caller's service (`service_id` when the token grants several). Only the host's leader or "
    "integration sets it up (403 otherwise). `use_basis` is the team's setting for the use half "
    "of the group-guidance cost: seats or attendance.",
    responses=responses(Forbidden, *CREATE_ERRORS),
)
def create_team(
    body: TeamCreate,
    principal: Writer,
    session: DbSession,
    idem: Idempotency,
    request: Request,
    service_id: ServiceIdQuery = None,
) -> Response:
    return create_response(
        request=request,
        session=session,
        principal=principal,
        idem=idem,
        read=TeamRead,
        create=lambda: service.create_team(session, principal, data=body, service_id=service_id),
    )


@router.get(
    "/v1/teams",
    response_model=Page[TeamRead],
    operation_id="listTeams",
    summary="List teams",
    description="The teams the caller's services host, and those they are (or were) members of.",
    responses=responses(InvalidCursor),
)
def list_teams(
    principal: Reader,
    session: DbSession,
    request: Request,
    params: Annotated[TeamFilters, Query()],
) -> Response:
    rows, next_cursor = service.list_teams(session, principal, params)
    return page_response(request, rows, next_cursor, TeamRead)


@router.get(
    "/v1/teams/{team_id}",
    response_model=TeamRead,
    operation_id="getTeam",
    summary="Get a team",
    description="A team the caller's service hosts or is a member of; else 404.",
    responses=responses(NotFound),
)
def get_team(
    team_id: uuid.UUID, principal: Reader, session: DbSession, request: Request
) -> Response:
    return item_response(
        request, TeamRead.model_validate(service.get_team(session, principal, team_id))
    )


@router.post(
    "/v1/teams/{team_id}/members",
    status_code=201,
    response_model=MemberRead,
    operation_id="addTeamMember",
    summary="Add a member service for a period",
    description="A member service from `joined_on` to `left_on` (inclusive; open-ended without "
    "it). A period that overlaps another of the same member is 409 `overlapping-membership` at "
    "`#/joined_on`; `left_on` before `joined_on` is 422. The host may be a member itself.",
    responses=responses(
        NotFound, Forbidden, UnknownReference, OverlappingMembership, *CREATE_ERRORS
    ),
)
def add_member(
    team_id: uuid.UUID,
    body: MemberCreate,
    principal: Writer,
    session: DbSession,
    idem: Idempotency,
    request: Request,
) -> Response:
    return create_response(
        request=request,
        session=session,
        principal=principal,
        idem=idem,
        read=MemberRead,
        create=lambda: service.add_member(session, principal, team_id, data=body),
    )


@router.get(
    "/v1/teams/{team_id}/members",
    response_model=Page[MemberRead],
    operation_id="listTeamMembers",
    summary="The team's member services and their periods",
    description="Every membership period, earliest registered first.",
    responses=responses(NotFound),
)
def list_members(team_id: uuid.UUID, principal: Reader, session: DbSession) -> Page[MemberRead]:
    rows = service.list_members(session, principal, team_id)
    return Page[MemberRead].whole([MemberRead.model_validate(r) for r in rows])


@router.post(
    "/v1/teams/{team_id}/populations",
    status_code=201,
    response_model=PopulationRead,
    operation_id="setTeamPopulation",
    summary="Set a member's population for a year",
    description="The population of the municipalities the member covers, as counted on "
    "`counted_on`: the fixed key of the cost split. A whole number above zero (422 at "
    "`#/population`), for a member of the team in that year (422 at `#/member_service_id`), once "
    "per member and year (409 `population-exists`).",
    responses=responses(NotFound, Forbidden, PopulationExists, *CREATE_ERRORS),
)
def set_population(
    team_id: uuid.UUID,
    body: PopulationCreate,
    principal: Writer,
    session: DbSession,
    idem: Idempotency,
    request: Request,
) -> Response:
    return create_response(
        request=request,
        session=session,
        principal=principal,
        idem=idem,
        read=PopulationRead,
        create=lambda: service.set_population(session, principal, team_id, data=body),
    )


@router.get(
    "/v1/teams/{team_id}/populations",
    response_model=Page[PopulationRead],
    operation_id="listTeamPopulations",
    summary="The members' populations per year",
    description="Every population figure set for the team.",
    responses=responses(NotFound),
)
def list_populations(
    team_id: uuid.UUID, principal: Reader, session: DbSession
) -> Page[PopulationRead]:
    rows = service.list_populations(session, principal, team_id)
    return Page[PopulationRead].whole([PopulationRead.model_validate(r) for r in rows])


@router.post(
    "/v1/teams/{team_id}/staff",
    status_code=201,
    response_model=TeamStaffRead,
    operation_id="addTeamStaff",
    summary="Add a staff member of the host to the team",
    description="A staff member of the host service in a team role (coordinator, supervisor). "
    "Staff of another service is 422 at `#/staff_id`; a second time is 409 `team-staff-exists`.",
    responses=responses(NotFound, Forbidden, UnknownReference, TeamStaffExists, *CREATE_ERRORS),
)
def add_team_staff(
    team_id: uuid.UUID,
    body: TeamStaffCreate,
    principal: Writer,
    session: DbSession,
    idem: Idempotency,
    request: Request,
) -> Response:
    return create_response(
        request=request,
        session=session,
        principal=principal,
        idem=idem,
        read=TeamStaffRead,
        create=lambda: service.add_team_staff(session, principal, team_id, data=body),
    )


@router.get(
    "/v1/teams/{team_id}/staff",
    response_model=Page[TeamStaffRead],
    operation_id="listTeamStaff",
    summary="The team's staff and their team roles",
    description="Every staff member on the team.",
    responses=responses(NotFound),
)
def list_team_staff(
    team_id: uuid.UUID, principal: Reader, session: DbSession
) -> Page[TeamStaffRead]:
    rows = service.list_team_staff(session, principal, team_id)
    return Page[TeamStaffRead].whole([TeamStaffRead.model_validate(r) for r in rows])


# -- Orders --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Ordered:
    """A new order as the idempotency record keeps it: under the ordering member, whose client
    retries it (the order itself belongs to the host)."""

    order: TeamOrder

    @property
    def id(self) -> uuid.UUID:
        return self.order.id

    @property
    def service_id(self) -> uuid.UUID:
        return self.order.member_service_id


def _read(created: Any) -> OrderRead:
    return OrderRead.model_validate(created.order)


@router.post(
    "/v1/team-orders",
    status_code=201,
    response_model=OrderRead,
    operation_id="createTeamOrder",
    summary="Order help from a team",
    description="A member service (its leader or integration; `service_id` when the token "
    "grants several) orders help for its foster home, a child's foster parents or a child's "
    "parents. `concerns` says which of `child_id` and `foster_home_id` are required (422 at the "
    "missing one). A team the service is not a member of today, or a child or foster home of "
    "another service, is 404 with a pointer to the field. A `concern_for_breakdown` order is "
    "urgent: the team's call-back time is the urgent one. Raises `team_order.ordered` in the "
    "member's feed.",
    responses=responses(NotFound, Forbidden, *CREATE_ERRORS),
)
def create_order(
    body: OrderCreate,
    principal: Writer,
    session: DbSession,
    idem: Idempotency,
    request: Request,
    audit: AuditCreate,
    service_id: ServiceIdQuery = None,
) -> Response:
    return create_response(
        request=request,
        session=session,
        principal=principal,
        idem=idem,
        read=OrderRead,
        convert=_read,
        create=lambda: _Ordered(
            orders.create_order(session, principal, data=body, service_id=service_id, audit=audit)
        ),
    )


@router.get(
    "/v1/team-orders",
    response_model=Page[OrderRead],
    operation_id="listTeamOrders",
    summary="List orders",
    description="The host's leaders and integrations see every order of its teams, the team's "
    "staff those of their teams, and a member service's leaders and integrations its own "
    "orders. `due_by` gives the team's reminders: orders whose next step is due by that day.",
    responses=responses(InvalidCursor),
)
def list_orders(
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditList,
    params: Annotated[OrderFilters, Query()],
) -> Response:
    rows, next_cursor = orders.list_orders(session, principal, params, audit=audit)
    return page_response(request, rows, next_cursor, OrderRead)


@router.get(
    "/v1/team-orders/{order_id}",
    response_model=OrderRead,
    operation_id="getTeamOrder",
    summary="Get an order",
    description="The order with its life cycle so far and the team's next step.",
    responses=responses(NotFound),
)
def get_order(
    order_id: uuid.UUID, principal: Reader, session: DbSession, request: Request, audit: AuditRead
) -> Response:
    row = orders.get_order(session, principal, order_id, audit=audit)
    return item_response(request, OrderRead.model_validate(row))


STEP_ERRORS = (NotFound, Forbidden, OrderNotInStep, ValidationFailed)
STEP_NOTE = (
    " Only the team works an order: its staff, or the host's leader or integration (403 for a "
    "member). An order at another step is 409 `order-not-in-step`; a date after today or before "
    "the step before it is 422 at its field."
)


@router.post(
    "/v1/team-orders/{order_id}/accept",
    response_model=OrderRead,
    operation_id="acceptTeamOrder",
    summary="Accept an order",
    description="From `accepted_on` the team's staff read the ordered child and foster home in "
    "the member service; each read is in the member's audit trail. Accepting twice is 409. "
    "`supervisor_id` must be on the team (422)." + STEP_NOTE,
    responses=responses(*STEP_ERRORS, UnknownReference),
)
def accept_order(
    order_id: uuid.UUID,
    body: OrderAccept,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
) -> Response:
    row = orders.accept_order(session, principal, order_id, data=body, audit=audit)
    return item_response(request, OrderRead.model_validate(row))


@router.post(
    "/v1/team-orders/{order_id}/decline",
    response_model=OrderRead,
    operation_id="declineTeamOrder",
    summary="Decline an order, with a reason",
    description="The member sees the reason; the team never reads the case." + STEP_NOTE,
    responses=responses(*STEP_ERRORS),
)
def decline_order(
    order_id: uuid.UUID,
    body: OrderDecline,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
) -> Response:
    row = orders.decline_order(session, principal, order_id, data=body, audit=audit)
    return item_response(request, OrderRead.model_validate(row))


@router.post(
    "/v1/team-orders/{order_id}/call-back",
    response_model=OrderRead,
    operation_id="callBackTeamOrder",
    summary="Record that the team called the member back",
    description="On an accepted order, once." + STEP_NOTE,
    responses=responses(*STEP_ERRORS),
)
def call_back(
    order_id: uuid.UUID,
    body: OrderCallBack,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
) -> Response:
    row = orders.call_back(session, principal, order_id, data=body, audit=audit)
    return item_response(request, OrderRead.model_validate(row))


@router.post(
    "/v1/team-orders/{order_id}/start",
    response_model=OrderRead,
    operation_id="startTeamOrder",
    summary="Record the start conversation",
    description="After the call back: the start conversation with the evaluation date agreed "
    "(after `started_on`, not after the time limit) and the time limit, the assignment's last "
    "day, when the team's access to the case ends." + STEP_NOTE,
    responses=responses(*STEP_ERRORS),
)
def start_order(
    order_id: uuid.UUID,
    body: OrderStart,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
) -> Response:
    row = orders.start_order(session, principal, order_id, data=body, audit=audit)
    return item_response(request, OrderRead.model_validate(row))


@router.post(
    "/v1/team-orders/{order_id}/hours",
    response_model=OrderRead,
    operation_id="logTeamOrderHours",
    summary="Log hours on a started order",
    description="Hours in quarters, on a day from the start conversation to today; the order's "
    "`hours_logged` grows by them (individual guidance is paid by these hours)." + STEP_NOTE,
    responses=responses(*STEP_ERRORS, IdempotencyKeyReused, IdempotencyInFlight),
)
def log_hours(
    order_id: uuid.UUID,
    body: HoursCreate,
    principal: Writer,
    session: DbSession,
    request: Request,
    idem: Idempotency,
    audit: AuditUpdate,
) -> Response:
    def run() -> tuple[uuid.UUID | None, Response]:
        row = orders.log_hours(session, principal, order_id, data=body, audit=audit)
        return row.service_id, item_response(request, OrderRead.model_validate(row))

    # An entry of hours is a row: a retried request must not log them twice.
    return idempotent(session=session, principal=principal, idem=idem, run=run)


@router.get(
    "/v1/team-orders/{order_id}/hours",
    response_model=Page[HoursRead],
    operation_id="listTeamOrderHours",
    summary="The hours logged on an order",
    description="Earliest first.",
    responses=responses(NotFound),
)
def list_hours(
    order_id: uuid.UUID, principal: Reader, session: DbSession, audit: AuditList
) -> Page[HoursRead]:
    rows = orders.list_hours(session, principal, order_id, audit=audit)
    return Page[HoursRead].whole([HoursRead.model_validate(r) for r in rows])


@router.post(
    "/v1/team-orders/{order_id}/close",
    response_model=OrderRead,
    operation_id="closeTeamOrder",
    summary="Close an order with its report",
    description="The team's access to the case ends at once. A `concern_for_breakdown` order "
    "closes with `breakdown_outcome` (foster_home_continued or placement_ended; 422 without "
    "it), other orders without one." + STEP_NOTE,
    responses=responses(*STEP_ERRORS),
)
def close_order(
    order_id: uuid.UUID,
    body: OrderClose,
    principal: Writer,
    session: DbSession,
    request: Request,
    audit: AuditUpdate,
) -> Response:
    row = orders.close_order(session, principal, order_id, data=body, audit=audit)
    return item_response(request, OrderRead.model_validate(row))


# -- The cost key --------------------------------------------------------------------------------

YearPath = Annotated[
    str,
    Path(
        max_length=40,
        description="The budget year, four digits from 2000 to 2199 (anything else names no year: "
        "404, like an unknown id).",
        examples=["2027"],
    ),
]


def _year(value: str) -> int:
    """The year, or 0 for a path that names none (the use case answers 404 once it has looked
    the team up, so an unknown team and an unknown year look alike to an outsider)."""
    if len(value) == 4 and value.isascii() and value.isdigit():
        return int(value)
    return 0


CSV = "text/csv"


@router.put(
    "/v1/teams/{team_id}/years/{year}",
    response_model=YearRead,
    operation_id="setTeamYear",
    summary="Set a year's rates and budget",
    description="The year's group-guidance budget, individual-guidance budget and hourly rate, "
    'in whole kroner (integers: 1500.5 or "1500" is 422 at the field), and what the members '
    "plan to use, for the preliminary split. Sent again, it replaces the year's values, until the "
    "year is settled (409 `year-settled`). Only the host's leader or integration.",
    responses=responses(NotFound, Forbidden, ValidationFailed, YearSettled),
)
def set_year(
    team_id: uuid.UUID,
    year: YearPath,
    body: YearRates,
    principal: Writer,
    session: DbSession,
    request: Request,
) -> Response:
    row = statements.set_year(session, principal, team_id, _year(year), data=body)
    return item_response(request, YearRead.model_validate(row))


@router.get(
    "/v1/teams/{team_id}/years/{year}",
    response_model=YearRead,
    operation_id="getTeamYear",
    summary="A year's rates and budget",
    description="404 when none are set for the year.",
    responses=responses(NotFound),
)
def get_year(
    team_id: uuid.UUID, year: YearPath, principal: Reader, session: DbSession, request: Request
) -> Response:
    row = statements.get_year(session, principal, team_id, _year(year))
    return item_response(request, YearRead.model_validate(row))


@dataclass(frozen=True)
class _Settled:
    row: TeamSettlement
    lines: list[StatementLine]

    @property
    def id(self) -> uuid.UUID:
        return self.row.id

    @property
    def service_id(self) -> uuid.UUID:
        return self.row.service_id


def _settled(created: Any) -> SettlementRead:
    row = created.row
    return SettlementRead(
        team_id=row.team_id,
        year=row.year,
        settled_on=row.settled_on,
        fixed_percent=row.fixed_percent,
        rule_set_version=row.rule_set_version,
        lines=created.lines,
    )


@router.post(
    "/v1/teams/{team_id}/years/{year}/settlement",
    status_code=201,
    response_model=SettlementRead,
    operation_id="settleTeamYear",
    summary="Settle the year",
    description="The year-end settlement from actual use: the group-guidance budget split "
    "50 % by the fixed key and 50 % by the use sent here (seats or attendances, as the team "
    "counts them), and individual guidance by the hours logged on each member's orders in the "
    "year at the year's rate; every split adds up to its amount exactly (largest remainder, "
    "docs/teams.md). A year with no rates is 422 (code `no_rates` at the path's `year`) and "
    "nothing is saved; a year is settled once (409 `year-settled`).",
    responses=responses(NotFound, Forbidden, ValidationFailed, YearSettled, *CREATE_ERRORS),
)
def settle_year(
    team_id: uuid.UUID,
    year: YearPath,
    body: SettlementCreate,
    principal: Writer,
    session: DbSession,
    idem: Idempotency,
    request: Request,
) -> Response:
    return create_response(
        request=request,
        session=session,
        principal=principal,
        idem=idem,
        read=SettlementRead,
        convert=_settled,
        location=f"/v1/teams/{team_id}/years/{year}/statements",
        create=lambda: _Settled(
            *statements.settle(session, principal, team_id, _year(year), data=body)
        ),
    )


@router.get(
    "/v1/teams/{team_id}/years/{year}/statements",
    response_model=Page[StatementLine],
    operation_id="listTeamStatements",
    summary="The members' statements for the year",
    description="Each member's preliminary split and, once the year is settled, its settlement "
    "and the difference, in whole kroner. The host's leader or integration sees every member, "
    "a member its own line. With `Accept: text/csv`, the same lines as a CSV file for the "
    "municipal accounts.",
    responses={
        200: {"content": {CSV: {"schema": {"type": "string"}}}},
        **responses(NotFound, ValidationFailed),
    },
)
def list_statements(
    team_id: uuid.UUID, year: YearPath, principal: Reader, session: DbSession, request: Request
) -> Response:
    lines = statements.statements(session, principal, team_id, _year(year))
    if CSV in request.headers.get("accept", ""):
        body = csv_text(statements.STATEMENT_COLUMNS, statements.statement_rows(lines))
        return Response(
            content=body,
            media_type=CSV,
            headers={"Content-Disposition": f'attachment; filename="team-{team_id}-{year}.csv"'},
        )
    return item_response(request, Page[StatementLine].whole(lines))


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BINARY = {"type": "string", "format": "binary"}


@router.get(
    "/v1/teams/{team_id}/years/{year}/statements/{member_service_id}/document",
    operation_id="getTeamStatementDocument",
    summary="A member's statement as a Word document or PDF",
    description="The member's statement for the year (preliminary, or settled once the year "
    "is), filled into the shipped template `kostnadsfordeling` (Norwegian), for the municipal "
    "accounts; `format=pdf` converts it with LibreOffice (503 `pdf-unavailable` when the server "
    "has none). The host's leader or integration gets every member's, a member its own; "
    "anything else is 404.",
    response_class=Response,
    responses={
        200: {
            "description": "The statement's bytes.",
            "content": {DOCX: {"schema": BINARY}, "application/pdf": {"schema": BINARY}},
        },
        **responses(NotFound, Forbidden, ValidationFailed, PdfUnavailable),
    },
)
def get_statement_document(
    team_id: uuid.UUID,
    year: YearPath,
    member_service_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    format: Annotated[Literal["docx", "pdf"], Query()] = "docx",
) -> Response:
    content = statements.statement_document(
        session, principal, team_id, _year(year), member_service_id, pdf=format == "pdf"
    )
    name = f"kostnadsfordeling-{_year(year)}-{member_service_id}.{format}"
    return Response(
        content=content,
        media_type="application/pdf" if format == "pdf" else DOCX,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(
    "/v1/teams/{team_id}/statistics",
    response_model=Page[MonthStatistics],
    operation_id="getTeamStatistics",
    summary="The team's statistics per member and month",
    description="For `year`: orders per member and month, how many were accepted, declined or "
    "are still waiting, the median days from order to start conversation, hours logged, and the "
    "concern-for-breakdown orders and how each ended. Counts only, never a child. The host's "
    "leader or integration sees every member, a member's its own (403 for others).",
    responses=responses(NotFound, Forbidden),
)
def get_statistics(
    team_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    year: Annotated[
        int | None, Query(ge=2000, le=2199, description="Default: this year.", examples=[2027])
    ] = None,
) -> Page[MonthStatistics]:
    rows = statistics.team_statistics(session, principal, team_id, year or today().year)
    return Page[MonthStatistics].whole(rows)
