"""*En oppgave*: one task, with its guidance, why it is due when it is, the step's form (rendered
from the workflow definition), complete or skip, and the step's documents.

Nothing a person types is lost: every refused submit keeps a draft (``task:<id>``), the page
saves one as they type (htmx, when JavaScript runs), and a form sent after the session timed
out is kept as their draft before they are sent to the login, which brings them back here.
Completing runs through :func:`app.flows.complete_task`, exactly as the API's route does."""

from __future__ import annotations

import secrets
import unicodedata
import uuid
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from app import flows
from app.audit.trail import (
    AuditCreate,
    AuditDownload,
    AuditList,
    AuditRead,
    AuditTrail,
    AuditUpdate,
)
from app.clock import today
from app.db import DbSession
from app.documents import service as documents
from app.documents.catalogue import templates
from app.documents.errors import MissingCaseData, TemplateInvalid
from app.documents.models import Document
from app.documents.schemas import DocumentCreate, DocumentFilters
from app.documents.slots import DocumentSlot
from app.errors import AppError, Conflict, FieldError, NotFound, ValidationFailed
from app.planning.definitions import FieldType, FormField, Step
from app.planning.definitions import Role as StepRole
from app.planning.rules import Provenance
from app.preconditions import UNCONDITIONAL
from app.principal import Principal, Role, Scope
from app.tasks import service as tasks
from app.tasks.models import Task, TaskStatus
from app.tasks.schemas import TaskComplete, TaskSkip
from app.web import identity
from app.web.deps import (
    CSRF_FIELD,
    CSRF_HEADER,
    CsrfRefused,
    LoginRequired,
    SignedIn,
    SignedInForm,
    csrf_valid,
    login_url,
    require_scope,
    session_of,
    signed_in,
)
from app.web.forms import iso_date, norwegian_date, validation_messages
from app.web.templating import render
from app.web_sessions import service as drafts
from app.web_sessions.service import SessionView

router = APIRouter()

ASSESSMENT_WORKFLOW = "vurderingstrakt"
TEXT_LIMIT = 20_000  # app/planning/forms.py: a text answer holds at most 20,000 characters
REASON_LIMIT = 2_000
YES, NO = "ja", "nei"
OUTCOME = "utfall"
REASON = "begrunnelse_for_a_hoppe_over"

PROVENANCE_WORDS = {
    Provenance.LAW.norwegian: (
        "lov eller forskrift",
        "Fristen følger av lov eller forskrift.",
    ),
    Provenance.NATIONAL_GUIDANCE.norwegian: (
        "nasjonal veiledning",
        "Fristen bygger på nasjonal veiledning, ikke på loven selv.",
    ),
    Provenance.LOCAL_ROUTINE.norwegian: (
        "tjenestens rutine",
        "Fristen er barnevernstjenestens egen rutine, ikke et krav i loven.",
    ),
}


def form_key(task_id: uuid.UUID) -> str:
    return f"task:{task_id}"


def field_name(key: str) -> str:
    """The form's name for the answer ``key`` (kept apart from the form's own fields)."""
    return f"svar-{key}"


@dataclass(frozen=True)
class Shown:
    """A form field as the page renders it."""

    name: str
    label: str
    kind: Literal["textarea", "radios", "date", "integer", "checkboxes"]
    required: bool
    help: str | None
    options: list[tuple[str, str]]


def choice_text(key: str) -> str:
    """A choice's key as a person reads it (``fortsetter`` → ``Fortsetter``)."""
    words = key.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def _help(step: Step, spec: FormField) -> str | None:
    """The field's help, and for an optional field that an outcome needs, which one."""
    needed = [o.label for o in step.outcomes or [] if spec.key in o.requires]
    if spec.required or not needed:
        return spec.help
    when = f"Må fylles ut når du velger «{needed[0]}»."
    return f"{spec.help} {when}" if spec.help else when


def shown_fields(step: Step) -> list[Shown]:
    out: list[Shown] = []
    for spec in step.form:
        options: list[tuple[str, str]] = []
        kind: Literal["textarea", "radios", "date", "integer", "checkboxes"]
        match spec.type:
            case FieldType.TEXT:
                kind = "textarea"
            case FieldType.BOOLEAN:
                kind, options = "radios", [(YES, "Ja"), (NO, "Nei")]
            case FieldType.INTEGER:
                kind = "integer"
            case FieldType.DATE:
                kind = "date"
            case FieldType.CHOICE:
                kind = "radios"
                options = [(c, choice_text(c)) for c in spec.choices or []]
            case FieldType.MULTICHOICE:
                kind = "checkboxes"
                options = [(c, choice_text(c)) for c in spec.choices or []]
        help = _help(step, spec)
        out.append(Shown(field_name(spec.key), spec.label, kind, spec.required, help, options))
    return out


def labels_of(step: Step) -> dict[str, str]:
    labels = {field_name(f.key): f.label for f in step.form}
    if step.outcomes:
        labels[OUTCOME] = "Utfall"
    return labels


def posted_fields(form: FormData, step: Step) -> dict[str, Any]:
    """What the person typed, by the form's names, as the page shows it again (and as a draft
    keeps it): text as typed, a multichoice as its list."""
    kept: dict[str, Any] = {}
    for spec in step.form:
        name = field_name(spec.key)
        if spec.type is FieldType.MULTICHOICE:
            kept[name] = [v[:100] for v in form.getlist(name) if isinstance(v, str)][:50]
        else:
            value = form.get(name)
            # One character past the limit is enough to refuse it and to show it refused.
            kept[name] = value[: TEXT_LIMIT + 1] if isinstance(value, str) else ""
    if step.outcomes:
        value = form.get(OUTCOME)
        kept[OUTCOME] = value[:100] if isinstance(value, str) else ""
    return kept


def _answer(spec: FormField, value: Any) -> Any:
    """A field as posted → the JSON value the step's form checks (None: left blank)."""
    if spec.type is FieldType.MULTICHOICE:
        return list(value) if value else None
    if not isinstance(value, str) or not value.strip():
        return None
    match spec.type:
        case FieldType.BOOLEAN:
            return {YES: True, NO: False}.get(value, value)
        case FieldType.INTEGER:
            try:
                return int(value.strip())
            except ValueError:
                return value
        case FieldType.DATE:
            return iso_date(value)
        case _:
            return value


def answers_of(fields: dict[str, Any], step: Step) -> tuple[dict[str, Any], str | None]:
    answers: dict[str, Any] = {}
    for spec in step.form:
        value = _answer(spec, fields.get(field_name(spec.key)))
        if value is not None:
            answers[spec.key] = value
    outcome = fields.get(OUTCOME) or None
    return answers, outcome if isinstance(outcome, str) else None


def answer_messages(errors: list[FieldError], step: Step) -> dict[str, str]:
    """The step's form's refusals (``answers/<key>``, ``outcome``) as messages by field."""
    found: dict[str, str] = {}
    specs = {f.key: f for f in step.form}
    for error in errors:
        where = (error.pointer or "").removeprefix("#/")
        if where == "outcome":
            name, text = OUTCOME, "Velg et utfall"
        elif where.startswith("answers/") and where.removeprefix("answers/") in specs:
            spec = specs[where.removeprefix("answers/")]
            name, text = field_name(spec.key), _answer_message(spec, error)
        else:
            name, text = "", "Svarene passer ikke til skjemaet. Last siden på nytt og prøv igjen."
        found.setdefault(name, text)
    order = [*labels_of(step), ""]
    return {k: found[k] for k in order if k in found}


def _answer_message(spec: FormField, error: FieldError) -> str:
    label = spec.label
    if error.code == "missing":
        if spec.type in (FieldType.BOOLEAN, FieldType.CHOICE, FieldType.MULTICHOICE):
            return f"Velg {label[:1].lower() + label[1:]}"
        return f"Fyll inn {label[:1].lower() + label[1:]}"
    match spec.type:
        case FieldType.TEXT:
            return f"{label} kan ha høyst {TEXT_LIMIT:,} tegn".replace(",", " ")
        case FieldType.DATE:
            if "from" in error.detail:
                return f"{label} må være en dato som er mulig"
            return f"{label} må være en dato, for eksempel 17.5.2026"
        case FieldType.INTEGER:
            return f"{label} må være et helt tall"
        case _:
            return f"Velg {label[:1].lower() + label[1:]}"


def provenance(explanation: str) -> tuple[str, str] | None:
    """Whether the task's deadline is law, national guidance or the service's routine, as the
    explanation the planner wrote quotes its rule (``Regel (tjenestens rutine): …``)."""
    for words, shown in PROVENANCE_WORDS.items():
        if f"Regel ({words})" in explanation:
            return shown
    return None


def stored_fields(task: Task, step: Step) -> dict[str, Any]:
    """A done task's answers as the form would show them."""
    answers = task.answers or {}
    shown: dict[str, Any] = {}
    for spec in step.form:
        value = answers.get(spec.key)
        if spec.type is FieldType.BOOLEAN and isinstance(value, bool):
            value = YES if value else NO
        elif spec.type is FieldType.DATE and isinstance(value, str):
            value = norwegian_date(value)
        shown[field_name(spec.key)] = value if value is not None else ""
    if step.outcomes:
        shown[OUTCOME] = task.outcome or ""
    return shown


def answer_rows(task: Task, step: Step) -> list[tuple[str, Any, None]]:
    answers = task.answers or {}
    rows: list[tuple[str, Any, None]] = []
    for spec in step.form:
        value = answers.get(spec.key)
        if isinstance(value, bool):
            value = "Ja" if value else "Nei"
        elif spec.type is FieldType.DATE and isinstance(value, str):
            value = norwegian_date(value)
        elif spec.type is FieldType.CHOICE and isinstance(value, str):
            value = choice_text(value)
        elif isinstance(value, list):
            value = ", ".join(choice_text(v) for v in value)
        rows.append((spec.label, value, None))
    if step.outcomes:
        chosen = next((o.label for o in step.outcomes if o.key == task.outcome), None)
        rows.append(("Utfall", chosen, None))
    return rows


def template_title(key: str) -> str:
    entry = templates().latest(key)
    return entry.title if entry is not None else choice_text(key)


def task_documents(
    session: Session, principal: Principal, task: Task, *, audit: AuditTrail
) -> list[Document]:
    """The documents filled for this task (a placement's documents, those of the task)."""
    found: list[Document] = []
    cursor: str | None = None
    while True:
        params = DocumentFilters(placement_id=task.placement_id, limit=100, cursor=cursor)
        rows, cursor = documents.list_documents(session, principal, params, audit=audit)
        found.extend(d for d in rows if d.task_id == task.id)
        if cursor is None:
            return found


def page(
    request: Request,
    session: Session,
    principal: Principal,
    task: Task,
    *,
    audit: AuditTrail,
    fields: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    skip_errors: dict[str, str] | None = None,
    document_errors: dict[str, str] | None = None,
    notice: str | None = None,
    reason: str = "",
    status_code: int = 200,
) -> Response:
    step = tasks.step_of(task)
    subject = request.state.web_session.subject
    draft = None
    if fields is None and task.status is TaskStatus.OPEN:
        draft = drafts.draft(session, subject=subject, form_key=form_key(task.id))
        if draft is not None:
            reason = str(draft.pop(REASON, "") or "")
            notice = notice or (
                "Vi har tatt vare på det du skrev sist. Se over svarene før du fullfører."
            )
    if fields is None:
        fields = draft if draft is not None else stored_fields(task, step)
    may_complete = (
        task.responsible_role != StepRole.LEADER.value
        or principal.role_in(task.service_id) is Role.LEADER
    )
    return render(
        request,
        "task/task.html",
        {
            "task": task,
            "step": step,
            "shown": shown_fields(step),
            "values": fields,
            "errors": errors or {},
            "skip_errors": skip_errors or {},
            "document_errors": document_errors or {},
            "labels": labels_of(step),
            "notice": notice,
            "reason": reason,
            "provenance": provenance(task.explanation),
            "answers": answer_rows(task, step),
            "documents": (
                task_documents(session, principal, task, audit=audit)
                if str(Scope.DOCUMENTS_READ) in principal.scopes
                else []
            ),
            "may_make_documents": str(Scope.DOCUMENTS_WRITE) in principal.scopes,
            "may_complete": may_complete,
            "may_skip": not step.outcomes and task.definition_key != ASSESSMENT_WORKFLOW,
            "assessment": task.definition_key == ASSESSMENT_WORKFLOW,
            "text_limit": TEXT_LIMIT,
            "reason_limit": REASON_LIMIT,
            "outcome_name": OUTCOME,
            "reason_name": REASON,
            "draft_url": f"/app/tasks/{task.id}/draft",
            "outcome_options": [(o.key, o.label) for o in step.outcomes or []],
            "template_options": [(key, template_title(key)) for key in step.templates],
            "today": today(),
        },
        status_code=status_code,
    )


@router.get("/tasks/{task_id}", name="task", operation_id="page_task")
def show_task(
    task_id: uuid.UUID,
    request: Request,
    principal: SignedIn,
    session: DbSession,
    audit: AuditRead,
    documents_audit: AuditList,
    done: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    require_scope(principal, Scope.TASKS_READ)  # each route needs the API's scope
    task = tasks.get_task(session, principal, task_id, audit=audit)
    notice = {
        "fullfort": "Oppgaven er fullført.",
        "hoppet": "Oppgaven er hoppet over.",
        "dokument": "Dokumentet er laget.",
    }.get(done or "")
    return page(request, session, principal, task, audit=documents_audit, notice=notice)


def _keep_for_later(
    request: Request,
    session: Session,
    view: SessionView,
    task_id: uuid.UUID,
    form: FormData,
    sent_token: str | None,
) -> None:
    """A form sent after the session timed out: if it is this person's (their session's CSRF
    token) and a task they may see, keep what they typed as their draft."""
    if not sent_token or not secrets.compare_digest(sent_token, view.csrf_token):
        raise CsrfRefused()
    principal = identity.principal_for(session, view.subject)
    if principal is None:
        raise LoginRequired(f"/app/tasks/{task_id}", view.end_reason)
    request.state.principal = principal
    task = tasks.TaskRepository(session, principal).get(task_id)  # else 404, nothing kept
    if task.status is TaskStatus.OPEN:
        kept = _typed(session, view.subject, task, form)
        reason = form.get(REASON)
        if isinstance(reason, str) and reason.strip():
            kept[REASON] = reason[:REASON_LIMIT]
        drafts.save_draft(
            session,
            subject=view.subject,
            form_key=form_key(task.id),
            service_id=task.service_id,
            fields=kept,
        )


def _typed(session: Session, subject: str, task: Task, form: FormData) -> dict[str, Any]:
    """The answers as the person has them now: those posted, or for the skip form (which
    carries only its reason) those of their draft, so skipping never wipes typed answers."""
    if form.get("handling") == "hopp-over":
        return drafts.draft(session, subject=subject, form_key=form_key(task.id)) or {}
    return posted_fields(form, tasks.step_of(task))


def _form_token(form: FormData) -> str | None:
    sent = form.get(CSRF_FIELD)
    return sent if isinstance(sent, str) else None


def _done_again(task: Task, principal: Principal) -> bool:
    """The task is no longer open because this person already did it (a second click on the
    same button, a form sent again): show it done, without an error."""
    return task.status in (TaskStatus.COMPLETED, TaskStatus.SKIPPED) and (
        task.completed_by == principal.subject
    )


@router.post("/tasks/{task_id}", name="task_submit", operation_id="page_task_submit")
async def submit_task(
    task_id: uuid.UUID,
    request: Request,
    session: DbSession,
    audit: AuditUpdate,
    read_audit: AuditRead,
    documents_audit: AuditList,
) -> Response:
    form = await request.form()
    view = session_of(request, session)
    if view is not None and not view.active:
        _keep_for_later(request, session, view, task_id, form, _form_token(form))
        return RedirectResponse(login_url(f"/app/tasks/{task_id}"), status_code=303)
    principal = signed_in(request, session)
    if not await csrf_valid(request):
        raise CsrfRefused()
    require_scope(principal, Scope.TASKS_WRITE)
    action = form.get("handling")
    if action == "hopp-over":
        return _skip(request, session, principal, task_id, form, audit, read_audit, documents_audit)
    return _complete(request, session, principal, task_id, form, audit, read_audit, documents_audit)


def _complete(
    request: Request,
    session: Session,
    principal: Principal,
    task_id: uuid.UUID,
    form: FormData,
    audit: AuditTrail,
    read_audit: AuditTrail,
    documents_audit: AuditTrail,
) -> Response:
    subject = request.state.web_session.subject
    task = tasks.get_task(session, principal, task_id, audit=read_audit)
    if _done_again(task, principal):
        drafts.discard_draft(session, subject=subject, form_key=form_key(task.id))
        return RedirectResponse(f"/app/tasks/{task.id}", status_code=303)
    step = tasks.step_of(task)
    fields = posted_fields(form, step)
    answers, outcome = answers_of(fields, step)
    errors: dict[str, str] = {}
    try:
        data = TaskComplete(answers=answers, outcome=outcome)
    except ValidationError as exc:
        errors = validation_messages(exc, {OUTCOME: "Utfall"})
    else:
        try:
            flows.complete_task(
                session, principal, task.id, data=data, precondition=UNCONDITIONAL, audit=audit
            )
        except ValidationFailed as exc:
            errors = answer_messages(list(exc.errors or []), step)
            errors = errors or {"": "Oppgaven kunne ikke fullføres. Sjekk svarene."}
        except Conflict as exc:
            errors = {"": _conflict_message(exc)}
    if errors:
        return _refused(
            request, session, principal, task_id, fields, errors, read_audit, documents_audit
        )
    drafts.discard_draft(session, subject=subject, form_key=form_key(task.id))
    return RedirectResponse(f"/app/tasks/{task.id}?done=fullfort", status_code=303)


def _conflict_message(exc: AppError) -> str:
    if exc.slug == "task-not-open":
        return "Oppgaven er ikke lenger åpen: noen andre har fullført den eller hoppet over den."
    return "Oppgaven kan ikke fullføres slik den står nå. Last siden på nytt."


def _refused(
    request: Request,
    session: Session,
    principal: Principal,
    task_id: uuid.UUID,
    fields: dict[str, Any],
    errors: dict[str, str],
    read_audit: AuditTrail,
    documents_audit: AuditTrail,
    *,
    skip_errors: dict[str, str] | None = None,
    reason: str = "",
) -> Response:
    """The form again with what the person typed and why it was refused; nothing of the
    attempt is kept but their draft."""
    session.rollback()  # whatever a refused use case began is undone
    subject = request.state.web_session.subject
    task = tasks.get_task(session, principal, task_id, audit=read_audit)
    if _done_again(task, principal):
        # The same form sent twice at once: the first completed it while this one waited.
        drafts.discard_draft(session, subject=subject, form_key=form_key(task.id))
        return RedirectResponse(f"/app/tasks/{task.id}", status_code=303)
    if task.status is TaskStatus.OPEN:
        kept = dict(fields)
        if reason:
            kept[REASON] = reason
        drafts.save_draft(
            session,
            subject=subject,
            form_key=form_key(task.id),
            service_id=task.service_id,
            fields=kept,
        )
    return page(
        request,
        session,
        principal,
        task,
        audit=documents_audit,
        fields=fields,
        errors=errors,
        skip_errors=skip_errors,
        reason=reason,
        status_code=422,
    )


def _skip(
    request: Request,
    session: Session,
    principal: Principal,
    task_id: uuid.UUID,
    form: FormData,
    audit: AuditTrail,
    read_audit: AuditTrail,
    documents_audit: AuditTrail,
) -> Response:
    subject = request.state.web_session.subject
    task = tasks.get_task(session, principal, task_id, audit=read_audit)
    if _done_again(task, principal):
        drafts.discard_draft(session, subject=subject, form_key=form_key(task.id))
        return RedirectResponse(f"/app/tasks/{task.id}", status_code=303)
    fields = _typed(session, subject, task, form)
    fields.pop(REASON, None)
    raw = form.get(REASON)
    reason = raw if isinstance(raw, str) else ""
    labels = {REASON: "Hvorfor oppgaven ikke skal gjøres"}
    skip_errors: dict[str, str] = {}
    if len(reason) > REASON_LIMIT:
        skip_errors = {REASON: f"Begrunnelsen kan ha høyst {REASON_LIMIT:,} tegn".replace(",", " ")}
    else:
        try:
            data = TaskSkip(reason=reason)
        except ValidationError as exc:
            found = validation_messages(exc, {"reason": labels[REASON]})
            skip_errors = {REASON: next(iter(found.values()))}
        else:
            try:
                tasks.skip_task(
                    session, principal, task.id, data=data, precondition=UNCONDITIONAL, audit=audit
                )
            except Conflict as exc:
                skip_errors = {REASON: _conflict_message(exc)}
    if skip_errors:
        return _refused(
            request,
            session,
            principal,
            task_id,
            fields,
            {},
            read_audit,
            documents_audit,
            skip_errors=skip_errors,
            reason=reason[:REASON_LIMIT],
        )
    drafts.discard_draft(session, subject=subject, form_key=form_key(task.id))
    return RedirectResponse(f"/app/tasks/{task.id}?done=hoppet", status_code=303)


@router.post("/tasks/{task_id}/draft", name="task_draft", operation_id="page_task_draft")
async def save_task_draft(
    task_id: uuid.UUID,
    request: Request,
    session: DbSession,
    audit: AuditRead,
) -> Response:
    """Autosave (htmx, as the person types): what they have typed so far, kept as their
    draft; also after their session timed out, when it tells them to sign in again."""
    form = await request.form()
    view = session_of(request, session)
    if view is not None and not view.active:
        sent = request.headers.get(CSRF_HEADER) or _form_token(form)
        _keep_for_later(request, session, view, task_id, form, sent)
        return render(request, "task/draft_saved.html", {"timed_out": True})
    principal = signed_in(request, session)
    if not await csrf_valid(request):
        raise CsrfRefused()
    require_scope(principal, Scope.TASKS_WRITE)
    task = tasks.get_task(session, principal, task_id, audit=audit)
    if task.status is not TaskStatus.OPEN:
        return Response(status_code=204)
    kept = posted_fields(form, tasks.step_of(task))
    reason = form.get(REASON)
    if isinstance(reason, str) and reason.strip():
        kept[REASON] = reason[:REASON_LIMIT]
    drafts.save_draft(
        session,
        subject=request.state.web_session.subject,
        form_key=form_key(task.id),
        service_id=task.service_id,
        fields=kept,
    )
    return render(request, "task/draft_saved.html", {"timed_out": False})


@router.post("/tasks/{task_id}/documents", name="task_document", operation_id="page_task_document")
async def make_document(
    task_id: uuid.UUID,
    request: Request,
    principal: SignedInForm,
    session: DbSession,
    audit: AuditCreate,
    read_audit: AuditRead,
    documents_audit: AuditList,
    _slot: DocumentSlot,
) -> Response:
    """Fill one of the step's templates with the case and the task's answers."""
    require_scope(principal, Scope.DOCUMENTS_WRITE)
    form = await request.form()
    task = tasks.get_task(session, principal, task_id, audit=read_audit)
    step = tasks.step_of(task)
    template = form.get("mal")
    as_draft = form.get("utkast") == YES
    errors: dict[str, str] = {}
    if not isinstance(template, str) or template not in step.templates:
        errors = {"mal": "Velg et dokument"}
    else:
        data = DocumentCreate(
            template_key=template, placement_id=task.placement_id, task_id=task.id, draft=as_draft
        )
        try:
            documents.generate(session, principal, data=data, audit=audit)
        except MissingCaseData as exc:
            missing = [e.detail for e in exc.errors or []]
            errors = {
                "mal": "Dokumentet mangler opplysninger"
                + (f" ({', '.join(missing[:5])})" if missing else "")
                + ". Fullfør oppgaven først, eller lag et utkast der det som mangler er merket."
            }
        except TemplateInvalid:
            errors = {
                "mal": "Malen for dokumentet virker ikke. Gi beskjed til den som har ansvar for "
                "malene."
            }
    if errors:
        session.rollback()
        task = tasks.TaskRepository(session, principal).get(task_id)
        return page(
            request,
            session,
            principal,
            task,
            audit=documents_audit,
            document_errors=errors,
            status_code=422,
        )
    return RedirectResponse(f"/app/tasks/{task.id}?done=dokument#dokumenter", status_code=303)


def _disposition(title: str, extension: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    ascii_name = "".join(c if c.isalnum() or c in " -_." else "_" for c in ascii_name).strip()
    return (
        f'attachment; filename="{ascii_name or "dokument"}.{extension}"; '
        f"filename*=UTF-8''{quote(f'{title}.{extension}')}"
    )


@router.get(
    "/tasks/{task_id}/documents/{document_id}",
    name="task_document_download",
    operation_id="page_task_document_download",
)
def download_document(
    task_id: uuid.UUID,
    document_id: uuid.UUID,
    request: Request,
    principal: SignedIn,
    session: DbSession,
    audit: AuditDownload,
    _slot: DocumentSlot,
    format: Annotated[Literal["docx", "pdf"], Query()] = "docx",
) -> Response:
    require_scope(principal, Scope.DOCUMENTS_READ)
    document = documents.get_document(
        session, principal, document_id, audit=audit, detail=f"{format},stored"
    )
    if document.task_id != task_id:
        raise NotFound("No such document for this task.")
    if format == "pdf":
        content = documents.to_pdf(document.content)
        return Response(
            content,
            media_type="application/pdf",
            headers={"Content-Disposition": _disposition(document.title, "pdf")},
        )
    return Response(
        document.content,
        media_type=documents.DOCX,
        headers={"Content-Disposition": _disposition(document.title, "docx")},
    )
