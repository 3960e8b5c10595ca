from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from pydantic import Field
from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.audit.kinds import Kind
from app.audit.kinds import register as register_audited
from app.db import Base
from app.events.data import EventData, EventId
from app.events.service import register_types as register_event_types
from app.tenancy import TenantRow


class ServiceTemplate(TenantRow, Base):
    """One version of a template a service uploaded (earlier versions are kept)."""

    __tablename__ = "service_templates"
    __table_args__ = (UniqueConstraint("service_id", "key", "number"),)

    key: Mapped[str] = mapped_column(String(64))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    public_title: Mapped[str] = mapped_column(String(200))
    noark_document_type: Mapped[str] = mapped_column(String(64))
    required_fields: Mapped[list[str]] = mapped_column(JSON)
    extra_fields: Mapped[dict[str, str]] = mapped_column(JSON)
    fields: Mapped[list[str]] = mapped_column(JSON)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_by: Mapped[str] = mapped_column(String(200))


class Document(TenantRow, Base):
    """A filled document: the bytes, the template version and the data it was filled from."""

    __tablename__ = "documents"
    __table_args__ = (
        ForeignKeyConstraint(
            ["placement_id", "service_id"], ["placements.id", "placements.service_id"]
        ),
        Index("ix_documents_placement_id", "placement_id"),
    )

    placement_id: Mapped[uuid.UUID]
    task_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tasks.id"))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        doc="The parent (and their household) a letter was filled for."
    )
    template_key: Mapped[str] = mapped_column(String(64))
    template_version: Mapped[int]
    template_source: Mapped[str] = mapped_column(String(16))  # shipped | service
    title: Mapped[str] = mapped_column(String(300))
    public_title: Mapped[str] = mapped_column(String(200))
    noark_document_type: Mapped[str] = mapped_column(String(64))
    draft: Mapped[bool] = mapped_column(Boolean)
    gaps: Mapped[list[str]] = mapped_column(JSON)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    created_by: Mapped[str] = mapped_column(String(200))


register_audited(
    Kind(
        "document",
        Document,
        via_placement=True,
        path_id="document_id",
        collections=("documents",),
    )
)


class DocumentEvent(StrEnum):
    GENERATED = "document.generated"


class DocumentGeneratedData(EventData):
    template_key: str = Field(
        description="The template it was filled from.", examples=["arlig-evaluering"]
    )
    task_id: EventId | None = Field(description="The task whose answers it was filled with.")


register_event_types(DocumentEvent, data={DocumentEvent.GENERATED: DocumentGeneratedData})
