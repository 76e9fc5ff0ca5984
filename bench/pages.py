"""Benchmark: Praxis's busiest pages against a trivial view in the same server, under wrk.

Builds the demo in a database of its own (SQLite, or with a PostgreSQL DATABASE_URL a fresh
database on that server), serves the real ASGI app with uvicorn (DEBUG off) plus one extra URL,
``/__trivial__``, a sync view that returns "ok", and then, for each page, runs wrk against the
trivial view (anonymous, as in the issue) and against the page alternately (16 connections,
the same duration each), several runs. It prints each page's requests/s as a median (with
min and max) over the runs, the ratio to the trivial view measured next to it, the latency
percentiles, and any non-2xx answers or socket errors. A CPU calibration and the load
average are printed first.

Targets (issue 12), as a ratio to the trivial view: lesson anonymous >= 0.4, lesson logged in
and My learning >= 0.25, space page and /api/v1/me/enrollments/ >= 0.3. Exits non-zero only
when a page answered anything but 200 or wrk saw socket errors (a correctness failure), never
on a time. The figures also go to var/bench/pages[-postgresql].json (bench/_report.py).

    .venv/bin/python bench/pages.py [--runs 3] [--duration 5] [--workers 1] [--quick]
    DATABASE_URL=postgres://... .venv/bin/python bench/pages.py --workers 2

Needs wrk (Debian's package: apt-get install wrk).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._databases import own_database  # noqa: E402
from bench._ports import free_port  # noqa: E402
from bench._report import Report, Spread, add_arguments  # noqa: E402

PYTHON = str(ROOT / ".venv/bin/python") if (ROOT / ".venv/bin/python").exists() else sys.executable
PASSWORD = "praxis-demo"
LOG = open(os.path.join(tempfile.gettempdir(), "praxis-bench-pages-server.log"), "w")  # noqa: SIM115
TARGETS = {
    "lesson, anonymous": 0.4,
    "lesson, logged in": 0.25,
    "My learning": 0.25,
    "space page": 0.3,
    "/api/v1/me/enrollments/": 0.3,
}

# What the server needs to know of each page, found in the seeded database.
FIND_URLS = """
import json
from cohorts.demo import RUNNING_TITLE
from cohorts.models import Cohort
from community.models import Space
from courses.models import LessonPage
cohort = Cohort.objects.get(title=RUNNING_TITLE)
lesson = LessonPage.objects.live().descendant_of(cohort.course).order_by("path").first()
space = Space.objects.get(cohort=cohort, kind=Space.Kind.COHORT)
print(json.dumps({
    "lesson": lesson.get_url(),
    "dashboard": f"/cohorts/{cohort.pk}/dashboard/",
    "space": f"/community/spaces/{space.pk}/",
}))
"""


def _run(*args: str, env: dict) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def serve(env: dict, workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [PYTHON, "-m", "uvicorn", "cms.asgi:application", "--host", "127.0.0.1"]
        + ["--port", str(port), "--workers", str(workers), "--lifespan", "off"]
        + ["--no-access-log", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        # The server's log (logins, warnings) goes to a file, not into the figures.
        stdout=LOG,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"{base}/__trivial__", timeout=2) as response:
                if response.status == 200:
                    return proc, base
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def login(base: str, username: str) -> str:
    """A real login through the form; returns the Cookie header of the session."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{base}/accounts/login/").read()
    csrf = next(c.value for c in jar if c.name == "csrftoken")
    form = urllib.parse.urlencode(
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": csrf}
    ).encode()
    request = urllib.request.Request(
        f"{base}/accounts/login/", data=form, headers={"Referer": f"{base}/accounts/login/"}
    )
    opener.open(request).read()
    if not any(c.name == "sessionid" for c in jar):
        raise SystemExit(f"could not log in as {username}")
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def token(base: str, username: str) -> str:
    body = json.dumps({"username": username, "password": PASSWORD}).encode()
    request = urllib.request.Request(
        f"{base}/api/v1/auth/token/", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request) as response:
        return json.load(response)["token"]


def check(url: str, headers: dict) -> int:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wrk(url: str, headers: dict, duration: int, connections: int) -> dict:
    args = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    latency = {}
    for pct in ("50", "90", "99"):
        found = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)", out, re.M)
        if found:
            value, unit = float(found.group(1)), found.group(2)
            latency[pct] = value * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    return {
        "rps": rps,
        "bad": int(bad.group(1)) if bad else 0,
        "errors": sum(int(x) for x in errors.groups()) if errors else 0,
        "latency": latency,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per measurement")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--only", help="measure only the pages whose name contains this")
    add_arguments(parser)
    args = parser.parse_args()
    if args.quick:
        args.runs, args.duration = 3, 3  # under 3 s a page slower than 1 s counts 0
    args.runs = max(3, args.runs)
    if shutil.which("wrk") is None:
        raise SystemExit("bench/pages.py needs wrk: apt-get install wrk")

    clean_up = own_database("pages")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench._pages_settings",
        "DEBUG": "0",
        "PYTHONPATH": str(ROOT),
    }
    engine = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    report = Report(
        "pages",
        "Pages under wrk, as a ratio to a trivial view in the same server",
        f"{engine}, {args.workers} worker(s), wrk {args.connections} connections x "
        f"{args.duration} s, {args.runs} runs, the trivial view measured just before each page",
        variant="postgresql" if engine == "PostgreSQL" else "",
        quick=args.quick,
    )
    proc = None
    try:
        _run("migrate", "--noinput", "-v0", env=env)
        _run("seed_demo", "-v0", env=env)
        urls = json.loads(_run("shell", "-c", FIND_URLS, env=env).strip().splitlines()[-1])
        proc, base = serve(env, args.workers)
        coach = {"Cookie": login(base, "maya")}
        facilitator = {"Cookie": login(base, "fran")}
        api = {"Authorization": f"Token {token(base, 'maya')}", "Accept": "application/json"}
        pages = [
            ("lesson, anonymous", urls["lesson"], {}),
            ("lesson, logged in", urls["lesson"], coach),
            ("My learning", "/learn/", coach),
            ("facilitator dashboard", urls["dashboard"], facilitator),
            ("space page", urls["space"], coach),
            ("/api/v1/me/enrollments/", "/api/v1/me/enrollments/", api),
        ]
        if args.only:
            pages = [p for p in pages if args.only in p[0]]
        for name, path, headers in pages:
            status = check(base + path, headers)
            if status != 200:
                raise SystemExit(f"{name} ({path}) answered {status}, not 200")

        results: dict[str, list[dict]] = {name: [] for name, _p, _h in pages}
        trivial: dict[str, list[dict]] = {name: [] for name, _p, _h in pages}
        for run in range(1, args.runs + 1):
            for name, path, headers in pages:
                # The page and the trivial view alternately, in the same conditions.
                trivial[name].append(
                    wrk(base + "/__trivial__", {}, args.duration, args.connections)
                )
                results[name].append(wrk(base + path, headers, args.duration, args.connections))
            print(f"  run {run} done, load " + " ".join(f"{x:.2f}" for x in os.getloadavg()))

        for name, _path, _headers in pages:
            page_rps = [r["rps"] for r in results[name]]
            base_rps = [r["rps"] for r in trivial[name]]
            ratio = Spread.of(p / b for p, b in zip(page_rps, base_rps, strict=True))
            bad = sum(r["bad"] for r in results[name])
            errors = sum(r["errors"] for r in results[name])
            if bad or errors:
                report.fail(f"{name}: {bad} answers not 2xx/3xx, {errors} socket errors")
            if min(page_rps) == 0:
                report.note(f"{name}: a run finished no request (a longer --duration helps)")
            target = TARGETS.get(name)
            report.row(
                name,
                target=f">= {target}" if target else "",
                ok=ratio.median >= target if target else None,
                **{
                    "req/s": Spread.of(page_rps),
                    "trivial req/s": Spread.of(base_rps),
                    "x trivial": ratio,
                    "p50 ms": Spread.of(r["latency"].get("50", 0) for r in results[name]),
                    "p99 ms": Spread.of(r["latency"].get("99", 0) for r in results[name]),
                    "non-2xx, errors": f"{bad}, {errors}",
                },
            )
    finally:
        if proc is not None:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
        clean_up()
    return report.finish()


if __name__ == "__main__":
    raise SystemExit(main())
