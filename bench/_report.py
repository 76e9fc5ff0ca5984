"""What every benchmark prints at its start and writes at its end.

At the start: the machine (CPUs, load average) and a CPU calibration, a fixed pure-Python
workload timed a few times (its median in ms: lower is a faster machine), so a reader can
compare two machines or two moments of one. During the run: rows of figures, each a median
over the runs with its spread (lowest and highest run), the targets (PASS or MISS: a miss is
a finding, never a failure) and the correctness failures (loss, duplicates, errors, non-200
answers). At the end: the table, and ``var/bench/<script>[-<variant>].json``, from which
bench/_readme.py writes README.md's "Measured" section. ``Report.finish()`` is the exit status:
1 only when something was incorrect.

No Django here: first_start.py and community_fanout.py use it without (or before) Django.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(os.environ.get("BENCH_OUT") or ROOT / "var" / "bench")
CALIBRATION_STEPS = 2_000_000


@dataclass(frozen=True)
class Spread:
    """A median over runs, with the lowest and the highest run."""

    median: float
    low: float
    high: float
    runs: int

    @classmethod
    def of(cls, values: Iterable[float]) -> Spread:
        values = list(values)
        return cls(statistics.median(values), min(values), max(values), len(values))

    def __str__(self) -> str:
        return f"{number(self.median)} ({number(self.low)}-{number(self.high)})"

    def as_json(self) -> dict:
        return {
            "median": round(self.median, 4),
            "min": round(self.low, 4),
            "max": round(self.high, 4),
            "runs": self.runs,
        }


def number(value: float) -> str:
    """Three significant figures or so: 1,447 / 163 / 37.9 / 0.13."""
    if value != value:  # NaN
        return "n/a"
    if isinstance(value, int) or abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"


def cell(value: Any) -> str:
    if isinstance(value, dict) and "median" in value:  # a Spread, as read back from JSON
        value = Spread(value["median"], value["min"], value["max"], value.get("runs", 0))
    if isinstance(value, Spread):
        return str(value)
    if isinstance(value, bool) or value is None:
        return {True: "yes", False: "no", None: "-"}[value]
    if isinstance(value, int | float):
        return number(value)
    return str(value)


def calibrate(times: int = 5) -> Spread:
    """Milliseconds for a fixed amount of pure-Python work, ``times`` times."""
    timings = []
    for _ in range(times):
        started = time.perf_counter()
        total = 0
        for i in range(CALIBRATION_STEPS):
            total += i * i % 7
        timings.append((time.perf_counter() - started) * 1000)
    return Spread.of(timings)


def alternate(steps: dict[str, Callable[[], Any]], runs: int) -> dict[str, list[Any]]:
    """Each step ``runs`` times, the steps taking turns (a, b, a, b, ...), so a measured side
    and its baseline see the same machine; what each returned, per step, run by run."""
    results: dict[str, list[Any]] = {name: [] for name in steps}
    for _ in range(runs):
        for name, step in steps.items():
            results[name].append(step())
    return results


def add_arguments(parser: argparse.ArgumentParser, *, runs: int | None = None) -> None:
    """``--quick``; with ``runs``, also ``--runs`` (requests per round) and ``--rounds``."""
    if runs is not None:
        parser.add_argument("--runs", type=int, default=runs, help="requests per round")
        parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run: shorter and fewer requests, still 3 runs (figures not comparable)",
    )


def rounds_of(args: argparse.Namespace, *, quick_runs: int, least_runs: int = 1) -> tuple[int, int]:
    """Requests per round and rounds: ``quick_runs`` x 3 for ``--quick``, else as asked with
    at least three rounds."""
    if args.quick:
        return quick_runs, 3
    return max(least_runs, args.runs), max(3, args.rounds)


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def _commit() -> str:
    try:
        head = _git("rev-parse", "--short", "HEAD")
        dirty = _git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}+changes" if dirty else head


class Report:
    """One benchmark's run: prints the machine at once, collects rows, targets and failures."""

    def __init__(
        self, script: str, title: str, setup: str, *, variant: str = "", quick: bool = False
    ):
        self.script, self.title, self.setup = script, title, setup
        self.variant, self.quick = variant, quick
        self.started = time.time()
        self.load = [round(x, 2) for x in os.getloadavg()]
        load = " ".join(f"{x:.2f}" for x in self.load)
        self.calibration = calibrate()
        self.rows: list[dict] = []
        self.targets: list[dict] = []
        self.notes: list[str] = []
        self.failures: list[str] = []
        print(f"bench/{script}.py {time.strftime('%Y-%m-%d %H:%M')} | {setup}")
        print(
            f"machine: {os.cpu_count()} CPUs, load at start {load}; "
            f"calibration {self.calibration} ms for {CALIBRATION_STEPS:,} loop steps "
            f"(median of {self.calibration.runs}, lower is faster)"
            + ("; QUICK run: smoke figures only" if quick else ""),
            flush=True,
        )

    def row(self, name: str, target: str = "", ok: bool | None = None, **figures: Any) -> None:
        """A row of the table: its figures (a Spread, a count, a text) and its target."""
        row = {"name": name, "figures": figures}
        if target:
            row["target"] = {"text": target, "verdict": verdict(ok)}
        self.rows.append(row)

    def target(self, text: str, ok: bool) -> None:
        """A target that is not one row's: "the same queries at every size"."""
        self.targets.append({"text": text, "verdict": verdict(ok)})

    def note(self, text: str) -> None:
        self.notes.append(text)

    def fail(self, text: str) -> None:
        """A correctness failure: the benchmark will exit 1."""
        print(f"FAILED: {text}", flush=True)
        self.failures.append(text)

    def table(self) -> list[str]:
        return table(self.rows)

    def as_json(self) -> dict:
        return {
            "script": self.script,
            "variant": self.variant,
            "title": self.title,
            "setup": self.setup,
            "quick": self.quick,
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(self.started)),
            "seconds": round(time.time() - self.started, 1),
            "commit": _commit(),
            "machine": {
                "cpus": os.cpu_count(),
                "load": self.load,
                "calibration_ms": self.calibration.as_json(),
                "python": sys.version.split()[0],
            },
            "rows": [
                {**row, "figures": {k: _plain(v) for k, v in row["figures"].items()}}
                for row in self.rows
            ],
            "targets": self.targets,
            "notes": self.notes,
            "failures": self.failures,
        }

    def finish(self) -> int:
        """Prints the table, the targets and the verdict, writes the JSON; the exit status."""
        print()
        print("\n".join(self.table()))
        for target in self.targets:
            print(f"target: {target['text']}: {target['verdict']}")
        for text in self.notes:
            print(f"note: {text}")
        OUT.mkdir(parents=True, exist_ok=True)
        name = f"{self.script}-{self.variant}" if self.variant else self.script
        path = OUT / f"{name}.json"
        path.write_text(json.dumps(self.as_json(), indent=1) + "\n")
        print(f"results in {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        if self.failures:
            print(f"{len(self.failures)} correctness failure(s): exit 1")
            return 1
        print("correct: no failures (a missed target is not one)")
        return 0


def verdict(ok: bool | None) -> str:
    return "-" if ok is None else "PASS" if ok else "MISS"


def _plain(value: Any) -> Any:
    return value.as_json() if isinstance(value, Spread) else value


def table(rows: list[dict]) -> list[str]:
    """A Markdown table of rows (as ``Report.row`` makes them, or read back from JSON): a
    column for each figure any row has, in order of appearance, and the targets."""
    columns: list[str] = []
    for row in rows:
        columns += [name for name in row["figures"] if name not in columns]
    targets = any("target" in row for row in rows)
    head = ["", *columns] + (["target"] if targets else [])
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for row in rows:
        cells = [row["name"], *(cell(row["figures"].get(name)) for name in columns)]
        if targets:
            target = row.get("target")
            cells.append(f"{target['text']}: {target['verdict']}" if target else "-")
        lines.append("| " + " | ".join(cells) + " |")
    return lines
