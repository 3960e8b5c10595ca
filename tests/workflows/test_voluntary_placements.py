"""Voluntary placements get their own parent track (issue #19 item 3): the parents keep parental
responsibility and may withdraw consent, so they meet the contact person regularly; a change of
legal basis closes the workflows of the old basis and starts those of the new one."""

from __future__ import annotations

from typing import Any

from dateutil.relativedelta import relativedelta

from tests.helpers import Api, Case, case_started, day, ok, parse
from tests.workflows.test_workflows_api import changes_of, patch, tasks_of, workflows_of

VOLUNTARY = "samarbeid-foreldre-frivillig"
CARE_ORDER_ONLY = {"oppfolging-foreldre", "vurderingstrakt"}


def running(case: Case) -> set[str]:
    found = workflows_of(case.tenant.leader, case.placement["id"], status="active")
    return {w["definition_key"] for w in found}


def open_tasks(case: Case, key: str) -> list[dict[str, Any]]:
    return [t for t in tasks_of(case, key) if t["status"] == "open"]


def test_a_voluntary_placement_gives_the_parents_a_meeting_every_three_months(api: Api) -> None:
    start = day(-3)
    case = case_started(api, start, legal_basis="voluntary")

    meetings = sorted(open_tasks(case, VOLUNTARY), key=lambda t: t["nominal_date"])

    first = start + relativedelta(months=3)
    assert [parse(t["nominal_date"]) for t in meetings[:4]] == [
        first + relativedelta(months=3 * n) for n in range(4)
    ]
    assert {t["assignee_id"] for t in meetings} == {case.tenant.contact_id}
    assert (
        "Regel (tjenestens rutine): samarbeidsmøte med foreldrene fire ganger i året"
        in meetings[0]["explanation"]
    )
    assert meetings[0]["legal_basis"].startswith("Barnevernsloven kapittel 3 (hjelpetiltak")
    assert not running(case) & CARE_ORDER_ONLY


def test_a_care_order_ends_the_voluntary_meetings_and_starts_the_care_order_track(
    api: Api,
) -> None:
    case = case_started(api, day(-30), legal_basis="voluntary")
    before = open_tasks(case, VOLUNTARY)
    url = f"/v1/placements/{case.placement['id']}"

    ok(
        patch(
            case.tenant.leader,
            url,
            {"legal_basis": "care_order", "care_order_date": day(-2).isoformat()},
        )
    )

    assert VOLUNTARY not in running(case)
    assert running(case) >= CARE_ORDER_ONLY
    assert open_tasks(case, VOLUNTARY) == []
    lapsed = changes_of(case.tenant.leader, before[0]["id"])[-1]
    assert lapsed["action"] == "cancelled"
    assert lapsed["reason"] == "Plasseringens grunnlag ble endret (omsorgsovertakelse)."


def test_a_care_order_lifted_while_the_child_stays_voluntarily_ends_the_care_order_track(
    api: Api,
) -> None:
    case = case_started(api, day(-30), legal_basis="care_order")
    assert running(case) >= CARE_ORDER_ONLY
    url = f"/v1/placements/{case.placement['id']}"

    placement = ok(patch(case.tenant.leader, url, {"legal_basis": "voluntary"}))

    assert placement["care_order_date"] is None
    assert not running(case) & CARE_ORDER_ONLY
    assert VOLUNTARY in running(case)
    assert open_tasks(case, "vurderingstrakt") == []
    assert {parse(t["nominal_date"]) >= day(0) for t in open_tasks(case, VOLUNTARY)} == {True}


def test_the_preview_shows_a_change_of_legal_basis_before_it_is_saved(api: Api) -> None:
    case = case_started(api, day(-30), legal_basis="care_order")
    url = f"/v1/placements/{case.placement['id']}"

    preview = ok(
        case.tenant.leader.post(f"{url}/schedule-preview", json={"legal_basis": "voluntary"})
    )

    actions = {(c["action"], c["step_key"]) for c in preview["changes"]}
    assert ("cancelled", "trinn_1_omsorgsevne") in actions
    assert ("created", "samarbeidsmote") in actions
    assert ok(case.tenant.leader.get(url))["legal_basis"] == "care_order"
    assert running(case) >= CARE_ORDER_ONLY
    assert VOLUNTARY not in running(case)
