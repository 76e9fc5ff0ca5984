"""Benchmark: a fresh clone to a served demo — what a new district's first `make run` costs.

Each run clones this checkout's HEAD into a new folder and runs `make run` there as a person
would, with pip's download cache off (a fresh machine has none), reading its output as it comes:
the install ends when `manage.py migrate` starts, the migration when `seed_demo` starts, the
seed when the server says it is serving; then the front page is fetched until it answers 200.
The baseline, in the same run: a fresh virtualenv with Django alone, also without the cache,
so a slow registry or a busy machine shows in both figures.

Target: `make run` serves in at most 180 s; `seed_demo` prints a line per step; the install
prints no warning of its own (pip's notes about this machine's own index settings excepted).

    .venv/bin/python bench/first_start.py [--runs 3] [--keep] [--against REV]

About 2 minutes a run on the project's 2-core machine (twice that with --against), so
``make bench`` runs it only with BENCH_FIRST_START=1. A `make run` that stops or never serves
is the failure (exit 1); the times, as a median with the lowest and highest run, are figures
(also in var/bench/first_start.json), never a failure. ``--quick`` changes nothing here.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._ports import free_port  # noqa: E402
from bench._report import Report, Spread, add_arguments  # noqa: E402

PYTHON = shutil.which("python3.11") or sys.executable
# pip notes about this machine's own index configuration (not printed by our install).
MACHINE_NOTE = re.compile(r"^WARNING: Location 'file://.*' is ignored")
BANNER = re.compile(r"warning|!!|\*{10}", re.I)


def _fresh_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    env["PIP_NO_CACHE_DIR"] = "1"
    env["PYTHON"] = PYTHON
    return env


def baseline(workdir: Path) -> float:
    started = time.perf_counter()
    subprocess.run([PYTHON, "-m", "venv", str(workdir / "base")], check=True)
    subprocess.run(
        [str(workdir / "base/bin/python"), "-m", "pip", "install", "-qq", "Django>=5.2,<5.3"],
        check=True,
        env=_fresh_env(),
    )
    return time.perf_counter() - started


def first_start(workdir: Path, *, rev: str = "HEAD", timeout: float = 900) -> dict:
    clone = workdir / f"praxis-{rev}"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", rev], check=True)
    port = free_port()
    started = time.perf_counter()
    marks: dict[str, float] = {}
    lines: list[str] = []
    proc = subprocess.Popen(
        ["make", "run", f"PORT={port}"],
        cwd=clone,
        env=_fresh_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )

    def read() -> None:
        for line in proc.stdout:
            now = time.perf_counter() - started
            lines.append(line.rstrip("\n"))
            if "manage.py migrate" in line:
                marks.setdefault("install", now)
            elif "manage.py seed_demo" in line:
                marks.setdefault("migrate", now)
            elif line.startswith("Serving Praxis"):
                marks.setdefault("seed", now)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        while time.perf_counter() - started < timeout:
            if proc.poll() is not None:
                raise SystemExit(f"make run stopped ({proc.returncode}):\n" + "\n".join(lines))
            if "seed" in marks:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                        if r.status == 200:
                            marks["serving"] = time.perf_counter() - started
                            break
                except OSError:
                    pass
            time.sleep(0.2)
        else:
            raise SystemExit(f"not serving after {timeout:.0f} s:\n" + "\n".join(lines))
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        reader.join(timeout=5)
    install_lines = lines[: next((i for i, x in enumerate(lines) if "migrate" in x), len(lines))]
    return {
        "install": marks["install"],
        "migrate": marks["migrate"] - marks["install"],
        "seed": marks["seed"] - marks["migrate"],
        "first 200": marks["serving"] - marks["seed"],
        "total": marks["serving"],
        "seed steps": sum(1 for x in lines if re.match(r"^  \[\d+/\d+\] ", x)),
        "banners": [x for x in install_lines if BANNER.search(x) and not MACHINE_NOTE.match(x)],
        "machine notes": sum(1 for x in install_lines if MACHINE_NOTE.match(x)),
    }


def _line(result: dict) -> str:
    return (
        f"install {result['install']:.1f} s, migrate {result['migrate']:.1f} s, seed "
        f"{result['seed']:.1f} s, first 200 {result['first 200']:.1f} s = {result['total']:.1f} s"
        f" ({result['seed steps']} seed progress lines, {len(result['banners'])} banner lines)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the clones (for a look)")
    parser.add_argument(
        "--against", metavar="REV", help="also time this older commit in each run (before/after)"
    )
    add_arguments(parser)
    args = parser.parse_args()
    args.runs = max(3, args.runs)
    if shutil.which("make") is None or shutil.which("git") is None:
        raise SystemExit("needs make and git")
    report = Report(
        "first_start",
        "First start: a fresh clone's `make run` until it serves",
        f"{args.runs} runs, pip cache off, each just after the baseline, a fresh venv + Django"
        + (f", and {args.against[:9]} (before) in each run" if args.against else ""),
        quick=args.quick,
    )

    results, baselines, older = [], [], []
    for run in range(1, args.runs + 1):
        load = os.getloadavg()
        workdir = Path(tempfile.mkdtemp(prefix="praxis-first-start-"))
        try:
            base = baseline(workdir)
            result = first_start(workdir)
            before = first_start(workdir, rev=args.against) if args.against else None
        finally:
            if not args.keep:
                shutil.rmtree(workdir, ignore_errors=True)
        baselines.append(base)
        results.append(result)
        print(f"run {run}: load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}", flush=True)
        print(f"  HEAD      {_line(result)}", flush=True)
        if before:
            older.append(before)
            print(f"  {args.against[:9]:<9} {_line(before)}", flush=True)
        print(f"  baseline (venv + Django) {base:.1f} s", flush=True)

    phases = ("install", "migrate", "seed", "first 200", "total")
    ratios = [r["install"] / b for r, b in zip(results, baselines, strict=True)]
    for name, runs in (("HEAD", results), (f"before ({args.against})", older)):
        if not runs:
            continue
        total = Spread.of(r["total"] for r in runs)
        report.row(
            name,
            target="total <= 180 s",
            ok=total.median <= 180,
            **{f"{phase} s": Spread.of(r[phase] for r in runs) for phase in phases},
            **({"install x baseline": Spread.of(ratios)} if runs is results else {}),
            **{"seed progress lines": ", ".join(map(str, sorted({r["seed steps"] for r in runs})))},
        )
    report.row("baseline: fresh venv + Django", **{"total s": Spread.of(baselines)})
    banners = [b for r in results for b in r["banners"]]
    report.target(f"the install prints no warning banner of ours ({len(banners)})", not banners)
    for banner in sorted(set(banners)):
        report.note(f"install banner: {banner}")
    notes = max(r["machine notes"] for r in results)
    if notes:
        report.note(f"pip's notes about this machine's index settings: {notes} lines")
    return report.finish()


if __name__ == "__main__":
    raise SystemExit(main())
