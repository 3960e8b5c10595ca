"""A service may keep Christmas Eve and New Year's Eve closed (issue #19 item 6): deadlines then
move off them as off a public holiday, and the explanation says why. Over HTTP."""

from __future__ import annotations

from datetime import date, timedelta

from app.clock import today
from tests.helpers import Api, case_started, make_case, ok, pointers, problem
from tests.workflows.test_workflows_api import tasks_of


def christmas_year() -> int:
    """The first year whose 24 December is a weekday three months after a start that a
    placement registered today still plans from (the backfill window)."""
    year = today().year
    while date(year, 9, 24) < today() - timedelta(days=31) or date(year, 12, 24).weekday() > 4:
        year += 1
    return year


def set_closed_days(api: Api, service_id: str, days: list[str]) -> dict[str, object]:
    url = f"/v1/services/{service_id}"
    etag = api.admin.get(url).headers["ETag"]
    return dict(ok(api.admin.patch(url, json={"closed_days": days}, headers={"If-Match": etag})))


def test_a_visit_due_on_christmas_eve_moves_to_the_day_before_when_the_service_is_closed(
    api: Api,
) -> None:
    year = christmas_year()
    start = date(year, 9, 24)
    open_case = case_started(api, start)
    visit = min(tasks_of(open_case, "oppfolgingsbesok"), key=lambda t: t["due_date"])
    assert visit["due_date"] == date(year, 12, 24).isoformat()

    tenant = api.tenant()
    updated = set_closed_days(api, tenant.service_id, ["christmas_eve", "new_years_eve"])
    assert updated["closed_days"] == ["christmas_eve", "new_years_eve"]
    closed_case = make_case(
        api,
        tenant,
        start_date=start.isoformat(),
        agreement_end_date=date(year + 2, 9, 23).isoformat(),
    )

    visit = min(tasks_of(closed_case, "oppfolgingsbesok"), key=lambda t: t["due_date"])
    assert visit["nominal_date"] == date(year, 12, 24).isoformat()
    assert visit["due_date"] == previous_weekday(date(year, 12, 24)).isoformat()
    assert "er julaften, som tjenesten holder stengt" in visit["explanation"]


def previous_weekday(day: date) -> date:
    day -= timedelta(days=1)
    while day.weekday() > 4:
        day -= timedelta(days=1)
    return day


def test_an_unknown_or_repeated_closed_day_is_refused_at_the_field(api: Api) -> None:
    case = case_started(api, date(today().year, 1, 5))
    url = f"/v1/services/{case.tenant.service_id}"
    for days, pointer in (
        (["midsummer_eve"], "#/closed_days/0"),
        (["christmas_eve", "christmas_eve"], "#/closed_days"),
    ):
        etag = api.admin.get(url).headers["ETag"]
        response = api.admin.patch(url, json={"closed_days": days}, headers={"If-Match": etag})
        assert pointers(problem(response, 422, "validation-error")) == [pointer]
    assert ok(api.admin.get(url))["closed_days"] == []
