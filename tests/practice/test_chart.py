"""The server-side SVG chart: valid XML, accessible, and its bars match the data."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

from practice.charts import HEIGHT, hours_chart, qr_svg
from practice.models import Kind
from practice.selectors import Cell

NS = {"svg": "http://www.w3.org/2000/svg"}


def _cells():
    return [
        Cell(month=date(2026, 9, 1), minutes_by_kind={"office_hours": 120, "tech_club": 60}),
        Cell(month=date(2026, 10, 1)),
        Cell(month=date(2026, 11, 1), minutes_by_kind={"planning": 90, "one_to_one": 30}),
    ]


def test_chart_is_accessible_svg_with_stacked_bars_matching_the_data():
    svg = ET.fromstring(str(hours_chart(cells=_cells(), title="Hours & <kinds>")))
    assert svg.get("role") == "img"
    labelled = svg.get("aria-labelledby").split()
    title = svg.find("svg:title", NS)
    desc = svg.find("svg:desc", NS)
    assert [title.get("id"), desc.get("id")] == labelled
    assert title.text == "Hours & <kinds>"
    assert "5.0 hours in all" in desc.text and "September 2026" in desc.text

    months = svg.findall("svg:g[@class='month']", NS)
    assert [g.get("data-month") for g in months] == ["2026-09", "2026-10", "2026-11"]
    bars = {
        (g.get("data-month"), r.get("data-kind")): float(r.get("data-hours"))
        for g in months
        for r in g.findall("svg:rect[@class='bar']", NS)
    }
    assert bars == {
        ("2026-09", "office_hours"): 2.0,
        ("2026-09", "tech_club"): 1.0,
        ("2026-11", "one_to_one"): 0.5,
        ("2026-11", "planning"): 1.5,
    }
    # Stacked: within a month the bars touch, and heights are proportional to hours.
    sept = months[0].findall("svg:rect[@class='bar']", NS)
    first, second = sept
    assert abs(float(second.get("y")) + float(second.get("height")) - float(first.get("y"))) < 0.2
    ratio = float(first.get("height")) / float(second.get("height"))
    assert abs(ratio - 2.0) < 0.05
    assert all(0 <= float(r.get("y")) <= HEIGHT for r in sept)
    legend = [t.text for t in svg.findall("svg:g[@class='legend']/svg:text", NS)]
    assert legend == [k.label for k in Kind]


def test_chart_draws_the_target_line_and_handles_no_data():
    svg = ET.fromstring(
        str(hours_chart(cells=[Cell(month=date(2026, 11, 1))], title="t", target=Decimal("8")))
    )
    assert svg.find("svg:line[@class='target']", NS) is not None
    assert svg.findall(".//svg:rect[@class='bar']", NS) == []
    assert "Monthly target: 8 hours" in svg.find("svg:desc", NS).text


def test_qr_code_is_inline_svg():
    svg = str(qr_svg("http://testserver/practice/f/abc/"))
    assert svg.startswith("<svg") and "<path" in svg


def test_the_phone_chart_is_narrow_with_a_two_column_legend():
    svg = ET.fromstring(
        str(hours_chart(cells=_cells(), title="t", chart_id="p", width=360, legend_columns=2))
    )
    assert svg.get("viewBox") == "0 0 360 300"  # three legend rows
    assert svg.get("aria-labelledby") == "p-title p-desc"
    xs = {t.get("x") for t in svg.findall("svg:g[@class='legend']/svg:text", NS)}
    assert len(xs) == 2
    bars = svg.findall(".//svg:rect[@class='bar']", NS)
    assert all(float(b.get("x")) + float(b.get("width")) <= 360 for b in bars)
