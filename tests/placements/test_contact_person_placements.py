"""What a contact person may register, and what a conflict tells them.

A contact person sees only their own cases: the children and foster homes of placements they
follow. Registering a placement must not widen that (review finding 8: a back-dated, already
ended placement into another home made the home readable), and a conflict must not name a
placement they cannot read (finding 11: a duplicate external_ref gave its id).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import pytest

from app.clock import today
from tests.helpers import (
    Api,
    Caller,
    Tenant,
    child_body,
    foster_home_body,
    placement_body,
    problem,
)

REF = {"system": "visma", "key": "SAK-2024-0042"}


def day(offset: int) -> str:
    """Today (Europe/Oslo) plus ``offset`` days, as an ISO date."""
    return (today() + timedelta(days=offset)).isoformat()


@dataclass
class Service:
    """The review's setup: cp1 follows child X in home FH1, cp2 follows child Y in home FH2
    (whose placement carries the journal's case number ``REF``)."""

    api: Api
    tenant: Tenant
    cp1: Caller
    cp2_id: str
    child_x: dict[str, Any]
    fh1: dict[str, Any]
    placement_x: dict[str, Any]
    fh2: dict[str, Any]
    placement_y: dict[str, Any]

    @property
    def cp1_id(self) -> str:
        return self.tenant.contact_id

    @property
    def leader(self) -> Caller:
        return self.tenant.leader

    def body(self, **overrides: Any) -> dict[str, Any]:
        """A placement of child X followed by cp1, into FH1 unless told otherwise."""
        overrides.setdefault("foster_home_id", self.fh1["id"])
        return placement_body(self.tenant, child_id=self.child_x["id"], **overrides)

    def end_placement_x_today(self) -> None:
        """Child X moves out today, so a placement from today on overlaps nothing."""
        ended = self.cp1.post(
            f"/v1/placements/{self.placement_x['id']}/end",
            json={"end_date": day(0), "end_reason": "moved_to_other_foster_home"},
        )
        assert ended.status_code == 200, ended.text

    def placements_of_x(self) -> set[str]:
        response = self.leader.get("/v1/placements", params={"child_id": self.child_x["id"]})
        assert response.status_code == 200, response.text
        return {p["id"] for p in response.json()["items"]}


@pytest.fixture
def service(api: Api) -> Service:
    tenant = api.tenant()
    cp2 = api.admin.created(
        f"/v1/staff?service_id={tenant.service_id}",
        {"name": "Per Kontakt", "email": "per@test.example", "role": "contact_person"},
    )
    # Born well before 2015, so the review's 2015 placement is not refused for its dates.
    child_x = tenant.integration.created("/v1/children", child_body(birth_date="2012-03-01"))
    child_y = tenant.integration.created("/v1/children", child_body(given_name="Jonas"))
    fh1 = tenant.integration.created("/v1/foster-homes", foster_home_body())
    fh2 = tenant.integration.created(
        "/v1/foster-homes", foster_home_body(name="Familien Dal", foster_parents=[{"name": "Åse"}])
    )
    placement_x = tenant.integration.created(
        "/v1/placements",
        placement_body(
            tenant, child_id=child_x["id"], foster_home_id=fh1["id"], start_date=day(-200)
        ),
    )
    placement_y = tenant.integration.created(
        "/v1/placements",
        placement_body(
            tenant,
            child_id=child_y["id"],
            foster_home_id=fh2["id"],
            contact_person_id=cp2["id"],
            start_date=day(-200),
            external_ref=REF,
        ),
    )
    return Service(
        api=api,
        tenant=tenant,
        cp1=tenant.contact,
        cp2_id=cp2["id"],
        child_x=child_x,
        fh1=fh1,
        placement_x=placement_x,
        fh2=fh2,
        placement_y=placement_y,
    )


def refused_home(response: httpx.Response) -> dict[str, Any]:
    body = problem(response, 422, "unknown-reference")
    assert [e["pointer"] for e in body["errors"]] == ["#/foster_home_id"]
    assert body["errors"][0]["code"] == "unknown_reference"
    return body


class TestAContactPersonPlacesChildrenOnlyIntoFosterHomesOfTheirCases:
    def test_a_back_dated_placement_into_another_home_is_refused_and_the_home_stays_hidden(
        self, service: Service
    ) -> None:
        """The review's reproduction of finding 8, step by step."""
        home = f"/v1/foster-homes/{service.fh2['id']}"
        problem(service.cp1.get(home), 404, "not-found")
        response = service.cp1.post(
            "/v1/placements",
            json=service.body(
                foster_home_id=service.fh2["id"],
                start_date="2015-04-01",
                end_date="2015-05-01",
                end_reason="other",
            ),
        )
        refused_home(response)
        for secret in ("Familien Dal", "Åse", "Fjordveien"):
            assert secret not in response.text
        problem(service.cp1.get(home), 404, "not-found")
        assert service.placements_of_x() == {service.placement_x["id"]}

    def test_a_current_placement_into_another_home_is_refused(self, service: Service) -> None:
        service.end_placement_x_today()
        response = service.cp1.post(
            "/v1/placements",
            json=service.body(foster_home_id=service.fh2["id"], start_date=day(0)),
        )
        refused_home(response)
        problem(service.cp1.get(f"/v1/foster-homes/{service.fh2['id']}"), 404, "not-found")
        assert service.placements_of_x() == {service.placement_x["id"]}

    def test_a_home_outside_their_cases_is_answered_like_a_home_that_does_not_exist(
        self, service: Service
    ) -> None:
        service.end_placement_x_today()
        hidden = refused_home(
            service.cp1.post(
                "/v1/placements",
                json=service.body(foster_home_id=service.fh2["id"], start_date=day(0)),
            )
        )
        missing = refused_home(
            service.cp1.post(
                "/v1/placements",
                json=service.body(foster_home_id=str(uuid.uuid4()), start_date=day(0)),
            )
        )
        assert hidden["detail"] == missing["detail"]
        assert hidden["errors"] == missing["errors"]

    def test_a_contact_person_still_places_a_child_into_a_home_of_their_cases(
        self, service: Service
    ) -> None:
        service.end_placement_x_today()
        response = service.cp1.post(
            "/v1/placements", json=service.body(start_date=day(0), agreement_end_date=day(700))
        )
        assert response.status_code == 201, response.text
        assert response.json()["foster_home_id"] == service.fh1["id"]

    def test_a_leader_still_registers_any_placement_into_any_home_of_the_service(
        self, service: Service
    ) -> None:
        response = service.leader.post(
            "/v1/placements",
            json=service.body(
                foster_home_id=service.fh2["id"],
                start_date="2015-04-01",
                end_date="2015-05-01",
                end_reason="other",
                agreement_end_date=None,
            ),
        )
        assert response.status_code == 201, response.text
        assert response.json()["status"] == "ended"


class TestAContactPersonCannotWritePlacementHistory:
    def test_an_already_ended_placement_is_refused_even_into_their_own_home(
        self, service: Service
    ) -> None:
        response = service.cp1.post(
            "/v1/placements",
            json=service.body(
                start_date="2015-04-01",
                end_date="2015-05-01",
                end_reason="other",
                agreement_end_date=None,
            ),
        )
        body = problem(response, 403, "forbidden")
        assert [e["pointer"] for e in body["errors"]] == ["#/end_date"]
        assert body["errors"][0]["code"] == "ended_placement"
        assert service.placements_of_x() == {service.placement_x["id"]}

    def test_a_placement_ending_today_counts_as_ended(self, service: Service) -> None:
        service.end_placement_x_today()
        response = service.cp1.post(
            "/v1/placements",
            json=service.body(
                start_date=day(0), end_date=day(0), end_reason="other", agreement_end_date=None
            ),
        )
        problem(response, 403, "forbidden")
        assert service.placements_of_x() == {service.placement_x["id"]}

    def test_a_placement_with_a_planned_end_is_not_history(self, service: Service) -> None:
        service.end_placement_x_today()
        response = service.cp1.post(
            "/v1/placements",
            json=service.body(
                start_date=day(0), end_date=day(1), end_reason="other", agreement_end_date=None
            ),
        )
        assert response.status_code == 201, response.text
        assert response.json()["status"] == "active"


class TestAConflictNamesOnlyPlacementsTheCallerMayRead:
    def test_an_external_ref_of_another_case_is_a_conflict_without_its_id(
        self, service: Service
    ) -> None:
        """The review's reproduction of finding 11."""
        service.end_placement_x_today()
        response = service.cp1.post(
            "/v1/placements", json=service.body(start_date=day(0), external_ref=REF)
        )
        body = problem(response, 409, "duplicate-external-ref")
        assert "existing" not in body
        assert service.placement_y["id"] not in response.text
        assert service.placements_of_x() == {service.placement_x["id"]}

    def test_a_leader_is_told_which_placement_holds_the_external_ref(
        self, service: Service
    ) -> None:
        service.end_placement_x_today()
        response = service.leader.post(
            "/v1/placements", json=service.body(start_date=day(0), external_ref=REF)
        )
        body = problem(response, 409, "duplicate-external-ref")
        assert body["existing"] == f"/v1/placements/{service.placement_y['id']}"

    def test_an_external_ref_of_their_own_case_names_it(self, service: Service) -> None:
        own = {"system": "visma", "key": "SAK-2024-0001"}
        url = f"/v1/placements/{service.placement_x['id']}"
        current = service.cp1.get(url)
        changed = service.cp1.patch(
            url, json={"external_ref": own}, headers={"If-Match": current.headers["ETag"]}
        )
        assert changed.status_code == 200, changed.text
        service.end_placement_x_today()
        response = service.cp1.post(
            "/v1/placements", json=service.body(start_date=day(0), external_ref=own)
        )
        body = problem(response, 409, "duplicate-external-ref")
        assert body["existing"] == url

    def test_changing_to_another_cases_external_ref_is_a_conflict_without_its_id(
        self, service: Service
    ) -> None:
        url = f"/v1/placements/{service.placement_x['id']}"
        current = service.cp1.get(url)
        response = service.cp1.patch(
            url, json={"external_ref": REF}, headers={"If-Match": current.headers["ETag"]}
        )
        body = problem(response, 409, "duplicate-external-ref")
        assert "existing" not in body
        assert service.placement_y["id"] not in response.text
        assert service.cp1.get(url).json()["external_ref"] is None

    def test_an_overlap_with_another_contact_persons_placement_does_not_name_it(
        self, service: Service
    ) -> None:
        # Child X moves to FH2 in a month, followed there by cp2: cp1 cannot read that placement.
        integration = service.tenant.integration
        ended = integration.post(
            f"/v1/placements/{service.placement_x['id']}/end",
            json={"end_date": day(30), "end_reason": "moved_to_other_foster_home"},
        )
        assert ended.status_code == 200, ended.text
        later = integration.created(
            "/v1/placements",
            service.body(
                foster_home_id=service.fh2["id"],
                contact_person_id=service.cp2_id,
                start_date=day(30),
            ),
        )
        problem(service.cp1.get(f"/v1/placements/{later['id']}"), 404, "not-found")
        body = service.body(start_date=day(60))
        response = service.cp1.post("/v1/placements", json=body)
        problem_body = problem(response, 409, "overlapping-placement")
        assert "existing" not in problem_body
        assert later["id"] not in response.text
        told = problem(
            service.leader.post("/v1/placements", json=body), 409, "overlapping-placement"
        )
        assert told["existing"] == f"/v1/placements/{later['id']}"

    def test_an_overlap_with_their_own_placement_names_it(self, service: Service) -> None:
        response = service.cp1.post("/v1/placements", json=service.body(start_date=day(10)))
        body = problem(response, 409, "overlapping-placement")
        assert body["existing"] == f"/v1/placements/{service.placement_x['id']}"
