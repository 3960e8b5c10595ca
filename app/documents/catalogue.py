"""The shipped template catalogue: ``templates_docx/manifest.json`` and its ``.docx`` files."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from app.documents.dictionary import known

TEMPLATE_DIR = Path(__file__).resolve().parent.parent.parent / "templates_docx"


class ProducedBy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    definition_key: str
    step_key: str


class TemplateEntry(BaseModel):
    """A manifest entry: what the template is, how it archives, which data it needs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(pattern=r"^[a-z][a-z0-9-]{1,62}$")
    title: str = Field(min_length=1, max_length=200)
    version: int = Field(ge=1)
    file: str
    noark_document_type: str = Field(min_length=1, max_length=64)
    public_title: str = Field(min_length=1, max_length=200)
    required_fields: list[str] = Field(default_factory=list)
    extra_fields: dict[str, str] = Field(default_factory=dict)
    produced_by: list[ProducedBy] = Field(default_factory=list)

    @field_validator("required_fields")
    @classmethod
    def _known_fields(cls, value: list[str]) -> list[str]:
        unknown = [path for path in value if not known(path)]
        if unknown:
            raise ValueError(f"fields not in the data dictionary: {unknown}")
        return value


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    templates: list[TemplateEntry]


class CatalogueError(RuntimeError):
    """The shipped catalogue is broken: the service must not start."""


class TemplateCatalogue:
    def __init__(self, entries: list[TemplateEntry], directory: Path) -> None:
        self.directory = directory
        self._by_ident = {(e.key, e.version): e for e in entries}
        self._latest: dict[str, TemplateEntry] = {}
        for entry in sorted(entries, key=lambda e: e.version):
            self._latest[entry.key] = entry

    def latest(self, key: str) -> TemplateEntry | None:
        return self._latest.get(key)

    def get(self, key: str, version: int) -> TemplateEntry | None:
        return self._by_ident.get((key, version))

    def versions(self, key: str) -> list[int]:
        return sorted(v for k, v in self._by_ident if k == key)

    def all_latest(self) -> list[TemplateEntry]:
        return sorted(self._latest.values(), key=lambda e: e.key)

    def content(self, entry: TemplateEntry) -> bytes:
        return (self.directory / entry.file).read_bytes()


def load_templates(directory: Path = TEMPLATE_DIR) -> TemplateCatalogue:
    try:
        manifest = Manifest.model_validate(json.loads((directory / "manifest.json").read_text()))
    except (OSError, ValueError, ValidationError) as error:
        raise CatalogueError(f"templates_docx/manifest.json is invalid:\n{error}") from None
    for entry in manifest.templates:
        if not (directory / entry.file).is_file():
            raise CatalogueError(f"template {entry.key}: file {entry.file} is missing")
    return TemplateCatalogue(manifest.templates, directory)


@lru_cache
def templates() -> TemplateCatalogue:
    return load_templates()
