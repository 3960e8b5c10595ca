"""A document's download from a page: the same service call and audit entry as the API's
``GET /v1/documents/{id}/content`` (the stored .docx, or ``?format=pdf``)."""

from __future__ import annotations

import hashlib
import unicodedata
import uuid
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from app.audit.trail import AuditDownload
from app.db import DbSession
from app.documents import pdf as converter
from app.documents import service as documents
from app.documents.errors import PdfUnavailable
from app.documents.slots import DocumentSlot
from app.errors import NotFound
from app.principal import Scope
from app.web.deps import SignedIn, require_scope
from app.web.templating import render

router = APIRouter()


def disposition(title: str, extension: str) -> str:
    """``attachment`` with the document's title as the file name (ASCII and UTF-8)."""
    ascii_name = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    ascii_name = "".join(c if c.isalnum() or c in " -_." else "_" for c in ascii_name).strip()
    return (
        f'attachment; filename="{ascii_name or "dokument"}.{extension}"; '
        f"filename*=UTF-8''{quote(f'{title}.{extension}')}"
    )


@router.get(
    "/documents/{document_id}/download",
    name="document_download",
    operation_id="page_document_download",
)
def download(
    request: Request,
    document_id: str,
    principal: SignedIn,
    session: DbSession,
    audit: AuditDownload,
    _slot: DocumentSlot,
    format: Annotated[Literal["docx", "pdf"], Query()] = "docx",
) -> Response:
    require_scope(principal, Scope.DOCUMENTS_READ)  # the API's scope
    try:
        wanted = uuid.UUID(document_id)
    except ValueError:
        raise NotFound("No such document.") from None
    if format == "pdf":
        try:
            converter.soffice()  # before the read is recorded: no entry for a PDF not made
        except PdfUnavailable:
            return render(
                request,
                "error.html",
                {
                    "title": "PDF kan ikke lages nå",
                    "text": "Serveren kan ikke lage PDF akkurat nå. Last ned Word-filen i "
                    "stedet, eller prøv igjen senere.",
                    "status": 503,
                },
                status_code=503,
            )
    document = documents.get_document(
        session, principal, wanted, audit=audit, detail=f"{format},stored"
    )
    headers = {"X-Content-SHA256": hashlib.sha256(document.content).hexdigest()}
    if format == "pdf":
        headers["Content-Disposition"] = disposition(document.title, "pdf")
        pdf = documents.to_pdf(document.content)
        return Response(content=pdf, media_type="application/pdf", headers=headers)
    headers["Content-Disposition"] = disposition(document.title, "docx")
    return Response(content=document.content, media_type=documents.DOCX, headers=headers)
