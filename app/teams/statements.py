"""A team's year: rates and budget, the preliminary split, the year-end settlement and each
member's statement (the arithmetic is :mod:`app.teams.cost_key`).

Rules, each tested over HTTP (tests/teams/test_cost_key_api.py):
- the host's leader or integration sets a year's rates and budget, in whole kroner (422 for
  anything else), and settles the year; a settled year's rates no longer change (409
  ``year-settled``), and a year is settled once;
- a settlement for a year with no rates is 422 (code ``no_rates`` at the path's ``year``) and
  saves nothing; so is a year with no population figures (``no_populations``);
- the key is the members' populations for the year; a member that planned or used anything must
  have one (422 ``missing_population``);
- a member sees its own statement, the host all.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from app import policy
from app.clock import today
from app.documents.catalogue import templates
from app.documents.errors import TemplateInvalid
from app.documents.filling import TemplateError, render
from app.documents.service import to_pdf
from app.errors import FieldError, Forbidden, NotFound, ValidationFailed
from app.errors import body_error as error
from app.policy import Capability
from app.principal import Principal
from app.services.models import Service
from app.teams import cost_key
from app.teams.errors import YearSettled
from app.teams.models import (
    Team,
    TeamOrder,
    TeamOrderHours,
    TeamPopulation,
    TeamSettlement,
    TeamYear,
    UseBasis,
)
from app.teams.schemas import MemberCount, SettlementCreate, Split, StatementLine, YearRates
from app.teams.service import get_team, managed_team, member_in_year, member_periods
from app.workflows.service import current_rule_set

FIXED_PERCENT = "team_group_fixed_key_percent"
FIRST_YEAR, LAST_YEAR = 2000, 2199


def _named(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise NotFound("No such year.")


def _path_error(code: str, detail: str) -> FieldError:
    return FieldError(detail=detail, parameter="year", location="path", code=code)


def _counts(
    session: Session, team: Team, year: int, items: Sequence[MemberCount], field: str
) -> dict[str, int]:
    periods = member_periods(session, team.id)
    problems = [
        error(f"{field}/{i}/member_service_id", "Not a member in this year", "not_a_member")
        for i, item in enumerate(items)
        if not member_in_year(periods, item.member_service_id, year)
    ]
    seen: set[uuid.UUID] = set()
    for i, item in enumerate(items):
        if item.member_service_id in seen:
            problems.append(
                error(f"{field}/{i}/member_service_id", "Named twice", "duplicate_member")
            )
        seen.add(item.member_service_id)
    if problems:
        raise ValidationFailed("Each count is for a member of the team that year.", errors=problems)
    return {str(item.member_service_id): item.count for item in items}


def _settlement(session: Session, team_id: uuid.UUID, year: int) -> TeamSettlement | None:
    return session.scalar(
        select(TeamSettlement).where(TeamSettlement.team_id == team_id, TeamSettlement.year == year)
    )


def _rates(session: Session, team_id: uuid.UUID, year: int) -> TeamYear | None:
    return session.scalar(
        select(TeamYear).where(TeamYear.team_id == team_id, TeamYear.year == year)
    )


def set_year(
    session: Session, principal: Principal, team_id: uuid.UUID, year: int, *, data: YearRates
) -> TeamYear:
    team = managed_team(session, principal, team_id)
    _named(year)
    if _settlement(session, team.id, year) is not None:
        raise YearSettled("The year is settled: its rates and budget no longer change.")
    planned_use = _counts(session, team, year, data.planned_use, "planned_use")
    planned_hours = _counts(session, team, year, data.planned_hours, "planned_hours")
    row = _rates(session, team.id, year)
    values: dict[str, Any] = {
        "group_budget": data.group_budget,
        "individual_budget": data.individual_budget,
        "hourly_rate": data.hourly_rate,
        "planned_use": planned_use,
        "planned_hours": planned_hours,
    }
    if row is None:
        row = TeamYear(service_id=team.service_id, team_id=team.id, year=year, **values)
        session.add(row)
    else:
        for name, value in values.items():
            setattr(row, name, value)
    session.flush()
    return row


def get_year(session: Session, principal: Principal, team_id: uuid.UUID, year: int) -> TeamYear:
    team = get_team(session, principal, team_id)
    row = _rates(session, team.id, year)
    if row is None:
        raise NotFound("No rates are set for this year.")
    return row


def _populations(session: Session, team_id: uuid.UUID, year: int) -> dict[str, int]:
    rows = session.execute(
        select(TeamPopulation.member_service_id, TeamPopulation.population).where(
            TeamPopulation.team_id == team_id, TeamPopulation.year == year
        )
    )
    return {str(member): population for member, population in rows}


def _minutes(session: Session, team_id: uuid.UUID, year: int) -> dict[str, int]:
    """The minutes of individual guidance logged on each member's orders in the year."""
    rows = session.execute(
        select(TeamOrder.member_service_id, func.sum(TeamOrderHours.minutes))
        .join(TeamOrder, TeamOrder.id == TeamOrderHours.order_id)
        .where(TeamOrder.team_id == team_id, extract("year", TeamOrderHours.worked_on) == year)
        .group_by(TeamOrder.member_service_id)
    )
    return {str(member): int(minutes) for member, minutes in rows}


def _split(
    rates: TeamYear,
    populations: Mapping[str, int],
    use: Mapping[str, int],
    minutes: Mapping[str, int],
    fixed_percent: int,
) -> dict[str, Split]:
    missing = sorted((set(use) | set(minutes)) - set(populations))
    if missing:
        raise ValidationFailed(
            "Every member that plans or uses anything needs its population for the year.",
            errors=[
                _path_error("missing_population", f"No population for member {m}") for m in missing
            ],
        )
    shares = cost_key.year_split(
        group_amount=rates.group_budget,
        populations=populations,
        use=use,
        minutes=minutes,
        hourly_rate=rates.hourly_rate,
        fixed_percent=fixed_percent,
    )
    return {
        member: Split(
            fixed=share.fixed,
            use=share.use,
            individual=share.individual,
            total=share.total,
            use_count=use.get(member, 0),
            hours=minutes.get(member, 0) / 60,
        )
        for member, share in shares.items()
    }


def _share(population: int, total: int) -> str:
    return str(
        (Decimal(population * 100) / Decimal(total)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    )


def _lines(
    session: Session,
    team: Team,
    year: int,
    rates: TeamYear,
    settled: Mapping[str, Split] | None,
    fixed_percent: int,
) -> list[StatementLine]:
    populations = _populations(session, team.id, year)
    if not populations:
        raise ValidationFailed(
            "The year has no population figures: the fixed key is missing.",
            errors=[_path_error("no_populations", "No population figures for this year")],
        )
    planned_minutes = {member: hours * 60 for member, hours in rates.planned_hours.items()}
    preliminary = _split(rates, populations, rates.planned_use, planned_minutes, fixed_percent)
    names = dict(
        session.execute(
            select(Service.id, Service.name).where(
                Service.id.in_([uuid.UUID(m) for m in populations])
            )
        ).all()
    )
    total = sum(populations.values())
    lines = []
    for member in sorted(populations, key=lambda m: (names.get(uuid.UUID(m), ""), m)):
        after = settled.get(member) if settled is not None else None
        lines.append(
            StatementLine(
                team_id=team.id,
                year=year,
                member_service_id=uuid.UUID(member),
                member_name=names.get(uuid.UUID(member), ""),
                population=populations[member],
                population_share=_share(populations[member], total),
                preliminary=preliminary[member],
                settlement=after,
                difference=None if after is None else after.total - preliminary[member].total,
            )
        )
    return lines


def settle(
    session: Session,
    principal: Principal,
    team_id: uuid.UUID,
    year: int,
    *,
    data: SettlementCreate,
) -> tuple[TeamSettlement, list[StatementLine]]:
    """Settle the year from the actual use and the hours logged; nothing is saved when any of
    it is refused."""
    team = managed_team(session, principal, team_id)
    _named(year)
    rates = _rates(session, team.id, year)
    if rates is None:
        raise ValidationFailed(
            "The year has no rates: set its rates and budget before settling it.",
            errors=[_path_error("no_rates", "No rates for this year")],
        )
    if _settlement(session, team.id, year) is not None:
        raise YearSettled("The year is already settled.")
    use = _counts(session, team, year, data.use, "use")
    rules = current_rule_set(session)
    fixed_percent = rules.percent(FIXED_PERCENT)
    populations = _populations(session, team.id, year)
    if not populations:
        raise ValidationFailed(
            "The year has no population figures: the fixed key is missing.",
            errors=[_path_error("no_populations", "No population figures for this year")],
        )
    actual = _split(rates, populations, use, _minutes(session, team.id, year), fixed_percent)
    lines = _lines(session, team, year, rates, actual, fixed_percent)
    row = TeamSettlement(
        service_id=team.service_id,
        team_id=team.id,
        year=year,
        settled_on=today(),
        settled_by=principal.subject[:200],
        fixed_percent=fixed_percent,
        rule_set_version=rules.version,
        lines=[line.model_dump(mode="json") for line in lines],
    )
    session.add(row)
    session.flush()
    return row, lines


def _visible(principal: Principal, team: Team, lines: list[StatementLine]) -> list[StatementLine]:
    """The host (its leader or integration) sees every member's line, a member its own."""
    if policy.may(principal, Capability.MANAGE_TEAM, team.service_id):
        return lines
    mine = principal.whole_services
    return [line for line in lines if line.member_service_id in mine]


def statements(
    session: Session, principal: Principal, team_id: uuid.UUID, year: int
) -> list[StatementLine]:
    """The year's statements the caller may see: preliminary, and settled once it is."""
    team = get_team(session, principal, team_id)
    rates = _rates(session, team.id, year)
    if rates is None:
        raise NotFound("No rates are set for this year.")
    settlement = _settlement(session, team.id, year)
    if settlement is not None:
        lines = [StatementLine.model_validate(line) for line in settlement.lines]
    else:
        fixed_percent = current_rule_set(session).percent(FIXED_PERCENT)
        lines = _lines(session, team, year, rates, None, fixed_percent)
    return _visible(principal, team, lines)


STATEMENT_COLUMNS = (
    "year",
    "member_service_id",
    "member_name",
    "population",
    "population_share",
    "preliminary_fixed",
    "preliminary_use",
    "preliminary_individual",
    "preliminary_total",
    "settled_fixed",
    "settled_use",
    "settled_individual",
    "settled_total",
    "difference",
)


def statement_rows(lines: Sequence[StatementLine]) -> list[list[object]]:
    """The statements as CSV rows (``STATEMENT_COLUMNS``), for the municipal accounts."""
    rows: list[list[object]] = []
    for line in lines:
        p, s = line.preliminary, line.settlement
        rows.append(
            [
                line.year,
                line.member_service_id,
                line.member_name,
                line.population,
                line.population_share,
                p.fixed,
                p.use,
                p.individual,
                p.total,
                s.fixed if s else None,
                s.use if s else None,
                s.individual if s else None,
                s.total if s else None,
                line.difference,
            ]
        )
    return rows


# -- The Word statement --------------------------------------------------------------------------

STATEMENT_TEMPLATE = "kostnadsfordeling"
USE_BASIS_NB = {UseBasis.SEATS: "plasser", UseBasis.ATTENDANCE: "oppmøter"}


def kroner(amount: int) -> str:
    """``1 200 000 kr`` (a no-break space between thousands, as Norwegian writes it)."""
    sign = "−" if amount < 0 else ""
    return f"{sign}{abs(amount):,} kr".replace(",", "\u00a0")


def _hours_nb(hours: float) -> str:
    text = f"{hours:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} timer"


def _split_nb(split: Split | None, basis: str) -> dict[str, str]:
    if split is None:
        return dict.fromkeys(("fast", "bruk", "antall", "individuell", "timer", "sum"), "–")
    return {
        "fast": kroner(split.fixed),
        "bruk": kroner(split.use),
        "antall": f"{split.use_count} {basis}",
        "individuell": kroner(split.individual),
        "timer": _hours_nb(split.hours),
        "sum": kroner(split.total),
    }


def statement_context(
    session: Session, principal: Principal, team_id: uuid.UUID, year: int, member: uuid.UUID
) -> dict[str, Any]:
    """The member's statement as the template's context (``avregning.*``, the data dictionary);
    the host issues it, so ``tjeneste`` is the host service."""
    team = get_team(session, principal, team_id)
    if not (
        policy.may(principal, Capability.MANAGE_TEAM, team.service_id) or principal.whole_services
    ):
        raise Forbidden("Statements are for the host's and the members' leaders and integrations.")
    line = next(
        (x for x in statements(session, principal, team_id, year) if x.member_service_id == member),
        None,
    )
    if line is None:
        raise NotFound("No statement for this member is visible to you.")
    rates = _rates(session, team.id, year)
    assert rates is not None  # statements() has found them
    settlement = _settlement(session, team.id, year)
    host = session.get_one(Service, team.service_id)
    basis = USE_BASIS_NB[team.use_basis]
    fixed_percent = (
        settlement.fixed_percent
        if settlement is not None
        else current_rule_set(session).percent(FIXED_PERCENT)
    )
    status = f"Årsoppgjør {settlement.settled_on:%d.%m.%Y}" if settlement else "Foreløpig fordeling"
    return {
        "dato": f"{today():%d.%m.%Y}",
        "tjeneste": {"navn": host.name, "orgnr": host.org_number},
        "avregning": {
            "team": team.name,
            "aar": year,
            "medlem": line.member_name,
            "innbyggertall": f"{line.population:,}".replace(",", "\u00a0"),
            "andel": line.population_share.replace(".", ","),
            "fast_prosent": fixed_percent,
            "bruksgrunnlag": basis,
            "timepris": kroner(rates.hourly_rate),
            "status": status,
            "differanse": kroner(line.difference) if line.difference is not None else "",
            "forelopig": _split_nb(line.preliminary, basis),
            "oppgjor": _split_nb(line.settlement, basis),
        },
    }


def statement_document(
    session: Session,
    principal: Principal,
    team_id: uuid.UUID,
    year: int,
    member: uuid.UUID,
    *,
    pdf: bool,
) -> bytes:
    """The member's statement filled into the shipped Word template, or its PDF."""
    context = statement_context(session, principal, team_id, year, member)
    catalogue = templates()
    entry = catalogue.latest(STATEMENT_TEMPLATE)
    assert entry is not None  # shipped in templates_docx/ (scripts/build_templates.py)
    try:
        docx = render(catalogue.content(entry), context)
    except TemplateError as error:
        raise TemplateInvalid(str(error)) from None
    return to_pdf(docx) if pdf else docx
