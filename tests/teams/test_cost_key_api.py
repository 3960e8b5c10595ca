"""The cost key over HTTP: a year's rates and budget in whole kroner, the preliminary split, the
year-end settlement from actual use and hours, and each member's statement (JSON and CSV)."""

from __future__ import annotations

import csv
import io
from typing import Any

import docx
from sqlalchemy import Connection, func, select

from app.clock import today
from app.teams.models import TeamSettlement, TeamYear
from tests.helpers import Api, ok, pointers, problem
from tests.teams.helpers import Team, make_team, order_at

YEAR = today().year


def rates(team: Team, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "group_budget": 1_200_001,
        "individual_budget": 950_000,
        "hourly_rate": 1150,
        "planned_use": [
            {"member_service_id": m.service_id, "count": n}
            for m, n in zip(team.members, [8, 5, 4, 3, 2, 2, 1], strict=False)
        ],
        "planned_hours": [{"member_service_id": team.members[1].service_id, "count": 100}],
    }
    body.update(overrides)
    return body


def put_year(team: Team, body: dict[str, Any]) -> Any:
    return team.host.leader.request("PUT", f"/v1/teams/{team.team['id']}/years/{YEAR}", json=body)


class TestAYearsRatesAndBudget:
    def test_a_budget_that_is_not_whole_kroner_is_refused(self, api: Api) -> None:
        team = make_team(api, members=2)
        for field, value in (
            ("group_budget", 1500.5),
            ("group_budget", "1500"),
            ("individual_budget", -1),
            ("hourly_rate", 1150.0),
        ):
            body = problem(put_year(team, rates(team, **{field: value})), 422, "validation-error")
            assert pointers(body) == [f"#/{field}"], (field, value)

    def test_the_rates_are_set_and_replaced_until_the_year_is_settled(self, api: Api) -> None:
        team = make_team(api, members=2)
        ok(put_year(team, rates(team)))
        replaced = ok(put_year(team, rates(team, hourly_rate=1200)))
        assert replaced["hourly_rate"] == 1200
        url = f"/v1/teams/{team.team['id']}/years/{YEAR}"
        assert ok(team.members[1].leader.get(url))["hourly_rate"] == 1200
        ok(team.host.leader.post(f"{url}/settlement", json={"use": []}), 201)
        problem(put_year(team, rates(team)), 409, "year-settled")
        problem(team.host.leader.post(f"{url}/settlement", json={"use": []}), 409, "year-settled")

    def test_planned_use_names_members_of_that_year(self, api: Api) -> None:
        team = make_team(api, members=2)
        body = rates(team, planned_use=[{"member_service_id": api.tenant().service_id, "count": 3}])
        refused = problem(put_year(team, body), 422, "validation-error")
        assert pointers(refused) == ["#/planned_use/0/member_service_id"]

    def test_only_the_host_sets_the_rates(self, api: Api) -> None:
        team = make_team(api, members=2)
        url = f"/v1/teams/{team.team['id']}/years/{YEAR}"
        problem(team.members[1].leader.request("PUT", url, json=rates(team)), 403, "forbidden")


class TestThePreliminarySplitAndTheSettlement:
    def test_a_seven_member_team_splits_its_year_to_the_krone(self, api: Api) -> None:
        team = make_team(api)
        ok(put_year(team, rates(team)))
        url = f"/v1/teams/{team.team['id']}/years/{YEAR}"
        lines = ok(team.host.leader.get(f"{url}/statements"))["items"]
        assert len(lines) == 7
        assert sum(line["preliminary"]["fixed"] + line["preliminary"]["use"] for line in lines) == (
            1_200_001
        )
        assert sum(line["preliminary"]["fixed"] for line in lines) == 600_000
        planned = {line["member_service_id"]: line["preliminary"]["individual"] for line in lines}
        assert planned[team.members[1].service_id] == 115_000  # 100 hours at 1150
        assert all(line["settlement"] is None for line in lines)
        # The year's actual use and hours.
        _, order = order_at(team, team.members[2], "started", category="other")
        ok(
            team.supervisor.post(
                f"/v1/team-orders/{order['id']}/hours",
                json={"worked_on": today().isoformat(), "hours": 10.25},
            )
        )
        use = [
            {"member_service_id": m.service_id, "count": n}
            for m, n in zip(team.members, [9, 6, 4, 4, 1, 2, 0], strict=False)
        ]
        settled = ok(team.host.leader.post(f"{url}/settlement", json={"use": use}), 201)
        assert settled["fixed_percent"] == 50
        after = {line["member_service_id"]: line for line in settled["lines"]}
        assert sum(
            line["settlement"]["fixed"] + line["settlement"]["use"] for line in after.values()
        ) == (1_200_001)
        assert sum(line["settlement"]["individual"] for line in after.values()) == 11_788  # 10.25 h
        assert after[team.members[2].service_id]["settlement"]["hours"] == 10.25
        assert after[team.members[6].service_id]["settlement"]["use"] == 0  # no seats used
        for line in after.values():
            assert line["difference"] == line["settlement"]["total"] - line["preliminary"]["total"]
        # The statements now show the settlement; a member sees only its own line.
        mine = ok(team.members[3].leader.get(f"{url}/statements"))["items"]
        assert [line["member_service_id"] for line in mine] == [team.members[3].service_id]
        assert mine[0]["settlement"] == after[team.members[3].service_id]["settlement"]

    def test_the_statements_are_a_csv_file_for_the_accounts(self, api: Api) -> None:
        team = make_team(api, members=3)
        ok(put_year(team, rates(team)))
        response = team.host.leader.get(
            f"/v1/teams/{team.team['id']}/years/{YEAR}/statements",
            headers={"Accept": "text/csv"},
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert len(rows) == 3
        assert sum(int(r["preliminary_fixed"]) + int(r["preliminary_use"]) for r in rows) == (
            1_200_001
        )
        assert all(r["settled_total"] == "" for r in rows)

    def test_a_settlement_for_a_year_with_no_rates_is_refused_and_nothing_is_saved(
        self, api: Api, connection: Connection
    ) -> None:
        team = make_team(api, members=2)
        url = f"/v1/teams/{team.team['id']}/years/{YEAR + 1}/settlement"
        body = problem(team.host.leader.post(url, json={"use": []}), 422, "validation-error")
        assert [(e["parameter"], e["code"]) for e in body["errors"]] == [("year", "no_rates")]
        count = select(func.count()).select_from(TeamSettlement)
        assert connection.scalar(count.where(TeamSettlement.year == YEAR + 1)) == 0

    def test_a_year_without_population_figures_cannot_be_split(
        self, api: Api, connection: Connection
    ) -> None:
        team = make_team(api, members=2)
        url = f"/v1/teams/{team.team['id']}/years/{YEAR + 1}"
        ok(
            put_year_for(
                team, YEAR + 1, {"group_budget": 1000, "individual_budget": 0, "hourly_rate": 1000}
            )
        )
        body = problem(team.host.leader.get(f"{url}/statements"), 422, "validation-error")
        assert [e["code"] for e in body["errors"]] == ["no_populations"]
        body = problem(
            team.host.leader.post(f"{url}/settlement", json={"use": []}), 422, "validation-error"
        )
        assert [e["code"] for e in body["errors"]] == ["no_populations"]
        assert (
            connection.scalar(
                select(func.count()).select_from(TeamYear).where(TeamYear.year == YEAR + 1)
            )
            == 1
        )

    def test_a_year_without_rates_has_no_statements(self, api: Api) -> None:
        team = make_team(api, members=2)
        url = f"/v1/teams/{team.team['id']}/years/{YEAR + 2}"
        problem(team.host.leader.get(f"{url}/statements"), 404, "not-found")
        problem(team.host.leader.get(url), 404, "not-found")


def put_year_for(team: Team, year: int, body: dict[str, Any]) -> Any:
    return team.host.leader.request("PUT", f"/v1/teams/{team.team['id']}/years/{year}", json=body)


def document_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


class TestTheWordStatement:
    def test_a_members_statement_is_a_word_document_in_norwegian(self, api: Api) -> None:
        team = make_team(api)
        ok(put_year(team, rates(team)))
        url = f"/v1/teams/{team.team['id']}/years/{YEAR}/statements"
        member = team.members[1]
        line = next(
            x
            for x in ok(team.host.leader.get(url))["items"]
            if x["member_service_id"] == member.service_id
        )
        response = member.leader.get(f"{url}/{member.service_id}/document")
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
        text = document_text(response.content)
        assert "Kostnadsfordeling i det interkommunale teamet" in text
        assert "Foreløpig fordeling" in text
        total = f"{line['preliminary']['total']:,} kr".replace(",", "\u00a0")
        assert total in text
        assert "{{" not in text
        assert "[mangler" not in text
        # Another member's statement is not this member's to read.
        other = team.members[2].service_id
        problem(member.leader.get(f"{url}/{other}/document"), 404, "not-found")

    def test_a_settled_statement_shows_the_settlement_and_the_difference(self, api: Api) -> None:
        team = make_team(api, members=3)
        ok(put_year(team, rates(team)))
        base = f"/v1/teams/{team.team['id']}/years/{YEAR}"
        ok(team.host.leader.post(f"{base}/settlement", json={"use": []}), 201)
        member = team.members[2].service_id
        response = team.host.leader.get(f"{base}/statements/{member}/document")
        assert response.status_code == 200, response.text
        text = document_text(response.content)
        assert "Årsoppgjør" in text
        assert "Differanse mot den foreløpige fordelingen" in text

    def test_the_statement_renders_to_pdf(self, api: Api, soffice: str) -> None:
        team = make_team(api, members=2)
        ok(put_year(team, rates(team)))
        member = team.members[1].service_id
        response = team.host.leader.get(
            f"/v1/teams/{team.team['id']}/years/{YEAR}/statements/{member}/document",
            params={"format": "pdf"},
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
