"""*Registrer*: children, foster homes and placements for a service whose journal system does
not send them, and changing a placement without overwriting someone else's change.

Each form goes form → check answers → saved (the GOV.UK pattern); the answers travel in the
check page's hidden fields, so nothing is stored before the person confirms. Saving goes
through the same services as the API's creates, so tenancy, audit, events and the placement's
workflows follow."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import flows
from app.audit.trail import (
    Action,
    Actor,
    AuditCreate,
    AuditList,
    AuditRead,
    AuditTrail,
    AuditUpdate,
)
from app.children import service as children
from app.children.schemas import ChildCreate, ChildFilters
from app.db import DbSession
from app.errors import AppError, FieldError, PreconditionFailed, field_errors
from app.foster_homes import service as foster_homes
from app.foster_homes.models import FosterHomeKind
from app.foster_homes.schemas import FosterHomeCreate, FosterHomeFilters
from app.placements import service as placements
from app.placements.models import LegalBasis
from app.placements.schemas import PlacementCreate, PlacementRead, PlacementUpdate
from app.preconditions import ExpectVersion
from app.principal import Principal, Scope
from app.services.models import Service
from app.staff import service as staff
from app.staff.models import StaffRole
from app.staff.schemas import StaffFilters
from app.web.deps import Posted, SignedIn, SignedInForm, require_scope
from app.web.forms import iso_date, messages, norwegian_date
from app.web.templating import render

router = APIRouter(prefix="/register")
edit_router = APIRouter()

KIND_NAMES = {
    FosterHomeKind.ORDINARY: "Ordinært fosterhjem",
    FosterHomeKind.KINSHIP: "Fosterhjem i familie og nettverk",
    FosterHomeKind.EMERGENCY: "Beredskapshjem",
}
BASIS_NAMES = {
    LegalBasis.CARE_ORDER: "Omsorgsovertakelse (barnevernsloven § 5-1)",
    LegalBasis.VOLUNTARY: "Frivillig plassering (barnevernsloven § 3-2)",
    LegalBasis.EMERGENCY: "Akuttvedtak (barnevernsloven § 4-2)",
}
SAVED = {
    "child": "Barnet er registrert.",
    "foster_home": "Fosterhjemmet er registrert.",
}
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Form:
    """One register form: its fields (name → label, in order) and how answers become input."""

    key: str
    title: str
    labels: dict[str, str]
    scope: Scope

    def values(self, posted: Mapping[str, Any]) -> dict[str, str]:
        return {name: str(posted.get(name) or "").strip() for name in self.labels}


CHILD = Form(
    "child",
    "Registrer et barn",
    {
        "given_name": "Fornavn",
        "family_name": "Etternavn",
        "birth_date": "Fødselsdato",
        "national_id": "Fødselsnummer eller D-nummer",
    },
    Scope.CHILDREN_WRITE,
)
FOSTER_HOME = Form(
    "foster_home",
    "Registrer et fosterhjem",
    {
        "name": "Navn på fosterhjemmet",
        "kind": "Type fosterhjem",
        "foster_parent_1": "Fosterforelder",
        "foster_parent_2": "Fosterforelder 2",
        "street_address": "Gateadresse",
        "postal_code": "Postnummer",
        "postal_place": "Poststed",
        "municipality_number": "Kommunenummer",
        "approved_date": "Dato fosterhjemmet ble godkjent",
    },
    Scope.FOSTER_HOMES_WRITE,
)
PLACEMENT = Form(
    "placement",
    "Registrer en plassering",
    {
        "child_id": "Barnet",
        "foster_home_id": "Fosterhjemmet",
        "contact_person_id": "Kontaktperson",
        "start_date": "Dato barnet flyttet inn",
        "legal_basis": "Hjemmel for plasseringen",
        "care_order_date": "Dato for nemndas vedtak om omsorgsovertakelse",
        "agreement_end_date": "Dato oppdragsavtalen varer til",
    },
    Scope.PLACEMENTS_WRITE,
)
FORMS = {form.key: form for form in (CHILD, FOSTER_HOME, PLACEMENT)}
SERVICE_LABEL = "Barneverntjeneste"


def _service_choices(session: Session, ids: list[uuid.UUID]) -> list[tuple[str, str]]:
    rows = session.execute(
        select(Service.id, Service.name).where(Service.id.in_(ids)).order_by(Service.name)
    ).all()
    return [(str(i), name) for i, name in rows]


def _chosen_service(
    posted: Mapping[str, Any], services: list[uuid.UUID]
) -> tuple[uuid.UUID | None, str | None]:
    """The service the new row is for: the person's only one, or the one they chose."""
    if len(services) == 1:
        return services[0], None
    value = str(posted.get("service_id") or "")
    try:
        chosen = uuid.UUID(value)
    except ValueError:
        return None, f"Velg {SERVICE_LABEL.lower()}"
    return (chosen, None) if chosen in services else (None, f"Velg {SERVICE_LABEL.lower()}")


def _model(model: type[M], data: dict[str, Any], labels: Mapping[str, str]) -> M | dict[str, str]:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raw = [dict(e) | {"loc": ("body", *e["loc"])} for e in exc.errors()]
        return messages(_form_fields(field_errors(raw)), labels)
    except AppError as exc:  # a model validator's own refusal (e.g. birth date and number)
        return messages(_form_fields(exc.errors or []), labels) or {"": _refusal(exc)}


def _form_fields(errors: list[FieldError]) -> list[FieldError]:
    """Point a foster home's nested fields (``#/address/postal_code``,
    ``#/foster_parents/0/name``) at the form fields that hold them."""
    out = []
    for error in errors:
        pointer = error.pointer or ""
        if pointer.startswith("#/address/"):
            pointer = "#/" + pointer.removeprefix("#/address/")
        elif pointer.startswith("#/foster_parents"):
            second = pointer.startswith("#/foster_parents/1")
            pointer = "#/foster_parent_2" if second else "#/foster_parent_1"
        out.append(error.model_copy(update={"pointer": pointer or None}))
    return out


def _child_input(values: dict[str, str]) -> dict[str, Any]:
    return {
        "given_name": values["given_name"],
        "family_name": values["family_name"],
        "birth_date": iso_date(values["birth_date"]) or "",
        "national_id": values["national_id"].replace(" ", "") or None,
    }


def _foster_home_input(values: dict[str, str]) -> dict[str, Any]:
    parents = [values[k] for k in ("foster_parent_1", "foster_parent_2") if values[k]]
    return {
        "name": values["name"],
        "kind": values["kind"] or None,
        "foster_parents": [{"name": name} for name in parents],
        "address": {
            "street_address": values["street_address"],
            "postal_code": values["postal_code"],
            "postal_place": values["postal_place"],
        },
        "municipality_number": values["municipality_number"],
        "approved_date": iso_date(values["approved_date"]),
    }


def _placement_input(values: dict[str, str]) -> dict[str, Any]:
    return {
        "child_id": values["child_id"] or None,
        "foster_home_id": values["foster_home_id"] or None,
        "contact_person_id": values["contact_person_id"] or None,
        "start_date": iso_date(values["start_date"]) or "",
        "legal_basis": values["legal_basis"] or None,
        "care_order_date": iso_date(values["care_order_date"]),
        "agreement_end_date": iso_date(values["agreement_end_date"]),
    }


@dataclass
class Choices:
    """The rows a placement form chooses between, by id, with what a person reads."""

    children: list[tuple[str, str]]
    foster_homes: list[tuple[str, str]]
    contact_persons: list[tuple[str, str]]

    def name_of(self, field: str, value: str) -> str:
        options = {
            "child_id": self.children,
            "foster_home_id": self.foster_homes,
            "contact_person_id": self.contact_persons,
        }[field]
        return dict(options).get(value, "")


def _all(fetch: Callable[[str | None], tuple[list[Any], str | None]]) -> list[Any]:
    rows: list[Any] = []
    cursor: str | None = None
    while True:
        page, cursor = fetch(cursor)
        rows.extend(page)
        if cursor is None or len(rows) >= 2000:
            return rows


def _choices(session: Session, principal: Principal, audit: AuditTrail) -> Choices:
    kids = _all(
        lambda c: children.list_children(
            session, principal, ChildFilters(limit=100, cursor=c), audit=audit
        )
    )
    homes = _all(
        lambda c: foster_homes.list_foster_homes(
            session, principal, FosterHomeFilters(limit=100, cursor=c), audit=audit
        )
    )
    people = _all(lambda c: staff.list_staff(session, principal, StaffFilters(limit=100, cursor=c)))
    return Choices(
        children=sorted(
            (
                (str(k.id), f"{k.given_name} {k.family_name}, født {k.birth_date:%d.%m.%Y}")
                for k in kids
            ),
            key=lambda o: o[1],
        ),
        foster_homes=sorted(
            (
                (str(h.id), f"{h.name} ({KIND_NAMES[FosterHomeKind(h.kind)].lower()})")
                for h in homes
            ),
            key=lambda o: o[1],
        ),
        contact_persons=sorted(
            (str(s.id), s.name)
            for s in people
            if StaffRole(s.role) in (StaffRole.CONTACT_PERSON, StaffRole.LEADER)
        ),
    )


def _shown(form: Form, values: dict[str, str], choices: Choices | None) -> list[tuple[str, str]]:
    """The answers as the check page shows them (names for ids, words for codes)."""
    shown: list[tuple[str, str]] = []
    for name, label in form.labels.items():
        value = values.get(name, "")
        if name == "kind" and value:
            value = KIND_NAMES.get(FosterHomeKind(value), value)
        elif name == "legal_basis" and value:
            value = BASIS_NAMES.get(LegalBasis(value), value)
        elif name.endswith("_date") and value:
            value = norwegian_date(iso_date(value))
        elif name.endswith("_id") and name != "national_id" and value and choices is not None:
            value = choices.name_of(name, value)
        if name == "national_id" and value:
            value = value.replace(" ", "")
        shown.append((label, value))
    return shown


def _page(
    request: Request,
    form: Form,
    template: str,
    *,
    values: dict[str, str],
    errors: dict[str, str] | None = None,
    services: list[tuple[str, str]] | None = None,
    service_id: str = "",
    choices: Choices | None = None,
    status_code: int = 200,
) -> Response:
    labels = dict(form.labels)
    if services and len(services) > 1:
        labels = {"service_id": SERVICE_LABEL, **labels}
    return render(
        request,
        template,
        {
            "form": form,
            "labels": labels,
            "values": values,
            "errors": errors or {},
            "services": services or [],
            "service_id": service_id,
            "choices": choices,
            "kinds": [(k.value, n) for k, n in KIND_NAMES.items()],
            "bases": [(b.value, n) for b, n in BASIS_NAMES.items()],
            "shown": _shown(form, values, choices),
            "title": form.title,
        },
        status_code=status_code,
    )


@router.get("", name="register", operation_id="page_register")
def register_index(
    request: Request, principal: SignedIn, saved: str | None = Query(default=None)
) -> Response:
    available = [form for form in FORMS.values() if require_scope_or_none(principal, form.scope)]
    if not available:
        require_scope(principal, Scope.CHILDREN_WRITE)  # 404
    return render(
        request,
        "register/index.html",
        {"forms": available, "saved": SAVED.get(saved or ""), "title": "Registrer"},
    )


def require_scope_or_none(principal: Principal, scope: Scope) -> bool:
    try:
        require_scope(principal, scope)
    except AppError:
        return False
    return True


def _form_get(form: Form) -> Callable[..., Response]:
    def show(
        request: Request, principal: SignedIn, session: DbSession, audit: AuditList
    ) -> Response:
        services = require_scope(principal, form.scope)
        choices = _choices(session, principal, audit) if form is PLACEMENT else None
        return _page(
            request,
            form,
            f"register/{form.key}.html",
            values=dict.fromkeys(form.labels, ""),
            services=_service_choices(session, services),
            choices=choices,
        )

    return show


def _form_post(form: Form) -> Callable[..., Response]:
    def submit(
        request: Request,
        principal: SignedInForm,
        session: DbSession,
        posted: Posted,
        audit: AuditCreate,
    ) -> Response:
        services = require_scope(principal, form.scope)
        service_choices = _service_choices(session, services)
        values = form.values(posted)
        step = str(posted.get("step") or "check")
        chosen, service_error = _chosen_service(posted, services)
        choices = _choices(session, principal, audit) if form is PLACEMENT else None

        def again(errors: dict[str, str], status_code: int = 422) -> Response:
            return _page(
                request,
                form,
                f"register/{form.key}.html",
                values=values,
                errors=errors,
                services=service_choices,
                service_id=str(posted.get("service_id") or ""),
                choices=choices,
                status_code=status_code,
            )

        if step == "edit":
            return again({}, 200)
        data: Any
        if form is CHILD:
            data = _model(ChildCreate, _child_input(values), form.labels)
        elif form is FOSTER_HOME:
            data = _model(FosterHomeCreate, _foster_home_input(values), form.labels)
        else:
            data = _model(PlacementCreate, _placement_input(values), form.labels)
        errors = dict(data) if isinstance(data, dict) else {}
        if service_error and form is not PLACEMENT:
            errors = {"service_id": service_error, **errors}
        if errors:
            return again(errors)
        if step != "save":
            return _page(
                request,
                form,
                "register/check.html",
                values=values,
                services=service_choices,
                service_id=str(chosen or ""),
                choices=choices,
            )
        try:
            if isinstance(data, ChildCreate):
                children.create_child(session, principal, data=data, service_id=chosen, audit=audit)
            elif isinstance(data, FosterHomeCreate):
                foster_homes.create_foster_home(
                    session, principal, data=data, service_id=chosen, audit=audit
                )
            else:
                row = flows.register_placement(session, principal, data=data, audit=audit)
                return RedirectResponse(f"/app/placements/{row.id}", status_code=303)
        except AppError as exc:
            session.rollback()  # nothing of a refused save stays
            found = messages(_form_fields(exc.errors or []), form.labels)
            return again(found or {"": _refusal(exc)})
        return RedirectResponse(f"/app/register?saved={form.key}", status_code=303)

    return submit


def _refusal(exc: AppError) -> str:
    """A refusal that names no field: say what happened in words a person can act on."""
    if exc.status == 409:
        return "Dette er allerede registrert. Sjekk om barnet eller fosterhjemmet finnes fra før."
    return "Det du fylte inn, kunne ikke lagres. Sjekk svarene og prøv igjen."


for _form in FORMS.values():
    path = "/" + _form.key.replace("_", "-")
    router.add_api_route(
        path,
        _form_get(_form),
        methods=["GET"],
        name=f"register_{_form.key}",
        operation_id=f"page_register_{_form.key}",
    )
    router.add_api_route(
        path,
        _form_post(_form),
        methods=["POST"],
        name=f"register_{_form.key}_submit",
        operation_id=f"page_register_{_form.key}_submit",
    )


# -- Changing a placement ---------------------------------------------------------------------

EDIT_LABELS = {
    "contact_person_id": "Kontaktperson",
    "start_date": "Dato barnet flyttet inn",
    "legal_basis": "Hjemmel for plasseringen",
    "care_order_date": "Dato for nemndas vedtak om omsorgsovertakelse",
    "agreement_end_date": "Dato oppdragsavtalen varer til",
}


def _edit_values(row: PlacementRead) -> dict[str, str]:
    return {
        "contact_person_id": str(row.contact_person_id),
        "start_date": norwegian_date(row.start_date),
        "legal_basis": row.legal_basis.value,
        "care_order_date": norwegian_date(row.care_order_date),
        "agreement_end_date": norwegian_date(row.agreement_end_date),
    }


def _contact_choices(session: Session, principal: Principal) -> list[tuple[str, str]]:
    people = _all(lambda c: staff.list_staff(session, principal, StaffFilters(limit=100, cursor=c)))
    return sorted(
        (str(s.id), s.name)
        for s in people
        if StaffRole(s.role) in (StaffRole.CONTACT_PERSON, StaffRole.LEADER)
    )


def _shown_edit(values: dict[str, str], contacts: list[tuple[str, str]]) -> dict[str, str]:
    names = dict(contacts)
    shown = dict(values)
    shown["contact_person_id"] = names.get(values["contact_person_id"], "")
    if values["legal_basis"]:
        shown["legal_basis"] = BASIS_NAMES.get(LegalBasis(values["legal_basis"]), "")
    return shown


def _edit_page(
    request: Request,
    placement_id: uuid.UUID,
    *,
    version: int,
    values: dict[str, str],
    original: dict[str, str],
    contacts: list[tuple[str, str]],
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "register/edit_placement.html",
        {
            "placement_id": placement_id,
            "version": version,
            "values": values,
            "original": original,
            "contacts": contacts,
            "bases": [(b.value, n) for b, n in BASIS_NAMES.items()],
            "labels": EDIT_LABELS,
            "errors": errors or {},
            "title": "Endre plasseringen",
        },
        status_code=status_code,
    )


@edit_router.get(
    "/placements/{placement_id}/edit", name="edit_placement", operation_id="page_edit_placement"
)
def edit_placement(
    placement_id: uuid.UUID,
    request: Request,
    principal: SignedIn,
    session: DbSession,
    audit: AuditRead,
) -> Response:
    require_scope(principal, Scope.PLACEMENTS_WRITE)
    raw = placements.read_placement(session, principal, placement_id, audit=audit)
    row = PlacementRead.from_row(raw)
    values = _edit_values(row)
    return _edit_page(
        request,
        placement_id,
        version=raw.version,
        values=values,
        original=values,
        contacts=_contact_choices(session, principal),
    )


def _update_of(values: dict[str, str], original: dict[str, str]) -> dict[str, Any]:
    """Only what the person changed, as the API's PATCH would carry it."""
    out: dict[str, Any] = {}
    for name in EDIT_LABELS:
        if values[name] == original.get(name, ""):
            continue
        if name.endswith("_date"):
            out[name] = iso_date(values[name])
        else:
            out[name] = values[name] or None
    return out


@edit_router.post(
    "/placements/{placement_id}/edit",
    name="edit_placement_submit",
    operation_id="page_edit_placement_submit",
)
def edit_placement_submit(
    placement_id: uuid.UUID,
    request: Request,
    principal: SignedInForm,
    session: DbSession,
    posted: Posted,
    audit: AuditUpdate,
) -> Response:
    require_scope(principal, Scope.PLACEMENTS_WRITE)
    values = {name: str(posted.get(name) or "").strip() for name in EDIT_LABELS}
    original = {name: str(posted.get(f"original_{name}") or "") for name in EDIT_LABELS}
    try:
        version = int(str(posted.get("version") or ""))
    except ValueError:
        version = -1
    contacts = _contact_choices(session, principal)

    def again(errors: dict[str, str]) -> Response:
        return _edit_page(
            request,
            placement_id,
            version=version,
            values=values,
            original=original,
            contacts=contacts,
            errors=errors,
            status_code=422,
        )

    changes = _update_of(values, original)
    data = _model(PlacementUpdate, changes, EDIT_LABELS)
    if isinstance(data, dict):
        return again(data)
    if not changes:
        return RedirectResponse(f"/app/placements/{placement_id}", status_code=303)
    try:
        flows.change_placement(
            session,
            principal,
            placement_id,
            data=data,
            precondition=ExpectVersion(version),
            audit=audit,
        )
    except PreconditionFailed:
        session.rollback()
        return _conflict(request, session, principal, placement_id, values, original, contacts)
    except AppError as exc:
        session.rollback()
        if exc.status == 404:
            raise
        return again(messages(exc.errors or [], EDIT_LABELS) or {"": _refusal(exc)})
    return RedirectResponse(f"/app/placements/{placement_id}", status_code=303)


def _conflict(
    request: Request,
    session: Session,
    principal: Principal,
    placement_id: uuid.UUID,
    values: dict[str, str],
    original: dict[str, str],
    contacts: list[tuple[str, str]],
) -> Response:
    """Someone saved first: both versions side by side, and the person chooses."""
    actor = Actor(
        principal,
        None,
        "page_edit_placement_conflict",
        getattr(request.state, "request_id", None),
    )
    audit = AuditTrail(session, actor, Action.READ)
    raw = placements.read_placement(session, principal, placement_id, audit=audit)
    now = PlacementRead.from_row(raw)
    theirs = _edit_values(now)
    rows = [
        (
            label,
            _shown_edit(theirs, contacts)[name],
            _shown_edit(values, contacts)[name],
            theirs[name] != values[name],
        )
        for name, label in EDIT_LABELS.items()
    ]
    return render(
        request,
        "register/conflict.html",
        {
            "placement_id": placement_id,
            "rows": rows,
            "values": values,
            # Applying mine again starts from what is saved now.
            "original": theirs,
            "version": raw.version,
            "title": "Noen andre har endret plasseringen",
        },
        status_code=409,
    )
