"""*Mine oppgaver* over HTTP (both databases): the groups with their counts, overdue marked by
text and icon, links to each task and child, and the filter by child (by placement id)."""

from __future__ import annotations

import re
from datetime import timedelta

from app.clock import today
from tests.helpers import Api, Case, child_body, foster_home_body, make_case, placement_body
from tests.web.conftest import WebClient


def _second_child(case: Case) -> Case:
    tenant = case.tenant
    child = tenant.integration.created(
        "/v1/children", child_body(given_name="Jonas", family_name="Jensen")
    )
    home = tenant.integration.created("/v1/foster-homes", foster_home_body(name="Familien Li"))
    body = placement_body(
        tenant, child_id=child["id"], foster_home_id=home["id"], start_date=today().isoformat()
    )
    placement = tenant.integration.created("/v1/placements", body)
    return Case(tenant=tenant, child=child, foster_home=home, placement=placement)


def _open_tasks(case: Case) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    params: dict[str, object] = {
        "assignee_id": case.tenant.contact_id,
        "status": "open",
        "limit": 100,
    }
    while True:
        page = case.tenant.contact.get("/v1/tasks", params=params).json()
        items += page["items"]
        if not page["has_more"]:
            return items
        params["cursor"] = page["next_cursor"]


def _count(html: str, key: str) -> int:
    found = re.search(rf'id="gruppe-{key}">[^<(]*\((\d+)\)', html)
    assert found, key
    return int(found.group(1))


def test_the_tasks_are_grouped_overdue_next_14_days_and_later_with_counts(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)  # moved in on 5 January 2026: some deadlines have passed
    tasks = _open_tasks(case)
    on = today()
    expected = {
        "overdue": sum(1 for t in tasks if str(t["due_date"]) < on.isoformat()),
        "soon": sum(
            1
            for t in tasks
            if on.isoformat() <= str(t["due_date"]) <= (on + timedelta(days=14)).isoformat()
        ),
    }
    expected["later"] = len(tasks) - expected["overdue"] - expected["soon"]
    page = web.login("kari@test.example").text
    for key, count in expected.items():
        assert _count(page, key) == count, key
    assert f"{expected['overdue']} forfalt, {expected['soon']} forfaller" in page
    horizon = (on + timedelta(days=91)).isoformat()
    listed = [t for t in tasks if str(t["due_date"]) <= horizon]
    assert listed
    for task in listed:
        assert f'href="/app/tasks/{task["id"]}"' in page
    assert f'href="/app/placements/{case.placement["id"]}">Emma Eksempel</a>' in page


def test_tasks_due_more_than_three_months_ahead_are_counted_not_listed(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    horizon = (today() + timedelta(days=91)).isoformat()
    beyond = [t for t in _open_tasks(case) if str(t["due_date"]) > horizon]
    assert len(beyond) > 1  # the plan runs for years
    page = web.login("kari@test.example").text
    for task in beyond:
        assert f'href="/app/tasks/{task["id"]}"' not in page
    assert f"{len(beyond)} oppgaver har frist etter" in page
    assert "i årshjulet på barnets side" in page


def test_an_overdue_task_is_marked_by_text_and_an_icon_not_by_colour_alone(
    web: WebClient, api: Api
) -> None:
    case = make_case(api)
    overdue = [t for t in _open_tasks(case) if t["overdue"]]
    assert overdue, "the case has no overdue task to show"
    page = web.login("kari@test.example").text
    section = page.split('id="gruppe-overdue"')[1].split('id="gruppe-soon"')[0]
    assert section.count("ff-status--overdue") == len(overdue)
    assert re.search(r'<svg class="ff-icon"[^>]*aria-hidden="true"', section)
    assert "Forfalt " in section
    assert "på overtid" in section


def test_the_filter_by_child_shows_that_childs_tasks_and_names_only_the_placement_id(
    web: WebClient, api: Api
) -> None:
    first = make_case(api)
    second = _second_child(first)
    page = web.login("kari@test.example").text
    assert f'<option value="{first.placement["id"]}">Emma Eksempel</option>' in page
    assert f'<option value="{second.placement["id"]}">Jonas Jensen</option>' in page
    filtered = web.get("/app/", params={"barn": second.placement["id"]})
    assert filtered.status_code == 200
    assert f'<option value="{second.placement["id"]}" selected>' in filtered.text
    links = set(re.findall(r'href="/app/placements/([^"]+)"', filtered.text))
    assert links == {second.placement["id"]}
    second_tasks = [t for t in _open_tasks(first) if t["placement_id"] == second.placement["id"]]
    total = sum(_count(filtered.text, k) for k in ("overdue", "soon", "later"))
    assert total == len(second_tasks)


def test_a_filter_for_a_child_the_person_does_not_follow_shows_all_and_says_so(
    web: WebClient, api: Api
) -> None:
    make_case(api)
    web.login("kari@test.example")
    for value in ("00000000-0000-4000-8000-000000000000", "ikke-en-id"):
        page = web.get("/app/", params={"barn": value})
        assert page.status_code == 200
        assert "Velg et av barna i listen" in page.text
        assert 'href="/app/placements/' in page.text  # every task, unfiltered


def test_the_filter_works_without_javascript_and_htmx_only_swaps_the_list(
    web: WebClient, api: Api
) -> None:
    make_case(api)
    page = web.login("kari@test.example").text
    form = page.split('<form method="get" action="/app/"')[1].split("</form>")[0]
    assert 'type="submit"' in form
    assert 'name="barn"' in form
    assert 'hx-select="#oppgaveliste"' in form
    assert 'id="oppgaveliste"' in page
