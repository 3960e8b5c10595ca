"""An example on every request and response body of the OpenAPI document, composed from the
body's schema."""

from __future__ import annotations

from typing import Any

from app.errors import PROBLEM_BASE, PROBLEM_MEDIA_TYPE

# Examples of fields that no model gives one for, by field name (the same name means the same
# thing across the API). A model's own `examples=[...]` always wins.
FIELD_EXAMPLES: dict[str, Any] = {
    "action": "moved",
    "actor_role": "integration",
    "actor_subject": "visma-flyt-barnevern",
    "appointed_by": "lise.leder",
    "attempt_count": 1,
    "birth_year": 2012,
    "cancellation_reason": "Barnet var sykt.",
    "change_reason": "Nytt vedtak fra fylkesnemnda.",
    "changed_by": "kari.kontakt",
    "choices": ["ja", "nei"],
    "code": "missing",
    "completed_by": "kari.kontakt",
    "conclusion_text": "Planen står ved lag.",
    "conditions": "Fosterforeldrene gjennomfører PRIDE-kurs innen seks måneder.",
    "created_by": "kari.kontakt",
    "database": "ok",
    "decline_note": "Mor ønsker ikke oppfølging nå.",
    "definition_version": 1,
    "description": "Oppfølgingsbesøk i fosterhjemmet.",
    "detail": "See errors for each field.",
    "disabled_reason": "Every attempt of a delivery failed.",
    "document_type": "Notat",
    "download": "/v1/documents/3fa85f64-5717-4562-b3fc-2c963f66afa6/content",
    "duration_minutes": 90,
    "duration_ms": 120,
    "emergency_decided_by": "Lise Leder",
    "end_reason": "Samværet er avsluttet etter nytt vedtak.",
    "ended_by": "lise.leder",
    "error": "timeout",
    "event_type": "task.overdue",
    "event_types": ["task.overdue", "placement.ended"],
    "existing": "/v1/children/3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "explanation": "Fristen følger av fosterhjemsforskriften § 9 (lov).",
    "extra_fields": {"mottaker": "Mottakerens navn"},
    "filename": "tilsynsrapport.pdf",
    "frequency_text": "hver tredje måned",
    "from_shipped": [],
    "gaps": [],
    "guidance": "Skriv hva barnet selv har fortalt.",
    "held": 2,
    "help": "Datoen besøket ble gjennomført.",
    "instance": "/v1/children",
    "label": "Besøksdato",
    "last_error": "timeout",
    "last_status_code": 503,
    "legal_basis": "Fosterhjemsforskriften § 7",
    "location": "body",
    "manifest": '{"key": "egen-mal", "title": "Egen mal"}',
    "media_type": "application/pdf",
    "minimum": "Fire ganger i året.",
    "national_id": "15108695088",
    "next_cursor": "eyJ0IjogMCwgInAiOiAxMDB9",
    "noark_document_type": "U",
    "notes": "Avtalt med fosterforeldrene.",
    "objection_notes": "",
    "occurrence": 1,
    "on_behalf_of": "saksbehandler-4711",
    "operation": "getPlacement",
    "parameter": "X-On-Behalf-Of",
    "participants": "mor",
    "participation_notes": "Barnet deltok i møtet.",
    "path": "barn.fornavn",
    "phone": "+47 912 34 567",
    "place": "Familiesenteret",
    "pointer": "#/birth_date",
    "police_certificates_missing": [],
    "prefix": "ffk_a1b2c3d4",
    "produced_by": [{"key": "oppfolgingsbesok", "step": "besok"}],
    "programme": "oppfolging",
    "public_title": "Oppfølgingsbesøk i fosterhjem",
    "recorded_by": "kari.kontakt",
    "reference": "2026/1234",
    "request_id": "f0c1c8d0ddc69eef48353ecfe3c7ebe7",
    "required": 4,
    "required_fields": ["barn.fornavn"],
    "requires": [],
    "resource": "/v1/placements/3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "responsible_role": "contact_person",
    "revised_by": "kari.kontakt",
    "rule": "follow_up_visits_per_year=4 (rule set v1)",
    "rule_set_version": 1,
    "scopes": ["placements:read", "tasks:read"],
    "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "size": 24576,
    "skip_reason": "Besøket ble gjennomført som ekstra besøk.",
    "source": "shipped",
    "started_by": "kari.kontakt",
    "starts": "placement",
    "status_code": 503,
    "step_count": 4,
    "summary": "Barnet har det godt i fosterhjemmet.",
    "supervised_by": "Familiesenteret",
    "template_source": "shipped",
    "template_version": 1,
    "templates": ["oppfolgingsbesok"],
    "text": "Jeg ble født i Bergen.",
    "title": "Oppfølgingsbesøk",
    "token_prefix": "a1b2c3",
    "training_course": "PRIDE",
    "version": 1,
    "versions": [1],
    "what": "planned",
    "written_by": "Randi Haugen",
    "written_by_name": "Kari Kontakt",
    "written_by_role": "contact_person",
}
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}
FORMAT_EXAMPLES: dict[str, Any] = {
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "date": "2026-11-20",
    "date-time": "2026-11-20T09:30:00Z",
    "email": "kari.kontakt@kommune.no",
    "uri": "https://journal.example.no/fosterflyt/hooks",
    "binary": "(the file's bytes)",
}


class ExampleBuilder:
    """Composes the example of a body from its schema: each field's own example, else one of
    the same name elsewhere in the document or in ``FIELD_EXAMPLES``, else one its format,
    enum or constant gives. ``missing`` lists the fields none of these covers."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.components: dict[str, Any] = schema.get("components", {}).get("schemas", {})
        self.by_name: dict[str, list[Any]] = {k: [v] for k, v in FIELD_EXAMPLES.items()}
        for component in self.components.values():
            for name, field in component.get("properties", {}).items():
                if field.get("examples"):
                    self.by_name.setdefault(name, []).append(field["examples"][0])
        self.missing: set[str] = set()
        self._expanding: set[str] = set()

    def of(self, node: dict[str, Any], where: str, name: str | None = None) -> Any:
        if node.get("examples"):
            return node["examples"][0]
        if "example" in node:
            return node["example"]
        if "const" in node:
            return node["const"]
        if node.get("enum"):
            return node["enum"][0]
        if "$ref" in node:
            component = node["$ref"].rsplit("/", 1)[1]
            if component in self._expanding:  # a model that contains itself: stop here
                return {}
            self._expanding.add(component)
            try:
                return self.of(self.components[component], component, name)
            finally:
                self._expanding.discard(component)
        if node.get("default") is not None:
            return node["default"]
        options = [o for o in node.get("anyOf", []) if o.get("type") != "null"]
        if options and any(k in options[0] for k in ("$ref", "enum", "const")):
            return self.of(options[0], where, name)  # a vocabulary of its own: not by name
        fitting = [e for e in self.by_name.get(name or "", []) if _fits_type(node, e)]
        if fitting:
            return fitting[0]
        for key in ("anyOf", "oneOf"):
            if key in node:
                options = [o for o in node[key] if o.get("type") != "null"]
                return self.of(options[0], where, name) if options else None
        if "allOf" in node:
            return self.of(node["allOf"][0], where, name)
        kind = node.get("type")
        if node.get("format") in FORMAT_EXAMPLES and kind == "string":
            return FORMAT_EXAMPLES[node["format"]]
        if kind == "boolean":
            return True
        if kind == "null":
            return None
        if kind == "array":
            return [self.of(node.get("items", {}), f"{where}/items", name)]
        if kind == "object" or "properties" in node:
            example = {
                field: self.of(schema, f"{where}/{field}", field)
                for field, schema in node.get("properties", {}).items()
            }
            extra = node.get("additionalProperties")
            if not example and isinstance(extra, dict) and extra:
                return {"key": self.of(extra, f"{where}/*", name)}
            if not example and not node.get("properties") and name is None:
                self.missing.add(where)
            return example
        self.missing.add(where)
        return None


def _kinds(node: dict[str, Any]) -> set[str]:
    options = node.get("anyOf", [node])
    return {o["type"] for o in options if isinstance(o.get("type"), str)} - {"null"}


def _fits_type(node: dict[str, Any], value: Any) -> bool:
    """Whether ``value`` has a JSON type ``node`` allows (a bool is not an integer)."""
    kinds = _kinds(node)
    if not kinds:
        return True
    return any(
        isinstance(value, _JSON_TYPES[k]) and not (k != "boolean" and isinstance(value, bool))
        for k in kinds
        if k in _JSON_TYPES
    )


MEDIA_EXAMPLES = {
    "text/calendar": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Fosterflyt//NO\r\n"
    "BEGIN:VEVENT\r\nUID:3fa85f64-5717-4562-b3fc-2c963f66afa6@fosterflyt\r\n"
    "DTSTART;VALUE=DATE:20261120\r\nSUMMARY:Oppfølgingsbesøk (sak 3fa85f64)\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n",
    "text/csv": "id,occurred_at,actor_subject,actor_role,action,resource_type,outcome\r\n"
    "4711,2026-11-20T09:30:00+00:00,visma-flyt-barnevern,integration,read,child,success\r\n",
}


def body_examples(schema: dict[str, Any]) -> dict[str, Any]:
    """An ``example`` on every request and response body that has none, composed from its
    schema (:class:`ExampleBuilder`), so the docs, Swagger UI and mock servers show a body that
    looks real. A problem's example is the first problem type its response names. Files (``format:
    binary``) get none. A body whose schema leaves a field without an example gets none either:
    the meta-test (tests/client/test_openapi_document.py) names the field."""
    builder = ExampleBuilder(schema)
    for _, status, media, body, description in bodies(schema):
        if "example" in body or "examples" in body or "schema" not in body:
            continue
        if body["schema"].get("format") == "binary":
            continue
        if media in MEDIA_EXAMPLES:
            body["example"] = MEDIA_EXAMPLES[media]
            continue
        before = len(builder.missing)
        example = builder.of(body["schema"], "body")
        if len(builder.missing) != before:
            continue
        if media == PROBLEM_MEDIA_TYPE and isinstance(example, dict) and status.isdigit():
            example = _problem_example(example, int(status), description)
        body["example"] = example
    return schema


def _problem_example(example: dict[str, Any], status: int, description: str) -> dict[str, Any]:
    """The problem a response names first (``"`slug`: Title; …"``) as its example."""
    slug, _, title = description.split("; ")[0].partition(": ")
    slug = slug.strip("`")
    example = {**example, "status": status}
    if slug and title:
        example.update(type=PROBLEM_BASE + slug, title=title.strip())
    if status != 422:
        example.pop("errors", None)
    if slug != "duplicate-external-ref":
        example.pop("existing", None)
    example["detail"] = example.get("title", "")
    return example


def bodies(schema: dict[str, Any]) -> list[tuple[str, str, str, dict[str, Any], str]]:
    """Every request and response body of the document: (operation, status or ``request``,
    media type, media type object, the response's description)."""
    found = []
    for path, path_item in schema.get("paths", {}).items():
        for method, operation in path_item.items():
            where = f"{method.upper()} {path}"
            for media, body in operation.get("requestBody", {}).get("content", {}).items():
                found.append((where, "request", media, body, ""))
            for status, response in operation.get("responses", {}).items():
                for media, body in response.get("content", {}).items():
                    found.append((where, status, media, body, response.get("description", "")))
    return found
