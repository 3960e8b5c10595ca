from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from app.schemas import ListParams, NonBlankStr, StrictModel


class FieldRead(BaseModel):
    path: str
    type: str
    description: str


class TemplateSummary(BaseModel):
    key: str
    title: str
    version: int
    versions: list[int]
    noark_document_type: str
    source: str = Field(description="shipped, or service for a service's own template")
    service_id: uuid.UUID | None = None


class TemplateRead(TemplateSummary):
    public_title: str
    required_fields: list[str]
    extra_fields: dict[str, str]
    fields: list[str] = Field(description="Every data-dictionary path the template reads.")
    produced_by: list[dict[str, str]]


class TemplateManifest(StrictModel):
    """The manifest sent with an uploaded template."""

    key: str = Field(pattern=r"^[a-z][a-z0-9-]{1,62}$", examples=["samvaersplan-lokal"])
    title: NonBlankStr
    public_title: NonBlankStr = Field(description="A title without personal data (Noark).")
    noark_document_type: NonBlankStr = Field(examples=["Notat"])
    required_fields: list[str] = Field(default_factory=list)
    extra_fields: dict[str, str] = Field(default_factory=dict)


class DocumentCreate(StrictModel):
    template_key: str = Field(max_length=64, examples=["arlig-evaluering"])
    template_version: int | None = Field(default=None, ge=1, description="Default: the latest.")
    placement_id: uuid.UUID
    task_id: uuid.UUID | None = Field(default=None, description="Fill in that task's answers.")
    parent_id: uuid.UUID | None = Field(
        default=None,
        description="Fill the document for this parent of the child (`forelder.*`); a letter "
        "is addressed to the parent's household at the parent's address unless `values` names "
        "the recipient. Without it, a task of one household's follow-up fills for that "
        "household's first parent.",
    )
    values: dict[str, Any] = Field(
        default_factory=dict, description="Extra values the template declares (ekstra.<name>)."
    )
    draft: bool = Field(
        default=False,
        description="A draft is made even when required data is missing; each gap is marked "
        "visibly in the document.",
    )


class ArchiveMetadata(BaseModel):
    """What a Noark 5 archive (Fiks Arkiv) needs to file the document."""

    title: str = Field(description="Full title; may contain personal data.")
    public_title: str = Field(description="Offentlig tittel: no personal data.")
    document_type: str
    screened: bool = Field(
        default=True, description="Exempt from public access (offentleglova § 13)."
    )


class DocumentRead(BaseModel):
    id: uuid.UUID
    service_id: uuid.UUID
    placement_id: uuid.UUID
    task_id: uuid.UUID | None
    parent_id: uuid.UUID | None = Field(
        default=None, description="The parent the document was filled for."
    )
    template_key: str
    template_version: int
    template_source: str
    title: str
    draft: bool
    gaps: list[str] = Field(description="Required fields that were missing (drafts only).")
    sha256: str
    size: int
    media_type: str
    created_by: str
    created_at: datetime
    archive: ArchiveMetadata


class DocumentFilters(ListParams):
    placement_id: uuid.UUID | None = None
    template_key: str | None = Field(default=None, max_length=64)
