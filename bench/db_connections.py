"""Benchmark: two uvicorn workers on PostgreSQL under 64 concurrent connections.

Builds a course, a cohort and a learner with an API token (through services) in a database of
its own, serves Praxis with ``uvicorn cms.asgi:application --workers 2`` (production
settings, the connection pool sized by DB_POOL_MAX_SIZE per worker), and drives
``GET /api/v1/me/enrollments/`` (token auth, two queries and a serializer) from 64 keep-alive
connections for 15 seconds, three times, each time just after the baseline, /healthz (a
database and a channel-layer round trip, no auth), under the same load. Prints per run:
requests/s, latency p50/p99, 5xx answers, socket errors, the most server connections seen in
pg_stat_activity (the workers' own, told apart by application_name, and the whole PostgreSQL
server's against its max_connections), and the machine's load average. Before the pool every
request thread kept a connection of its own, and two workers under this load ran PostgreSQL
out of client slots ("FATAL: sorry, too many clients already", HTTP 500).

    DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/praxis \\
        .venv/bin/python bench/db_connections.py [--seconds 15 --connections 64 --runs 3 --quick]
        [--workers 2 --pool-max-size 8]   # --pool-max-size 0: no pool, a connection a request

The load comes from ``wrk`` (apt-get install wrk) when it is on PATH, otherwise from Python
threads (slower: on a small machine they take CPU from the server). The script creates its
own database on that server (praxis_bench_dbconn_<pid>) and drops it at the end; the database
named in the URL is never read or written. Without a PostgreSQL DATABASE_URL it says so and
does nothing (exit 0, so ``make bench`` carries on). Exits 1 only when a request failed (any
5xx or socket error), never on timing; the figures (medians over the runs, with the lowest and
highest) also go to var/bench/db_connections.json (bench/_report.py).
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._databases import PG_SCHEMES, own_postgres_database  # noqa: E402
from bench._ports import free_port  # noqa: E402
from bench._report import Report, Spread, add_arguments  # noqa: E402

PATH = "/api/v1/me/enrollments/"
BASELINE = "/healthz"  # a database and a channel layer round trip, no auth, no serializer


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--pool-max-size",
        type=int,
        default=int(os.environ.get("DB_POOL_MAX_SIZE") or 8),
        help="DB_POOL_MAX_SIZE for each worker (0: no pool)",
    )
    add_arguments(parser)
    args = parser.parse_args()
    if args.quick:
        args.seconds = 3
    args.runs = max(3, args.runs)
    return args


def _own_database():
    parts = urlsplit(os.environ.get("DATABASE_URL", "").strip())
    if parts.scheme not in PG_SCHEMES:
        sys.stderr.write(
            "db_connections skipped: it measures PostgreSQL connections under load.\n"
            "  DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/praxis "
            ".venv/bin/python bench/db_connections.py\n"
        )
        raise SystemExit(0)
    return own_postgres_database(parts, f"praxis_bench_dbconn_{os.getpid()}")


ARGS = _arguments()
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
CLEAN_UP = _own_database()
DATABASE_URL = os.environ["DATABASE_URL"]
APP_NAME = f"praxis-bench-{os.getpid()}"

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.utils import timezone  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

from accounts.services import user_create  # noqa: E402
from cms import services as site_services  # noqa: E402
from cohorts import services as cohort_services  # noqa: E402
from cohorts.models import CohortStatus, Pace  # noqa: E402
from courses import services as course_services  # noqa: E402


def build() -> str:
    """A learner enrolled in three cohorts; returns the learner's API token."""
    _home, catalog = site_services.site_root_ensure()
    facilitator = user_create(
        email="fran@example.org", password=None, username="fran", role="facilitator"
    )
    learner = user_create(email="lee@example.org", password=None, username="lee")
    today = timezone.localdate()
    for number in range(3):
        course, _created = course_services.course_build(
            catalog=catalog,
            title=f"Coaching {number}",
            slug=f"coaching-{number}",
            summary="x",
            modules=[
                {
                    "title": "Module 1",
                    "slug": "module-1",
                    "lessons": [{"title": "Lesson 1.1", "slug": "lesson-1-1", "body": []}],
                }
            ],
        )
        cohort = cohort_services.cohort_create(
            course=course,
            title=f"Cohort {number}",
            pace=Pace.FACILITATED,
            status=CohortStatus.OPEN,
            starts_on=today,
            ends_on=today + timedelta(days=60),
            capacity=20,
            time_zone="UTC",
            facilitators=[facilitator],
        )
        cohort_services.cohort_enroll(cohort=cohort, user=learner)
    # What TokenObtainApi does after checking the password.
    token, _created = Token.objects.get_or_create(user=learner)
    return token.key


def start_server(port: int, log_path: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DATABASE_URL": DATABASE_URL,
        "DB_POOL_MAX_SIZE": str(ARGS.pool_max_size),
        "PGAPPNAME": APP_NAME,  # libpq: how pg_stat_activity tells the workers apart
    }
    command = [
        sys.executable, "-m", "uvicorn", "cms.asgi:application", "--host", "127.0.0.1",
        "--port", str(port), "--workers", str(ARGS.workers), "--lifespan", "off",
        "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    with open(log_path, "ab") as log:
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip


def wait_ready(port: int, server: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited; see {log_path}:\n{log_path.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):  # noqa: S310
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("server did not start in 90 s")


class Sampler(threading.Thread):
    """The most connections seen, every 10 ms: the workers' own and the whole server's."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.ours = self.server = 0
        self.stop = threading.Event()
        with psycopg.connect(DATABASE_URL.replace("postgres://", "postgresql://", 1)) as conn:
            self.max_connections = int(conn.execute("SHOW max_connections").fetchone()[0])

    def reset(self) -> None:
        self.ours = self.server = 0

    def run(self) -> None:
        url = DATABASE_URL.replace("postgres://", "postgresql://", 1)
        with psycopg.connect(url, autocommit=True) as conn:
            while not self.stop.is_set():
                ours, total = conn.execute(
                    "SELECT count(*) FILTER (WHERE application_name = %s), count(*)"
                    " FROM pg_stat_activity WHERE backend_type = 'client backend'",
                    [APP_NAME],
                ).fetchone()
                self.ours, self.server = max(self.ours, ours), max(self.server, total)
                time.sleep(0.01)


@dataclass
class Run:
    requests: int = 0
    seconds: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    server_errors: int = 0
    other_non_2xx: int = 0
    socket_errors: int = 0


WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) s5xx = 0; other = 0 end
function response(status, headers, body)
  if status >= 500 then s5xx = s5xx + 1 elseif status >= 300 then other = other + 1 end
end
function done(summary, latency, requests)
  local a, b = 0, 0
  for _, t in ipairs(threads) do a = a + t:get("s5xx"); b = b + t:get("other") end
  local e = summary.errors
  io.write(string.format("PRAXIS requests=%d us=%d p50=%d p99=%d s5xx=%d other=%d sock=%d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), a, b,
    e.connect + e.read + e.write + e.timeout))
end
"""


def load_with_wrk(port: int, token: str, script: Path, path: str) -> Run:
    output = subprocess.run(
        [
            "wrk", "-t", str(min(2, ARGS.connections)), "-c", str(ARGS.connections),
            "-d", f"{ARGS.seconds}s", "--timeout", "30s", "-s", str(script),
            "-H", f"Authorization: Token {token}",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    found = re.search(
        r"PRAXIS requests=(\d+) us=(\d+) p50=(\d+) p99=(\d+) s5xx=(\d+) other=(\d+) sock=(\d+)",
        output,
    )
    if not found:
        raise SystemExit(f"could not read wrk's output:\n{output}")
    requests, micros, p50, p99, s5xx, other, sock = map(int, found.groups())
    return Run(requests, micros / 1e6, p50 / 1000, p99 / 1000, s5xx, other, sock)


def load_with_threads(port: int, token: str, path: str) -> Run:
    """wrk's job in Python threads: one keep-alive connection each."""
    result, lock, latencies = Run(), threading.Lock(), []
    stop_at = time.monotonic() + ARGS.seconds

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, statuses, failures = [], [], 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Authorization": f"Token {token}"})
                response = conn.getresponse()
                response.read()
                statuses.append(response.status)
            except OSError:
                failures += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            mine.append((time.perf_counter() - started) * 1000)
        conn.close()
        with lock:
            latencies.extend(mine)
            result.requests += len(statuses)
            result.server_errors += sum(status >= 500 for status in statuses)
            result.other_non_2xx += sum(300 <= status < 500 for status in statuses)
            result.socket_errors += failures

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(ARGS.connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    latencies.sort()
    if latencies:
        result.p50_ms = latencies[len(latencies) // 2]
        result.p99_ms = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return result


def main() -> int:
    call_command("migrate", verbosity=0)
    token = build()
    connections.close_all()
    tmp = Path(tempfile.mkdtemp(prefix="praxis-dbconn-"))
    log_path, script = tmp / "server.log", tmp / "count.lua"
    script.write_text(WRK_SCRIPT)
    wrk = shutil.which("wrk")
    pool = f"pool of {ARGS.pool_max_size} each" if ARGS.pool_max_size else "no pool"
    report = Report(
        "db_connections",
        "Database connections under load (PostgreSQL, two workers)",
        f"{ARGS.workers} uvicorn workers ({pool}), {ARGS.connections} connections x "
        f"{ARGS.seconds} s from {'wrk' if wrk else 'Python threads'}, {ARGS.runs} runs taking "
        f"turns with the baseline, {BASELINE}",
        quick=ARGS.quick,
    )
    runs: dict[str, list[tuple[Run, int, int]]] = {PATH: [], BASELINE: []}
    port = free_port()
    server = start_server(port, log_path)
    sampler = Sampler()
    try:
        wait_ready(port, server, log_path)
        sampler.start()
        print(
            f"{'run':<4} {'path':<24} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'5xx':>6} "
            f"{'non-2xx':>8} {'sock err':>9} {'workers conn':>13} {'server conn':>12} "
            f"{'load 1m':>8}"
        )
        for number in range(1, ARGS.runs + 1):
            for path in (BASELINE, PATH):
                sampler.reset()
                run = (
                    load_with_wrk(port, token, script, path)
                    if wrk
                    else load_with_threads(port, token, path)
                )
                runs[path].append((run, sampler.ours, sampler.server))
                load = os.getloadavg()[0]
                print(
                    f"{number:<4} {path:<24} {run.requests / run.seconds:>8.0f} "
                    f"{run.p50_ms:>8.1f} {run.p99_ms:>8.1f} {run.server_errors:>6} "
                    f"{run.other_non_2xx:>8} {run.socket_errors:>9} {sampler.ours:>13} "
                    f"{f'{sampler.server}/{sampler.max_connections}':>12} {load:>8.2f}",
                    flush=True,
                )
    finally:
        sampler.stop.set()
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        sampler.join(timeout=5)
    log = log_path.read_text(errors="replace")
    refused = log.count("too many clients")
    timeouts = log.count("couldn't get a connection after")
    bound = ARGS.workers * ARGS.pool_max_size
    for path, results in runs.items():
        errors = sum(r.server_errors + r.socket_errors for r, _ours, _server in results)
        if errors:
            report.fail(f"{path}: {errors} 5xx answers or socket errors")
        report.row(
            f"baseline: {path}" if path == BASELINE else path,
            target=f"workers' connections <= {bound}" if bound else "",
            ok=max(ours for _r, ours, _s in results) <= bound if bound else None,
            **{
                "req/s": Spread.of(r.requests / r.seconds for r, _o, _s in results),
                "p50 ms": Spread.of(r.p50_ms for r, _o, _s in results),
                "p99 ms": Spread.of(r.p99_ms for r, _o, _s in results),
                "5xx": sum(r.server_errors for r, _o, _s in results),
                "other non-2xx": sum(r.other_non_2xx for r, _o, _s in results),
                "socket errors": sum(r.socket_errors for r, _o, _s in results),
                "workers' connections (most)": max(ours for _r, ours, _s in results),
                "server's connections (most)": f"{max(s for _r, _o, s in results)}/"
                f"{sampler.max_connections}",
            },
        )
    report.note(
        "workers' connections: the most the workers held at once (at most workers x pool size "
        "with the pool); the server's: the whole PostgreSQL server's, other programs included. "
        f"Server log: {refused} 'too many clients', {timeouts} pool timeouts."
    )
    if report.failures:
        print(f"server log kept at {log_path}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return report.finish()


if __name__ == "__main__":
    try:
        status = main()
    finally:
        CLEAN_UP()
    raise SystemExit(status)
