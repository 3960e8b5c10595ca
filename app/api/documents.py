from __future__ import annotations

import hashlib
import unicodedata
import uuid
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Query, Request, Response, UploadFile
from pydantic import ValidationError

from app.audit.trail import AuditCreate, AuditDownload, AuditList, AuditRead
from app.auth import authorize
from app.db import DbSession
from app.documents import service
from app.documents.dictionary import FIELDS
from app.documents.errors import (
    DocumentsBusy,
    MissingCaseData,
    NotADocx,
    PdfUnavailable,
    TemplateInvalid,
)
from app.documents.schemas import (
    DocumentCreate,
    DocumentFilters,
    DocumentRead,
    FieldRead,
    TemplateManifest,
    TemplateRead,
    TemplateSummary,
)
from app.documents.slots import DocumentSlot
from app.errors import (
    Conflict,
    InvalidCursor,
    NotFound,
    PayloadTooLarge,
    UnknownReference,
    ValidationFailed,
    field_errors,
    responses,
)
from app.http import ServiceIdQuery, item_response, page_response
from app.idempotency.errors import IdempotencyInFlight, IdempotencyKeyReused
from app.idempotency.service import Idempotency, create_response, idempotent
from app.principal import Principal, Scope
from app.schemas import Page

router = APIRouter(tags=["documents"])
BINARY = {"type": "string", "format": "binary"}
Reader = Annotated[Principal, authorize(Scope.DOCUMENTS_READ)]
Writer = Annotated[Principal, authorize(Scope.DOCUMENTS_WRITE)]
TemplateWriter = Annotated[Principal, authorize(Scope.TEMPLATES_WRITE)]


@router.get(
    "/v1/templates",
    response_model=Page[TemplateSummary],
    operation_id="listTemplates",
    summary="List templates",
    description="The shipped catalogue (Norwegian guided templates) and your services' own.",
    responses=responses(),
)
def list_templates(principal: Reader, session: DbSession) -> Page[TemplateSummary]:
    return Page[TemplateSummary].whole(service.list_templates(session, principal))


@router.get(
    "/v1/templates/fields",
    response_model=Page[FieldRead],
    operation_id="listTemplateFields",
    summary="The data dictionary",
    description="Every field a template may use, with its type and meaning (in Norwegian, for "
    "the people who write templates). `svar.<field>` are a task's answers; `ekstra.<name>` "
    "values sent with the request.",
    responses=responses(),
)
def list_fields(principal: Reader) -> Page[FieldRead]:
    fields = [FieldRead(path=f.path, type=f.type, description=f.description) for f in FIELDS]
    return Page[FieldRead].whole(fields)


@router.get(
    "/v1/templates/{key}",
    response_model=TemplateRead,
    operation_id="getTemplate",
    summary="Get a template",
    description="Its fields, required fields, extra values and versions.",
    responses=responses(NotFound),
)
def get_template(
    key: str,
    principal: Reader,
    session: DbSession,
    version: Annotated[int | None, Query(ge=1)] = None,
) -> TemplateRead:
    return service.get_template(session, principal, key, version)


@router.post(
    "/v1/templates",
    status_code=201,
    response_model=TemplateRead,
    operation_id="uploadTemplate",
    summary="Upload a service's own template (a new version)",
    description="multipart/form-data with `file` (.docx) and `manifest` (JSON: key, title, "
    "public_title, noark_document_type, required_fields, extra_fields). Refused when the file "
    "is not a real .docx, too large, expands too much, has a DOCTYPE in a part, has Jinja that "
    "does not compile, reaches for Python internals or other templates, fails or runs past the "
    "render budget in a trial render with sample data, or uses fields outside the data "
    "dictionary. The trial render waits for a document slot like a fill. Earlier versions stay.",
    responses=responses(
        Conflict,
        NotADocx,
        TemplateInvalid,
        PayloadTooLarge,
        DocumentsBusy,
        IdempotencyKeyReused,
        IdempotencyInFlight,
    ),
)
def upload_template(
    principal: TemplateWriter,
    session: DbSession,
    request: Request,
    file: Annotated[UploadFile, File(description="The .docx template.")],
    manifest: Annotated[str, Form(description="The manifest as JSON.")],
    _slot: DocumentSlot,
    idem: Idempotency,
    service_id: ServiceIdQuery = None,
) -> Response:
    try:
        parsed = TemplateManifest.model_validate_json(manifest)
    except ValidationError as error:
        errors = field_errors(dict(e) for e in error.errors())
        for e in errors:
            e.pointer = "#/manifest/" + (e.pointer or "#/").removeprefix("#/")
        raise ValidationFailed("The manifest is not valid.", errors=errors) from None

    def run() -> tuple[uuid.UUID, Response]:
        row = service.upload_template(
            session, principal, manifest=parsed, data=file.file.read(), service_id=service_id
        )
        body = service.get_template(session, principal, row.key, row.number)
        location = {"Location": f"/v1/templates/{row.key}"}
        return row.service_id, item_response(request, body, status_code=201, headers=location)

    return idempotent(session=session, principal=principal, idem=idem, run=run)


@router.post(
    "/v1/documents",
    status_code=201,
    response_model=DocumentRead,
    operation_id="createDocument",
    summary="Fill a template for a placement",
    description="Fills the template from the case (and a task's answers when `task_id` is "
    "given). A required field without a value is a 422 listing them, unless `draft` is true. "
    "A template that fails or runs past the render budget with the case's data is a 422 "
    "`template-invalid`. "
    "The document keeps the template version and a snapshot of its data, so it can be "
    "reproduced byte for byte.",
    responses=responses(
        NotFound,
        UnknownReference,
        MissingCaseData,
        TemplateInvalid,
        IdempotencyKeyReused,
        IdempotencyInFlight,
        DocumentsBusy,
    ),
)
def create_document(
    body: DocumentCreate,
    principal: Writer,
    session: DbSession,
    idem: Idempotency,
    request: Request,
    audit: AuditCreate,
    _slot: DocumentSlot,
) -> Response:
    return create_response(
        request=request,
        session=session,
        principal=principal,
        idem=idem,
        read=DocumentRead,
        create=lambda: service.generate(session, principal, data=body, audit=audit),
        convert=service.to_read,
    )


@router.get(
    "/v1/documents",
    response_model=Page[DocumentRead],
    operation_id="listDocuments",
    summary="List documents",
    description="Documents of the placements you can see, oldest first.",
    responses=responses(InvalidCursor),
)
def list_documents(
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditList,
    params: Annotated[DocumentFilters, Query()],
) -> Response:
    rows, next_cursor = service.list_documents(session, principal, params, audit=audit)
    return page_response(request, rows, next_cursor, DocumentRead, service.to_read)


@router.get(
    "/v1/documents/{document_id}",
    response_model=DocumentRead,
    operation_id="getDocument",
    summary="Get a document's metadata",
    description="Title, template and version, sha256, size, creator, and Noark-ready archive "
    "metadata (the public title carries no personal data).",
    responses=responses(NotFound),
)
def get_document(
    document_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    request: Request,
    audit: AuditRead,
) -> Response:
    document = service.get_document(session, principal, document_id, audit=audit)
    return item_response(request, service.to_read(document))


def _disposition(title: str, extension: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    ascii_name = "".join(c if c.isalnum() or c in " -_." else "_" for c in ascii_name).strip()
    filename = f"{title}.{extension}"
    return (
        f'attachment; filename="{ascii_name or "dokument"}.{extension}"; '
        f"filename*=UTF-8''{quote(filename)}"
    )


@router.get(
    "/v1/documents/{document_id}/content",
    operation_id="getDocumentContent",
    summary="Download a document",
    description="The .docx (or `format=pdf`, converted with LibreOffice: 503 `pdf-unavailable` "
    "when the server has none). `source=snapshot` fills the template again from the stored "
    "snapshot instead of returning the stored bytes; both have the same sha256.",
    response_class=Response,
    responses={
        200: {
            "description": "The document's bytes.",
            "content": {service.DOCX: {"schema": BINARY}, "application/pdf": {"schema": BINARY}},
            "headers": {
                "X-Content-SHA256": {
                    "description": "Hex SHA-256 of the .docx bytes (also for `format=pdf`).",
                    "schema": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                },
                "Content-Disposition": {
                    "description": "`attachment` with the document's title as file name.",
                    "schema": {"type": "string"},
                },
            },
        },
        **responses(NotFound, TemplateInvalid, PdfUnavailable, DocumentsBusy),
    },
)
def get_content(
    document_id: uuid.UUID,
    principal: Reader,
    session: DbSession,
    audit: AuditDownload,
    _slot: DocumentSlot,
    format: Annotated[Literal["docx", "pdf"], Query()] = "docx",
    source: Annotated[Literal["stored", "snapshot"], Query()] = "stored",
) -> Response:
    document = service.get_document(
        session, principal, document_id, audit=audit, detail=f"{format},{source}"
    )
    content = (
        document.content if source == "stored" else service.reproduce(session, principal, document)
    )
    # The hash of the .docx bytes actually returned: for a regenerated document it shows
    # whether the reproduction matches the stored sha256 in the metadata.
    headers = {"X-Content-SHA256": hashlib.sha256(content).hexdigest()}
    if format == "pdf":
        pdf = service.to_pdf(content)
        headers["Content-Disposition"] = _disposition(document.title, "pdf")
        return Response(content=pdf, media_type="application/pdf", headers=headers)
    headers["Content-Disposition"] = _disposition(document.title, "docx")
    return Response(content=content, media_type=service.DOCX, headers=headers)
