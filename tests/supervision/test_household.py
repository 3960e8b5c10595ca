"""The other children living in a foster home (issue #14 item 1, review rows 10 and 81): the
foster parents' own children and other foster children, recorded without a national id."""

from __future__ import annotations

from tests.helpers import Api, make_case, ok, pointers, problem
from tests.supervision.helpers import HOME_CHILD


def children_url(home_id: str) -> str:
    return f"/v1/foster-homes/{home_id}/children"


class TestOtherChildrenInTheHome:
    def test_the_foster_parents_own_child_and_another_foster_child_are_recorded(
        self, api: Api
    ) -> None:
        case = make_case(api)
        url = children_url(case.foster_home["id"])
        emma = ok(case.tenant.integration.post(url, json=HOME_CHILD), 201)
        jonas = ok(
            case.tenant.integration.post(
                url,
                json={"name": "Jonas", "birth_date": "2012-04-03", "relation": "foster_child"},
            ),
            201,
        )
        assert jonas["birth_year"] == 2012
        assert emma["birth_date"] is None
        listed = ok(case.tenant.contact.get(url))["items"]
        assert [c["name"] for c in listed] == ["Jonas", "Emma"]  # oldest first

    def test_a_child_who_moved_out_is_kept_with_the_day(self, api: Api) -> None:
        case = make_case(api)
        url = children_url(case.foster_home["id"])
        created = ok(case.tenant.integration.post(url, json=HOME_CHILD), 201)
        one = f"{url}/{created['id']}"
        etag = case.tenant.integration.get(one).headers["etag"]
        moved = case.tenant.integration.patch(
            one, json={"moved_out_on": "2026-08-01"}, headers={"If-Match": etag}
        )
        assert ok(moved)["moved_out_on"] == "2026-08-01"

    def test_a_child_without_a_birth_year_or_with_one_that_disagrees_is_refused(
        self, api: Api
    ) -> None:
        case = make_case(api)
        url = children_url(case.foster_home["id"])
        for body in (
            {"name": "Emma", "relation": "own_child"},
            {
                "name": "Emma",
                "relation": "own_child",
                "birth_date": "2015-02-01",
                "birth_year": 2016,
            },
        ):
            refused = problem(case.tenant.integration.post(url, json=body), 422, "validation-error")
            assert pointers(refused) == ["#/birth_year"]
        refused = problem(
            case.tenant.integration.post(url, json={**HOME_CHILD, "national_id": "x"}),
            422,
            "validation-error",
        )
        assert pointers(refused) == ["#/national_id"]
        assert ok(case.tenant.integration.get(url))["items"] == []

    def test_another_services_foster_home_is_a_404(self, api: Api) -> None:
        case = make_case(api)
        other = make_case(api)
        url = children_url(case.foster_home["id"])
        created = ok(case.tenant.integration.post(url, json=HOME_CHILD), 201)
        problem(other.tenant.integration.post(url, json=HOME_CHILD), 404, "not-found")
        problem(other.tenant.integration.get(url), 404, "not-found")
        problem(other.tenant.integration.get(f"{url}/{created['id']}"), 404, "not-found")
