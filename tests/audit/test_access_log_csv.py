"""The access log as CSV is opened in a spreadsheet by a leader: a cell a caller wrote (the
``X-On-Behalf-Of`` and ``X-Request-ID`` of their request) must never run as a formula there."""

from __future__ import annotations

import csv
import io

import pytest

from tests.helpers import Api, Case, make_case, ok

# The review's exact header (finding 10); the address is a closed port on loopback.
HYPERLINK = '=HYPERLINK("http://127.0.0.1:1/x?"&A1,"klikk")'


def exported(case: Case) -> list[dict[str, str]]:
    response = case.tenant.leader.get(
        f"/v1/children/{case.child['id']}/access-log", headers={"Accept": "text/csv"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


class TestACellThatWouldBeAFormulaIsExportedAsText:
    def test_an_on_behalf_of_hyperlink_is_a_quoted_text_cell(self, api: Api) -> None:
        case = make_case(api)
        ok(
            case.tenant.integration.get(
                f"/v1/children/{case.child['id']}", headers={"X-On-Behalf-Of": HYPERLINK}
            )
        )
        [read] = [r for r in exported(case) if r["operation"] == "getChild"]
        assert read["on_behalf_of"] == "'" + HYPERLINK
        # The JSON log keeps what the caller sent: only the spreadsheet format is neutralised.
        log = ok(case.tenant.leader.get(f"/v1/children/{case.child['id']}/access-log"))
        assert HYPERLINK in {e["on_behalf_of"] for e in log["items"]}

    @pytest.mark.parametrize(
        "value",
        ["=1+1", "+1+1", "-1+1", "@SUM(A1:A9)", "+cmd|' /C calc'!A0"],
    )
    def test_every_cell_starting_with_a_formula_character_is_prefixed_with_a_quote(
        self, api: Api, value: str
    ) -> None:
        case = make_case(api)
        headers = {"X-On-Behalf-Of": value, "X-Request-ID": value}
        ok(case.tenant.integration.get(f"/v1/children/{case.child['id']}", headers=headers))
        [read] = [r for r in exported(case) if r["operation"] == "getChild"]
        assert (read["on_behalf_of"], read["request_id"]) == ("'" + value, "'" + value)

    def test_other_cells_are_exported_unchanged(self, api: Api) -> None:
        case = make_case(api)
        headers = {"X-On-Behalf-Of": "FLYT\\lise.leder", "X-Request-ID": "req-42"}
        ok(case.tenant.integration.get(f"/v1/children/{case.child['id']}", headers=headers))
        [read] = [r for r in exported(case) if r["operation"] == "getChild"]
        assert (read["on_behalf_of"], read["request_id"]) == ("FLYT\\lise.leder", "req-42")
        assert read["child_id"] == case.child["id"]
        assert read["occurred_at"][:2] in ("20", "21")


class TestNeutralisingACell:
    """Tab and carriage return cannot start a header value (HTTP strips the one and refuses the
    other), so the rule for them is proven on the function every export uses."""

    @pytest.mark.parametrize("cell", ["=1", "+1", "-1", "@A1", "\t=1", "\r=1"])
    def test_a_cell_starting_a_formula_is_prefixed_with_a_quote(self, cell: str) -> None:
        from app.csv_export import csv_text

        [row] = list(csv.reader(io.StringIO(csv_text(["x"], [[cell]]).split("\r\n", 1)[1])))
        assert row == ["'" + cell]

    @pytest.mark.parametrize("cell", ["", "a=1", " =1", "'=1", "2026-12-01", "FLYT\\lise"])
    def test_any_other_cell_is_unchanged(self, cell: str) -> None:
        from app.csv_export import neutralise

        assert neutralise(cell) == cell
