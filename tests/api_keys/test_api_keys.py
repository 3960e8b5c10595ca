"""API keys for journal systems: shown once, stored hashed, scoped, rotated and revoked."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import Connection, text, update

from app.api_keys.models import ApiKey
from app.principal import DEFAULT_SCOPES, Role
from tests.helpers import (
    Api,
    Caller,
    Tenant,
    child_body,
    make_case,
    ok,
    placement_body,
    pointers,
    problem,
    token,
)

# The longest lifetime a key may be given (none at all means until revoked).
MAX_KEY_LIFETIME = timedelta(days=730)


def create_key(tenant: Tenant, **body: Any) -> dict[str, Any]:
    return ok(tenant.leader.post("/v1/api-keys", json={"name": "Fagsystem", **body}), 201)


def as_key(api: Api, created: dict[str, Any]) -> Caller:
    return api.caller(created["secret"]["value"])


def rotate(tenant: Tenant, key_id: str, *, grace_seconds: int) -> dict[str, Any]:
    path = f"/v1/api-keys/{key_id}/rotate"
    return ok(tenant.leader.post(path, json={"grace_seconds": grace_seconds}), 201)


class TestCreatingAKey:
    def test_the_key_is_shown_once_and_stored_only_as_a_hash(
        self, api: Api, connection: Connection
    ) -> None:
        tenant = api.tenant()
        created = create_key(tenant)
        key, record = created["secret"]["value"], created["resource"]
        assert key.startswith(record["prefix"] + "_")
        assert record["prefix"].startswith("ffk_")
        assert record["service_id"] == tenant.service_id
        assert record["created_by"] == "dev-leader"
        assert "key" not in ok(tenant.leader.get(f"/v1/api-keys/{record['id']}"))
        listed = ok(tenant.leader.get("/v1/api-keys"))["items"]
        assert [k["id"] for k in listed] == [record["id"]]
        assert key not in str(listed)
        row = connection.execute(
            text("SELECT * FROM api_keys WHERE prefix = :p"), {"p": record["prefix"]}
        ).one()
        assert key not in [str(v) for v in row]
        assert row.secret_hash == hashlib.sha256(key.encode()).hexdigest()

    def test_a_key_gets_the_integration_scopes_unless_told_otherwise(self, api: Api) -> None:
        tenant = api.tenant()
        everything = create_key(tenant)["resource"]["scopes"]
        assert "placements:write" in everything
        assert "events:read" in everything
        narrow = create_key(tenant, scopes=["placements:read", "placements:read"])
        assert narrow["resource"]["scopes"] == ["placements:read"]

    def test_a_key_cannot_be_given_key_management_or_admin_scopes(self, api: Api) -> None:
        tenant = api.tenant()
        for scope in ("api_keys:write", "services:write", "rule_sets:write", "nonsense"):
            response = tenant.leader.post(
                "/v1/api-keys", json={"name": "Fagsystem", "scopes": [scope]}
            )
            found = pointers(problem(response, 422, "validation-error"))
            assert found in (["#/scopes"], ["#/scopes/0"]), scope
        assert ok(tenant.leader.get("/v1/api-keys"))["items"] == []

    def test_a_contact_person_cannot_manage_keys_even_with_the_scope(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.contact.post("/v1/api-keys", json={"name": "Fagsystem"})
        problem(response, 403, "forbidden")  # lacks api_keys:write by default

    def test_an_integration_token_lacks_key_management_by_default(self, api: Api) -> None:
        tenant = api.tenant()
        problem(tenant.integration.get("/v1/api-keys"), 403, "forbidden")

    def test_an_integration_token_cannot_manage_keys_even_with_the_scopes(self, api: Api) -> None:
        # Keys are leader-only (SECURITY.md): a key outlives the JWT that would have made it.
        tenant = api.tenant()
        existing = create_key(tenant)["resource"]["id"]
        scopes = sorted({*DEFAULT_SCOPES[Role.INTEGRATION], "api_keys:read", "api_keys:write"})
        integration = api.caller(
            token(Role.INTEGRATION, services=[tenant.service_id], scopes=scopes)
        )
        problem(integration.post("/v1/api-keys", json={"name": "Nøkkel 2"}), 403, "forbidden")
        problem(integration.get("/v1/api-keys"), 403, "forbidden")
        problem(integration.get(f"/v1/api-keys/{existing}"), 403, "forbidden")
        problem(integration.post(f"/v1/api-keys/{existing}/rotate"), 403, "forbidden")
        problem(integration.post(f"/v1/api-keys/{existing}/revoke"), 403, "forbidden")
        assert [k["id"] for k in ok(tenant.leader.get("/v1/api-keys"))["items"]] == [existing]
        assert ok(tenant.leader.get(f"/v1/api-keys/{existing}"))["revoked_at"] is None


class TestUsingAKey:
    def test_a_key_acts_for_its_service_as_an_integration(self, api: Api) -> None:
        case = make_case(api)
        other = make_case(api)
        key = as_key(api, create_key(case.tenant))
        placement = ok(key.get(f"/v1/placements/{case.placement['id']}"))
        assert placement["id"] == case.placement["id"]
        problem(key.get(f"/v1/placements/{other.placement['id']}"), 404, "not-found")
        body = placement_body(
            case.tenant,
            child_id=ok(key.post("/v1/children", json=child_body()), 201)["id"],
            foster_home_id=case.foster_home["id"],
        )
        ok(key.post("/v1/placements", json=body), 201)

    def test_a_key_is_limited_to_its_scopes(self, api: Api) -> None:
        case = make_case(api)
        reader = as_key(api, create_key(case.tenant, scopes=["placements:read"]))
        ok(reader.get(f"/v1/placements/{case.placement['id']}"))
        refused = problem(reader.post("/v1/children", json=child_body()), 403, "forbidden")
        assert "children:write" in refused["detail"]

    def test_a_key_cannot_create_keys(self, api: Api) -> None:
        tenant = api.tenant()
        key = as_key(api, create_key(tenant))
        problem(key.post("/v1/api-keys", json={"name": "Nøkkel 2"}), 403, "forbidden")

    def test_use_is_stamped_at_most_once_a_minute(self, api: Api) -> None:
        tenant = api.tenant()
        created = create_key(tenant)
        key = as_key(api, created)
        assert created["resource"]["last_used_at"] is None
        ok(key.get("/v1/placements"))
        first = ok(tenant.leader.get(f"/v1/api-keys/{created['resource']['id']}"))["last_used_at"]
        assert first is not None
        ok(key.get("/v1/placements"))
        again = ok(tenant.leader.get(f"/v1/api-keys/{created['resource']['id']}"))["last_used_at"]
        assert again == first

    def test_an_unknown_or_malformed_key_gets_401(self, api: Api) -> None:
        tenant = api.tenant()
        key = create_key(tenant)["secret"]["value"]
        for wrong in (key[:-1] + ("A" if key[-1] != "A" else "B"), "ffk_", "ffk_x_y"):
            response = api.caller(wrong).get("/v1/placements")
            body = problem(response, 401, "unauthenticated")
            assert wrong not in response.text
            assert wrong not in str(body)


class TestRevokingAndRotating:
    def test_a_revoked_key_stops_at_once_and_revoking_twice_is_harmless(self, api: Api) -> None:
        tenant = api.tenant()
        created = create_key(tenant)
        key = as_key(api, created)
        ok(key.get("/v1/placements"))
        path = f"/v1/api-keys/{created['resource']['id']}/revoke"
        revoked = ok(tenant.leader.post(path))
        assert revoked["revoked_at"] is not None
        problem(key.get("/v1/placements"), 401, "unauthenticated")
        assert ok(tenant.leader.post(path))["revoked_at"] == revoked["revoked_at"]

    def test_rotation_issues_a_new_key_and_ends_the_old_one_after_the_grace_time(
        self, api: Api
    ) -> None:
        tenant = api.tenant()
        created = create_key(tenant, scopes=["placements:read", "tasks:read"])
        old = as_key(api, created)
        path = f"/v1/api-keys/{created['resource']['id']}/rotate"
        rotated = ok(tenant.leader.post(path, json={"grace_seconds": 3600}), 201)
        new = as_key(api, rotated)
        assert rotated["secret"]["value"] != created["secret"]["value"]
        assert rotated["resource"]["scopes"] == ["placements:read", "tasks:read"]
        assert rotated["resource"]["name"] == "Fagsystem"
        ok(old.get("/v1/placements"))  # still inside the grace time
        ok(new.get("/v1/placements"))
        before = ok(tenant.leader.get(f"/v1/api-keys/{created['resource']['id']}"))
        assert before["replaced_by_id"] == rotated["resource"]["id"]
        ends = datetime.fromisoformat(before["expires_at"])
        assert timedelta(minutes=59) < ends - datetime.now(UTC) <= timedelta(hours=1)
        problem(tenant.leader.post(path), 409, "conflict")  # rotated once already

    def test_rotation_without_grace_ends_the_old_key_at_once(self, api: Api) -> None:
        tenant = api.tenant()
        created = create_key(tenant)
        path = f"/v1/api-keys/{created['resource']['id']}/rotate"
        rotated = ok(tenant.leader.post(path, json={"grace_seconds": 0}), 201)
        problem(as_key(api, created).get("/v1/placements"), 401, "unauthenticated")
        ok(as_key(api, rotated).get("/v1/placements"))

    def test_revoking_the_new_key_of_a_rotation_ends_the_old_key_in_its_grace_time_too(
        self, api: Api
    ) -> None:
        # The review's finding 13: otherwise the old key lives on for up to a week.
        tenant = api.tenant()
        created = create_key(tenant)
        old_id = created["resource"]["id"]
        rotated = rotate(tenant, old_id, grace_seconds=3600)
        ok(as_key(api, created).get("/v1/placements"))

        revoked = ok(tenant.leader.post(f"/v1/api-keys/{rotated['resource']['id']}/revoke"))

        problem(as_key(api, rotated).get("/v1/placements"), 401, "unauthenticated")
        problem(as_key(api, created).get("/v1/placements"), 401, "unauthenticated")
        old = ok(tenant.leader.get(f"/v1/api-keys/{old_id}"))
        assert old["revoked_at"] == revoked["revoked_at"]

    def test_revoking_the_newest_key_of_a_chain_of_rotations_ends_every_key_before_it(
        self, api: Api
    ) -> None:
        tenant = api.tenant()
        first = create_key(tenant)
        second = rotate(tenant, first["resource"]["id"], grace_seconds=3600)
        third = rotate(tenant, second["resource"]["id"], grace_seconds=3600)
        ok(as_key(api, first).get("/v1/placements"))

        ok(tenant.leader.post(f"/v1/api-keys/{third['resource']['id']}/revoke"))

        for key in (first, second, third):
            problem(as_key(api, key).get("/v1/placements"), 401, "unauthenticated")

    def test_revoking_the_old_key_ends_its_grace_time_and_keeps_its_replacement(
        self, api: Api
    ) -> None:
        # How a rotation finishes early once the journal system has switched: the new key was
        # made to go on working, and the old one's leak does not reach it.
        tenant = api.tenant()
        created = create_key(tenant)
        rotated = rotate(tenant, created["resource"]["id"], grace_seconds=3600)

        ok(tenant.leader.post(f"/v1/api-keys/{created['resource']['id']}/revoke"))

        problem(as_key(api, created).get("/v1/placements"), 401, "unauthenticated")
        ok(as_key(api, rotated).get("/v1/placements"))
        assert (
            ok(tenant.leader.get(f"/v1/api-keys/{rotated['resource']['id']}"))["revoked_at"] is None
        )

    def test_revoking_a_new_key_leaves_the_revoked_at_of_an_old_key_past_its_grace_alone(
        self, api: Api
    ) -> None:
        tenant = api.tenant()
        created = create_key(tenant)
        old_id = created["resource"]["id"]
        rotated = rotate(tenant, old_id, grace_seconds=0)

        ok(tenant.leader.post(f"/v1/api-keys/{rotated['resource']['id']}/revoke"))

        assert ok(tenant.leader.get(f"/v1/api-keys/{old_id}"))["revoked_at"] is None

    def test_a_grace_time_over_a_week_is_refused(self, api: Api) -> None:
        tenant = api.tenant()
        created = create_key(tenant)
        path = f"/v1/api-keys/{created['resource']['id']}/rotate"
        response = tenant.leader.post(path, json={"grace_seconds": 8 * 24 * 3600})
        assert pointers(problem(response, 422, "validation-error")) == ["#/grace_seconds"]
        ok(as_key(api, created).get("/v1/placements"))

    def test_an_expired_key_gets_401(self, api: Api, connection: Connection) -> None:
        tenant = api.tenant()
        created = create_key(
            tenant, expires_at=(datetime.now(UTC) + timedelta(days=30)).isoformat()
        )
        ok(as_key(api, created).get("/v1/placements"))
        connection.execute(
            update(ApiKey)
            .where(ApiKey.id == uuid.UUID(created["resource"]["id"]))
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
        problem(as_key(api, created).get("/v1/placements"), 401, "unauthenticated")

    @pytest.mark.parametrize(
        "expires_at",
        [
            "9999-12-31T23:59:59-14:00",  # past the largest datetime once in UTC
            "9999-12-31T23:59:59+14:00",
            "a day too late",
        ],
    )
    def test_an_expiry_beyond_the_longest_lifetime_is_refused_with_a_pointer(
        self, api: Api, expires_at: str
    ) -> None:
        if expires_at == "a day too late":
            expires_at = (datetime.now(UTC) + MAX_KEY_LIFETIME + timedelta(days=1)).isoformat()
        tenant = api.tenant()
        response = tenant.leader.post(
            "/v1/api-keys", json={"name": "Fagsystem", "expires_at": expires_at}
        )
        body = problem(response, 422, "validation-error")
        assert pointers(body) == ["#/expires_at"]
        assert expires_at not in response.text
        assert ok(tenant.leader.get("/v1/api-keys"))["items"] == []

    def test_an_expiry_within_the_longest_lifetime_is_stored_in_utc(self, api: Api) -> None:
        tenant = api.tenant()
        ends = (datetime.now(UTC) + MAX_KEY_LIFETIME - timedelta(days=1)).replace(microsecond=0)
        local = ends.astimezone(timezone(timedelta(hours=-14))).isoformat()
        created = create_key(tenant, expires_at=local)["resource"]
        assert datetime.fromisoformat(created["expires_at"]) == ends

    def test_an_expiry_in_the_past_is_refused(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.leader.post(
            "/v1/api-keys", json={"name": "Fagsystem", "expires_at": "2020-01-01T00:00:00Z"}
        )
        assert pointers(problem(response, 422, "validation-error")) == ["#/expires_at"]
