"""Benchmark: fan-out of community posts over WebSockets, against a bare Channels relay.

Builds a course, a cohort with N enrolled learners, its space and one thread (through the
services) in a fresh database, logs every learner in, then serves Praxis with uvicorn
(``cms.asgi:application``, ``cms.settings.test``) and drives N WebSocket clients from this one
asyncio process (uvloop; about 15% of a core at 3,000 deliveries/s). M posts
(``post.create`` with a client_id, one per sender, senders rotating over all N learners so
nobody nears the 12-a-minute rate limit) are sent at a steady rate; every client records each
``post.created`` it receives, deduplicated by ``seq``, with the latency from the moment the
post was sent. Reported per run: delivered, lost (N*M minus unique received), duplicates,
p50/p95/p99 latency, deliveries per second, post.ack latency (the write path alone), and
what went wrong in the workers (crashed consumers, exceptions, ``group_send`` over capacity).

Runs (a) the in-memory channel layer with one uvicorn worker and (b) Redis with two workers
(half the clients on each port), each for Praxis and for the baseline bench/relay_app.py (the
same load through a consumer that only relays), then prints Praxis/baseline ratios and the
targets on Redis: zero lost, p95 <= 1.5x baseline, throughput >= 0.7x baseline (PASS/MISS;
a miss does not fail the script).

The default rate is 10 posts/s (3,000 deliveries/s at N=300): on the 2-core machine this was
written on, the relay baseline itself tops out at 3,600-6,000 deliveries/s and starts to drop
messages (channel capacity 100) at 20-50 posts/s, which would compare two overloaded systems.
``--rate 50`` runs the heavier load.

Clients behave like community/static/community/space.js: a socket closed by the server is
reopened after 1 s, 2 s, 4 s ... (+-25%, reset once a socket opens). The normal runs measure
live delivery only (no sync). The fault run (``--fault`` alone, and part of the default run
when Redis is reachable): while the posts flow ~10% of the clients drop their socket and come
back 0.2-2 s later, and one of the two workers is SIGKILLed and restarted on the same port;
every client reconnects, sends ``{"type": "sync", "after": <last seq seen without a gap>}``
(also when a seq skips ahead, as space.js does), merges the replayed events and re-sends its
unacknowledged posts with the same client_id. At the end every client must hold every post
exactly once.

    .venv/bin/python bench/community_fanout.py                      # SQLite
    .venv/bin/python bench/community_fanout.py --postgres           # PostgreSQL
    .venv/bin/python bench/community_fanout.py --clients 50 --messages 50 --fault
    PYTHONPATH=/somewhere .venv/bin/python bench/community_fanout.py --praxis-app mod:app

SQLite is a temporary file; with ``--postgres`` the database ``praxis_bench_ws`` is created
on 127.0.0.1:5432 and dropped at the end. Redis runs use database 14 of
redis://127.0.0.1:6379 (``--redis``); the script deletes only its own keys there (prefixes
``praxis`` and ``benchrelay``). Each run gets a share of ``--timeout`` (300 s + 300 s per
repeat) and the whole script stops by itself, killing its workers, whatever happens.

Each setup runs ``--repeats`` times (3), Praxis and the relay in turn; the summary table
(bench/_report.py, also var/bench/community_fanout.json) gives the medians of the repeats with
the lowest and highest, and the ratios run by run. The script exits 1 when Praxis lost or
duplicated a post or a consumer crashed, or the fault run did not end exactly-once; a missed
target is printed as MISS and does not fail it. About 10 minutes with the defaults on the
2-core machine; ``--quick`` (50 clients, 30 posts) a few.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._ports import free_port  # noqa: E402
from bench._report import Report, Spread, add_arguments  # noqa: E402

PG_SERVER = "postgres://postgres:postgres@127.0.0.1:5432"
PG_NAME = "praxis_bench_ws"


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--rate", type=float, default=10.0, help="posts per second")
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL instead of SQLite")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/14")
    parser.add_argument(
        "--layers", choices=("memory", "redis", "both"), default="both", help="which setups"
    )
    parser.add_argument(
        "--apps", choices=("praxis", "baseline", "both"), default="both", help="which apps"
    )
    parser.add_argument("--fault", action="store_true", help="run only the fault run")
    parser.add_argument("--no-fault", action="store_true", help="skip the fault run")
    parser.add_argument("--deflate", action="store_true", help="offer permessage-deflate")
    parser.add_argument(
        "--praxis-app",
        default="cms.asgi:application",
        help="ASGI app to serve as Praxis (to measure a candidate change; PYTHONPATH applies)",
    )
    parser.add_argument(
        "--repeats", type=int, default=3, help="runs of each setup, Praxis and relay in turn"
    )
    parser.add_argument(
        "--timeout", type=float, help="overall seconds (default 300 + 300 per repeat)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep-logs", action="store_true", help="keep the worker logs")
    add_arguments(parser)
    args = parser.parse_args()
    if args.quick:
        args.clients, args.messages = min(args.clients, 50), min(args.messages, 30)
    args.repeats = max(3, args.repeats)
    args.timeout = args.timeout or 300.0 + 300.0 * args.repeats
    return args


ARGS = _arguments()
STARTED = time.monotonic()
DEADLINE = STARTED + ARGS.timeout
TMP = Path(tempfile.mkdtemp(prefix="praxis-fanout-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
os.environ.pop("REDIS_URL", None)  # the driver's own Django uses the in-memory layer
DATABASE_URL = f"{PG_SERVER}/{PG_NAME}" if ARGS.postgres else f"sqlite:///{TMP}/fanout.sqlite3"
os.environ["DATABASE_URL"] = DATABASE_URL

CHILDREN: list[subprocess.Popen] = []
_cleaned = threading.Lock()


def _pg_admin(statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(statement)


def _redis_clear() -> None:
    """Delete this benchmark's keys (and only those) from its Redis database."""
    try:
        import redis

        client = redis.Redis.from_url(ARGS.redis, socket_timeout=5)
        for pattern in ("praxis*", "benchrelay*"):
            keys = list(client.scan_iter(match=pattern, count=1000))
            for start in range(0, len(keys), 500):
                client.delete(*keys[start : start + 500])
        client.close()
    except Exception as error:  # cleanup is best effort
        print(f"  (redis cleanup: {type(error).__name__}: {error})")


def _redis_up() -> bool:
    try:
        import redis

        client = redis.Redis.from_url(ARGS.redis, socket_timeout=2)
        ok = client.ping()
        client.close()
        return bool(ok)
    except Exception:
        return False


def _cleanup() -> None:
    if not _cleaned.acquire(blocking=False):
        return
    for proc in CHILDREN:
        if proc.poll() is None:
            with contextlib.suppress(OSError):
                os.kill(proc.pid, signal.SIGKILL)
    for proc in CHILDREN:
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=10)
    try:
        from django.db import connections

        connections.close_all()
    except Exception:
        pass
    if ARGS.postgres:
        try:
            _pg_admin(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')
        except Exception as error:
            print(f"  (could not drop {PG_NAME}: {error})")
    if _redis_up():
        _redis_clear()
    if ARGS.keep_logs:
        print(f"worker logs kept in {TMP}")
    else:
        shutil.rmtree(TMP, ignore_errors=True)


def _watchdog() -> None:
    print(f"\nTIMEOUT: still running after {ARGS.timeout + 30:.0f}s; killing everything.")
    sys.stdout.flush()
    _cleanup()
    os._exit(3)


if ARGS.postgres:
    _pg_admin(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)')
    _pg_admin(f'CREATE DATABASE "{PG_NAME}"')

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client as DjangoClient  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.services import user_create  # noqa: E402
from cms import services as site_services  # noqa: E402
from cohorts import services as cohort_services  # noqa: E402
from cohorts.models import CohortStatus, Pace  # noqa: E402
from community import services as community_services  # noqa: E402
from community.models import Post  # noqa: E402
from courses import services as course_services  # noqa: E402

# --- fixtures ------------------------------------------------------------------------------


def build(n: int) -> tuple[int, int, list[str]]:
    """Course, cohort, N enrolled learners, the cohort's space and a thread; one session
    cookie per learner. Returns (space id, thread id, cookies)."""
    from datetime import timedelta

    _home, catalog = site_services.site_root_ensure()
    course, _created = course_services.course_build(
        catalog=catalog,
        title="Coaching in practice",
        slug="coaching",
        summary="x",
        modules=[
            {
                "title": "Module 1",
                "slug": "module-1",
                "lessons": [{"title": "Lesson 1.1", "slug": "lesson-1-1", "body": []}],
            }
        ],
    )
    facilitator = user_create(
        email="fran@example.org", password=None, username="fran", role="facilitator"
    )
    today = timezone.localdate()
    cohort = cohort_services.cohort_create(
        course=course,
        title="Fan-out cohort",
        pace=Pace.FACILITATED,
        status=CohortStatus.OPEN,
        starts_on=today,
        ends_on=today + timedelta(days=60),
        capacity=n + 10,
        time_zone="UTC",
        facilitators=[facilitator],
    )
    learners = []
    for i in range(n):
        user = user_create(
            email=f"learner{i:04d}@example.org",
            password=None,
            username=f"learner{i:04d}",
            display_name=f"Learner {i:04d}",
        )
        cohort_services.cohort_enroll(cohort=cohort, user=user, notify=False)
        learners.append(user)
    space = community_services.space_for_cohort(cohort=cohort)
    thread = community_services.thread_create(
        space=space,
        author=facilitator,
        title="Fan-out",
        body="Replies arrive live.",
        client_id="fanout-thread",
        check_rate=False,
    ).thread
    cookies = []
    for user in learners:
        client = DjangoClient()
        client.force_login(user)
        cookies.append(f"sessionid={client.cookies['sessionid'].value}")
    return space.pk, thread.pk, cookies


# --- servers -------------------------------------------------------------------------------


class Worker:
    """One uvicorn process serving Praxis or the relay baseline on a fixed port."""

    def __init__(self, app: str, port: int, redis_url: str | None, name: str):
        self.app, self.port, self.redis_url = app, port, redis_url
        self.log_path = TMP / f"{name}-{port}.log"
        self.proc: subprocess.Popen | None = None
        self.measured_bytes: int | None = None  # log size when the measurement ended

    def start(self) -> None:
        env = {**os.environ, "DATABASE_URL": DATABASE_URL}
        if self.app == "praxis":  # the test settings with a deployment's connections
            env["DJANGO_SETTINGS_MODULE"] = "bench._fanout_settings"
        env.pop("REDIS_URL", None)
        if self.redis_url:
            env["REDIS_URL"] = self.redis_url
        if self.app == "praxis":
            target = [ARGS.praxis_app]
        else:
            target = ["relay_app:application", "--app-dir", str(ROOT / "bench")]
        command = [
            sys.executable, "-m", "uvicorn", *target, "--host", "127.0.0.1",
            "--port", str(self.port), "--lifespan", "off", "--no-access-log",
            "--log-level", "warning",
        ]  # fmt: skip
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        CHILDREN.append(self.proc)

    def ready(self) -> bool:
        path = "/healthz" if self.app == "praxis" else "/"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=2):
                return True
        except OSError:
            return False

    def wait_ready(self, timeout: float = 60) -> None:
        limit = time.monotonic() + timeout
        while time.monotonic() < limit:
            if self.proc.poll() is not None:
                raise RuntimeError(f"worker on {self.port} exited; see {self.log_path}")
            if self.ready():
                return
            time.sleep(0.2)
        raise TimeoutError(f"worker on {self.port} did not start in {timeout:.0f}s")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def mark(self) -> None:
        """Remember where the log stood when the measurement ended (teardown noise after)."""
        try:
            self.measured_bytes = self.log_path.stat().st_size
        except OSError:
            self.measured_bytes = None

    def log_counts(self) -> collections.Counter:
        """What went wrong in the worker while it was measured, from its log."""
        counts: collections.Counter = collections.Counter()
        try:
            with open(self.log_path, "rb") as log:
                text = log.read(self.measured_bytes).decode(errors="replace")
        except OSError:
            return counts
        for line in text.splitlines():
            if "Exception in ASGI application" in line:
                counts["consumers crashed"] += 1
            elif "over capacity" in line:
                counts["group_send over capacity"] += 1
            elif "Broadcast to" in line and "failed" in line:
                counts["broadcast failed"] += 1
            else:
                raised = EXCEPTION_LINE.match(line)
                if raised and raised.group(1) != "asyncio.queues.QueueFull":
                    counts[raised.group(1).rsplit(".", 1)[-1]] += 1
        return counts


# --- the driver ------------------------------------------------------------------------------

SKIP = {b"presence", b"presence.changed", b"typing", b"notification"}
EXCEPTION_LINE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Full))\b")


@dataclass
class Run:
    """One load run: what was sent when, what arrived, and the counters to report."""

    label: str
    praxis: bool
    clients: int
    messages: int
    tag: str
    thread: int
    sync: bool
    deadline: float
    sent_at: list = field(default_factory=list)
    latencies: list = field(default_factory=list)
    ack_latencies: list = field(default_factory=list)
    first_send: float = 0.0
    last_delivery: float = 0.0
    sends_done: bool = False
    unique: int = 0
    duplicates: int = 0
    foreign: int = 0
    control_frames: int = 0
    acks: int = 0
    resent: int = 0
    gapped_reconnects: int = 0
    syncs_done: int = 0
    syncs: collections.Counter = field(default_factory=collections.Counter)
    seq_of: dict = field(default_factory=dict)  # message index -> seq
    index_of_seq: dict = field(default_factory=dict)
    stopping: bool = False
    errors: collections.Counter = field(default_factory=collections.Counter)
    closes: collections.Counter = field(default_factory=collections.Counter)
    connect_failures: int = 0
    planned_drops: int = 0

    def __post_init__(self):
        self.sent_at = [0.0] * self.messages
        self.prefix = f"{self.tag}-"

    def index_of(self, client_id: str) -> int | None:
        if not client_id.startswith(self.prefix):
            return None
        return int(client_id[len(self.prefix) :])


class BenchClient:
    """One browser tab, behaving like community/static/community/space.js: keeps a socket
    open (reconnecting after 1 s, 2 s, 4 s … up to 30 s, +-25%, reset once a socket opens)
    and records every stored event it receives. With ``run.sync`` (the fault run) it also
    catches up like space.js: ``sync`` from the last seq seen without a gap after every
    reconnect and whenever a seq skips ahead, and re-sends unacknowledged posts."""

    def __init__(self, idx: int, port: int, cookie: str, space: int, run: Run, gate):
        self.idx, self.port, self.run, self.gate = idx, port, run, gate
        self.url = f"ws://127.0.0.1:{port}/ws/spaces/{space}/"
        self.headers = {"Cookie": cookie}
        self.origin = f"http://127.0.0.1:{port}"
        self.ws = None
        self.ready = False  # hello received on the current socket
        self.connects = 0
        self.seen: set[int] = set()  # seqs (Praxis) or message indices (baseline)
        self.got = 0
        self.watermark: int | None = None  # last seq seen with nothing missing before it
        self.max_seq = 0
        self.syncing = False
        self.resync = False
        self.pending: dict[str, str] = {}  # unacknowledged posts: client_id -> frame
        self.drop_delay: float | None = None

    # -- receiving

    def _post(self, raw: bytes, now: float) -> bool:
        """Record one post event; True when it shows a gap worth a sync."""
        run = self.run
        message = json.loads(raw)
        if run.praxis:
            key = message["seq"]
            client_id = message["data"]["client_id"]
        else:
            client_id = message["client_id"]
            key = run.index_of(client_id)
        if key in self.seen:
            run.duplicates += 1
            return False
        self.seen.add(key)
        index = run.index_of(client_id)
        if index is None:
            run.foreign += 1
            return False
        self.got += 1
        run.unique += 1
        run.latencies.append(now - run.sent_at[index])
        run.last_delivery = now
        if not run.praxis:
            return False
        run.seq_of[index] = key
        run.index_of_seq[key] = index
        if key > self.max_seq:
            self.max_seq = key
        if self.watermark is None:
            return False
        while self.watermark + 1 in self.seen:
            self.watermark += 1
        return run.sync and self.max_seq > self.watermark

    async def _sync(self, ws, why: str) -> None:
        if self.syncing:
            self.resync = True
            return
        self.syncing = True
        self.run.syncs[why] += 1
        await ws.send(json.dumps({"type": "sync", "after": self.watermark}))

    async def _control(self, ws, message: dict) -> None:
        kind = message.get("type")
        run = self.run
        if kind == "hello":
            self.ready = True
            self._release_gate()
            if self.watermark is None:
                self.watermark = self.max_seq = message["last_seq"]
            elif run.sync:
                if self.max_seq > self.watermark:
                    run.gapped_reconnects += 1
                self.syncing = self.resync = False
                await self._sync(ws, "reconnect")
                for frame in list(self.pending.values()):
                    run.resent += 1
                    await ws.send(frame)
        elif kind == "post.ack":
            client_id = message["client_id"]
            if self.pending.pop(client_id, None) is not None:
                run.acks += 1
                index = run.index_of(client_id)
                if index is not None:
                    run.ack_latencies.append(time.perf_counter() - run.sent_at[index])
        elif kind == "sync.done":
            run.syncs_done += 1
            self.syncing = False
            if self.resync or (self.watermark is not None and self.max_seq > self.watermark):
                self.resync = False
                if self.max_seq > self.watermark:
                    await self._sync(ws, "gap")
        elif kind == "error":
            run.errors[message.get("code")] += 1
            if message.get("code") == "bad_seq":
                self.syncing = False
            self.pending.pop(message.get("ref") or "", None)

    async def _read(self, ws) -> None:
        recv = ws.recv
        praxis = self.run.praxis
        while True:
            raw = await recv(decode=False)
            now = time.perf_counter()
            kind = raw[10 : raw.find(b'"', 10)]
            if kind == b"post.created" or (not praxis and kind == b"post.create"):
                if self._post(raw, now):
                    await self._sync(ws, "gap")
            elif kind in SKIP:
                self.run.control_frames += 1
            else:
                await self._control(ws, json.loads(raw))

    # -- the connection's life

    def _release_gate(self) -> None:
        if self.gate is not None:
            gate, self.gate = self.gate, None
            gate.release()

    async def life(self) -> None:
        from websockets.asyncio.client import connect
        from websockets.exceptions import ConnectionClosed

        run = self.run
        attempt = 0
        if self.gate is not None:
            await self.gate.acquire()
        while not run.stopping and time.monotonic() < run.deadline:
            if attempt:
                delay = min(30.0, 2 ** (attempt - 1)) * random.uniform(0.75, 1.25)
                await asyncio.sleep(delay)
            try:
                ws = await connect(
                    self.url,
                    origin=self.origin,
                    additional_headers=self.headers,
                    compression="deflate" if ARGS.deflate else None,
                    proxy=None,
                    ping_interval=None,
                    open_timeout=15,
                    close_timeout=1,
                )
            except Exception:  # refused, reset, timed out, rejected handshake
                self._release_gate()
                run.connect_failures += 1
                attempt += 1
                continue
            attempt = 0
            self.ws, self.ready, self.syncing = ws, False, False
            self.connects += 1
            if not run.praxis:  # the relay says nothing on connect: open means joined
                self.ready = True
                self._release_gate()
            code = None
            try:
                await self._read(ws)
            except ConnectionClosed as closed:
                code = closed.rcvd.code if closed.rcvd else 1006
            finally:
                self.ws, self.ready = None, False
                self._release_gate()
            if run.stopping:
                return
            if self.drop_delay is not None:  # we dropped it on purpose
                delay, self.drop_delay = self.drop_delay, None
                await asyncio.sleep(delay)
                continue
            run.closes[code] += 1
            if code == 4403:
                return
            attempt = 1

    def drop(self, delay: float) -> bool:
        ws = self.ws
        if ws is None or not self.ready:
            return False
        self.drop_delay = delay
        self.run.planned_drops += 1
        if self.idx % 2:
            ws.transport.abort()  # the network went away
        else:
            asyncio.get_running_loop().create_task(ws.close())  # the tab was closed
        return True


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(q * len(values)))] * 1000


@dataclass
class Result:
    label: str
    app: str
    layer: str
    workers: int
    clients: int
    messages: int
    connected: int = 0
    setup_s: float = 0.0
    delivered: int = 0
    lost: int = 0
    duplicates: int = 0
    p50: float = float("nan")
    p95: float = float("nan")
    p99: float = float("nan")
    throughput: float = 0.0
    notes: list = field(default_factory=list)
    fault: dict = field(default_factory=dict)
    worker_errors: dict = field(default_factory=dict)


async def _settle(run: Run, clients: list[BenchClient], limit: float) -> None:
    """Wait until every client has its hello and the presence chatter has died down."""
    end = min(limit, run.deadline)
    while time.monotonic() < end and not all(c.ready for c in clients):
        await asyncio.sleep(0.1)
    last, quiet_since = -1, time.monotonic()
    while time.monotonic() < end:
        await asyncio.sleep(0.25)
        if run.control_frames != last:
            last, quiet_since = run.control_frames, time.monotonic()
        elif time.monotonic() - quiet_since >= 1.0:
            return


async def _send_all(run: Run, clients: list[BenchClient], rate: float) -> None:
    n = len(clients)
    run.first_send = start = time.perf_counter()
    for i in range(run.messages):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if time.monotonic() > run.deadline:
            break
        sender = None
        for step in range(n):
            candidate = clients[(i + step) % n]
            if candidate.ready and candidate.ws is not None:
                sender = candidate
                break
        if sender is None:
            await asyncio.sleep(0.05)
            continue
        client_id = f"{run.tag}-{i}"
        frame = json.dumps(
            {"type": "post.create", "client_id": client_id, "thread": run.thread, "body": f"#{i}"}
        )
        run.sent_at[i] = time.perf_counter()
        if run.praxis:
            sender.pending[client_id] = frame
        with contextlib.suppress(Exception):  # still pending: re-sent after a reconnect
            await sender.ws.send(frame)
    run.sends_done = True


async def _chaos(run: Run, clients: list[BenchClient], workers: list[Worker], window: float):
    """Drop ~10% of the sockets at random moments; SIGKILL and restart the second worker."""
    rng = random.Random(ARGS.seed)
    victims = rng.sample(clients, max(1, round(len(clients) * 0.1)))
    plan = sorted((rng.uniform(0.05, 0.95) * window, client) for client in victims)
    plan = [(when, "drop", client) for when, client in plan]
    plan.append((0.4 * window, "kill", None))
    plan.sort(key=lambda item: item[0])
    start = time.perf_counter()
    info = {"drops_planned": len(victims), "drops_done": 0}
    for when, what, client in plan:
        delay = start + when - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if what == "drop":
            info["drops_done"] += client.drop(rng.uniform(0.2, 2.0))
            continue
        victim = workers[-1]
        killed_at = time.perf_counter()
        victim.kill()
        info["killed_port"] = victim.port
        info["killed_at_s"] = round(killed_at - start, 2)
        victim.start()
        loop = asyncio.get_running_loop()
        while time.monotonic() < run.deadline:
            if await loop.run_in_executor(None, victim.ready):
                break
            await asyncio.sleep(0.2)
        info["restart_s"] = round(time.perf_counter() - killed_at, 2)
    return info


async def run_phase(
    *,
    label: str,
    app: str,
    layer: str,
    workers: list[Worker],
    space: int,
    thread: int,
    cookies: list[str],
    fault: bool,
    budget: float,
) -> Result:
    n, m = len(cookies), ARGS.messages
    ports = [w.port for w in workers]
    deadline = min(DEADLINE, time.monotonic() + budget)
    run = Run(
        label=label,
        praxis=app == "praxis",
        clients=n,
        messages=m,
        tag=f"{label}-{int(time.time())}",
        thread=thread,
        sync=fault,
        deadline=deadline,
    )
    result = Result(label, app, layer, len(workers), n, m)
    gate = asyncio.Semaphore(25)  # at most 25 handshakes in flight while connecting
    clients = [
        BenchClient(i, ports[i % len(ports)], cookies[i], space, run, gate) for i in range(n)
    ]
    begin = time.perf_counter()
    tasks = [asyncio.create_task(c.life()) for c in clients]
    await _settle(run, clients, time.monotonic() + min(90.0, budget / 3))
    result.connected = sum(c.ready for c in clients)
    result.setup_s = time.perf_counter() - begin
    closes_before = sum(run.closes.values())
    if closes_before:
        result.notes.append(f"{closes_before} sockets closed by the server while connecting")
    run.closes.clear()
    window = m / ARGS.rate
    sender = asyncio.create_task(_send_all(run, clients, ARGS.rate))
    chaos = asyncio.create_task(_chaos(run, clients, workers, window)) if fault else None
    expected = n * m
    last, last_change = -1, time.monotonic()
    while time.monotonic() < deadline:
        await asyncio.sleep(0.2)
        progress = (run.unique, run.syncs_done, sum(c.connects for c in clients))
        if progress != last:
            last, last_change = progress, time.monotonic()
        if not run.sends_done or (chaos is not None and not chaos.done()):
            continue
        if run.unique >= expected and all(c.ready for c in clients):
            break
        if time.monotonic() - last_change > (10.0 if fault else 5.0):
            break  # nothing has moved for a while: what is missing is lost
    run.stopping = True
    for worker in workers:
        worker.mark()
    if not sender.done():
        sender.cancel()
        result.notes.append("the sender did not finish in time")
    if chaos is not None:
        if chaos.done() and not chaos.cancelled() and chaos.exception() is None:
            result.fault.update(chaos.result())
        else:
            chaos.cancel()
            result.notes.append("the fault schedule did not finish in time")
    for client in clients:
        if client.ws is not None:
            client.ws.transport.abort()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, sender, *([chaos] if chaos else []), return_exceptions=True)

    lat = sorted(run.latencies)
    span = (run.last_delivery - run.first_send) if run.last_delivery else 0.0
    result.delivered = run.unique
    result.lost = expected - run.unique
    result.duplicates = run.duplicates
    result.p50, result.p95, result.p99 = _pct(lat, 0.50), _pct(lat, 0.95), _pct(lat, 0.99)
    result.throughput = run.unique / span if span > 0 else 0.0
    if run.closes:
        closes = ", ".join(f"{code}: {count}" for code, count in sorted(run.closes.items()))
        result.notes.append(f"server-side closes during the run (code: count) {closes}")
    if run.connect_failures:
        result.notes.append(f"{run.connect_failures} failed connection attempts")
    if run.errors:
        result.notes.append(f"error events {dict(run.errors)}")
    if run.foreign:
        result.notes.append(f"{run.foreign} events not from this run")
    unacked = sum(len(c.pending) for c in clients)
    if run.praxis and unacked:
        result.notes.append(f"{unacked} posts never acknowledged")
    if result.connected < n:
        result.notes.append(f"only {result.connected}/{n} clients had a hello after setup")
    if fault:
        complete = sum(1 for c in clients if c.got == m)
        why: collections.Counter = collections.Counter()
        for client in clients:
            if client.got == m:
                continue
            have = {run.index_of_seq.get(seq) for seq in client.seen}
            for index in range(m):
                if index in have:
                    continue
                seq = run.seq_of.get(index)
                if seq is None:
                    why["delivered to nobody"] += 1
                elif seq < client.max_seq:
                    why["behind a later seq"] += 1
                else:
                    why["after the last seq it saw"] += 1
        result.fault.update(
            {
                "clients": n,
                "expected_per_client": m,
                "complete_clients": complete,
                "missing_total": sum(m - c.got for c in clients),
                "missing_why": dict(why),
                "duplicates_discarded": run.duplicates,
                "planned_drops": run.planned_drops,
                "reconnects": sum(max(0, c.connects - 1) for c in clients),
                "syncs_sent": dict(run.syncs),
                "syncs_answered": run.syncs_done,
                "gapped_reconnects": run.gapped_reconnects,
                "posts_resent": run.resent,
                "tag": run.tag,
            }
        )
    if run.ack_latencies:
        acks = sorted(run.ack_latencies)
        result.notes.append(
            f"post.ack latency (ingest) p50 {_fmt(_pct(acks, 0.5))} p95 {_fmt(_pct(acks, 0.95))} "
            f"ms; last post acknowledged {_fmt(acks[-1], 2)}s after it was sent"
        )
    result.notes.append(f"{run.control_frames} presence/notification frames received")
    return result


# --- orchestration ---------------------------------------------------------------------------


def _phase(runner, *, label, app, layer, redis_url, nworkers, fixtures, share, fault=False):
    """One run on fresh workers, given ``share`` of the time that remains."""
    space, thread, cookies = fixtures
    remaining = DEADLINE - time.monotonic()
    if remaining < 30:
        print(f"  skipped {label}: out of time")
        return None
    if redis_url:
        _redis_clear()
    if app == "praxis" and _fingerprint() != FINGERPRINT[0]:
        FINGERPRINT[0] = _fingerprint()
        print(f"  NOTE: the code changed since the previous run: {FINGERPRINT[0]}")
    workers = [Worker(app, free_port(), redis_url, label) for _ in range(nworkers)]
    try:
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.wait_ready()
        budget = min((remaining - 10) * share, 240.0)
        result = runner.run(
            run_phase(
                label=label,
                app=app,
                layer=layer,
                workers=workers,
                space=space,
                thread=thread,
                cookies=cookies,
                fault=fault,
                budget=budget,
            )
        )
    finally:
        for worker in workers:
            worker.stop()
    counts: collections.Counter = collections.Counter()
    for worker in workers:
        counts.update(worker.log_counts())
    if counts:
        result.notes.append(f"worker logs: {dict(counts)}")
        result.worker_errors = dict(counts)
    if fault and app == "praxis":
        stored = Post.objects.filter(client_id__startswith=f"{result.fault['tag']}-").count()
        result.fault["posts_stored"] = stored
        connections.close_all()
    _print_result(result)
    return result


def _fmt(value: float, digits: int = 1) -> str:
    return "n/a" if value != value else f"{value:.{digits}f}"  # NaN check


def _print_result(r: Result) -> None:
    print(
        f"  {r.label:<16} connected {r.connected}/{r.clients} in {r.setup_s:.1f}s; "
        f"delivered {r.delivered} lost {r.lost} dup {r.duplicates} "
        f"p50 {_fmt(r.p50)} p95 {_fmt(r.p95)} p99 {_fmt(r.p99)} ms, "
        f"{r.throughput:.0f}/s"
    )
    for note in r.notes:
        print(f"      - {note}")
    sys.stdout.flush()


def _table(results: list[Result]) -> None:
    header = (
        f"{'layer':<8} {'app':<9} {'wk':>2} {'delivered':>9} {'lost':>7} {'dup':>5} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'deliv/s':>8}"
    )
    print(header)
    for r in results:
        print(
            f"{r.layer:<8} {r.app:<9} {r.workers:>2} {r.delivered:>9} {r.lost:>7} "
            f"{r.duplicates:>5} {_fmt(r.p50):>8} {_fmt(r.p95):>8} {_fmt(r.p99):>8} "
            f"{r.throughput:>8.0f}"
        )


def _summary(report: Report, results: list[Result], fault: Result | None) -> None:
    """Per setup the medians of the repeats, Praxis / relay ratios run by run (each Praxis run
    next to the relay run after it), the targets on Redis, and the correctness failures: a
    post Praxis lost or delivered twice, a crashed consumer, a fault run not exactly-once."""
    for r in results:
        if r.app == "praxis" and (
            r.lost or r.duplicates or r.worker_errors.get("consumers crashed")
        ):
            report.fail(
                f"{r.label}: {r.lost} lost, {r.duplicates} duplicates, "
                f"worker logs {r.worker_errors}"
            )
    for layer in ("memory", "redis"):
        for app in ("praxis", "baseline"):
            runs = [r for r in results if (r.layer, r.app) == (layer, app)]
            if not runs:
                continue
            relay = [r for r in results if (r.layer, r.app) == (layer, "baseline")]
            figures = {
                "clients": runs[0].clients,
                "workers": runs[0].workers,
                "connect s": Spread.of(r.setup_s for r in runs),
                "lost": sum(r.lost for r in runs),
                "dup": sum(r.duplicates for r in runs),
                "p50 ms": Spread.of(r.p50 for r in runs),
                "p95 ms": Spread.of(r.p95 for r in runs),
                "p99 ms": Spread.of(r.p99 for r in runs),
                "deliveries/s": Spread.of(r.throughput for r in runs),
            }
            p95 = throughput = None
            if app == "praxis" and relay:
                pairs = list(zip(runs, relay, strict=False))
                p95 = Spread.of(p.p95 / b.p95 if b.p95 else float("nan") for p, b in pairs)
                throughput = Spread.of(
                    p.throughput / b.throughput if b.throughput else float("nan") for p, b in pairs
                )
                figures.update({"p95 x relay": p95, "throughput x relay": throughput})
            target = layer == "redis" and p95 is not None
            report.row(
                f"{'Praxis' if app == 'praxis' else 'baseline: relay'}, {layer}",
                target="p95 <= 1.5x, throughput >= 0.7x" if target else "",
                ok=p95.median <= 1.5 and throughput.median >= 0.7 if target else None,
                **figures,
            )
    if fault is not None:
        f = fault.fault
        once = f.get("complete_clients") == f.get("clients") and f.get("missing_total") == 0
        if not once:
            report.fail(f"fault run: not every client holds every post exactly once ({f})")
        report.note(
            f"fault run (Redis, {f.get('clients')} clients, ~10% of sockets dropped, one worker "
            f"SIGKILLed at {f.get('killed_at_s')} s and back {f.get('restart_s')} s later): "
            f"{f.get('reconnects')} reconnects, {f.get('complete_clients')}/{f.get('clients')} "
            f"clients end with all {f.get('expected_per_client')} posts exactly once, "
            f"{f.get('duplicates_discarded')} duplicates dropped by seq"
        )


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def _print_fault(r: Result) -> None:
    f = r.fault
    print("\nfault run (Redis, 2 workers: ~10% sockets dropped, one worker SIGKILLed)")
    rows = [
        ("clients", f.get("clients")),
        ("expected per client", f.get("expected_per_client")),
        ("posts stored", f.get("posts_stored")),
        ("complete clients", f.get("complete_clients")),
        ("missing total", f.get("missing_total")),
        ("missing, where", f.get("missing_why") or "-"),
        ("duplicates discarded", f.get("duplicates_discarded")),
        ("planned drops", f.get("planned_drops")),
        ("reconnects", f.get("reconnects")),
        ("syncs sent (why)", f.get("syncs_sent")),
        ("syncs answered", f.get("syncs_answered")),
        ("reconnects with a gap", f.get("gapped_reconnects")),
        ("posts re-sent", f.get("posts_resent")),
        ("worker killed at / back", f"{f.get('killed_at_s')}s / +{f.get('restart_s')}s"),
    ]
    for name, value in rows:
        print(f"  {name:<26} {value}")
    ok = f.get("complete_clients") == f.get("clients") and f.get("missing_total") == 0
    print(f"  every client holds every post exactly once: {'YES' if ok else 'NO'}")


FINGERPRINT = [""]


def _fingerprint() -> str:
    """Short hashes of the files measured (others may be changing them)."""
    import hashlib

    parts = []
    for name in ("community/consumers.py", "community/services.py", "cms/settings/base.py"):
        digest = hashlib.sha1((ROOT / name).read_bytes()).hexdigest()[:8]  # noqa: S324
        parts.append(f"{name} {digest}")
    return ", ".join(parts)


def main() -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = max(soft, min(hard, 4 * ARGS.clients + 1024))
    if want > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    random.seed(ARGS.seed)
    vendor = "PostgreSQL" if ARGS.postgres else "SQLite"
    report = Report(
        "community_fanout",
        "Community fan-out over WebSockets, against a bare Channels relay",
        f"{ARGS.clients} clients, {ARGS.messages} posts at {ARGS.rate:g}/s, {vendor}, "
        f"{ARGS.repeats} repeats, Praxis then the relay on fresh workers",
        # The default 300 clients on SQLite is the plain name; other runs are named by what
        # differs, so make bench's 1,000-client run does not overwrite the default one.
        variant="-".join(
            part
            for part in (
                "postgresql" if ARGS.postgres else "",
                f"{ARGS.clients}-clients" if ARGS.clients != 300 else "",
            )
            if part
        ),
        quick=ARGS.quick,
    )
    FINGERPRINT[0] = _fingerprint()
    print(f"  code under test: {ARGS.praxis_app}; {FINGERPRINT[0]}")
    sys.stdout.flush()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    fixtures = build(ARGS.clients)
    connections.close_all()
    print(f"  fixtures built in {time.perf_counter() - started:.1f}s")
    if ARGS.messages > ARGS.clients * 5:
        print("  note: more than 5 posts per sender per run; the 12/minute rate limit may bite")

    redis_ok = _redis_up()
    layers = ["memory", "redis"] if ARGS.layers == "both" else [ARGS.layers]
    if "redis" in layers and not redis_ok:
        print(f"  Redis at {ARGS.redis} is not reachable: Redis runs skipped")
        layers.remove("redis")
    plan = []  # (label, app, layer, workers, fault, share of the remaining time)
    for repeat in range(1, ARGS.repeats + 1) if not ARGS.fault else ():
        for layer in layers:
            workers = 2 if layer == "redis" else 1
            if ARGS.apps != "baseline":
                plan.append((f"{layer}-praxis-{repeat}", "praxis", layer, workers, False, 1.0))
            if ARGS.apps != "praxis":
                plan.append((f"{layer}-relay-{repeat}", "baseline", layer, workers, False, 0.4))
    if ARGS.fault or (ARGS.layers != "memory" and ARGS.apps != "baseline" and not ARGS.no_fault):
        if redis_ok:
            plan.append(("redis-fault", "praxis", "redis", 2, True, 1.5))
        else:
            print("  fault run skipped: it needs Redis")
    results: list[Result] = []
    fault_result = None
    try:
        import uvloop

        loop_factory = uvloop.new_event_loop
    except ImportError:
        loop_factory = None
    with asyncio.Runner(loop_factory=loop_factory) as runner:
        for position, (label, app, layer, workers, fault, _share) in enumerate(plan):
            result = _phase(
                runner,
                label=label,
                app=app,
                layer=layer,
                redis_url=ARGS.redis if layer == "redis" else None,
                nworkers=workers,
                fixtures=fixtures,
                share=plan[position][5] / sum(step[5] for step in plan[position:]),
                fault=fault,
            )
            if result is None:
                continue
            if fault:
                fault_result = result
            else:
                results.append(result)
    if results:
        print()
        _table(results)
    if fault_result:
        _print_fault(fault_result)
    print(f"\ntotal {time.monotonic() - STARTED:.0f}s")
    _summary(report, results, fault_result)
    return report.finish()


def _terminated(signum, frame):
    raise SystemExit(128 + signum)  # unwinds through main(), so the cleanup below runs


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _terminated)
    watchdog = threading.Timer(ARGS.timeout + 30, _watchdog)
    watchdog.daemon = True
    watchdog.start()
    try:
        status = main()
    finally:
        watchdog.cancel()
        _cleanup()
    raise SystemExit(status)
