"""A national identity number never reaches the database server's error messages (finding 9).

PostgreSQL writes a unique violation's key to its server log (``DETAIL: Key (service_id,
national_id)=(…, 06061655423) already exists.``). The unique index is therefore on a keyed hash
of the number (HMAC-SHA256 with ``FOSTERFLYT_NATIONAL_ID_KEY``), never on the number, and the
service checks before it inserts, so the common duplicate never reaches the index at all.
"""

from __future__ import annotations

import glob
import os
import random
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy import Connection, Engine, insert, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.children.models import Child
from app.children.national_ids import national_id_hash
from app.config import Settings
from app.db import make_engine
from app.foster_homes.models import FosterHome
from app.migrations import downgrade, upgrade
from app.placements.models import Placement
from app.services.models import Service
from app.staff.models import Staff
from tests.conftest import LiveServer
from tests.helpers import Api, TempDatabase, child_body, national_id_for, org_number

# The last revision whose unique index was on the plain national_id.
BEFORE_HASH = "c4e7a1f09b3d"


def fresh_national_id() -> tuple[date, str]:
    """A fødselsnummer no other test (or other run writing to the same server log) uses."""
    rng = random.Random(uuid.uuid4().int)
    birth = date(2008, 1, 1) + (date(2024, 12, 31) - date(2008, 1, 1)) * rng.random()
    return birth, national_id_for(birth, seed=rng.randrange(1 << 30))


def server_log_files() -> list[Path]:
    """The PostgreSQL server logs this machine lets us read (Debian's layout), if any."""
    return [Path(p) for p in glob.glob("/var/log/postgresql/*.log") if os.access(p, os.R_OK)]


class TestTheNationalIdHashIsKeyed:
    def test_the_hash_is_hex_sha256_and_does_not_contain_the_number(self) -> None:
        _, national_id = fresh_national_id()
        digest = national_id_hash(national_id, key=b"k" * 32)
        assert len(digest) == 64
        assert int(digest, 16) >= 0
        assert national_id not in digest

    def test_the_same_number_and_key_give_the_same_hash(self) -> None:
        _, national_id = fresh_national_id()
        assert national_id_hash(national_id, key=b"k" * 32) == national_id_hash(
            national_id, key=b"k" * 32
        )

    def test_another_key_gives_another_hash(self) -> None:
        """Without the key, the hash of every possible number cannot be tabulated."""
        _, national_id = fresh_national_id()
        assert national_id_hash(national_id, key=b"k" * 32) != national_id_hash(
            national_id, key=b"j" * 32
        )


class TestTheNationalIdKeyIsConfigured:
    def test_production_requires_a_national_id_key(self) -> None:
        with pytest.raises(ValidationError, match="FOSTERFLYT_NATIONAL_ID_KEY"):
            Settings(
                environment="production",
                jwt_secret="p" * 32,
                public_base_url="https://fosterflyt.kommune.example",
            )

    def test_production_refuses_a_short_national_id_key(self) -> None:
        with pytest.raises(ValidationError, match="FOSTERFLYT_NATIONAL_ID_KEY"):
            Settings(
                environment="production",
                jwt_secret="p" * 32,
                public_base_url="https://fosterflyt.kommune.example",
                national_id_key="short",
            )

    def test_a_configured_key_is_used(self) -> None:
        settings = Settings(national_id_key="n" * 32)
        assert settings.national_id_hash_key() == b"n" * 32

    def test_development_keeps_a_generated_key_under_var(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        first = Settings(national_id_key=None).national_id_hash_key()
        assert len(first) >= 32
        assert Settings(national_id_key=None).national_id_hash_key() == first
        path = tmp_path / "var" / "dev-national-id-key"
        assert path.stat().st_mode & 0o777 == 0o600


class TestAUniqueViolationNeverQuotesTheNationalId:
    def test_the_database_refuses_a_second_child_with_the_number_without_quoting_it(
        self, api: Api, connection: Connection
    ) -> None:
        """Provoked directly (past the service's check), as a race between two creates does."""
        tenant = api.tenant()
        birth, national_id = fresh_national_id()
        tenant.integration.created(
            "/v1/children", child_body(birth_date=birth.isoformat(), national_id=national_id)
        )
        session = Session(bind=connection, join_transaction_mode="create_savepoint")
        session.add(
            Child(
                service_id=uuid.UUID(tenant.service_id),
                given_name="Ida",
                family_name="Dobbel",
                birth_date=birth,
                national_id=national_id,
            )
        )
        with pytest.raises(IntegrityError) as caught:
            session.flush()
        session.rollback()
        session.close()
        server_message = str(caught.value.orig)  # what the database said (and may have logged)
        assert national_id not in server_message
        assert "national_id_hash" in server_message  # it was the hash's unique index
        diag = getattr(caught.value.orig, "diag", None)
        if diag is not None:  # PostgreSQL: the DETAIL line is what reached its server log
            assert diag.constraint_name == "uq_children_service_id_national_id_hash"
            assert national_id not in (diag.message_detail or "")
            assert national_id not in (diag.message_primary or "")

    def test_a_changed_national_id_is_hashed_again(self, api: Api, connection: Connection) -> None:
        tenant = api.tenant()
        birth, national_id = fresh_national_id()
        child = tenant.integration.created("/v1/children", child_body(birth_date=birth.isoformat()))
        url = f"/v1/children/{child['id']}"
        current = tenant.integration.get(url)
        changed = tenant.integration.patch(
            url, json={"national_id": national_id}, headers={"If-Match": current.headers["ETag"]}
        )
        assert changed.status_code == 200, changed.text
        body = child_body(given_name="Ida", birth_date=birth.isoformat(), national_id=national_id)
        other = tenant.integration.post("/v1/children", json=body)
        assert other.status_code == 409, other.text
        assert national_id not in other.text


@pytest.fixture(scope="module")
def committing_server(engine: Engine) -> Iterator[LiveServer]:
    """A server whose requests commit for real (not joined to a test transaction), so that
    concurrent creates race in separate transactions. Its rows stay in this run's database."""
    if engine.dialect.name != "postgresql":
        pytest.skip("the race on the unique index and its server log are PostgreSQL's")
    server = LiveServer(engine, gc_freeze=False)
    server.start()
    yield server
    server.stop()


class TestParallelCreatesOfOneNationalId:
    def test_twenty_parallel_creates_give_one_child_and_the_number_reaches_no_server_log(
        self, committing_server: LiveServer, engine: Engine
    ) -> None:
        logs = {path: path.stat().st_size for path in server_log_files()}
        birth, national_id = fresh_national_id()
        with httpx.Client(base_url=committing_server.url, timeout=60) as http:
            tenant = Api(http).tenant()
            body = child_body(birth_date=birth.isoformat(), national_id=national_id)
            with ThreadPoolExecutor(max_workers=20) as pool:
                create = tenant.integration.post
                responses = list(pool.map(lambda _: create("/v1/children", json=body), range(20)))
            statuses = sorted(r.status_code for r in responses)
            assert statuses == [201] + [409] * 19, [r.text for r in responses]
            for refused in (r for r in responses if r.status_code == 409):
                assert national_id not in refused.text
            listed = tenant.integration.get("/v1/children", params={"limit": 100}).json()
            assert len(listed["items"]) == 1
        for path, size in logs.items():  # whatever the server wrote during the race
            with path.open("rb") as log:
                log.seek(size)
                assert national_id.encode() not in log.read()
        with engine.connect() as connection:
            stored = connection.scalars(
                select(Child.national_id_hash).where(Child.national_id == national_id)
            ).all()
        assert len(stored) == 1
        assert stored[0] is not None


class TestTheMigrationHashesExistingNationalIds:
    def test_upgrading_hashes_every_stored_number_and_downgrading_restores_the_old_index(
        self, temp_databases: TempDatabase
    ) -> None:
        url = temp_databases.create()
        upgrade(url, BEFORE_HASH)
        engine = make_engine(url)
        birth, national_id = fresh_national_id()
        service_id, child_id = uuid.uuid4(), uuid.uuid4()
        try:
            with engine.begin() as connection:
                _old_schema_case(connection, service_id, child_id, birth, national_id)
            upgrade(url)
            with engine.connect() as connection:
                stored = connection.execute(
                    select(Child.national_id, Child.national_id_hash).where(Child.id == child_id)
                ).one()
            assert stored.national_id == national_id
            assert stored.national_id_hash == national_id_hash(
                national_id, key=Settings().national_id_hash_key()
            )
            with pytest.raises(IntegrityError), engine.begin() as connection:
                connection.execute(
                    insert(Child.__table__).values(
                        **_child_columns(service_id, uuid.uuid4(), birth, national_id),
                        national_id_hash=stored.national_id_hash,
                    )
                )
            downgrade(url, BEFORE_HASH)
            engine.dispose()
            columns = {c["name"] for c in inspect(engine).get_columns("children")}
            assert "national_id_hash" not in columns
            with pytest.raises(IntegrityError), engine.begin() as connection:
                connection.execute(
                    insert(Child.__table__).values(
                        **_child_columns(service_id, uuid.uuid4(), birth, national_id)
                    )
                )
            upgrade(url)  # and back up again, hashing once more
        finally:
            engine.dispose()


def _child_columns(
    service_id: uuid.UUID, child_id: uuid.UUID, birth: date, national_id: str
) -> dict[str, object]:
    return {
        "id": child_id,
        "service_id": service_id,
        "given_name": "Emma",
        "family_name": "Eldre",
        "birth_date": birth,
        "national_id": national_id,
        "version": 1,
    }


def _old_schema_case(
    connection: Connection,
    service_id: uuid.UUID,
    child_id: uuid.UUID,
    birth: date,
    national_id: str,
) -> None:
    """A child with a national id and a placement, written with the columns that existed before
    the hash (the placement's reference makes SQLite's table rebuild prove itself)."""
    staff_id, home_id = uuid.uuid4(), uuid.uuid4()
    connection.execute(
        insert(Service.__table__).values(
            id=service_id,
            name="Barneverntjenesten i Gamleby",
            org_number=org_number(),
            municipality_numbers=["3201"],
            version=1,
        )
    )
    connection.execute(
        insert(Staff.__table__).values(
            id=staff_id,
            service_id=service_id,
            name="Kari Kontakt",
            email="kari@test.example",
            role="contact_person",
            version=1,
        )
    )
    connection.execute(
        insert(Child.__table__).values(**_child_columns(service_id, child_id, birth, national_id))
    )
    connection.execute(
        insert(FosterHome.__table__).values(
            id=home_id,
            service_id=service_id,
            name="Familien Fjord",
            kind="ordinary",
            foster_parents=[{"name": "Ola Fjord"}],
            street_address="Fjordveien 1",
            postal_code="1337",
            postal_place="Sandvika",
            municipality_number="3201",
            version=1,
        )
    )
    connection.execute(
        insert(Placement.__table__).values(
            id=uuid.uuid4(),
            service_id=service_id,
            child_id=child_id,
            foster_home_id=home_id,
            contact_person_id=staff_id,
            start_date=birth,
            legal_basis="care_order",
            version=1,
        )
    )
