"""Exports (issue #17 item 4): every oversight table as CSV and XLSX, with no names or national
ids, small numbers suppressed below the setting, and children listed only above it."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import Connection

from app.config import Settings
from app.oversight.export import ExportFormat, Table, render
from tests.helpers import Api, make_case, problem
from tests.oversight.fixture import Fixture, build

TABLES = ("compliance", "children", "staff", "months", "indicators", "breakdowns")


@pytest.fixture
def service(api: Api, connection: Connection) -> Fixture:
    return build(api, connection)


def export(service: Fixture, caller: Any = None, **params: Any) -> Any:
    caller = caller or service.case_a.tenant.leader
    return caller.get("/v1/oversight/export", params=service.params(**params))


def csv_rows(response: Any) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


class TestEveryTableExports:
    @pytest.mark.parametrize("table", [t for t in TABLES if t != "children"])
    def test_as_csv_and_xlsx_with_the_same_header(self, service: Fixture, table: str) -> None:
        as_csv = export(service, table=table, format="csv")
        header = next(csv.reader(io.StringIO(as_csv.text)))
        as_xlsx = export(service, table=table, format="xlsx")
        assert as_xlsx.status_code == 200, as_xlsx.text
        assert "attachment" in as_xlsx.headers["content-disposition"]
        sheet = load_workbook(io.BytesIO(as_xlsx.content), read_only=True).active
        assert [c for c in next(sheet.iter_rows(values_only=True))] == header

    def test_no_name_or_national_id_in_any_table(self, service: Fixture) -> None:
        names = {"Emma", "Eksempel", "Kari", "Kontakt", "Lise", "Fjord"}
        for table in TABLES:
            response = export(service, table=table, format="csv")
            if response.status_code == 409:
                continue
            assert not any(n in response.text for n in names), table


class TestSmallNumbers:
    def test_counts_below_five_are_written_as_less_than_five(self, service: Fixture) -> None:
        rows = csv_rows(export(service, table="compliance", format="csv"))
        visits = next(r for r in rows if r["rule"] == "oppfolgingsbesok.besok")
        # Seven visit tasks are due; each result has one or two (hand count in fixture.py).
        assert visits["due"] == "7"
        assert {visits[k] for k in ("on_time", "late", "overdue", "skipped", "pending")} == {"<5"}
        assert visits["on_time_share"] == ""

    def test_the_threshold_is_a_setting(self) -> None:
        assert Settings().oversight_small_numbers_below == 5
        table = Table(
            "t",
            ["n", "share"],
            [[1, 0.5], [2, 1.0], [0, None]],
            frozenset({"n"}),
            frozenset({"share"}),
        )
        assert table.suppressed(2).rows == [["<2", None], [2, 1.0], [0, None]]
        assert table.suppressed(1).rows == table.rows

    def test_fewer_children_than_the_threshold_are_not_listed(self, service: Fixture) -> None:
        problem(export(service, table="children", format="csv"), 409, "conflict")

    def test_children_are_listed_by_id_at_the_threshold(self, api: Api, service: Fixture) -> None:
        more = [make_case(api, service.case_a.tenant) for _ in range(3)]
        rows = csv_rows(export(service, table="children", format="csv", end="2030-12-31"))
        listed = {r["child_id"] for r in rows}
        assert listed == {c.child["id"] for c in (service.case_a, service.case_b, *more)}
        assert set(rows[0]) == {
            "child_id",
            "service_id",
            "rule",
            "due",
            "on_time",
            "late",
            "overdue",
            "skipped",
            "pending",
            "on_time_share",
        }


class TestBadInput:
    def test_an_unknown_format_is_a_422_at_format(self, service: Fixture) -> None:
        body = problem(export(service, table="compliance", format="pdf"), 422, "validation-error")
        assert [e.get("parameter") for e in body["errors"]] == ["format"]

    def test_an_unknown_table_is_a_422_at_table(self, service: Fixture) -> None:
        body = problem(export(service, table="everything", format="csv"), 422, "validation-error")
        assert [e.get("parameter") for e in body["errors"]] == ["table"]


def test_a_cell_that_would_be_a_formula_is_written_as_text() -> None:
    table = Table("t", ["a"], [["=HYPERLINK(1)"]])
    sheet = load_workbook(io.BytesIO(render(table, ExportFormat.XLSX)), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1] == ("'=HYPERLINK(1)",)
