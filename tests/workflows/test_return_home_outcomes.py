"""Return-home outcomes lead somewhere (issue #19 item 8, review §2.8): bringing the case before
the tribunal creates its preparation; giving up the reunification goal changes the question but
keeps a regular assessment, also in the child's next placement; and, behind a rule-set switch
for the 2025 amendment (§ 8-7), a lifted care order is followed by up to six months of follow-up
at home, past the placement's end."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from app.clock import today
from tests.helpers import Api, Case, case_started, day, foster_home_body, ok, parse, placement_body
from tests.workflows import test_workflows_api as workflows_api
from tests.workflows.test_workflows_api import (
    DECISION_ANSWERS,
    assert_due_on_working_day_near,
    complete,
    publish,
    published_values,
    tasks_of,
    workflows_of,
)

# Its helpers walk a funnel to the decision (imported as a module: pytest collects Test* names).
FUNNEL = workflows_api.TestTheReturnHomeFunnel()


def decide(case: Case, outcome: str) -> None:
    decision = FUNNEL.walk_to_decision(case, FUNNEL.funnel(case))
    ok(complete(case.tenant.leader, decision["id"], DECISION_ANSWERS[outcome], outcome))


def running(case: Case, key: str, placement_id: str | None = None) -> list[dict[str, Any]]:
    placement = placement_id or case.placement["id"]
    return workflows_of(case.tenant.leader, placement, definition_key=key, status="active")


def one_task(case: Case, key: str, step: str) -> dict[str, Any]:
    found = [t for t in tasks_of(case, key, step) if t["status"] == "open"]
    assert len(found) == 1, found
    return found[0]


def tribunal_decides(case: Case, outcome: str, **answers: Any) -> None:
    decide(case, "fremme_for_nemnda")
    prepared = one_task(case, "sak-for-nemnda", "forberede_saken")
    sent = {"sendt_dato": day(-1).isoformat(), "informert": "Foreldrene og barnet, i møte."}
    ok(complete(case.tenant.contact, prepared["id"], sent))
    decision = one_task(case, "sak-for-nemnda", "nemndas_avgjorelse")
    body = {"avgjorelsesdato": day(-1).isoformat(), "merknader": "Enstemmig.", **answers}
    ok(complete(case.tenant.leader, decision["id"], body, outcome))


class TestBringingTheCaseBeforeTheTribunal:
    def test_it_creates_the_task_of_preparing_the_case_within_the_rule_sets_month(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        decide(case, "fremme_for_nemnda")

        [tribunal] = running(case, "sak-for-nemnda")
        assert tribunal["workflow_start"] == today().isoformat()
        task = one_task(case, "sak-for-nemnda", "forberede_saken")
        assert task["responsible_role"] == "contact_person"
        assert task["assignee_id"] == case.tenant.contact_id
        assert_due_on_working_day_near(task, today() + relativedelta(months=1))
        assert (
            "én måned etter at lederen besluttet å fremme saken for nemnda" in task["explanation"]
        )
        assert "Regel (tjenestens rutine): saken om tilbakeføring sendes" in task["explanation"]

    def test_the_transition_plan_and_the_tribunals_decision_follow_the_sent_case(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        decide(case, "fremme_for_nemnda")
        prepared = one_task(case, "sak-for-nemnda", "forberede_saken")
        sent = {"sendt_dato": today().isoformat(), "informert": "Alle parter."}
        ok(complete(case.tenant.contact, prepared["id"], sent))
        plan = one_task(case, "sak-for-nemnda", "plan_for_overgangen")
        decision = one_task(case, "sak-for-nemnda", "nemndas_avgjorelse")
        assert parse(plan["due_date"]) <= today() + timedelta(days=14)
        assert decision["responsible_role"] == "leader"

    def test_when_the_care_order_stands_the_regular_assessment_counts_from_the_decision(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        tribunal_decides(case, "vedtaket_star")

        [funnel] = running(case, "vurderingstrakt")
        assert funnel["workflow_start"] == day(-1).isoformat()
        [first] = [t for t in tasks_of(case, "vurderingstrakt") if t["workflow_id"] == funnel["id"]]
        assert_due_on_working_day_near(first, day(-1) + relativedelta(years=1))
        assert "etter at nemnda avgjorde saken om tilbakeføring" in first["explanation"]
        assert running(case, "sak-for-nemnda") == []


class TestTheFollowUpAfterReturnHome:
    def test_without_the_amendment_in_force_a_lifted_care_order_starts_no_follow_up(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        tribunal_decides(case, "vedtaket_opphevet", flyttedato=today().isoformat())
        assert running(case, "oppfolging-etter-tilbakeforing") == []
        assert running(case, "sak-for-nemnda") == []

    def test_with_the_amendment_in_force_the_family_is_followed_up_six_months_past_the_end(
        self, api: Api
    ) -> None:
        ok(publish(api, published_values(api, return_home_follow_up_in_force=True)), 201)
        case = case_started(api, day(-3))
        home = today()
        tribunal_decides(case, "vedtaket_opphevet", flyttedato=home.isoformat())
        url = f"/v1/placements/{case.placement['id']}"
        etag = case.tenant.leader.get(url).headers["etag"]
        ended = case.tenant.leader.post(
            f"{url}/end",
            json={"end_date": home.isoformat(), "end_reason": "returned_home"},
            headers={"If-Match": etag},
        )
        ok(ended)

        [follow_up] = running(case, "oppfolging-etter-tilbakeforing")
        assert follow_up["workflow_start"] == home.isoformat()
        tasks = [
            t for t in tasks_of(case, "oppfolging-etter-tilbakeforing") if t["status"] == "open"
        ]
        conversations = sorted(
            parse(t["nominal_date"]) for t in tasks if t["step_key"] == "samtale"
        )
        assert conversations == [home + relativedelta(months=n) for n in range(1, 7)]
        assert all(d > home for d in conversations)  # after the placement's end, still planned
        plan = next(t for t in tasks if t["step_key"] == "plan_for_oppfolgingen")
        assert plan["legal_basis"].startswith("Barnevernsloven § 8-7")
        # The placement's own workflows closed with it.
        assert running(case, "oppfolgingsbesok") == []


class TestGivingUpTheGoal:
    def test_a_new_placement_continues_the_regular_assessment_not_the_funnel(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-40), care_order_date=day(-40).isoformat())
        decide(case, "avslutte_gjenforeningsmal")
        url = f"/v1/placements/{case.placement['id']}"
        etag = case.tenant.leader.get(url).headers["etag"]
        ok(
            case.tenant.leader.post(
                f"{url}/end",
                json={"end_date": day(-1).isoformat(), "end_reason": "moved_to_other_foster_home"},
                headers={"If-Match": etag},
            )
        )
        home = case.tenant.integration.created(
            "/v1/foster-homes", foster_home_body(name="Familien Li")
        )
        body = placement_body(
            case.tenant,
            child_id=case.child["id"],
            foster_home_id=home["id"],
            start_date=today().isoformat(),
            agreement_end_date=(today() + relativedelta(years=2)).isoformat(),
        )
        moved = case.tenant.integration.created("/v1/placements", body)

        assert running(case, "vurderingstrakt", moved["id"]) == []
        [regular] = running(case, "jevnlig-vurdering", moved["id"])
        assert regular["workflow_start"] == today().isoformat()

    def test_the_regular_assessment_can_lead_back_to_the_funnel_in_two_weeks(
        self, api: Api
    ) -> None:
        case = case_started(api, day(-3))
        decide(case, "avslutte_gjenforeningsmal")
        views = one_task(case, "jevnlig-vurdering", "barnets_synspunkter")
        ok(complete(case.tenant.contact, views["id"], {"barnets_synspunkter": "Savner mamma."}))
        assessment = one_task(case, "jevnlig-vurdering", "vurdering")
        answers = {
            "stabilitet": "Stabil hverdag.",
            "samvaer": "Samværet går godt.",
            "endring_hos_foreldrene": "Mor har fått behandling og bolig.",
            "anbefaling": "Vurder tilbakeføring på nytt.",
        }
        ok(complete(case.tenant.contact, assessment["id"], answers))
        decision = one_task(case, "jevnlig-vurdering", "beslutning")
        body = {"begrunnelse": "Mors situasjon er endret."}
        ok(complete(case.tenant.leader, decision["id"], body, "vurdere_tilbakeforing"))

        [funnel] = running(case, "vurderingstrakt")
        [first] = [t for t in tasks_of(case, "vurderingstrakt") if t["workflow_id"] == funnel["id"]]
        assert parse(first["nominal_date"]) == today() + timedelta(days=14)
        assert (
            "to uker etter at lederen besluttet å vurdere tilbakeføring på nytt"
            in (first["explanation"])
        )

    def test_a_continued_regular_assessment_counts_from_the_last_one(self, api: Api) -> None:
        case = case_started(api, day(-3))
        decide(case, "avslutte_gjenforeningsmal")
        views = one_task(case, "jevnlig-vurdering", "barnets_synspunkter")
        ok(complete(case.tenant.contact, views["id"], {"barnets_synspunkter": "Bra her."}))
        assessment = one_task(case, "jevnlig-vurdering", "vurdering")
        answers = {k: "Godt." for k in ("stabilitet", "samvaer", "endring_hos_foreldrene")}
        ok(complete(case.tenant.contact, assessment["id"], {**answers, "anbefaling": "Fortsett."}))
        decision = one_task(case, "jevnlig-vurdering", "beslutning")
        ok(complete(case.tenant.leader, decision["id"], {"begrunnelse": "Stabilt."}, "fortsette"))

        again = one_task(case, "jevnlig-vurdering", "barnets_synspunkter")
        assert "ett år etter at forrige jevnlige vurdering ble avsluttet" in again["explanation"]
