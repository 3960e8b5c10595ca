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

from app.approvals import service as approvals
from app.approvals.models import ApprovalOutcome, FosterHomeApproval
from app.children.models import Child
from app.clock import today
from app.contact_visits import documents as contact_visits
from app.documents import catalogue_context
from app.documents.supervision import supervision_context
from app.foster_homes.models import FosterHome, FosterHomeKind
from app.people.models import Parent, Relation
from app.people.service import names_text
from app.placements.models import LegalBasis, Placement, PlacementStatus
from app.planning.definitions import catalogue
from app.plans import service as plans
from app.plans.models import Plan, PlanKind
from app.services.models import Service
from app.staff.models import Staff
from app.tasks.models import Task, TaskStatus
from app.tasks.schemas import EntryKind, TimelineEntry

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


APPROVAL_OUTCOME_NB = {
    ApprovalOutcome.APPROVED: "Godkjent",
    ApprovalOutcome.APPROVED_WITH_CONDITIONS: "Godkjent med vilkår",
    ApprovalOutcome.NOT_APPROVED: "Ikke godkjent",
}
APPROVAL_CHECK_NB = {
    "assessment": "vurdering av fosterhjemmet",
    "home_visit": "hjemmebesøk",
    "training": "opplæring",
    "police_certificates": "politiattest",
    "agreement": "fosterhjemsavtale",
    "decision": "vedtak om godkjenning",
}


APPROVAL_TEXTS = (
    "vurdert",
    "hjemmebesok",
    "opplaering",
    "opplaering_dato",
    "politiattest_mangler",
    "avtale_underskrevet",
    "avtale_bufdir_mal",
    "akuttvedtak_dato",
    "akuttvedtak_av",
    "foreldre_informert",
    "rask_kontroll",
    "vedtaksdato",
    "besluttet_av",
    "utfall",
    "vilkar",
    "mangler_for_flytting",
)


def _approval(session: Session, placement: Placement, home: FosterHome) -> dict[str, Any]:
    """The approval of the home for the child (``godkjenning``): its deadline and rule even
    before anything is recorded; what is not recorded is empty (never "None" in a document)."""
    due = approvals.deadline(session, placement, home)
    out: dict[str, Any] = {
        "akutt": "Ja" if due.rule is not None else "Nei",
        "frist": nb(due.due_by),
        "regel_akutt": approvals.urgent_rule(session),
        "politiattester": [],
        **dict.fromkeys(APPROVAL_TEXTS, ""),
    }
    row = session.scalar(
        select(FosterHomeApproval).where(FosterHomeApproval.placement_id == placement.id)
    )
    if row is None:
        return out
    read = approvals.to_read(session, row)
    recorded: dict[str, Any] = {
        "vurdert": nb(row.assessment_date),
        "hjemmebesok": nb(row.home_visit_date),
        "opplaering": row.training_course,
        "opplaering_dato": nb(row.training_completed_on),
        "politiattest_mangler": " og ".join(read.police_certificates_missing),
        "avtale_underskrevet": nb(row.agreement_signed_on),
        "avtale_bufdir_mal": "Ja" if row.agreement_bufdir_template else "Nei",
        "akuttvedtak_dato": nb(row.emergency_decided_on),
        "akuttvedtak_av": row.emergency_decided_by,
        "foreldre_informert": nb(row.parents_informed_on),
        "rask_kontroll": nb(row.quick_check_on),
        "vedtaksdato": nb(row.decision_date),
        "besluttet_av": row.decided_by,
        "utfall": APPROVAL_OUTCOME_NB[row.outcome] if row.outcome else None,
        "vilkar": row.conditions,
        "mangler_for_flytting": ", ".join(
            APPROVAL_CHECK_NB[key.value] for key in read.missing_before_move
        ),
    }
    out.update({key: "" if value is None else value for key, value in recorded.items()})
    out["politiattester"] = [
        {"navn": c.name, "kontrollert": nb(c.checked_on)} for c in read.police_certificates
    ]
    return out


RELATION_NB = {Relation.MOTHER: "Mor", Relation.FATHER: "Far"}


# The placement's plans as the data dictionary names them (``planer.<navn>``).
PLAN_KEYS = {
    PlanKind.CARE_PLAN: "omsorgsplan",
    PlanKind.MEASURES_PLAN: "tiltaksplan",
    PlanKind.FOLLOW_UP_PLAN: "oppfolgingsplan",
    PlanKind.PARENTS_FOLLOW_UP_PLAN: "oppfolgingsplan_foreldre",
}
# Workflows that follow the parents (their steps go into ``foreldre_tidslinje``), and the steps
# of the others that do.
PARENT_WORKFLOWS = frozenset(
    {
        "oppfolging-foreldre",
        "samarbeid-foreldre-frivillig",
        "veien-videre",
        "vurderingstrakt",
        "jevnlig-vurdering",
        "sak-for-nemnda",
        "oppfolging-etter-tilbakeforing",
    }
)


def _yes(value: bool) -> str:
    return "Ja" if value else "Nei"


def _parent(row: Parent) -> dict[str, Any]:
    address = row.address
    return {
        "navn": row.name,
        "relasjon": RELATION_NB.get(row.relation) or row.relation_text or "Forelder",
        "telefon": row.phone,
        "epost": row.email,
        "adresse": (
            f"{address['street_address']}, {address['postal_code']} {address['postal_place']}"
            if address
            else None
        ),
        "foreldreansvar": _yes(row.parental_responsibility),
        "onsker_oppfolging": _yes(row.followed_up),
        "takket_nei": nb(row.declined_on),
    }


def _parents(session: Session, child_id: uuid.UUID, chosen: Parent | None) -> dict[str, Any]:
    """``forelder`` (the parent a document is filled for, with the household they live in) and
    ``foreldre`` (every parent of the child)."""
    rows = list(
        session.scalars(
            select(Parent).where(Parent.child_id == child_id).order_by(Parent.created_at, Parent.id)
        )
    )
    out: dict[str, Any] = {"foreldre": [_parent(p) for p in rows], "forelder": {}}
    if chosen is None:
        return out
    household = [p for p in rows if p.household_id == chosen.household_id]
    followed = [p for p in household if p.followed_up] or [chosen]
    others = [p.name for p in household if p.id != chosen.id]
    out["forelder"] = {
        **_parent(chosen),
        "husstand": names_text([p.name for p in followed]),
        "bor_sammen_med": names_text(others) or None,
    }
    return out


def recipient(chosen: Parent, session: Session) -> dict[str, str]:
    """The letter's recipient: the household's parents followed up, at the parent's address."""
    household = list(
        session.scalars(
            select(Parent)
            .where(Parent.child_id == chosen.child_id, Parent.household_id == chosen.household_id)
            .order_by(Parent.created_at, Parent.id)
        )
    )
    followed = [p for p in household if p.followed_up] or [chosen]
    found = {"mottaker": names_text([p.name for p in followed])}
    address = chosen.address
    if address is not None:
        found["mottaker_adresse"] = (
            f"{address['street_address']}\n{address['postal_code']} {address['postal_place']}"
        )
    return found


# Roots built only for a template that reads them: costly to gather, and personal data a
# document's stored snapshot should not hold when the document does not show it.
ON_DEMAND = frozenset({"rammefortelling", "flytskjema", "veien_videre"})


def _took_part(child: bool, parents: bool, home: bool) -> str:
    """``barnet og fosterforeldrene``: who took part, in words (``ingen`` for nobody)."""
    names = [
        n for n, t in (("barnet", child), ("foreldrene", parents), ("fosterforeldrene", home)) if t
    ]
    if not names:
        return "ingen av partene"
    return " og ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


def _plan(plan: Plan) -> dict[str, Any]:
    reviews = [
        {
            "dato": nb(r.reviewed_on),
            "konklusjon": r.conclusion_text,
            "deltok": _took_part(r.child_took_part, r.parents_took_part, r.foster_home_took_part),
        }
        for r in plan.reviews
    ]
    return {
        "tittel": plans.title(plan),
        "vedtatt": nb(plan.adopted_on),
        "gjelder_til": nb(plan.valid_until),
        "sammendrag": plan.summary,
        "revisjon": plan.revision,
        "barnet_deltok": _yes(plan.child_took_part),
        "foreldrene_deltok": _yes(plan.parents_took_part),
        "fosterhjemmet_deltok": _yes(plan.foster_home_took_part),
        "deltok": _took_part(
            plan.child_took_part, plan.parents_took_part, plan.foster_home_took_part
        ),
        "medvirkning": plan.participation_notes,
        "gjennomganger": reviews,
        "siste_gjennomgang": reviews[-1] if reviews else None,
    }


def _plans(session: Session, placement: Placement) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for kind, key in PLAN_KEYS.items():
        plan = plans.current_plan(session, placement.id, kind)
        found[key] = _plan(plan) if plan is not None else None
    return found


def _for_parents(task: Task) -> bool:
    return (
        task.definition_key in PARENT_WORKFLOWS
        or task.step_key.startswith("foreldre")
        or (task.step_key == "oppfolgingsplan_foreldre")
    )


def build(
    session: Session,
    placement: Placement,
    *,
    task: Task | None,
    extra: dict[str, Any],
    parent: Parent | None = None,
    uses: frozenset[str] | None = None,
) -> dict[str, Any]:
    """The case data for a document. ``uses``: the roots the template reads (its fields' first
    parts); the :data:`ON_DEMAND` roots are left out unless it reads them. None: every root."""
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

    def item(t: Task) -> dict[str, Any]:
        return {
            "tittel": t.title,
            "frist": nb(t.due_date),
            "status": TASK_STATUS_NB[t.status],
            "ansvarlig": _responsible(t, names, contact),
            "rolle": ROLE_NB.get(t.responsible_role, t.responsible_role),
            "arbeidsflyt": t.definition_key,
        }

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
        "tidslinje": [item(t) for t in planned],
        "foreldre_tidslinje": [item(t) for t in planned if _for_parents(t)],
        "planer": _plans(session, placement),
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
        "godkjenning": _approval(session, placement, home),
        **_parents(session, child.id, parent),
    }
    # The P3/P6 catalogue's rammefortelling, flow chart and Veien videre calendar.
    wanted = ON_DEMAND if uses is None else ON_DEMAND & uses
    if "rammefortelling" in wanted:
        context["rammefortelling"] = catalogue_context.life_story(session, child.id)
    if "flytskjema" in wanted:
        context["flytskjema"] = catalogue_context.flow_chart(session, placement)
    if "veien_videre" in wanted:
        context["veien_videre"] = catalogue_context.veien_videre(session, placement)
    # The supervision around the placement (issue #14 item 1): tilsynsforer, tilsynsrapport,
    # andre_barn, fosterhjemsveileder.
    context.update(supervision_context(session, placement, home, task=task))
    return context


ENTRY_KIND_NB = {
    EntryKind.PLAN: "Plan",
    EntryKind.CONTACT_VISIT: "Samvær",
    EntryKind.SUPERVISION_REPORT: "Tilsyn",
    EntryKind.APPROVAL: "Godkjenning",
}


def year_wheel_entries(entries: list[TimelineEntry], *, since: date) -> list[dict[str, Any]]:
    """``hendelser``: the year wheel's records from ``since`` on (the tasks are ``tidslinje``),
    at most a hundred, as the årshjul shows them."""
    return [
        {
            "dato": nb(e.on),
            "type": ENTRY_KIND_NB[e.kind],
            "tittel": e.title,
            "forklaring": e.explanation or "",
            "grunnlag": e.legal_basis or "",
        }
        for e in entries
        if e.on >= since
    ][:100]


def lookup(context: dict[str, Any], path: str) -> Any:
    value: Any = context
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def missing(context: dict[str, Any], paths: list[str]) -> list[str]:
    return [p for p in paths if lookup(context, p) in (None, "", [], {})]
