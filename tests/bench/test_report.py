"""bench/_report.py: a missed target is a finding and a correctness failure the only exit 1;
what it writes is what bench/_readme.py reads back."""

from __future__ import annotations

import json

from bench import _report
from bench._readme import load_results, section
from bench._report import Report, Spread, alternate


def test_a_missed_target_exits_0_and_a_failure_exits_1(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(_report, "OUT", tmp_path)
    report = Report("pages", "Pages", "SQLite, 3 runs", quick=True)
    report.row("lesson", target=">= 0.4", ok=False, ratio=Spread.of([0.1, 0.3, 0.2]), queries=8)
    assert report.finish() == 0

    written = json.loads((tmp_path / "pages.json").read_text())
    assert written["rows"] == [
        {
            "name": "lesson",
            "figures": {"ratio": {"median": 0.2, "min": 0.1, "max": 0.3, "runs": 3}, "queries": 8},
            "target": {"text": ">= 0.4", "verdict": "MISS"},
        }
    ]
    assert written["failures"] == [] and written["quick"] is True
    assert len(written["machine"]["load"]) == 3
    assert written["machine"]["calibration_ms"]["runs"] == 5
    assert "| lesson | 0.20 (0.10-0.30) | 8 | >= 0.4: MISS |" in section(load_results(tmp_path))

    failing = Report("pages", "Pages", "PostgreSQL", variant="postgresql")
    failing.fail("space page answered 500")
    assert failing.finish() == 1
    assert json.loads((tmp_path / "pages-postgresql.json").read_text())["failures"] == [
        "space page answered 500"
    ]
    out = capsys.readouterr().out
    assert "load at start" in out and "calibration" in out and "FAILED: space page" in out


def test_the_steps_take_turns():
    order = []
    results = alternate(
        {"page": lambda: order.append("page"), "base": lambda: order.append("base")}, 3
    )
    assert order == ["page", "base"] * 3
    assert {name: len(values) for name, values in results.items()} == {"page": 3, "base": 3}
