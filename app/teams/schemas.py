from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import Field, StringConstraints

from app.schemas import CaseDate, ListParams, NonBlankStr, ReadModel, StrictModel
from app.teams.models import (
    BreakdownOutcome,
    OrderCategory,
    OrderConcerns,
    OrderStatus,
    TeamRole,
    UseBasis,
)

LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20000)]
Year = Annotated[int, Field(ge=2000, le=2199, examples=[2027])]

USE_BASIS = (
    "What the use half of the group-guidance cost is counted in: seats (places taken in the "
    "year's cohorts) or attendance (sessions attended)."
)


class TeamCreate(StrictModel):
    name: NonBlankStr = Field(examples=["Fosterhjemsteamet Øvre Romerike"])
    use_basis: UseBasis = Field(description=USE_BASIS, examples=["seats"])


class TeamRead(ReadModel):
    id: uuid.UUID = Field(examples=["3f1c6f0e-9d0a-4c53-a3d4-2b0f7e6d1a10"])
    service_id: uuid.UUID = Field(description="The host service.")
    name: str = Field(examples=["Fosterhjemsteamet Øvre Romerike"])
    use_basis: UseBasis = Field(examples=["seats"])
    created_at: datetime
    updated_at: datetime


class TeamFilters(ListParams):
    pass


class MemberCreate(StrictModel):
    member_service_id: uuid.UUID = Field(
        description="The member child welfare service.",
        examples=["5b7d2a1e-0c4f-4e2b-9a61-7d3e8f9c0b12"],
    )
    joined_on: CaseDate = Field(examples=["2027-01-01"])
    left_on: CaseDate | None = Field(
        default=None,
        description="The last day of the membership (open-ended without it); on or after "
        "joined_on. A member's periods may not overlap.",
        examples=["2029-12-31"],
    )


class MemberRead(ReadModel):
    id: uuid.UUID
    team_id: uuid.UUID
    member_service_id: uuid.UUID
    joined_on: date = Field(examples=["2027-01-01"])
    left_on: date | None = Field(examples=[None])
    created_at: datetime


class PopulationCreate(StrictModel):
    member_service_id: uuid.UUID = Field(examples=["5b7d2a1e-0c4f-4e2b-9a61-7d3e8f9c0b12"])
    year: Year
    population: int = Field(
        gt=0,
        description="Inhabitants of the municipalities the member covers, a whole number above "
        "zero (the fixed key).",
        examples=[21450],
    )
    counted_on: CaseDate = Field(
        description="The date the figure is from (e.g. SSB's figure at the end of the second "
        "quarter).",
        examples=["2026-07-01"],
    )


class PopulationRead(ReadModel):
    id: uuid.UUID
    team_id: uuid.UUID
    member_service_id: uuid.UUID
    year: int = Field(examples=[2027])
    population: int = Field(examples=[21450])
    counted_on: date = Field(examples=["2026-07-01"])
    created_at: datetime


class TeamStaffCreate(StrictModel):
    staff_id: uuid.UUID = Field(
        description="A staff member of the host service.",
        examples=["9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"],
    )
    team_role: TeamRole = Field(examples=["supervisor"])


class TeamStaffRead(ReadModel):
    id: uuid.UUID
    team_id: uuid.UUID
    staff_id: uuid.UUID
    team_role: TeamRole = Field(examples=["supervisor"])
    created_at: datetime


# -- Orders --------------------------------------------------------------------------------------

CATEGORY = (
    "foster_parent_guidance, home_based_parent_guidance, parents_after_care_loss, "
    "group_guidance, concern_for_breakdown (urgent) or other."
)
CONCERNS = (
    "Whom the help is for: foster_home (needs foster_home_id), childs_foster_parents (needs "
    "child_id and foster_home_id) or childs_parents (needs child_id)."
)


class OrderCreate(StrictModel):
    team_id: uuid.UUID = Field(examples=["3f1c6f0e-9d0a-4c53-a3d4-2b0f7e6d1a10"])
    category: OrderCategory = Field(description=CATEGORY, examples=["concern_for_breakdown"])
    concerns: OrderConcerns = Field(description=CONCERNS, examples=["childs_foster_parents"])
    child_id: uuid.UUID | None = Field(
        default=None,
        description="A child of the ordering service.",
        examples=["0d4c2b1a-9f8e-4d7c-b6a5-4f3e2d1c0b9a"],
    )
    foster_home_id: uuid.UUID | None = Field(
        default=None,
        description="A foster home of the ordering service.",
        examples=["1e5d3c2b-0a9f-4e8d-a7b6-5a4f3e2d1c0b"],
    )
    work_on: LongText = Field(
        description="What the team should work on.",
        examples=["Samspill mellom fosterfar og barnet i hverdagen."],
    )
    reason: LongText = Field(
        description="Why help is ordered.",
        examples=["Fosterforeldrene er slitne og har sagt at de vurderer å avslutte."],
    )
    desired_outcome: LongText = Field(
        description="The outcome the member wants.",
        examples=["Fosterhjemmet fortsetter, og fosterforeldrene har verktøy for hverdagen."],
    )


class OrderAccept(StrictModel):
    accepted_on: CaseDate = Field(
        description="Not after today nor before the order.", examples=["2027-02-03"]
    )
    supervisor_id: uuid.UUID | None = Field(
        default=None,
        description="A staff member of the team who takes the assignment.",
        examples=["9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"],
    )
    reason: LongText | None = Field(default=None, examples=["Vi har kapasitet fra neste uke."])


class OrderDecline(StrictModel):
    declined_on: CaseDate = Field(examples=["2027-02-03"])
    reason: LongText = Field(
        description="Why the team declines (required; the member sees it).",
        examples=["Behovet dekkes bedre av BUP; vi anbefaler henvisning dit."],
    )


class OrderCallBack(StrictModel):
    called_back_on: CaseDate = Field(examples=["2027-02-04"])


class OrderStart(StrictModel):
    started_on: CaseDate = Field(
        description="The start conversation (oppstartssamtale).", examples=["2027-02-10"]
    )
    evaluation_date: CaseDate = Field(
        description="The evaluation agreed at the start; after started_on, not after the time "
        "limit.",
        examples=["2027-05-10"],
    )
    time_limit_date: CaseDate = Field(
        description="The assignment's last day: the team's access to the case ends with it.",
        examples=["2027-06-30"],
    )


class HoursCreate(StrictModel):
    worked_on: CaseDate = Field(examples=["2027-02-17"])
    hours: float = Field(
        gt=0,
        le=24,
        multiple_of=0.25,
        description="Hours in quarters (0.25 to 24).",
        examples=[1.5],
    )
    note: LongText | None = Field(default=None, examples=["Hjemmebesøk og veiledning."])


class HoursRead(ReadModel):
    id: uuid.UUID
    order_id: uuid.UUID
    worked_on: date = Field(examples=["2027-02-17"])
    minutes: int = Field(examples=[90])
    note: str | None
    logged_by: str = Field(examples=["web:siri.veileder@ovre-romerike.kommune.no"])
    created_at: datetime


class OrderClose(StrictModel):
    closed_on: CaseDate = Field(examples=["2027-06-28"])
    report: LongText = Field(
        description="The closing report (what was done, the outcome, advice to the member).",
        examples=["Åtte veiledningssamtaler. Fosterforeldrene opplever mer mestring."],
    )
    breakdown_outcome: BreakdownOutcome | None = Field(
        default=None,
        description="Required for a concern_for_breakdown order, refused for others: "
        "foster_home_continued or placement_ended.",
        examples=["foster_home_continued"],
    )


class OrderRead(ReadModel):
    id: uuid.UUID = Field(examples=["7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d"])
    service_id: uuid.UUID = Field(description="The host service.")
    team_id: uuid.UUID
    member_service_id: uuid.UUID = Field(description="The ordering member service.")
    child_id: uuid.UUID | None
    foster_home_id: uuid.UUID | None
    concerns: OrderConcerns
    category: OrderCategory
    urgent: bool = Field(description="True for concern_for_breakdown.", examples=[True])
    work_on: str
    reason: str
    desired_outcome: str
    ordered_on: date
    ordered_by: str = Field(examples=["web:lene.leder@eidsvoll.kommune.no"])
    status: OrderStatus = Field(examples=["accepted"])
    decided_on: date | None
    decided_by: str | None
    decision_reason: str | None = Field(examples=["Teamet har kapasitet fra neste uke."])
    supervisor_id: uuid.UUID | None
    called_back_on: date | None
    started_on: date | None
    evaluation_date: date | None
    time_limit_date: date | None
    access_from: date | None = Field(
        description="From this day the team reads the ordered case (the acceptance)."
    )
    access_until: date | None = Field(
        description="The last day the team reads it (the time limit); it ends at once when "
        "the order closes."
    )
    closed_on: date | None
    report: str | None
    breakdown_outcome: BreakdownOutcome | None
    hours_logged: float = Field(examples=[12.5])
    next_step: str | None = Field(
        description="The team's next step: decide, call_back, start or close (none once "
        "declined or closed).",
        examples=["call_back"],
    )
    next_step_due: date | None = Field(examples=["2027-02-04"])
    next_step_rule: str | None = Field(
        description="The rule (in Norwegian, with its provenance and rule-set version) that set "
        "the date.",
        examples=["Teamet ringer tilbake innen en uke (teamets rutine, regelsett v1)."],
    )
    version: int
    created_at: datetime
    updated_at: datetime


class OrderFilters(ListParams):
    team_id: uuid.UUID | None = None
    member_service_id: uuid.UUID | None = None
    status: OrderStatus | None = None
    child_id: uuid.UUID | None = None
    due_by: date | None = Field(
        default=None,
        description="Only orders whose next step is due on or before this day (the team's "
        "reminders).",
    )


# -- The cost key --------------------------------------------------------------------------------

Kroner = Annotated[
    int,
    Field(
        strict=True,
        ge=0,
        le=10_000_000_000,
        description='Whole Norwegian kroner (an integer; 1500.5 or "1500" is refused).',
        examples=[1_200_000],
    ),
]
Count = Annotated[int, Field(strict=True, ge=0, le=1_000_000, examples=[12])]


class MemberCount(StrictModel):
    member_service_id: uuid.UUID = Field(examples=["5b7d2a1e-0c4f-4e2b-9a61-7d3e8f9c0b12"])
    count: Count


class YearRates(StrictModel):
    group_budget: Kroner = Field(
        description="The group-guidance part of the budget, whole kroner.", examples=[1_200_000]
    )
    individual_budget: Kroner = Field(
        description="The individual-guidance part (about one full-time position), paid by "
        "purchases; whole kroner.",
        examples=[950_000],
    )
    hourly_rate: Kroner = Field(
        description="The year's rate per hour of individual guidance, whole kroner.",
        examples=[1150],
    )
    planned_use: list[MemberCount] = Field(
        default_factory=list,
        max_length=500,
        description="Seats (or attendances) each member plans, for the preliminary split of the "
        "use half. Without any, the use half follows the fixed key.",
        examples=[[{"member_service_id": "5b7d2a1e-0c4f-4e2b-9a61-7d3e8f9c0b12", "count": 6}]],
    )
    planned_hours: list[MemberCount] = Field(
        default_factory=list,
        max_length=500,
        description="Hours of individual guidance each member plans to buy (whole hours).",
        examples=[[{"member_service_id": "5b7d2a1e-0c4f-4e2b-9a61-7d3e8f9c0b12", "count": 120}]],
    )


class YearRead(ReadModel):
    id: uuid.UUID
    team_id: uuid.UUID
    year: int = Field(examples=[2027])
    group_budget: int = Field(examples=[1_200_000])
    individual_budget: int = Field(examples=[950_000])
    hourly_rate: int = Field(examples=[1150])
    planned_use: dict[str, int] = Field(examples=[{"5b7d2a1e-0c4f-4e2b-9a61-7d3e8f9c0b12": 6}])
    planned_hours: dict[str, int] = Field(examples=[{"5b7d2a1e-0c4f-4e2b-9a61-7d3e8f9c0b12": 120}])
    version: int
    updated_at: datetime


class SettlementCreate(StrictModel):
    use: list[MemberCount] = Field(
        default_factory=list,
        max_length=500,
        description="Each member's actual use of group guidance in the year, counted as the "
        "team's use_basis says (seats or attendances). The hours of individual guidance are "
        "the hours logged on the members' orders in the year.",
        examples=[[{"member_service_id": "5b7d2a1e-0c4f-4e2b-9a61-7d3e8f9c0b12", "count": 7}]],
    )


class Split(ReadModel):
    fixed: int = Field(description="Group guidance by the fixed key, kroner.", examples=[228_000])
    use: int = Field(description="Group guidance by use, kroner.", examples=[170_000])
    individual: int = Field(description="Individual guidance, kroner.", examples=[138_000])
    total: int = Field(examples=[536_000])
    use_count: int = Field(description="Seats or attendances counted.", examples=[7])
    hours: float = Field(description="Hours of individual guidance.", examples=[120.0])


class StatementLine(ReadModel):
    """One member's statement for the year: the preliminary split and, once settled, the
    settlement and the difference (positive: the member pays more; negative: it gets back)."""

    team_id: uuid.UUID
    year: int = Field(examples=[2027])
    member_service_id: uuid.UUID
    member_name: str = Field(examples=["Barneverntjenesten i Nannestad"])
    population: int = Field(examples=[15000])
    population_share: str = Field(
        description="The member's share of the members' total population, in percent with two "
        "decimals.",
        examples=["19.48"],
    )
    preliminary: Split
    settlement: Split | None
    difference: int | None = Field(examples=[-12_400])


class SettlementRead(ReadModel):
    team_id: uuid.UUID
    year: int
    settled_on: date
    fixed_percent: int = Field(examples=[50])
    rule_set_version: int
    lines: list[StatementLine]


class MonthStatistics(ReadModel):
    """One member's month: orders counted in the month they were ordered, hours in the month
    they were worked."""

    member_service_id: uuid.UUID
    year: int = Field(examples=[2027])
    month: int = Field(ge=1, le=12, examples=[3])
    ordered: int = Field(examples=[4])
    urgent: int = Field(description="Concern-for-breakdown orders among them.", examples=[1])
    accepted: int = Field(description="Accepted (also once started or closed).", examples=[3])
    declined: int = Field(examples=[1])
    waiting: int = Field(description="Not decided yet.", examples=[0])
    closed: int = Field(examples=[1])
    median_days_to_start: float | None = Field(
        description="Median days from order to start conversation, over the started orders.",
        examples=[9.5],
    )
    hours: float = Field(description="Hours logged in the month.", examples=[22.5])
    concern_for_breakdown: int = Field(examples=[1])
    foster_home_continued: int = Field(
        description="Concern-for-breakdown orders closed with the foster home continuing.",
        examples=[1],
    )
    placement_ended: int = Field(
        description="Concern-for-breakdown orders closed with the placement ended.", examples=[0]
    )
    placement_ended_planned: int = Field(
        description="Of those, the placements whose end was planned (`end_planned` true).",
        examples=[0],
    )
    placement_ended_unplanned: int = Field(
        description="Of those, the placements that broke down (`end_planned` false); the rest "
        "have no planned or unplanned end recorded.",
        examples=[0],
    )
