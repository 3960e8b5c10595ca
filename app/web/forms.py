"""From an HTML form to the services' input, and from their refusals to messages a person can
act on, next to the field (bokmål).

Forms post text. Dates are written as Norwegians write them (``17.5.2026`` or ``17.05.2026``;
the ISO form is accepted too) and turned into ISO dates before the same pydantic models the API
uses check them, so a page and the API refuse the same input."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from pydantic import ValidationError

from app.errors import FieldError, field_errors

DATE_HINT = "For eksempel 17.5.2026"
_NORWEGIAN_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")


def iso_date(text: str | None) -> str | None:
    """``17.5.2026`` → ``2026-05-17``; ISO passes as it is; blank is None. Anything else is
    returned unchanged, for the model to refuse with the field named."""
    if text is None or not text.strip():
        return None
    found = _NORWEGIAN_DATE.match(text)
    if found is None:
        return text.strip()
    day, month, year = (int(part) for part in found.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return text.strip()


def norwegian_date(value: date | str | None) -> str:
    """A date as a form field shows it again: ``17.05.2026``."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value).strftime("%d.%m.%Y")
        except ValueError:
            return value
    return value.strftime("%d.%m.%Y")


def blank_to_none(form: Mapping[str, Any], *names: str) -> dict[str, Any]:
    """The named fields of ``form``, with empty strings as None (an optional field left blank)."""
    out: dict[str, Any] = {}
    for name in names:
        value = form.get(name)
        out[name] = value.strip() if isinstance(value, str) and value.strip() else None
    return out


def _field_of(error: FieldError) -> str:
    where = error.pointer.removeprefix("#/") if error.pointer else (error.parameter or "")
    return where.split("/")[0] if where else ""


def message(error: FieldError, label: str) -> str:
    """What to tell a person about ``error`` on the field labelled ``label``."""
    code = error.code
    if code in ("missing", "null_not_allowed") or (
        code == "string_too_short" and "at least 1" in error.detail
    ):
        return f"Fyll inn {label.lower()}"
    if code == "string_too_long":
        limit = re.search(r"at most (\d+)", error.detail)
        return f"{label} kan ha høyst {limit.group(1) if limit else 'så mange'} tegn"
    if code in ("date_format", "date_parsing", "date_from_datetime_parsing", "date_type"):
        return f"{label} må være en dato, for eksempel 17.5.2026"
    if code == "date_out_of_range":
        return f"{label} må være en dato som er mulig"
    if code == "synthetic_national_id":
        return "Dette er et syntetisk testnummer. Bruk et ekte fødselsnummer eller D-nummer"
    if "fødselsnummer" in error.detail:
        return "Fødselsnummeret er ikke gyldig. Sjekk at alle de 11 sifrene er riktige"
    if code == "string_pattern_mismatch" and r"\d{11}" in error.detail:
        return f"{label} må ha 11 sifre"
    if code in ("enum", "literal_error"):
        return f"Velg {label.lower()}"
    if code in ("int_parsing", "int_type"):
        return f"{label} må være et helt tall"
    if code == "before_start":
        return f"{label} kan ikke være før startdatoen"
    return f"Sjekk {label.lower()}"


def messages(errors: Iterable[FieldError], labels: Mapping[str, str]) -> dict[str, str]:
    """One message per field (the first problem of each), in the form's order of ``labels``.
    A problem on a field the form does not show goes under ``""`` (shown at the top)."""
    found: dict[str, str] = {}
    for error in errors:
        name = _field_of(error)
        key = name if name in labels else ""
        if key not in found:
            found[key] = message(error, labels.get(name, "feltet"))
    order = [*labels, ""]
    return {k: found[k] for k in order if k in found}


def validation_messages(exc: ValidationError, labels: Mapping[str, str]) -> dict[str, str]:
    """The messages for a pydantic model's refusal of the form's input."""
    raw = [dict(e) | {"loc": ("body", *e["loc"])} for e in exc.errors()]
    return messages(field_errors(raw), labels)
