"""HTTP semantics every resource shares: ETags and conditional requests, idempotent creates,
cursor pagination, Location on create, and the headers on every response."""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from sqlalchemy import Connection, update

from app.children.models import Child
from app.principal import Role
from tests.helpers import (
    Api,
    Caller,
    Tenant,
    child_body,
    foster_home_body,
    make_case,
    org_number,
    token,
)

PROBLEM = "https://fosterflyt.no/problems/"
ETAG = re.compile(r'^"[^"]+"$')
LINK_NEXT = re.compile(r'^<([^>]+)>;\s*rel="next"$')

KINDS = ["children", "foster-homes", "placements", "staff", "services"]


@dataclass
class Item:
    """One existing resource, who may read and change it, and a change to make."""

    url: str
    reader: Caller
    writer: Caller
    field: str
    new_value: Any
    other_value: Any


def existing_item(api: Api, kind: str) -> Item:
    case = make_case(api)
    tenant = case.tenant
    if kind == "children":
        url = f"/v1/children/{case.child['id']}"
        return Item(url, tenant.integration, tenant.integration, "given_name", "Nora", "Ida")
    if kind == "foster-homes":
        url = f"/v1/foster-homes/{case.foster_home['id']}"
        return Item(
            url, tenant.integration, tenant.integration, "name", "Familien Fjell", "Familien Dal"
        )
    if kind == "placements":
        url = f"/v1/placements/{case.placement['id']}"
        return Item(
            url, tenant.integration, tenant.integration, "legal_basis", "voluntary", "emergency"
        )
    if kind == "staff":
        url = f"/v1/staff/{tenant.leader_id}"
        return Item(url, tenant.leader, tenant.leader, "name", "Lise Leiar", "Lise Sjef")
    assert kind == "services"
    url = f"/v1/services/{tenant.service_id}"
    return Item(url, api.admin, api.admin, "name", "Barneverntjenesten i Nyby", "Barnevernet Dalby")


def problem_type(response: httpx.Response) -> str:
    assert response.headers["content-type"].startswith("application/problem+json")
    return str(response.json()["type"])


def at(response: httpx.Response) -> list[tuple[str, str, str]]:
    """Where each of the problem's errors points: parameter, location and code."""
    return [(e["parameter"], e["location"], e["code"]) for e in response.json()["errors"]]


def child_count(caller: Caller) -> int:
    response = caller.get("/v1/children", params={"limit": 100})
    assert response.status_code == 200, response.text
    return len(response.json()["items"])


# -- ETags and conditional GET ------------------------------------------------------------------


class TestEtagOnItemGet:
    @pytest.mark.parametrize("kind", KINDS)
    def test_every_item_get_returns_a_strong_etag_that_is_stable_across_reads(
        self, api: Api, kind: str
    ) -> None:
        item = existing_item(api, kind)
        first = item.reader.get(item.url)
        second = item.reader.get(item.url)
        assert first.status_code == 200, first.text
        etag = first.headers.get("etag")
        assert etag is not None
        assert ETAG.match(etag), etag  # strong: not W/"..."
        assert second.headers["etag"] == etag

    @pytest.mark.parametrize("kind", KINDS)
    def test_if_none_match_with_the_current_etag_gets_304_with_an_empty_body(
        self, api: Api, kind: str
    ) -> None:
        item = existing_item(api, kind)
        etag = item.reader.get(item.url).headers["etag"]
        response = item.reader.get(item.url, headers={"If-None-Match": etag})
        assert response.status_code == 304
        assert response.content == b""
        assert response.headers["etag"] == etag

    def test_if_none_match_naming_the_etag_in_a_list_gets_304(self, api: Api) -> None:
        item = existing_item(api, "children")
        etag = item.reader.get(item.url).headers["etag"]
        response = item.reader.get(item.url, headers={"If-None-Match": f'"other", {etag}'})
        assert response.status_code == 304

    def test_if_none_match_with_another_etag_gets_the_full_body(self, api: Api) -> None:
        item = existing_item(api, "children")
        response = item.reader.get(item.url, headers={"If-None-Match": '"not-the-etag"'})
        assert response.status_code == 200
        assert response.json()["id"] == item.url.rsplit("/", 1)[-1]

    def test_an_old_etag_gets_the_full_body_after_a_change(self, api: Api) -> None:
        item = existing_item(api, "children")
        old = item.reader.get(item.url).headers["etag"]
        patched = item.writer.patch(
            item.url, json={"given_name": "Nora"}, headers={"If-Match": old}
        )
        assert patched.status_code == 200, patched.text
        response = item.reader.get(item.url, headers={"If-None-Match": old})
        assert response.status_code == 200
        assert response.json()["given_name"] == "Nora"
        assert response.headers["etag"] != old

    def test_the_etag_returned_on_create_is_the_etag_of_the_created_item(self, api: Api) -> None:
        tenant = api.tenant()
        created = tenant.integration.post("/v1/children", json=child_body())
        assert created.status_code == 201, created.text
        read = tenant.integration.get(f"/v1/children/{created.json()['id']}")
        assert created.headers["etag"] == read.headers["etag"]


# -- Conditional PATCH --------------------------------------------------------------------------


class TestConditionalPatch:
    @pytest.mark.parametrize("kind", KINDS)
    def test_patch_without_if_match_is_428_and_changes_nothing(self, api: Api, kind: str) -> None:
        item = existing_item(api, kind)
        before = item.reader.get(item.url).json()
        response = item.writer.patch(item.url, json={item.field: item.new_value})
        assert response.status_code == 428, response.text
        assert problem_type(response) == PROBLEM + "precondition-required"
        assert at(response) == [("If-Match", "header", "missing")]
        assert item.reader.get(item.url).json() == before

    @pytest.mark.parametrize("kind", KINDS)
    def test_patch_with_a_stale_etag_is_412_and_changes_nothing(self, api: Api, kind: str) -> None:
        item = existing_item(api, kind)
        stale = item.reader.get(item.url).headers["etag"]
        # Someone else changes the item first (any change: If-Match * skips the check).
        first = item.writer.patch(
            item.url, json={item.field: item.new_value}, headers={"If-Match": "*"}
        )
        assert first.status_code == 200, first.text
        current = item.reader.get(item.url)
        assert current.headers["etag"] != stale

        response = item.writer.patch(
            item.url, json={item.field: item.other_value}, headers={"If-Match": stale}
        )
        assert response.status_code == 412, response.text
        assert problem_type(response) == PROBLEM + "precondition-failed"
        assert at(response) == [("If-Match", "header", "stale")]  # issue #18 item 4
        after = item.reader.get(item.url)
        assert after.json() == current.json()
        assert after.headers["etag"] == current.headers["etag"]

    def test_patch_with_an_etag_never_issued_is_412(self, api: Api) -> None:
        item = existing_item(api, "children")
        before = item.reader.get(item.url).json()
        response = item.writer.patch(
            item.url, json={"given_name": "Nora"}, headers={"If-Match": '"0123456789abcdef"'}
        )
        assert response.status_code == 412
        assert item.reader.get(item.url).json() == before

    @pytest.mark.parametrize("kind", KINDS)
    def test_patch_with_the_current_etag_succeeds_and_returns_a_new_etag(
        self, api: Api, kind: str
    ) -> None:
        item = existing_item(api, kind)
        etag = item.reader.get(item.url).headers["etag"]
        response = item.writer.patch(
            item.url, json={item.field: item.new_value}, headers={"If-Match": etag}
        )
        assert response.status_code == 200, response.text
        assert response.json()[item.field] == item.new_value
        new_etag = response.headers["etag"]
        assert new_etag != etag
        # The ETag of the PATCH response is the one a following GET returns.
        read = item.reader.get(item.url)
        assert read.json()[item.field] == item.new_value
        assert read.headers["etag"] == new_etag

    def test_the_etag_from_a_patch_response_allows_the_next_patch(self, api: Api) -> None:
        item = existing_item(api, "children")
        etag = item.reader.get(item.url).headers["etag"]
        first = item.writer.patch(item.url, json={"given_name": "Nora"}, headers={"If-Match": etag})
        second = item.writer.patch(
            item.url, json={"family_name": "Nordmann"}, headers={"If-Match": first.headers["etag"]}
        )
        assert second.status_code == 200, second.text
        assert second.json()["given_name"] == "Nora"
        assert second.json()["family_name"] == "Nordmann"

    @pytest.mark.parametrize("kind", KINDS)
    def test_if_match_star_is_accepted(self, api: Api, kind: str) -> None:
        item = existing_item(api, kind)
        response = item.writer.patch(
            item.url, json={item.field: item.new_value}, headers={"If-Match": "*"}
        )
        assert response.status_code == 200, response.text
        assert item.reader.get(item.url).json()[item.field] == item.new_value

    def test_if_match_listing_the_current_etag_among_others_is_accepted(self, api: Api) -> None:
        item = existing_item(api, "children")
        etag = item.reader.get(item.url).headers["etag"]
        response = item.writer.patch(
            item.url, json={"given_name": "Nora"}, headers={"If-Match": f'"stale", {etag}'}
        )
        assert response.status_code == 200, response.text


# -- Idempotency-Key ----------------------------------------------------------------------------


class TestIdempotencyKey:
    def test_a_retry_with_the_same_key_and_body_replays_the_original_201(self, api: Api) -> None:
        tenant = api.tenant()
        key = {"Idempotency-Key": str(uuid.uuid4())}
        first = tenant.integration.post("/v1/children", json=child_body(), headers=key)
        retry = tenant.integration.post("/v1/children", json=child_body(), headers=key)
        assert first.status_code == 201, first.text
        assert "idempotent-replayed" not in first.headers
        assert retry.status_code == 201, retry.text
        assert retry.headers["idempotent-replayed"] == "true"
        assert retry.json()["id"] == first.json()["id"]
        assert retry.json() == first.json()
        assert retry.headers["location"] == first.headers["location"]
        assert retry.headers["etag"] == first.headers["etag"]
        assert child_count(tenant.integration) == 1

    def test_the_same_body_with_keys_in_another_order_is_the_same_request(self, api: Api) -> None:
        tenant = api.tenant()
        key = {"Idempotency-Key": "order-" + uuid.uuid4().hex}
        body = child_body()
        reordered = dict(reversed(list(body.items())))
        first = tenant.integration.post("/v1/children", json=body, headers=key)
        retry = tenant.integration.post("/v1/children", json=reordered, headers=key)
        assert retry.status_code == 201, retry.text
        assert retry.json()["id"] == first.json()["id"]
        assert child_count(tenant.integration) == 1

    def test_without_a_key_two_posts_create_two_rows(self, api: Api) -> None:
        tenant = api.tenant()
        first = tenant.integration.created("/v1/children", child_body())
        second = tenant.integration.created("/v1/children", child_body())
        assert first["id"] != second["id"]
        assert child_count(tenant.integration) == 2

    def test_the_same_key_with_a_different_body_is_422_key_reused(self, api: Api) -> None:
        tenant = api.tenant()
        key = {"Idempotency-Key": str(uuid.uuid4())}
        first = tenant.integration.post("/v1/children", json=child_body(), headers=key)
        assert first.status_code == 201
        other = tenant.integration.post(
            "/v1/children", json=child_body(given_name="Nora"), headers=key
        )
        assert other.status_code == 422, other.text
        assert problem_type(other) == PROBLEM + "idempotency-key-reused"
        assert "idempotent-replayed" not in other.headers
        assert child_count(tenant.integration) == 1

    def test_the_same_key_on_another_resource_is_422_key_reused(self, api: Api) -> None:
        tenant = api.tenant()
        key = {"Idempotency-Key": str(uuid.uuid4())}
        child = tenant.integration.post("/v1/children", json=child_body(), headers=key)
        assert child.status_code == 201
        home = tenant.integration.post("/v1/foster-homes", json=foster_home_body(), headers=key)
        assert home.status_code == 422, home.text
        assert problem_type(home) == PROBLEM + "idempotency-key-reused"
        homes = tenant.integration.get("/v1/foster-homes").json()["items"]
        assert homes == []

    def test_the_same_key_from_a_different_caller_is_independent(self, api: Api) -> None:
        tenant = api.tenant()
        other = api.caller(
            token(Role.INTEGRATION, services=[tenant.service_id], subject="other-journal-system")
        )
        key = {"Idempotency-Key": "shared-" + uuid.uuid4().hex}
        mine = tenant.integration.post("/v1/children", json=child_body(), headers=key)
        theirs = other.post("/v1/children", json=child_body(), headers=key)
        assert mine.status_code == 201, mine.text
        assert theirs.status_code == 201, theirs.text
        assert "idempotent-replayed" not in theirs.headers
        assert theirs.json()["id"] != mine.json()["id"]
        assert child_count(tenant.integration) == 2
        # Each caller's own retry still replays its own row.
        mine_again = tenant.integration.post("/v1/children", json=child_body(), headers=key)
        theirs_again = other.post("/v1/children", json=child_body(), headers=key)
        assert mine_again.json()["id"] == mine.json()["id"]
        assert theirs_again.json()["id"] == theirs.json()["id"]
        assert child_count(tenant.integration) == 2

    def test_a_different_caller_may_use_the_key_with_a_different_body(self, api: Api) -> None:
        tenant = api.tenant()
        other = api.caller(
            token(Role.INTEGRATION, services=[tenant.service_id], subject="other-journal-system")
        )
        key = {"Idempotency-Key": "shared-" + uuid.uuid4().hex}
        mine = tenant.integration.post("/v1/children", json=child_body(), headers=key)
        theirs = other.post("/v1/children", json=child_body(given_name="Nora"), headers=key)
        assert mine.status_code == 201
        assert theirs.status_code == 201, theirs.text
        assert theirs.json()["given_name"] == "Nora"

    def test_a_rejected_request_does_not_use_up_the_key(self, api: Api) -> None:
        tenant = api.tenant()
        key = {"Idempotency-Key": str(uuid.uuid4())}
        bad = tenant.integration.post(
            "/v1/children", json=child_body(birth_date="not-a-date"), headers=key
        )
        assert bad.status_code == 422
        good = tenant.integration.post("/v1/children", json=child_body(), headers=key)
        assert good.status_code == 201, good.text
        assert "idempotent-replayed" not in good.headers
        assert child_count(tenant.integration) == 1


# -- Cursor pagination --------------------------------------------------------------------------


class TestTheNextLinkIsRelativeToTheRequest:
    def test_a_forged_host_header_does_not_reach_the_link(self, api: Api) -> None:
        tenant = api.tenant()
        create_children(tenant, 2)
        response = tenant.integration.get(
            "/v1/children", params={"limit": 1}, headers={"Host": "evil.example"}
        )
        assert response.status_code == 200, response.text
        link = next_link(response)
        assert link is not None
        assert link.startswith("/v1/children?")
        assert "evil.example" not in response.headers["link"]


def next_link(response: httpx.Response) -> str | None:
    link = response.headers.get("link")
    if link is None:
        return None
    match = LINK_NEXT.match(link.strip())
    assert match, link
    return match.group(1)


def create_children(tenant: Tenant, count: int) -> list[str]:
    return [
        tenant.integration.created("/v1/children", child_body(given_name=f"Barn {n}"))["id"]
        for n in range(count)
    ]


class TestCursorPagination:
    def test_following_next_cursor_visits_every_row_once(self, api: Api) -> None:
        tenant = api.tenant()
        ids = create_children(tenant, 5)
        seen: list[str] = []
        pages: list[dict[str, Any]] = []
        params: dict[str, Any] = {"limit": 2}
        while True:
            response = tenant.integration.get("/v1/children", params=params)
            assert response.status_code == 200, response.text
            page = response.json()
            pages.append(page)
            seen.extend(item["id"] for item in page["items"])
            if not page["has_more"]:
                break
            params = {"limit": 2, "cursor": page["next_cursor"]}
            assert len(pages) < 10, "pagination does not terminate"
        assert [len(p["items"]) for p in pages] == [2, 2, 1]
        assert [p["has_more"] for p in pages] == [True, True, False]
        assert pages[-1]["next_cursor"] is None
        assert seen == ids  # oldest first, no duplicates, no gaps

    def test_a_cursor_from_another_list_is_a_400(self, api: Api) -> None:
        """Issue #18 item 4: a children cursor used on the foster homes was read as a place in
        that list (both sort by creation time), and a page came back."""
        tenant = api.tenant()
        create_children(tenant, 3)
        for _ in range(3):
            tenant.integration.created("/v1/foster-homes", foster_home_body())
        cursor = tenant.integration.get("/v1/children", params={"limit": 1}).json()["next_cursor"]
        response = tenant.integration.get("/v1/foster-homes", params={"cursor": cursor})
        assert response.status_code == 400
        assert problem_type(response) == PROBLEM + "invalid-cursor"
        assert "another list" in response.json()["detail"]
        assert at(response) == [("cursor", "query", "invalid")]
        same_list = tenant.integration.get("/v1/children", params={"cursor": cursor})
        assert same_list.status_code == 200

    def test_following_the_link_header_visits_every_row_once(self, api: Api) -> None:
        tenant = api.tenant()
        ids = create_children(tenant, 5)
        seen: list[str] = []
        response = tenant.integration.get("/v1/children", params={"limit": 2})
        for _ in range(10):
            assert response.status_code == 200, response.text
            page = response.json()
            seen.extend(item["id"] for item in page["items"])
            url = next_link(response)
            if url is None:
                assert page["has_more"] is False
                break
            assert page["has_more"] is True
            assert f"cursor={page['next_cursor']}" in url
            assert "limit=2" in url
            response = tenant.integration.get(url)
        else:
            pytest.fail("the Link chain does not end")
        assert seen == ids

    def test_the_link_header_keeps_the_filters_of_the_first_page(self, api: Api) -> None:
        tenant = api.tenant()
        old = create_children(tenant, 2)
        # Clear of both sides: a request can be stamped within a millisecond of the client's clock.
        time.sleep(0.02)
        since = datetime.now(UTC)
        time.sleep(0.02)
        # Three changed after ``since`` (two new, one patched): the filter must hold on page 2.
        new = create_children(tenant, 2)
        patched = tenant.integration.patch(
            f"/v1/children/{old[0]}", json={"given_name": "Nora"}, headers={"If-Match": "*"}
        )
        assert patched.status_code == 200
        seen: list[str] = []
        response = tenant.integration.get(
            "/v1/children", params={"limit": 2, "updated_since": since.isoformat()}
        )
        for _ in range(10):
            assert response.status_code == 200, response.text
            seen.extend(item["id"] for item in response.json()["items"])
            url = next_link(response)
            if url is None:
                break
            response = tenant.integration.get(url)
        assert seen == [old[0], *new]

    def test_a_page_that_holds_everything_has_no_cursor_and_no_link(self, api: Api) -> None:
        tenant = api.tenant()
        create_children(tenant, 2)
        response = tenant.integration.get("/v1/children", params={"limit": 2})
        page = response.json()
        assert len(page["items"]) == 2
        assert page["has_more"] is False
        assert page["next_cursor"] is None
        assert "link" not in response.headers

    def test_an_empty_list_is_a_page_without_more(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.integration.get("/v1/children")
        assert response.status_code == 200
        assert response.json() == {"items": [], "next_cursor": None, "has_more": False}

    def test_rows_created_in_the_same_instant_are_neither_skipped_nor_repeated(
        self, api: Api, connection: Connection
    ) -> None:
        tenant = api.tenant()
        ids = create_children(tenant, 5)
        same = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
        connection.execute(
            update(Child)
            .where(Child.service_id == uuid.UUID(tenant.service_id))
            .values(created_at=same)
        )
        seen: list[str] = []
        params: dict[str, Any] = {"limit": 2}
        for _ in range(10):
            page = tenant.integration.get("/v1/children", params=params).json()
            seen.extend(item["id"] for item in page["items"])
            if not page["has_more"]:
                break
            params = {"limit": 2, "cursor": page["next_cursor"]}
        assert sorted(seen) == sorted(ids)
        assert len(seen) == len(set(seen))

    def test_a_row_created_between_pages_is_not_lost_and_not_repeated(self, api: Api) -> None:
        tenant = api.tenant()
        ids = create_children(tenant, 3)
        first = tenant.integration.get("/v1/children", params={"limit": 2}).json()
        late = tenant.integration.created("/v1/children", child_body(given_name="Sen"))["id"]
        rest = tenant.integration.get(
            "/v1/children", params={"limit": 2, "cursor": first["next_cursor"]}
        ).json()
        seen = [i["id"] for i in first["items"]] + [i["id"] for i in rest["items"]]
        assert seen == [*ids, late]


class TestUpdatedSince:
    def test_a_time_after_the_last_change_returns_nothing(self, api: Api) -> None:
        tenant = api.tenant()
        create_children(tenant, 3)
        after = datetime.now(UTC) + timedelta(milliseconds=1)
        response = tenant.integration.get(
            "/v1/children", params={"updated_since": after.isoformat()}
        )
        assert response.status_code == 200, response.text
        assert response.json()["items"] == []

    def test_a_time_before_creation_returns_everything(self, api: Api) -> None:
        tenant = api.tenant()
        before = datetime.now(UTC) - timedelta(seconds=1)
        ids = create_children(tenant, 3)
        response = tenant.integration.get(
            "/v1/children", params={"updated_since": before.isoformat()}
        )
        assert [i["id"] for i in response.json()["items"]] == ids

    def test_a_patched_row_shows_up_again(self, api: Api) -> None:
        tenant = api.tenant()
        ids = create_children(tenant, 3)
        time.sleep(0.02)  # clear of both sides, as above
        after = datetime.now(UTC)
        time.sleep(0.02)
        url = f"/v1/children/{ids[1]}"
        patched = tenant.integration.patch(
            url, json={"given_name": "Nora"}, headers={"If-Match": "*"}
        )
        assert patched.status_code == 200, patched.text
        response = tenant.integration.get(
            "/v1/children", params={"updated_since": after.isoformat()}
        )
        items = response.json()["items"]
        assert [i["id"] for i in items] == [ids[1]]
        assert items[0]["given_name"] == "Nora"

    def test_updated_since_in_another_time_zone_means_the_same_instant(self, api: Api) -> None:
        tenant = api.tenant()
        before = datetime.now(UTC) - timedelta(seconds=1)
        ids = create_children(tenant, 2)
        after = datetime.now(UTC) + timedelta(milliseconds=1)
        for offset in (timezone(timedelta(hours=14)), timezone(timedelta(hours=-10))):
            early = tenant.integration.get(
                "/v1/children", params={"updated_since": before.astimezone(offset).isoformat()}
            )
            late = tenant.integration.get(
                "/v1/children", params={"updated_since": after.astimezone(offset).isoformat()}
            )
            assert [i["id"] for i in early.json()["items"]] == ids, offset
            assert late.json()["items"] == [], offset

    def test_updated_since_without_a_time_zone_is_422_not_a_crash(self, api: Api) -> None:
        # The parameter is documented as "ISO 8601 with time zone": a naive value is bad input.
        tenant = api.tenant()
        create_children(tenant, 1)
        response = tenant.integration.get(
            "/v1/children", params={"updated_since": "2026-01-01T00:00:00"}
        )
        assert response.status_code == 422, response.text
        assert problem_type(response) == PROBLEM + "validation-error"
        params = [e.get("parameter") for e in response.json()["errors"]]
        assert params == ["updated_since"]


# -- Location on create -------------------------------------------------------------------------


class TestLocationOnCreate:
    @pytest.mark.parametrize("kind", KINDS)
    def test_the_location_of_a_201_is_the_created_item(self, api: Api, kind: str) -> None:
        tenant = api.tenant()
        if kind == "children":
            caller, url, body = tenant.integration, "/v1/children", child_body()
        elif kind == "foster-homes":
            caller, url, body = tenant.integration, "/v1/foster-homes", foster_home_body()
        elif kind == "placements":
            child = tenant.integration.created("/v1/children", child_body())
            home = tenant.integration.created("/v1/foster-homes", foster_home_body())
            caller, url = tenant.integration, "/v1/placements"
            body = {
                "child_id": child["id"],
                "foster_home_id": home["id"],
                "contact_person_id": tenant.contact_id,
                "start_date": "2026-01-05",
                "legal_basis": "care_order",
            }
        elif kind == "staff":
            caller, url = tenant.leader, "/v1/staff"
            body = {"name": "Per Person", "email": "per@test.example", "role": "contact_person"}
        else:
            caller, url = api.admin, "/v1/services"
            body = {"name": "Nyby", "org_number": org_number(7), "municipality_numbers": ["3203"]}
        response = caller.post(url, json=body)
        assert response.status_code == 201, response.text
        created = response.json()
        location = response.headers["location"]
        assert location.rstrip("/").endswith(f"{url}/{created['id']}")
        read = caller.get(location)
        assert read.status_code == 200, read.text
        assert read.json() == created


# -- Headers on every response ------------------------------------------------------------------


class TestResponseHeaders:
    def test_every_response_gets_a_generated_request_id(self, api: Api) -> None:
        tenant = api.tenant()
        first = tenant.integration.get("/v1/children")
        second = tenant.integration.get("/v1/children")
        assert first.headers.get("x-request-id")
        assert second.headers.get("x-request-id")
        assert first.headers["x-request-id"] != second.headers["x-request-id"]

    def test_an_incoming_request_id_is_echoed(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.integration.get(
            "/v1/children", headers={"X-Request-ID": "journal-7f3a-0001"}
        )
        assert response.headers["x-request-id"] == "journal-7f3a-0001"

    def test_an_unusable_incoming_request_id_is_replaced(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.integration.get("/v1/children", headers={"X-Request-ID": "x" * 65})
        assert response.headers["x-request-id"]
        assert response.headers["x-request-id"] != "x" * 65

    def test_an_error_response_echoes_the_request_id(self, api: Api) -> None:
        response = api.anonymous.get("/v1/children", headers={"X-Request-ID": "req-unauth-1"})
        assert response.status_code == 401
        assert response.headers["x-request-id"] == "req-unauth-1"

    def test_a_body_rejected_before_routing_still_gets_the_request_id(self, api: Api) -> None:
        tenant = api.tenant()
        response = tenant.integration.post(
            "/v1/children",
            content=b"given_name=Emma",
            headers={"Content-Type": "text/plain", "X-Request-ID": "req-415"},
        )
        assert response.status_code == 415
        assert response.headers["x-request-id"] == "req-415"
        assert response.headers["x-content-type-options"] == "nosniff"

    @pytest.mark.parametrize(
        ("method", "path"),
        [("GET", "/v1/children"), ("GET", "/v1/nope"), ("POST", "/v1/children")],
    )
    def test_every_response_says_nosniff(self, api: Api, method: str, path: str) -> None:
        tenant = api.tenant()
        kwargs: dict[str, Any] = {"json": child_body()} if method == "POST" else {}
        response = tenant.integration.request(method, path, **kwargs)
        assert response.headers["x-content-type-options"] == "nosniff"
