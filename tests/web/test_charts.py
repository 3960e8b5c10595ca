"""The on-time chart: the SVG's bars and the table beside it hold the numbers it was given."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from app.web.charts import PLOT_HEIGHT, TOP, Month, Series, on_time_chart

SERIES = [
    Series(
        "Oppfølgingsbesøk",
        [Month(2026, 1, 5, 6), Month(2026, 2, 0, 0), Month(2026, 3, 3, 3), Month(2026, 4, 0, 4)],
    ),
    Series("Tilsynsbesøk", [Month(2026, 1, 1, 2), Month(2026, 2, 2, 2)]),
]


def parsed() -> ET.Element:
    return ET.fromstring(f"<root>{on_time_chart(SERIES)}</root>")


def test_each_rule_is_an_accessible_image_with_a_title_and_a_description() -> None:
    root = parsed()
    svgs = root.findall(".//svg")
    assert [s.get("data-rule") for s in svgs] == ["Oppfølgingsbesøk", "Tilsynsbesøk"]
    for svg in svgs:
        assert svg.get("role") == "img"
        title, desc = svg.find("title"), svg.find("desc")
        assert title is not None
        assert desc is not None
        assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    first_desc = svgs[0].find("desc")
    assert first_desc is not None
    assert first_desc.text is not None
    assert "8 av 13 frister holdt i tide (62 %)" in first_desc.text
    assert "Lavest april 2026 med 0 %" in first_desc.text


def test_the_bars_match_the_numbers_and_say_their_share_in_text() -> None:
    svg = parsed().findall(".//svg")[0]
    months = svg.findall("g[@class='ff-chart__month']")
    assert [m.get("data-month") for m in months] == ["2026-01", "2026-02", "2026-03", "2026-04"]
    expected = {"2026-01": 5 / 6, "2026-03": 1.0, "2026-04": 0.0}
    for month in months:
        bar = month.find("rect")
        label = month.find("text[@class='ff-chart__value']")
        assert label is not None
        if month.get("data-month") == "2026-02":
            assert bar is None  # no deadline that month: nothing measured, and it says so
            assert label.text == "ingen"
            continue
        assert bar is not None
        share = expected[str(month.get("data-month"))]
        height = float(str(bar.get("height")))
        assert abs(height - share * PLOT_HEIGHT) < 0.01
        assert abs(float(str(bar.get("y"))) + height - (TOP + PLOT_HEIGHT)) < 0.01
        assert label.text == f"{round(share * 100)} %"


def test_the_table_holds_the_same_numbers() -> None:
    tables = parsed().findall(".//table")
    assert len(tables) == 2
    rows = tables[0].findall("./tbody/tr")
    cells = [[c.text for c in row] for row in rows]
    assert cells == [
        ["januar 2026", "5", "6", "83 %"],
        ["februar 2026", "0", "0", "Ingen frister"],
        ["mars 2026", "3", "3", "100 %"],
        ["april 2026", "0", "4", "0 %"],
    ]
    second = [[c.text for c in row] for row in tables[1].findall("./tbody/tr")]
    assert second == [["januar 2026", "1", "2", "50 %"], ["februar 2026", "2", "2", "100 %"]]


def test_no_series_draws_nothing() -> None:
    assert str(on_time_chart([])).strip() == ""
