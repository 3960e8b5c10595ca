"""Generating documents from templates, reproducing them, and services' own templates."""

from __future__ import annotations

import hashlib
import threading
import uuid
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session

from app import year_wheel
from app.audit.trail import AuditTrail
from app.children.models import Child
from app.clock import today
from app.config import get_settings
from app.documents import context as case_context
from app.documents import external, pdf
from app.documents.catalogue import TemplateEntry, templates
from app.documents.dictionary import known
from app.documents.errors import MissingCaseData, PdfUnavailable, TemplateInvalid
from app.documents.filling import TemplateError, render, template_fields
from app.documents.models import Document, DocumentEvent, ServiceTemplate
from app.documents.sandbox import RenderLimits
from app.documents.schemas import (
    ArchiveMetadata,
    DocumentCreate,
    DocumentFilters,
    DocumentRead,
    TemplateManifest,
    TemplateRead,
    TemplateSummary,
)
from app.documents.upload import check_docx, check_template
from app.errors import (
    Conflict,
    FieldError,
    NotFound,
    UnknownReference,
    ValidationFailed,
    body_error,
)
from app.events.service import emit
from app.people import service as people
from app.people.models import Parent
from app.placements.models import Placement
from app.placements.service import PlacementRepository
from app.principal import Principal
from app.tasks.models import Task
from app.tasks.service import TaskRepository
from app.tenancy import TenantRepository, resolve_service

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_slots = threading.BoundedSemaphore(get_settings().document_concurrency)


class DocumentRepository(TenantRepository[Document]):
    model = Document
    path = "documents"
    noun = "document"

    def case_filter(self, staff_id: Any) -> ColumnElement[bool]:
        return exists().where(
            Placement.id == Document.placement_id,
            Placement.contact_person_id == staff_id,
        )


class TemplateRepository(TenantRepository[ServiceTemplate]):
    model = ServiceTemplate
    path = "templates"
    noun = "template"
    case_data = False


def _service_versions(session: Session, principal: Principal, key: str) -> list[ServiceTemplate]:
    stmt = TemplateRepository(session, principal).readable().where(ServiceTemplate.key == key)
    return list(session.scalars(stmt.order_by(ServiceTemplate.number)))


def list_templates(session: Session, principal: Principal) -> list[TemplateSummary]:
    catalogue = templates()
    shipped = [
        TemplateSummary(
            key=e.key,
            title=e.title,
            version=e.version,
            versions=catalogue.versions(e.key),
            noark_document_type=e.noark_document_type,
            source="shipped",
        )
        for e in catalogue.all_latest()
    ]
    own: dict[tuple[uuid.UUID, str], list[ServiceTemplate]] = {}
    for row in session.scalars(
        TemplateRepository(session, principal).readable().order_by(ServiceTemplate.number)
    ):
        own.setdefault((row.service_id, row.key), []).append(row)
    return shipped + [
        TemplateSummary(
            key=rows[-1].key,
            title=rows[-1].title,
            version=rows[-1].number,
            versions=[r.number for r in rows],
            noark_document_type=rows[-1].noark_document_type,
            source="service",
            service_id=rows[-1].service_id,
        )
        for rows in own.values()
    ]


def _from_fields(template: bytes) -> list[str]:
    return sorted(template_fields(template))


@lru_cache(maxsize=64)
def _roots(template: bytes) -> frozenset[str]:
    """The context roots a template reads (``barn`` for ``barn.fornavn``), for building only
    those a template needs (``case_context.ON_DEMAND``)."""
    return frozenset(path.split(".")[0] for path in template_fields(template))


def get_template(
    session: Session, principal: Principal, key: str, version: int | None
) -> TemplateRead:
    catalogue = templates()
    entry = catalogue.latest(key)
    if entry is not None:
        if version is not None:
            entry = catalogue.get(key, version)
            if entry is None:
                raise NotFound("No such version of the template.")
        return TemplateRead(
            key=entry.key,
            title=entry.title,
            version=entry.version,
            versions=catalogue.versions(key),
            noark_document_type=entry.noark_document_type,
            source="shipped",
            public_title=entry.public_title,
            required_fields=entry.required_fields,
            extra_fields=entry.extra_fields,
            fields=_from_fields(catalogue.content(entry)),
            produced_by=[p.model_dump() for p in entry.produced_by],
        )
    rows = _service_versions(session, principal, key)
    chosen = (
        next((r for r in rows if r.number == version), None)
        if version
        else (rows[-1] if rows else None)
    )
    if chosen is None:
        raise NotFound("No template with this key (and version) is available to you.")
    return TemplateRead(
        key=chosen.key,
        title=chosen.title,
        version=chosen.number,
        versions=[r.number for r in rows],
        noark_document_type=chosen.noark_document_type,
        source="service",
        service_id=chosen.service_id,
        public_title=chosen.public_title,
        required_fields=chosen.required_fields,
        extra_fields=chosen.extra_fields,
        fields=chosen.fields,
        produced_by=[],
    )


def upload_template(
    session: Session,
    principal: Principal,
    *,
    manifest: TemplateManifest,
    data: bytes,
    service_id: uuid.UUID | None,
) -> ServiceTemplate:
    """A new version of a service's own template, after every safety check."""
    owner = resolve_service(principal, service_id)
    if templates().latest(manifest.key) is not None:
        raise Conflict("That key belongs to a shipped template; choose another key.")
    unknown = [p for p in manifest.required_fields if not known(p)]
    if unknown:
        raise ValidationFailed(
            "required_fields names fields not in the data dictionary.",
            errors=[
                body_error("manifest/required_fields", f"Unknown field {p}", "unknown_field")
                for p in unknown
            ],
        )
    settings = get_settings()
    check_docx(
        data,
        max_bytes=settings.max_template_bytes,
        max_expanded=settings.max_template_expanded_bytes,
    )
    with _slots:  # the trial render is a render: bounded like a fill
        fields = check_template(data, extra_fields=manifest.extra_fields, limits=render_limits())
    latest = session.scalar(
        select(func.max(ServiceTemplate.number)).where(
            ServiceTemplate.service_id == owner, ServiceTemplate.key == manifest.key
        )
    )
    row = ServiceTemplate(
        service_id=owner,
        key=manifest.key,
        number=(latest or 0) + 1,
        title=manifest.title,
        public_title=manifest.public_title,
        noark_document_type=manifest.noark_document_type,
        required_fields=manifest.required_fields,
        extra_fields=manifest.extra_fields,
        fields=fields,
        content=data,
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=principal.subject,
    )
    session.add(row)
    session.flush()
    return row


class _Chosen:
    """The template a document is made from, shipped or the service's own."""

    def __init__(
        self,
        *,
        key: str,
        version: int,
        source: str,
        title: str,
        public_title: str,
        document_type: str,
        required: list[str],
        extra: dict[str, str],
        content: bytes,
    ) -> None:
        self.key, self.version, self.source = key, version, source
        self.title, self.public_title, self.document_type = title, public_title, document_type
        self.required, self.extra, self.content = required, extra, content


def _shipped(entry: TemplateEntry) -> _Chosen:
    return _Chosen(
        key=entry.key,
        version=entry.version,
        source="shipped",
        title=entry.title,
        public_title=entry.public_title,
        document_type=entry.noark_document_type,
        required=entry.required_fields,
        extra=entry.extra_fields,
        content=templates().content(entry),
    )


def _choose(
    session: Session,
    principal: Principal,
    placement: Placement,
    key: str,
    version: int | None,
    source: str | None = None,
) -> _Chosen:
    catalogue = templates()
    if source != "service" and catalogue.latest(key) is not None:
        entry = catalogue.get(key, version) if version else catalogue.latest(key)
        if entry is not None:
            return _shipped(entry)
    rows = [
        r
        for r in _service_versions(session, principal, key)
        if r.service_id == placement.service_id
    ]
    row = (
        next((r for r in rows if r.number == version), None)
        if version
        else (rows[-1] if rows else None)
    )
    if row is None:
        raise UnknownReference(
            "No such template (or version) for this placement's service.",
            errors=[body_error("template_key", "Unknown template", "unknown_reference")],
        )
    return _Chosen(
        key=row.key,
        version=row.number,
        source="service",
        title=row.title,
        public_title=row.public_title,
        document_type=row.noark_document_type,
        required=row.required_fields,
        extra=row.extra_fields,
        content=row.content,
    )


def render_limits() -> RenderLimits:
    """The budget of one render, from the settings."""
    settings = get_settings()
    return RenderLimits(
        output_chars=settings.template_max_output_chars,
        steps=settings.template_max_steps,
        seconds=settings.template_render_seconds,
    )


def _render(
    template: bytes, snapshot: dict[str, Any], gaps: list[str], *, blame: dict[str, str]
) -> bytes:
    """The filled document. A template that cannot fill it is a 422 template-invalid whose
    error points where ``blame`` says (the request's template key, or its ``source``) and
    carries the reason's code (``step_limit``, ``output_limit``, …)."""
    with _slots:  # filling is CPU work: bounded, so a burst cannot starve the server
        try:
            return render(template, snapshot, draft_gaps=gaps or None, limits=render_limits())
        except TemplateError as error:
            reason = FieldError(detail=str(error), code=error.code, **blame)
            raise TemplateInvalid(str(error), errors=[reason]) from None


def generate(
    session: Session, principal: Principal, *, data: DocumentCreate, audit: AuditTrail
) -> Document:
    """Fill the template for the case and store the document (recorded as its creation)."""
    return audit.one(_generate(session, principal, data=data, audit=audit))


def _generate(
    session: Session, principal: Principal, *, data: DocumentCreate, audit: AuditTrail
) -> Document:
    placement = PlacementRepository(session, principal).get(data.placement_id)
    task = None
    if data.task_id is not None:
        task = session.scalar(
            TaskRepository(session, principal)
            .readable()
            .where(
                TaskRepository.model.id == data.task_id,
                TaskRepository.model.placement_id == placement.id,
            )
        )
        if task is None:
            raise UnknownReference(
                "No task with this id on the placement.",
                errors=[body_error("task_id", "Unknown task", "unknown_reference")],
            )
    parent = _parent(session, principal, placement, task, data.parent_id)
    chosen = _choose(session, principal, placement, data.template_key, data.template_version)
    undeclared = sorted(set(data.values) - set(chosen.extra))
    if undeclared:
        raise ValidationFailed(
            "The template does not take these values.",
            errors=[
                body_error(f"values/{k}", "Not a value this template takes", "unknown_field")
                for k in undeclared
            ],
        )
    values = dict(data.values)
    if parent is not None:  # the letter goes to the parent's household, unless told otherwise
        for name, value in case_context.recipient(parent, session).items():
            if name in chosen.extra:
                values.setdefault(name, value)
    roots = _roots(chosen.content)
    snapshot = case_context.build(
        session, placement, task=task, extra=values, parent=parent, uses=roots
    )
    if "hendelser" in roots:  # the year wheel's records beside the tasks (årshjulet)
        ahead = year_wheel.entries(session, principal, placement, audit=audit)
        snapshot["hendelser"] = case_context.year_wheel_entries(ahead, since=today())
    gaps = case_context.missing(snapshot, chosen.required)
    if gaps and not data.draft:
        raise MissingCaseData(
            "The case lacks data this template requires; fill it in, or ask for a draft.",
            errors=[
                FieldError(
                    detail=f"{path} has no value", parameter=path, location="case", code="missing"
                )
                for path in gaps
            ],
        )
    blame = {"pointer": "#/template_key", "location": "body"}
    content = _render(chosen.content, snapshot, gaps, blame=blame)
    child = snapshot["barn"]["fullt_navn"]
    document = Document(
        service_id=placement.service_id,
        placement_id=placement.id,
        task_id=task.id if task else None,
        parent_id=parent.id if parent else None,
        template_key=chosen.key,
        template_version=chosen.version,
        template_source=chosen.source,
        title=f"{chosen.title} – {child}" + (" (utkast)" if data.draft else ""),
        public_title=chosen.public_title,
        noark_document_type=chosen.document_type,
        draft=data.draft,
        gaps=gaps,
        snapshot=snapshot,
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        created_by=principal.subject,
    )
    session.add(document)
    session.flush()
    emit(
        session,
        service_id=document.service_id,
        type=DocumentEvent.GENERATED,
        subject_id=document.id,
        placement_id=document.placement_id,
        data={"template_key": document.template_key, "task_id": str(task.id) if task else None},
    )
    return document


def _parent(
    session: Session,
    principal: Principal,
    placement: Placement,
    task: Task | None,
    parent_id: uuid.UUID | None,
) -> Parent | None:
    """The parent a document is filled for: the one the request names (a parent of the
    placement's child, in one of the task's household when it has one), else the first of the
    task's household."""
    child = session.get_one(Child, placement.child_id)
    household = task.parent_household_id if task is not None else None
    if parent_id is None:
        if household is None:
            return None
        members = people.household_members(session, child.id, household)
        followed = [p for p in members if p.followed_up] or members
        return followed[0] if followed else None
    parent = people.parent_of_child(session, principal, child, parent_id, field="parent_id")
    if household is not None and parent.household_id != household:
        raise ValidationFailed(
            "The task follows up another household of parents.",
            errors=[body_error("parent_id", "Not in the task's household", "other_household")],
        )
    return parent


def to_read(document: Document) -> DocumentRead:
    return DocumentRead(
        id=document.id,
        service_id=document.service_id,
        placement_id=document.placement_id,
        task_id=document.task_id,
        parent_id=document.parent_id,
        template_key=document.template_key,
        template_version=document.template_version,
        template_source=document.template_source,
        title=document.title,
        draft=document.draft,
        gaps=document.gaps,
        sha256=document.sha256,
        size=document.size,
        media_type=DOCX,
        created_by=document.created_by,
        created_at=document.created_at,
        archive=ArchiveMetadata(
            title=document.title,
            public_title=document.public_title,
            document_type=document.noark_document_type,
        ),
    )


def get_document(
    session: Session,
    principal: Principal,
    document_id: uuid.UUID,
    *,
    audit: AuditTrail,
    detail: str | None = None,
) -> Document:
    """The document (its metadata, or with ``detail`` naming the format its content is
    downloaded in)."""
    return audit.one(DocumentRepository(session, principal).get(document_id), detail=detail)


def list_documents(
    session: Session, principal: Principal, params: DocumentFilters, *, audit: AuditTrail
) -> tuple[list[Document], str | None]:
    rows, cursor = DocumentRepository(session, principal).list(params)
    audit.many(rows)
    return rows, cursor


def reproduce(session: Session, principal: Principal, document: Document) -> bytes:
    """The document filled again from its snapshot and template version."""
    placement = session.get_one(Placement, document.placement_id)
    chosen = _choose(
        session,
        principal,
        placement,
        document.template_key,
        document.template_version,
        source=document.template_source,
    )
    blame = {"parameter": "source", "location": "query"}
    return _render(chosen.content, document.snapshot, document.gaps, blame=blame)


def to_pdf(docx: bytes) -> bytes:
    """The PDF of a filled document, stored or filled again. External content is stripped
    first, whatever the template passed when it was stored, and LibreOffice runs without
    network where the machine allows it (``app.documents.pdf``). 503 ``pdf-unavailable`` when
    LibreOffice is not installed or fails."""
    binary = pdf.soffice()
    with _slots:
        try:
            safe = external.strip(docx)
        except external.UnreadablePackage:
            raise PdfUnavailable("The document cannot be prepared for conversion.") from None
        return pdf.convert(
            safe,
            binary=binary,
            timeout_seconds=get_settings().pdf_timeout_seconds,
            isolation=pdf.network_isolation(),
        )
