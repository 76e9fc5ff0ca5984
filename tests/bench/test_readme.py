"""bench/_readme.py writes README's "Measured" section from benchmark results (JSON files as
bench/_report.py writes them) and leaves the prose around its markers alone."""

from __future__ import annotations

import json

import pytest

from bench._readme import END, START, load_results, main, regenerate, section


def _result(script: str, variant: str = "", **extra) -> dict:
    return {
        "script": script,
        "variant": variant,
        "title": f"Title of {script}",
        "setup": "SQLite, 3 runs",
        "quick": False,
        "date": "2026-12-03 13:20 UTC",
        "seconds": 120.0,
        "commit": "abc1234",
        "machine": {
            "cpus": 2,
            "load": [0.5, 0.75, 1.0],
            "calibration_ms": {"median": 139.2, "min": 135.0, "max": 150.4, "runs": 5},
            "python": "3.11.9",
        },
        "rows": [
            {
                "name": "lesson, anonymous",
                "figures": {
                    "req/s": {"median": 37.94, "min": 36.0, "max": 41.25, "runs": 3},
                    "x trivial": {"median": 0.134, "min": 0.12, "max": 0.141, "runs": 3},
                    "non-2xx": 0,
                },
                "target": {"text": ">= 0.4", "verdict": "MISS"},
            },
            {
                "name": "baseline: trivial",
                "figures": {"req/s": {"median": 283.0, "min": 270.0, "max": 1290.0, "runs": 3}},
            },
        ],
        "targets": [{"text": "the same queries at every size", "verdict": "PASS"}],
        "notes": ["the first request took 0.9 s"],
        "failures": [],
        **extra,
    }


@pytest.fixture
def results_dir(tmp_path):
    folder = tmp_path / "results"
    folder.mkdir()
    fixtures = {
        "practice_aggregates": _result("practice_aggregates", date="2026-12-03 13:50 UTC"),
        "pages": _result("pages"),
        "pages-postgresql": _result("pages", "postgresql", setup="PostgreSQL, 2 workers"),
        "enrollment_storm": _result(
            "enrollment_storm", failures=["expected 50/150/0, got 51/149/0"]
        ),
    }
    for name, result in fixtures.items():
        (folder / f"{name}.json").write_text(json.dumps(result))
    return folder


README = f"""# Praxis

## Measured

Prose before the figures, kept.

{START}
Old figures, copied by hand.
{END}

Prose after, kept too.

## Where things are
"""


def test_the_section_between_the_markers_is_rewritten_and_the_prose_kept(tmp_path, results_dir):
    readme = tmp_path / "README.md"
    readme.write_text(README)

    text = regenerate(readme, load_results(results_dir))

    before, rest = text.split(START)
    generated, after = rest.split(END)
    assert before == README.split(START)[0]
    assert after == README.split(END)[1]
    assert "Old figures" not in generated
    # The run: its first script's date, the commit, the machine's load and calibration.
    assert "started 2026-12-03 13:20 UTC (commit abc1234, 8 min in all) on 2 CPUs" in generated
    assert "load 0.50 0.75 1.00 at start, calibration 139 (135-150) ms" in generated
    # A table per result, in the README's order (pages before practice), variants apart.
    headings = [line for line in generated.splitlines() if line.startswith("**Title of")]
    assert headings == [
        "**Title of pages** (`bench/pages.py`, SQLite, 3 runs; load 0.50 0.75 1.00 at start, "
        "calibration 139 (135-150) ms)",
        "**Title of pages** (`bench/pages.py`, PostgreSQL, 2 workers; load 0.50 0.75 1.00 at "
        "start, calibration 139 (135-150) ms)",
        "**Title of enrollment_storm** (`bench/enrollment_storm.py`, SQLite, 3 runs; load 0.50 "
        "0.75 1.00 at start, calibration 139 (135-150) ms)",
        "**Title of practice_aggregates** (`bench/practice_aggregates.py`, SQLite, 3 runs; load "
        "0.50 0.75 1.00 at start, calibration 139 (135-150) ms)",
    ]
    assert "|  | req/s | x trivial | non-2xx | target |" in generated
    assert "| lesson, anonymous | 37.9 (36.0-41.2) | 0.13 (0.12-0.14) | 0 | >= 0.4: MISS |" in (
        generated
    )
    assert "| baseline: trivial | 283 (270-1,290) | - | - | - |" in generated
    assert "- target: the same queries at every size: **PASS**" in generated
    assert "- the first request took 0.9 s" in generated
    assert "- **correctness failure**: expected 50/150/0, got 51/149/0" in generated
    assert "Quick run" not in generated


def test_regenerating_twice_gives_the_same_readme(tmp_path, results_dir):
    readme = tmp_path / "README.md"
    readme.write_text(README)
    main_args = ["--results", str(results_dir), "--readme", str(readme)]

    for _ in range(2):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("sys.argv", ["_readme.py", *main_args])
            main()
        once = readme.read_text()
    assert once == regenerate(readme, load_results(results_dir))
    assert once.count(START) == once.count(END) == 1


def test_a_quick_run_says_so():
    generated = section([_result("pages", quick=True)])
    assert "**Quick run** (`--quick`): smoke figures, not for comparison." in generated


def test_no_results_and_missing_markers(tmp_path):
    assert section([]) == "_No benchmark results: run `make bench`._"
    readme = tmp_path / "README.md"
    readme.write_text("# Praxis\n\nNo markers here.\n")
    with pytest.raises(SystemExit, match="needs one"):
        regenerate(readme, [])
