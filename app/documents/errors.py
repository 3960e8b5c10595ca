"""The documents' own problems: templates, case data, PDF conversion and its slots."""

from __future__ import annotations

from app.errors import AppError, RetryLater, ValidationFailed


class MissingCaseData(ValidationFailed):
    slug, title = "missing-case-data", "The case lacks data the template requires"


class NotADocx(ValidationFailed):
    slug, title = "not-a-docx", "The file is not a Word document (.docx)"


class TemplateInvalid(ValidationFailed):
    slug, title = "template-invalid", "The template cannot be used"


class PdfUnavailable(AppError):
    status, slug, title = 503, "pdf-unavailable", "PDF conversion is not available"


class DocumentsBusy(RetryLater):
    slug, title = "documents-busy", "Every document slot is busy"
