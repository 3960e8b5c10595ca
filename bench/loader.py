"""A bulk loader for a realistic national data set, written straight into the tables with
SQLAlchemy Core (and PostgreSQL's COPY for the big tables), consistent with what the service
itself would have written.

What it writes, for ``placements`` active placements across ``services`` services:

* services of uneven size (a few large, many small), each with leaders, supervisors and contact
  persons at a caseload of about 15 placements each;
* one child per placement (0–17 years old, a valid fødselsnummer) and a foster home for each
  placement (about one in eight homes takes a second child);
* placements registered in the order they started, spread over the last twelve years with most of
  them recent, 75 % care orders, 20 % voluntary, 5 % emergency;
* for every placement, the workflow instances the service starts on a new placement, and their
  tasks computed by the service's own scheduling engine (``app.planning.engine.plan``) with the
  same facts the service would use: a year of history (tasks due in the last 365 days: about 92 %
  completed on their due date, the rest still open, i.e. overdue) and the service's planning
  horizon ahead (``FOSTERFLYT_SCHEDULE_HORIZON_MONTHS``, 24 months by default). Because the rows
  equal the engine's plan, a later recalculation by the service (completing a task) finds nothing
  to catch up on, as in production;
* spare children and foster homes with no placement yet, for the ``POST /v1/placements``
  scenario.

Not loaded: events (the outbox), task_changes, documents and idempotency records start empty.
The data set is deterministic for a given seed and day.
"""

from __future__ import annotations

import json
import math
import random
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import Engine, Table, create_engine, event, text
from stdnum.no import fodselsnummer, orgnr

import app.models  # noqa: F401  (every table in Base.metadata)
from app.children.national_ids import stored_hash
from app.clock import OSLO, today
from app.db import Base
from app.planning.definitions import Anchor, Definition, Starts, catalogue
from app.planning.engine import Facts, PlannedTask, plan
from app.planning.rules import shipped_rule_set
from app.workflows.service import _horizon

HISTORY_DAYS = 365
CASELOAD = 15
COMPLETED_SHARE = 0.92
LEGAL_BASES = (("care_order", 0.75), ("voluntary", 0.20), ("emergency", 0.05))
ACTOR = "bench-loader"

GIVEN = [
    "Emma",
    "Nora",
    "Ella",
    "Sofie",
    "Olivia",
    "Ada",
    "Frida",
    "Ingrid",
    "Maja",
    "Leah",
    "Jakob",
    "Noah",
    "Emil",
    "Lucas",
    "Oskar",
    "Filip",
    "Aksel",
    "Henrik",
    "Isak",
    "Liam",
    "Sara",
    "Iben",
    "Tiril",
    "Mathilde",
    "Jonas",
    "Elias",
    "Magnus",
    "Tobias",
    "Ola",
    "Kari",
]
FAMILY = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Johnsen",
    "Pettersen",
    "Eriksen",
    "Berg",
    "Haugen",
    "Hagen",
    "Johannessen",
    "Andreassen",
    "Jacobsen",
    "Dahl",
    "Jørgensen",
    "Halvorsen",
]
PLACES = (
    ("Sandvika", "1337", "3201"),
    ("Bergen", "5003", "4601"),
    ("Trondheim", "7010", "5001"),
    ("Stavanger", "4006", "1103"),
    ("Tromsø", "9008", "5501"),
    ("Drammen", "3015", "3301"),
    ("Haugesund", "5527", "1106"),
    ("Bodø", "8006", "1804"),
)


@dataclass(frozen=True)
class TaskTemplate:
    """One planned task of one workflow for one set of placement facts."""

    step_key: str
    occurrence: int
    title: str
    responsible: str
    planned: PlannedTask
    state: str  # future | completed (always: anchors a later step) | open (decision) | free


@dataclass(frozen=True)
class PlannedWorkflow:
    definition: Definition
    tasks: tuple[TaskTemplate, ...]


@dataclass
class ServiceInfo:
    id: uuid.UUID
    leader_id: uuid.UUID
    contact_ids: list[uuid.UUID]
    placements: int


@dataclass
class Dataset:
    """What the scenarios need to know about the loaded data."""

    services: list[ServiceInfo]
    # (placement id, service id, contact person id)
    placements: list[tuple[uuid.UUID, uuid.UUID, uuid.UUID]]
    # (service id, child id, foster home id, contact person id) with no placement yet
    spare: list[tuple[uuid.UUID, uuid.UUID, uuid.UUID, uuid.UUID]]
    # (task id, service id): one open follow-up visit (oppfolgingsbesok/besok) per placement
    open_visits: list[tuple[uuid.UUID, uuid.UUID]]
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


class _Ids:
    """Deterministic UUIDs (version 4 layout) from the seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def __call__(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)


def _noon_utc(day: date) -> datetime:
    return datetime.combine(day, dtime(12, 0), tzinfo=OSLO).astimezone(UTC)


def _org_numbers(rng: random.Random, n: int) -> list[str]:
    found: set[str] = set()
    while len(found) < n:
        candidate = str(rng.randint(910_000_000, 999_999_999))
        if orgnr.is_valid(candidate):
            found.add(candidate)
    return sorted(found)


def _national_id(rng: random.Random, birth: date, taken: set[str]) -> str | None:
    for _ in range(50):
        base = birth.strftime("%d%m%y") + f"{rng.randint(500, 999):03d}"
        k1 = fodselsnummer.calc_check_digit1(base)
        if len(k1) != 1:
            continue
        k2 = fodselsnummer.calc_check_digit2(base + k1)
        if len(k2) == 1 and base + k1 + k2 not in taken:
            taken.add(base + k1 + k2)
            return base + k1 + k2
    return None


def _weights(rng: random.Random, n: int) -> list[float]:
    """Uneven service sizes: log-normal, so a few services are many times the median."""
    raw = [rng.lognormvariate(0, 0.9) for _ in range(n)]
    total = sum(raw)
    return [w / total for w in raw]


def _split(total: int, weights: list[float]) -> list[int]:
    counts = [max(1, int(total * w)) for w in weights]
    i = 0
    while sum(counts) < total:
        counts[i % len(counts)] += 1
        i += 1
    while sum(counts) > total:
        j = max(range(len(counts)), key=counts.__getitem__)
        counts[j] -= 1
    return counts


def _facts_read(definition: Definition) -> set[str]:
    """Which optional placement facts the definition's schedule depends on."""
    reads: set[str] = set()
    for step in definition.steps:
        until = step.due.recurrence.until if step.due.recurrence else None
        for anchor in (step.due.anchor.value, until.value if until else None):
            if anchor in ("agreement_end", "child_18"):
                reads.add(anchor)
    return reads


class Planner:
    """The service's engine, memoised on the facts that decide a plan."""

    def __init__(self, on: date) -> None:
        self.on = on
        self.horizon = _horizon()
        self.rules = shipped_rule_set()
        self.definitions = [d for d in catalogue().all_latest() if d.starts is Starts.ON_PLACEMENT]
        self.cache: dict[tuple[str, date, date | None, date | None], PlannedWorkflow] = {}
        self.calls = 0
        self.reads = {d.key: _facts_read(d) for d in self.definitions}

    def agreement_end(self, start: date, basis: str) -> date | None:
        """Agreements run three years and are renewed; an emergency placement has none yet."""
        if basis == "emergency":
            return None
        end = start + relativedelta(years=3)
        while end <= self.on:
            end += relativedelta(years=3)
        return end

    def planned_from(self, start: date) -> date:
        return max(start, self.on - timedelta(days=HISTORY_DAYS))

    def workflows(self, start: date, basis: str, child_18: date) -> list[PlannedWorkflow]:
        """The plans of every workflow a new placement starts, each memoised on the facts its
        definition reads: the start, and the agreement's end or the 18th birthday only where a
        step is anchored on or bounded by them (and the birthday only inside the horizon)."""
        agreement_end = self.agreement_end(start, basis)
        out = []
        for definition in self.definitions:
            if definition.legal_bases and basis not in definition.legal_bases:
                continue
            reads = self.reads[definition.key]
            end = agreement_end if "agreement_end" in reads else None
            capped = child_18 if "child_18" in reads and child_18 <= self.horizon else None
            key = (definition.key, start, end, capped)
            cached = self.cache.get(key)
            if cached is None:
                cached = self._plan(
                    definition, start, end, capped or self.horizon + timedelta(days=400)
                )
                self.cache[key] = cached
            out.append(cached)
        return out

    def _plan(
        self, definition: Definition, start: date, agreement_end: date | None, child_18: date
    ) -> PlannedWorkflow:
        anchors = {
            s.due.step
            for s in definition.steps
            if s.due.anchor is Anchor.STEP_COMPLETED and s.due.step
        }
        decisions = {s.key for s in definition.steps if s.outcomes}
        completions: dict[str, list[date]] = {}
        planned: list[PlannedTask] = []
        for _ in range(12):  # past steps that anchor later ones are completed on their due date
            facts = Facts(
                placement_start=start,
                child_birth=child_18.replace(year=child_18.year - 18),
                workflow_start=start,
                horizon=self.horizon,
                agreement_end=agreement_end,
                not_before=self.planned_from(start),
                completions=completions,
            )
            planned = plan(definition, facts, self.rules)
            self.calls += 1
            found: dict[str, list[tuple[int, date]]] = {}
            for p in planned:
                if p.step_key in anchors and p.step_key not in decisions and p.due_date < self.on:
                    found.setdefault(p.step_key, []).append((p.occurrence, p.due_date))
            new = {k: [d for _, d in sorted(v)] for k, v in found.items()}
            if new == completions:
                break
            completions = new
        tasks = []
        for p in planned:
            step = definition.step(p.step_key)
            if p.due_date >= self.on:
                state = "future"
            elif p.step_key in decisions:
                state = "open"
            elif p.step_key in anchors:
                state = "completed"
            else:
                state = "free"
            tasks.append(
                TaskTemplate(p.step_key, p.occurrence, step.title, step.responsible.value, p, state)
            )
        return PlannedWorkflow(definition, tuple(tasks))


class Writer:
    """Inserts rows: COPY on PostgreSQL, Core executemany elsewhere."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.postgres = engine.dialect.name == "postgresql"
        self.counts: dict[str, int] = {}

    def write(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)
        with self.engine.begin() as conn:
            if self.postgres:
                self._copy(conn, table, rows)
            else:
                conn.execute(table.insert(), rows)

    def _copy(self, conn: Any, table: Table, rows: list[dict[str, Any]]) -> None:
        columns = list(rows[0])
        json_columns = {c.name for c in table.columns if c.type.__class__.__name__ == "JSON"}
        raw = conn.connection.dbapi_connection
        names = ", ".join(f'"{c}"' for c in columns)
        with raw.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = replica")  # no FK triggers
            with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(
                        [
                            json.dumps(row[c])
                            if c in json_columns and row[c] is not None
                            else row[c]
                            for c in columns
                        ]
                    )


def _loader_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url)

        @event.listens_for(engine, "connect")
        def _fast(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.close()

        return engine
    return create_engine(url)


def _record(row_id: uuid.UUID, service_id: uuid.UUID, at: datetime) -> dict[str, Any]:
    return {
        "id": row_id,
        "service_id": service_id,
        "created_at": at,
        "updated_at": at,
        "version": 1,
    }


def load(
    url: str,
    *,
    placements: int,
    services: int = 200,
    spare: int = 2000,
    seed: int = 7,
    batch: int = 2000,
    log: Any = print,
) -> Dataset:
    """Fill the (migrated, empty) database at ``url``; return what the scenarios need."""
    started = time.perf_counter()
    rng = random.Random(seed)  # noqa: S311  (a reproducible data set, not secrets)
    ids = _Ids(random.Random(seed + 1))  # noqa: S311
    on = today()
    planner = Planner(on)
    tables = Base.metadata.tables
    engine = _loader_engine(url)
    writer = Writer(engine)
    now = datetime.now(UTC)

    # Services and staff.
    weights = _weights(rng, services)
    sizes = _split(placements, weights)
    spare_sizes = _split(spare, weights) if spare else [0] * services
    infos: list[ServiceInfo] = []
    service_rows, staff_rows = [], []
    for n, (size, org) in enumerate(zip(sizes, _org_numbers(rng, services), strict=True)):
        sid = ids()
        place = PLACES[n % len(PLACES)]
        service_rows.append(
            {
                **_record(sid, sid, now),
                "name": f"Barneverntjenesten i {place[0]} {n + 1}",
                "org_number": org,
                "municipality_numbers": [place[2]],
            }
        )
        del service_rows[-1]["service_id"]
        staff: list[tuple[uuid.UUID, str]] = []
        staff += [(ids(), "leader") for _ in range(1 + size // 150)]
        staff += [(ids(), "supervisor") for _ in range(max(1, size // 60))]
        contacts = [ids() for _ in range(max(1, math.ceil(size / CASELOAD)))]
        staff += [(c, "contact_person") for c in contacts]
        for k, (staff_id, role) in enumerate(staff):
            name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
            staff_rows.append(
                {
                    **_record(staff_id, sid, now),
                    "name": name,
                    "email": f"{role}.{k}@bv{n + 1}.kommune.example",
                    "role": role,
                    "external_system": None,
                    "external_key": None,
                }
            )
        infos.append(ServiceInfo(sid, staff[0][0], contacts, size))
    writer.write(tables["services"], service_rows)
    writer.write(tables["staff"], staff_rows)

    # Placements, registered in the order they started (as a live system would have them).
    horizon_days = (planner.horizon - on).days
    specs: list[tuple[date, int, str]] = []  # (start, service index, basis)
    bases, basis_weights = zip(*LEGAL_BASES, strict=True)
    for index, info in enumerate(infos):
        for _ in range(info.placements):
            days_ago = min(int(rng.expovariate(1 / 900)), 12 * 365)
            start = on - timedelta(days=days_ago)
            while start.weekday() >= 5:  # children move on working days
                start -= timedelta(days=1)
            specs.append((start, index, rng.choices(bases, basis_weights)[0]))
    specs.sort(key=lambda s: s[0])
    log(f"  {services} services, {len(staff_rows)} staff; planning {len(specs)} placements")

    national_ids: dict[uuid.UUID, set[str]] = {info.id: set() for info in infos}
    homes_by_service: dict[uuid.UUID, list[uuid.UUID]] = {info.id: [] for info in infos}
    dataset = Dataset(infos, [], [], [])
    pending: dict[str, list[dict[str, Any]]] = {
        "children": [],
        "foster_homes": [],
        "placements": [],
        "workflow_instances": [],
        "tasks": [],
    }

    def child_row(service_id: uuid.UUID, birth: date, at: datetime) -> dict[str, Any]:
        row_id = ids()
        national_id = _national_id(rng, birth, national_ids[service_id])
        return {
            **_record(row_id, service_id, at),
            "given_name": rng.choice(GIVEN),
            "family_name": rng.choice(FAMILY),
            "birth_date": birth,
            "national_id": national_id,
            # Written past the ORM, so the keyed hash the unique index is on is set here.
            "national_id_hash": stored_hash(national_id),
            "external_system": "fagsystem",
            "external_key": row_id.hex[:16],
        }

    def home_row(service_id: uuid.UUID, at: datetime) -> dict[str, Any]:
        family = rng.choice(FAMILY)
        place = rng.choice(PLACES)
        return {
            **_record(ids(), service_id, at),
            "name": f"Familien {family}",
            "kind": rng.choices(("ordinary", "kinship", "emergency"), (0.65, 0.3, 0.05))[0],
            "foster_parents": [
                {"name": f"{rng.choice(GIVEN)} {family}"},
                {"name": f"{rng.choice(GIVEN)} {family}"},
            ],
            "street_address": f"{family}veien {rng.randint(1, 99)}",
            "postal_code": place[1],
            "postal_place": place[0],
            "municipality_number": place[2],
            "approved_date": on - timedelta(days=rng.randint(30, 4000)),
            "external_system": None,
            "external_key": None,
        }

    def flush() -> None:
        for name in ("children", "foster_homes", "placements", "workflow_instances", "tasks"):
            writer.write(tables[name], pending[name])
            pending[name] = []

    for count, (start, index, basis) in enumerate(specs, 1):
        info = infos[index]
        sid = info.id
        at = _noon_utc(start)
        while True:
            age = rng.uniform(0, 16.5)
            birth = start - timedelta(days=int(age * 365.25))
            child_18 = birth + relativedelta(years=18)
            if child_18 > on + timedelta(days=14):
                break
        child = child_row(sid, birth, at)
        pending["children"].append(child)
        homes = homes_by_service[sid]
        if homes and rng.random() < 0.12:
            home_id = rng.choice(homes)
        else:
            home = home_row(sid, at)
            pending["foster_homes"].append(home)
            home_id = home["id"]
            homes.append(home_id)
        contact = rng.choice(info.contact_ids)
        pid = ids()
        pending["placements"].append(
            {
                **_record(pid, sid, at),
                "child_id": child["id"],
                "foster_home_id": home_id,
                "contact_person_id": contact,
                "start_date": start,
                "end_date": None,
                "end_reason": None,
                "legal_basis": basis,
                "agreement_end_date": planner.agreement_end(start, basis),
                "external_system": "bench",
                "external_key": f"p-{count}",
            }
        )
        dataset.placements.append((pid, sid, contact))
        planned_from = planner.planned_from(start)
        created = _noon_utc(planned_from)
        open_visit: uuid.UUID | None = None
        for workflow in planner.workflows(start, basis, child_18):
            definition = workflow.definition
            instance_id = ids()
            pending["workflow_instances"].append(
                {
                    **_record(instance_id, sid, at),
                    "placement_id": pid,
                    "definition_key": definition.key,
                    "definition_version": definition.version,
                    "status": "active",
                    "workflow_start": start,
                    "planned_from": planned_from,
                    "adjustments": None,
                    "outcome": None,
                    "completed_at": None,
                    "started_by": ACTOR,
                }
            )
            for t in workflow.tasks:
                p = t.planned
                done = t.state == "completed" or (
                    t.state == "free" and rng.random() < COMPLETED_SHARE
                )
                completed_at = _noon_utc(p.due_date) if done else None
                task_id = ids()
                pending["tasks"].append(
                    {
                        **_record(task_id, sid, created),
                        "updated_at": completed_at or created,
                        "placement_id": pid,
                        "instance_id": instance_id,
                        "definition_key": definition.key,
                        "definition_version": definition.version,
                        "step_key": t.step_key,
                        "occurrence": t.occurrence,
                        "title": t.title,
                        "responsible_role": t.responsible,
                        "assignee_id": contact if t.responsible == "contact_person" else None,
                        "due_date": p.due_date,
                        "nominal_date": p.nominal_date,
                        "due_edited": False,
                        "rule": p.rule,
                        "legal_basis": p.legal_basis,
                        "explanation": p.explanation,
                        "rule_set_version": planner.rules.version,
                        "status": "completed" if done else "open",
                        "answers": None,
                        "outcome": None,
                        "completed_at": completed_at,
                        "completed_by": ACTOR if done else None,
                        "skip_reason": None,
                    }
                )
                if open_visit is None and t.step_key == "besok" and t.state == "future":
                    open_visit = task_id
        if open_visit is not None:
            dataset.open_visits.append((open_visit, sid))
        if count % batch == 0:
            flush()
            if count % (batch * 10) == 0:
                log(f"  {count} placements, {writer.counts.get('tasks', 0)} tasks")
    flush()
    dataset.seconds["generate_and_insert"] = time.perf_counter() - started

    # Spare children and foster homes for POST /v1/placements.
    for info, n in zip(infos, spare_sizes, strict=True):
        for _ in range(n):
            birth = on - timedelta(days=rng.randint(365, 15 * 365))
            child = child_row(info.id, birth, now)
            home = home_row(info.id, now)
            pending["children"].append(child)
            pending["foster_homes"].append(home)
            dataset.spare.append((info.id, child["id"], home["id"], rng.choice(info.contact_ids)))
    flush()
    rng.shuffle(dataset.spare)

    analyse_started = time.perf_counter()
    _analyse(engine)
    dataset.seconds["vacuum_analyze"] = time.perf_counter() - analyse_started
    engine.dispose()
    dataset.counts = dict(writer.counts)
    dataset.counts["plan_calls"] = planner.calls
    dataset.counts["distinct_plans"] = len(planner.cache)
    dataset.counts["horizon_days"] = horizon_days
    dataset.seconds["total"] = time.perf_counter() - started
    return dataset


def _analyse(engine: Engine) -> None:
    """Statistics and visibility maps as autovacuum would have them on a live system."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM (ANALYZE)"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))


__all__ = ["Dataset", "ServiceInfo", "load"]


def verify_plans(url: str, placement_ids: list[uuid.UUID]) -> int:
    """How many task changes the service itself would make to these placements' loaded tasks
    (``app.workflows.service.preview``, which writes nothing); 0 when the load is consistent."""
    from sqlalchemy.orm import Session

    from app.db import make_engine
    from app.placements.models import Placement
    from app.workflows import service as workflows

    engine = make_engine(url)
    changes = 0
    try:
        with Session(engine) as session:
            for placement_id in placement_ids:
                placement = session.get_one(Placement, placement_id)
                changes += len(workflows.preview(session, placement, workflows.Dates.of(placement)))
    finally:
        engine.dispose()
    return changes


def from_database(url: str) -> Dataset:
    """What the scenarios need, read back from a database loaded earlier (``run.py --reuse``).
    Rows that earlier write scenarios added are included as they are."""
    engine = _loader_engine(url)
    on = today()
    try:
        with engine.connect() as conn:
            staff = conn.execute(
                text("SELECT id, service_id, role FROM staff ORDER BY service_id, role, id")
            ).all()
            placements = conn.execute(
                text(
                    "SELECT id, service_id, contact_person_id FROM placements "
                    "WHERE end_date IS NULL ORDER BY start_date, id"
                )
            ).all()
            children = conn.execute(
                text(
                    "SELECT c.service_id, c.id FROM children c WHERE NOT EXISTS "
                    "(SELECT 1 FROM placements p WHERE p.child_id = c.id) ORDER BY c.id"
                )
            ).all()
            homes = conn.execute(
                text(
                    "SELECT f.service_id, f.id FROM foster_homes f WHERE NOT EXISTS "
                    "(SELECT 1 FROM placements p WHERE p.foster_home_id = f.id) ORDER BY f.id"
                )
            ).all()
            visits = conn.execute(
                text(
                    "SELECT placement_id, id, service_id FROM tasks WHERE step_key = 'besok' "
                    "AND status = 'open' AND due_date >= :on ORDER BY placement_id, due_date"
                ),
                {"on": on},
            ).all()
    finally:
        engine.dispose()

    def as_uuid(value: Any) -> uuid.UUID:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))

    by_service: dict[uuid.UUID, ServiceInfo] = {}
    for staff_id, service_id, role in sorted(staff, key=lambda r: r[2] != "leader"):
        sid = as_uuid(service_id)
        info = by_service.setdefault(sid, ServiceInfo(sid, as_uuid(staff_id), [], 0))
        if role == "contact_person":
            info.contact_ids.append(as_uuid(staff_id))
    rows = [(as_uuid(p), as_uuid(s), as_uuid(c)) for p, s, c in placements]
    for _, sid, _ in rows:
        by_service[sid].placements += 1
    free_homes: dict[uuid.UUID, list[uuid.UUID]] = {}
    for service_id, home_id in homes:
        free_homes.setdefault(as_uuid(service_id), []).append(as_uuid(home_id))
    rng = random.Random(3)  # noqa: S311  (reproducible pairing)
    spare = []
    for service_id, child_id in children:
        sid = as_uuid(service_id)
        info = by_service[sid]
        if free_homes.get(sid) and info.contact_ids:
            spare.append(
                (sid, as_uuid(child_id), free_homes[sid].pop(), rng.choice(info.contact_ids))
            )
    rng.shuffle(spare)
    open_visits: list[tuple[uuid.UUID, uuid.UUID]] = []
    seen: set[Any] = set()
    for placement_id, task_id, service_id in visits:
        if placement_id not in seen:
            seen.add(placement_id)
            open_visits.append((as_uuid(task_id), as_uuid(service_id)))
    services = [s for s in by_service.values() if s.placements]
    return Dataset(services, rows, spare, open_visits, counts={"placements": len(rows)})
