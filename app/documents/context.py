"""The data a document is filled from, built from the case. Its shape is the data dictionary
(``dictionary.py``); dates are written the Norwegian way (dd.mm.åååå)."""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.children.models import Child
from app.clock import today
from app.contact_visits import documents as contact_visits
from app.foster_homes.models import FosterHome, FosterHomeKind
from app.placements.models import LegalBasis, Placement, PlacementStatus
from app.planning.definitions import catalogue
from app.services.models import Service
from app.staff.models import Staff
from app.tasks.models import Task, TaskStatus

KIND_NB = {
    FosterHomeKind.ORDINARY: "Ordinært fosterhjem",
    FosterHomeKind.KINSHIP: "Fosterhjem i slekt og nettverk",
    FosterHomeKind.EMERGENCY: "Beredskapshjem",
}
BASIS_NB = {
    LegalBasis.CARE_ORDER: "Omsorgsovertakelse",
    LegalBasis.VOLUNTARY: "Plassering som hjelpetiltak (frivillig)",
    LegalBasis.EMERGENCY: "Midlertidig vedtak i akuttsituasjon",
}
STATUS_NB = {
    PlacementStatus.PLANNED: "Planlagt",
    PlacementStatus.ACTIVE: "Aktiv",
    PlacementStatus.ENDED: "Avsluttet",
}
TASK_STATUS_NB = {
    TaskStatus.OPEN: "Åpen",
    TaskStatus.COMPLETED: "Fullført",
    TaskStatus.SKIPPED: "Ikke gjennomført (begrunnet)",
    TaskStatus.CANCELLED: "Bortfalt",
}
ROLE_NB = {
    "contact_person": "Kontaktperson",
    "leader": "Leder",
    "supervisor": "Fosterhjemsveileder",
}


# A step title numbered in front of its theme: "Time 1: Den nye familien".
NUMBERED_TITLE = re.compile(r"\S+ \d+: (?P<theme>.+)")


def nb(value: date | None) -> str | None:
    return value.strftime("%d.%m.%Y") if value is not None else None


def _names(parents: list[dict[str, Any]]) -> str:
    names = [str(p["name"]) for p in parents]
    return " og ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


def _answers(task: Task) -> dict[str, Any]:
    """Answers as they should read in a document: dates Norwegian, yes/no in words."""
    out: dict[str, Any] = {}
    for key, value in (task.answers or {}).items():
        if isinstance(value, bool):
            out[key] = "Ja" if value else "Nei"
        elif isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                out[key] = nb(date.fromisoformat(value))
            except ValueError:
                out[key] = value
        else:
            out[key] = value
    return out


def _outcome_label(task: Task) -> str | None:
    """The chosen outcome as the definition words it (the key if it is not found)."""
    if task.outcome is None:
        return None
    definition = catalogue().get(task.definition_key, task.definition_version)
    outcomes = definition.step(task.step_key).outcomes or []
    return next((o.label for o in outcomes if o.key == task.outcome), task.outcome)


def _place(task: Task) -> dict[str, Any]:
    """The task's theme (its title without a leading "Time 1: "), and where its step stands in
    its workflow: number ``steg`` of ``antall_steg``, both counted from the definition."""
    match = NUMBERED_TITLE.fullmatch(task.title)
    keys = [s.key for s in catalogue().get(task.definition_key, task.definition_version).steps]
    return {
        "tema": match["theme"] if match else task.title,
        "steg": keys.index(task.step_key) + 1 if task.step_key in keys else None,
        "antall_steg": len(keys),
    }


def _responsible(task: Task, names: dict[uuid.UUID, str], contact: Staff) -> str:
    """Who has the task, by name where a person does: its assignee, or for a contact person's
    task the placement's contact person. Otherwise the role ("Leder"), as nobody is set."""
    if task.assignee_id is not None and task.assignee_id in names:
        return names[task.assignee_id]
    if task.responsible_role == "contact_person":
        return contact.name
    return ROLE_NB.get(task.responsible_role, task.responsible_role)


def _assignee_names(
    session: Session, placement: Placement, tasks: list[Task]
) -> dict[uuid.UUID, str]:
    """The names of the staff the tasks are assigned to, from the placement's own service."""
    ids = {t.assignee_id for t in tasks if t.assignee_id is not None}
    if not ids:
        return {}
    rows = session.execute(
        select(Staff.id, Staff.name).where(
            Staff.service_id == placement.service_id, Staff.id.in_(ids)
        )
    )
    return {staff_id: name for staff_id, name in rows.all()}


def build(
    session: Session, placement: Placement, *, task: Task | None, extra: dict[str, Any]
) -> dict[str, Any]:
    on = today()
    child = session.get_one(Child, placement.child_id)
    home = session.get_one(FosterHome, placement.foster_home_id)
    service = session.get_one(Service, placement.service_id)
    contact = session.get_one(Staff, placement.contact_person_id)
    age = relativedelta(on, child.birth_date).years
    tasks = list(
        session.scalars(
            select(Task)
            .where(Task.placement_id == placement.id, Task.status != TaskStatus.CANCELLED)
            .order_by(Task.due_date, Task.step_key)
        )
    )
    year_ahead = on + relativedelta(years=1)
    ahead = [t for t in tasks if t.status is TaskStatus.OPEN and on <= t.due_date <= year_ahead]
    planned = ahead[:100]
    names = _assignee_names(session, placement, planned)
    context: dict[str, Any] = {
        "dato": nb(on),
        "tjeneste": {"navn": service.name, "orgnr": service.org_number},
        "barn": {
            "fornavn": child.given_name,
            "etternavn": child.family_name,
            "fullt_navn": f"{child.given_name} {child.family_name}",
            "fodselsdato": nb(child.birth_date),
            "alder": age,
            "fodselsnummer": child.national_id,
        },
        "fosterhjem": {
            "navn": home.name,
            "type": KIND_NB[home.kind],
            "fosterforeldre": [str(p["name"]) for p in home.foster_parents],
            "fosterforeldre_tekst": _names(home.foster_parents),
            "adresse": f"{home.street_address}, {home.postal_code} {home.postal_place}",
            "kommunenummer": home.municipality_number,
        },
        "plassering": {
            "startdato": nb(placement.start_date),
            "sluttdato": nb(placement.end_date),
            "hjemmel": BASIS_NB[placement.legal_basis],
            "oppdragsavtale_slutt": nb(placement.agreement_end_date),
            "status": STATUS_NB[placement.status],
        },
        "kontaktperson": {"navn": contact.name, "epost": contact.email},
        "tidslinje": [
            {
                "tittel": t.title,
                "frist": nb(t.due_date),
                "status": TASK_STATUS_NB[t.status],
                "ansvarlig": _responsible(t, names, contact),
                "rolle": ROLE_NB.get(t.responsible_role, t.responsible_role),
                "arbeidsflyt": t.definition_key,
            }
            for t in planned
        ],
        "historikk": [
            {"tittel": t.title, "frist": nb(t.due_date), "fullfort": nb(t.completed_at.date())}
            for t in tasks
            if t.status is TaskStatus.COMPLETED and t.completed_at is not None
        ][-100:],
        "svar": _answers(task) if task is not None else {},
        "oppgave": (
            {
                "tittel": task.title,
                "frist": nb(task.due_date),
                "forklaring": task.explanation,
                "hjemmel": task.legal_basis,
                "utfall": _outcome_label(task),
                **_place(task),
            }
            if task is not None
            else {}
        ),
        # Contact visits (samvær): the arrangements, the dates planned, the report under review.
        "samvaer": contact_visits.build(session, placement, task=task),
        "ekstra": extra,
    }
    return context


def lookup(context: dict[str, Any], path: str) -> Any:
    value: Any = context
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def missing(context: dict[str, Any], paths: list[str]) -> list[str]:
    return [p for p in paths if lookup(context, p) in (None, "", [], {})]
