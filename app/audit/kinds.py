"""The audited kinds: the tables whose rows are a child's data, declared by the domain that owns
each (``register`` in its ``models.py``), so the audit trail imports no domain.

A kind says where an entry's child comes from: a column of the row (a child, a placement), none
(a foster home), or the row's placement (tasks, documents, workflows: ``via_placement``). The
placement kind is the one rows hang off: ``via_placement`` rows are joined to its model. A kind
also names the route parameter and the collection path a refused request is recognised by
(:mod:`app.api.refused`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import InstrumentedAttribute

# The kind whose rows others hang off (its model has ``id`` and ``child_id``).
PLACEMENT = "placement"


@dataclass(frozen=True)
class Kind:
    """An audited resource type: its table and where its child id comes from."""

    name: str
    model: Any
    child: InstrumentedAttribute[Any] | None = None  # a column of the row holding the child id
    via_placement: bool = False  # the child is the one of the row's placement
    path_id: str | None = None  # the route parameter that names one row (``child_id``)
    collections: tuple[str, ...] = ()  # the /v1/<collection> paths that list or create them

    def child_column(self) -> Any:
        """The child id as a column of a SELECT over the model (joined to its placement)."""
        if self.child is not None:
            return self.child
        if self.via_placement:
            return placement().model.child_id
        from sqlalchemy import null

        return null()

    def placement_of(self, row: Any) -> Any:
        return row.placement_id

    def child_of(self, row: Any) -> Any:
        """The child id of ``row`` (None for a foster home or a row under a placement)."""
        return getattr(row, self.child.key) if self.child is not None else None


_BY_MODEL: dict[type[Any], Kind] = {}
_BY_NAME: dict[str, Kind] = {}
_COLLECTIONS: dict[str, str] = {}


NAME_LENGTH = 32
"""The longest kind name an audit entry's ``resource_type`` holds."""


def register(kind: Kind) -> Kind:
    """Declare ``kind`` audited (once per model and name; the name fits the trail's column,
    which SQLite would not enforce and PostgreSQL refuses at the first entry)."""
    if kind.model in _BY_MODEL or kind.name in _BY_NAME:
        raise ValueError(f"audited kind {kind.name} is registered twice")
    if len(kind.name) > NAME_LENGTH:
        raise ValueError(f"audited kind {kind.name} is longer than {NAME_LENGTH} characters")
    _BY_MODEL[kind.model] = kind
    _BY_NAME[kind.name] = kind
    for collection in kind.collections:
        register_collection(collection, kind.name)
    return kind


def register_collection(collection: str, name: str) -> None:
    """A collection path whose refused requests are about ``name`` rows (``retention``)."""
    if _COLLECTIONS.get(collection, name) != name:
        raise ValueError(f"collection {collection} already names {_COLLECTIONS[collection]}")
    _COLLECTIONS[collection] = name


def of_model(model: type[Any]) -> Kind:
    try:
        return _BY_MODEL[model]
    except KeyError:
        raise LookupError(f"{model.__name__} is not an audited kind: register it") from None


def named(name: str) -> Kind | None:
    return _BY_NAME.get(name)


def placement() -> Kind:
    kind = _BY_NAME.get(PLACEMENT)
    if kind is None:
        raise LookupError("the placement kind is not registered (import app.models)")
    return kind


def path_ids() -> dict[str, str]:
    """Route parameter → kind name, for every kind that declares one."""
    return {k.path_id: k.name for k in _BY_NAME.values() if k.path_id is not None}


def collections() -> dict[str, str]:
    """Collection path → kind name."""
    return dict(_COLLECTIONS)


def all_kinds() -> list[Kind]:
    return list(_BY_NAME.values())
