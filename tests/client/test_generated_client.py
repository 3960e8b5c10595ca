"""The generated Python client (clients/python/fosterflyt-client) against the live server: a
journal system's round trip using nothing but the client, and a check that the committed client
is what the current app generates."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import timedelta
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import pytest
from fosterflyt_client import AuthenticatedClient
from fosterflyt_client.api.children import create_child
from fosterflyt_client.api.documents import (
    create_document,
    get_document_content,
    upload_template,
)
from fosterflyt_client.api.foster_homes import create_foster_home
from fosterflyt_client.api.placements import create_placement, get_placement
from fosterflyt_client.api.services import create_service
from fosterflyt_client.api.staff import create_staff
from fosterflyt_client.api.tasks import complete_task, get_task, list_tasks
from fosterflyt_client.models import (
    Address,
    ChildCreate,
    ChildRead,
    DocumentCreate,
    DocumentRead,
    FosterHomeCreate,
    FosterHomeKind,
    FosterHomeRead,
    FosterParent,
    LegalBasis,
    PageTaskRead,
    PlacementCreate,
    PlacementRead,
    PlacementStatus,
    Problem,
    ServiceCreate,
    ServiceRead,
    StaffCreate,
    StaffRead,
    StaffRole,
    TaskComplete,
    TaskCompleteAnswers,
    TaskRead,
    TaskReadAnswersType0,
    TaskStatus,
    TemplateRead,
    TemplateUpload,
)
from fosterflyt_client.types import File, Response
from sqlalchemy import Connection

from app.clock import today
from app.errors import PROBLEM_BASE
from app.principal import Role
from tests.conftest import LiveServer
from tests.helpers import org_number, token

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates_docx"
T = TypeVar("T")

VISIT_ANSWERS = {
    "besoksdato": "2026-11-20",
    "snakket_med_barnet_alene": True,
    "barnets_mening": "Trives godt.",
    "vurdering": "Stabilt.",
}


def parsed(response: Response[Any], status: int, kind: type[T]) -> T:
    """The typed body of a response that must have this status."""
    assert response.status_code == status, response.content
    assert isinstance(response.parsed, kind), response.parsed
    return response.parsed


class Clients:
    """Generated clients for the live server, one per token, closed after the test."""

    def __init__(self, base_url: str, stack: ExitStack) -> None:
        self.base_url = base_url
        self.stack = stack

    def __call__(self, bearer: str) -> AuthenticatedClient:
        client = AuthenticatedClient(
            base_url=self.base_url, token=bearer, raise_on_unexpected_status=True
        )
        return self.stack.enter_context(client)


@pytest.fixture
def clients(live_server: LiveServer, connection: Connection) -> Iterator[Clients]:
    with ExitStack() as stack:
        yield Clients(live_server.url, stack)


class TestJournalSystemRoundTrip:
    def test_register_a_placement_complete_a_visit_and_download_its_document(
        self, clients: Clients
    ) -> None:
        client = clients(token(Role.ADMIN))
        # The admin registers the service and its staff.
        service = parsed(
            create_service.sync_detailed(
                client=client,
                body=ServiceCreate(
                    name="Barneverntjenesten i Klientby",
                    org_number=org_number(),
                    municipality_numbers=["3201"],
                ),
            ),
            201,
            ServiceRead,
        )
        contact = parsed(
            create_staff.sync_detailed(
                client=client,
                service_id=service.id,
                body=StaffCreate(
                    name="Kari Kontakt", email="kari@client.example", role=StaffRole.CONTACT_PERSON
                ),
            ),
            201,
            StaffRead,
        )
        assert contact.role is StaffRole.CONTACT_PERSON
        assert contact.service_id == service.id

        # The journal system, with an integration token, registers the case.
        journal = clients(token(Role.INTEGRATION, services=[str(service.id)]))
        child = create_child.sync(
            client=journal,
            body=ChildCreate(
                given_name="Emma", family_name="Eksempel", birth_date=today().replace(year=2015)
            ),
        )
        home = create_foster_home.sync(
            client=journal,
            body=FosterHomeCreate(
                name="Familien Fjord",
                kind=FosterHomeKind.ORDINARY,
                foster_parents=[FosterParent(name="Ola Fjord"), FosterParent(name="Siri Fjord")],
                address=Address(
                    street_address="Fjordveien 1", postal_code="1337", postal_place="Sandvika"
                ),
                municipality_number="3201",
            ),
        )
        assert isinstance(child, ChildRead)
        assert isinstance(home, FosterHomeRead)
        start = today() - timedelta(days=3)
        body = PlacementCreate(
            child_id=child.id,
            foster_home_id=home.id,
            contact_person_id=contact.id,
            start_date=start,
            legal_basis=LegalBasis.CARE_ORDER,
            agreement_end_date=start + timedelta(days=3 * 365),
        )
        key = str(uuid.uuid4())
        placement = parsed(
            create_placement.sync_detailed(client=journal, body=body, idempotency_key=key),
            201,
            PlacementRead,
        )
        assert placement.child_id == child.id
        assert placement.start_date == start
        assert placement.status is PlacementStatus.ACTIVE
        # A retry with the same key is the same placement, not a second one.
        retried = parsed(
            create_placement.sync_detailed(client=journal, body=body, idempotency_key=key),
            201,
            PlacementRead,
        )
        assert retried.id == placement.id
        fetched = get_placement.sync_detailed(placement.id, client=journal)
        assert parsed(fetched, 200, PlacementRead).id == placement.id
        assert fetched.headers["ETag"]

        # The placement's open tasks, and the first follow-up visit among them.
        page = parsed(
            list_tasks.sync_detailed(
                client=journal, placement_id=placement.id, status=TaskStatus.OPEN, limit=100
            ),
            200,
            PageTaskRead,
        )
        assert page.items
        assert all(t.placement_id == placement.id for t in page.items)
        visits = [
            t for t in page.items if (t.definition_key, t.step_key) == ("oppfolgingsbesok", "besok")
        ]
        visit = min(visits, key=lambda t: t.due_date)

        # Complete it as its contact person, with the ETag of a fresh read.
        contact_client = clients(
            token(Role.CONTACT_PERSON, services=[str(service.id)], staff=str(contact.id)),
        )
        current = get_task.sync_detailed(visit.id, client=contact_client)
        assert parsed(current, 200, TaskRead).status is TaskStatus.OPEN
        done = parsed(
            complete_task.sync_detailed(
                visit.id,
                client=contact_client,
                body=TaskComplete(answers=TaskCompleteAnswers.from_dict(VISIT_ANSWERS)),
                if_match=current.headers["ETag"],
            ),
            200,
            TaskRead,
        )
        assert done.status is TaskStatus.COMPLETED
        assert done.completed_at is not None
        assert isinstance(done.answers, TaskReadAnswersType0)
        assert done.answers.to_dict() == VISIT_ANSWERS
        # Completing again is a typed problem, not an exception.
        again = complete_task.sync(
            visit.id,
            client=contact_client,
            body=TaskComplete(answers=TaskCompleteAnswers.from_dict(VISIT_ANSWERS)),
        )
        assert isinstance(again, Problem)
        assert again.status == 409
        assert again.type_ == PROBLEM_BASE + "task-not-open"

        # The service uploads its own template (multipart) with the leader's token.
        leader = clients(token(Role.LEADER, services=[str(service.id)]))
        manifest = {
            "key": "klient-samtale",
            "title": "Samtale (egen mal)",
            "public_title": "Samtale i fosterhjem",
            "noark_document_type": "Notat",
            "required_fields": ["barn.fullt_navn"],
            "extra_fields": {},
        }
        uploaded = parsed(
            upload_template.sync_detailed(
                client=leader,
                body=TemplateUpload(
                    file=File(
                        payload=io.BytesIO((TEMPLATES / "samtale-med-barnet.v1.docx").read_bytes()),
                        file_name="samtale.docx",
                    ),
                    manifest=json.dumps(manifest),
                ),
            ),
            201,
            TemplateRead,
        )
        assert uploaded.key == "klient-samtale"
        assert uploaded.version == 1
        assert uploaded.source == "service"

        # The conversation note for that visit, filled from the case and the answers.
        document = parsed(
            create_document.sync_detailed(
                client=journal,
                body=DocumentCreate(
                    template_key="samtale-med-barnet", placement_id=placement.id, task_id=visit.id
                ),
                idempotency_key=str(uuid.uuid4()),
            ),
            201,
            DocumentRead,
        )
        assert document.placement_id == placement.id
        assert document.task_id == visit.id
        assert document.template_key == "samtale-med-barnet"
        assert document.draft is False
        assert document.gaps == []
        download = get_document_content.sync_detailed(document.id, client=journal)
        content = parsed(download, 200, File).payload.read()
        assert content[:4] == b"PK\x03\x04"  # a .docx is a zip file
        assert len(content) == document.size
        assert hashlib.sha256(content).hexdigest() == document.sha256
        assert download.headers["X-Content-SHA256"] == document.sha256
        assert download.headers["Content-Type"].startswith(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )

    def test_errors_come_back_as_typed_problems(self, clients: Clients) -> None:
        leader = clients(token(Role.LEADER, services=[str(uuid.uuid4())]))
        missing = get_placement.sync_detailed(uuid.uuid4(), client=leader)
        problem = parsed(missing, 404, Problem)
        assert problem.type_ == PROBLEM_BASE + "not-found"
        assert missing.headers["Content-Type"].startswith("application/problem+json")


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_client", ROOT / "scripts" / "generate_client.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestCommittedClientIsUpToDate:
    def test_regenerating_the_client_changes_nothing(self) -> None:
        differences = _load_generator().check()
        assert not differences, (
            "The committed OpenAPI document or client is out of date: run scripts/generate_client "
            "and commit clients/.\n" + "\n".join(differences)
        )
