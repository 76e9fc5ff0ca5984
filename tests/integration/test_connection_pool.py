"""Under a burst of concurrent requests, two ASGI workers on PostgreSQL stay within their
connection pools (DB_POOL_MAX_SIZE each) and answer every request; when the pool cannot hand
out a connection in DB_POOL_TIMEOUT, the answer is a 503 with Retry-After, never a 500.

Before the pool, each request thread kept a connection of its own (CONN_MAX_AGE 60): two
workers under load ran PostgreSQL out of client slots ("sorry, too many clients already").
The servers' connections are told apart by their application_name (libpq's PGAPPNAME)."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from rest_framework.authtoken.models import Token

from tests.integration.test_two_workers import _database_url, _free_ports

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CLIENTS, REQUESTS_EACH = 40, 5
URL = "/api/v1/me/enrollments/"


def _start_server(port: int, workers: int, app_name: str, **pool) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": _database_url(),
        "PGAPPNAME": app_name,
        **{name: str(value) for name, value in pool.items()},
    }
    command = [sys.executable, "-m", "uvicorn", "cms.asgi:application", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers), "--lifespan", "off"]
    command += ["--no-access-log"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def _wait_ready(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, "server exited"
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"server on {port} did not start")


class ConnectionSampler(threading.Thread):
    """Counts the server's connections to the test database every few milliseconds."""

    def __init__(self, app_name: str) -> None:
        super().__init__(daemon=True)
        self.app_name, self.most, self.samples = app_name, 0, 0
        self.done = threading.Event()

    def run(self) -> None:
        s = connection.settings_dict
        with psycopg.connect(
            host=s["HOST"], port=s["PORT"], user=s["USER"], password=s["PASSWORD"],
            dbname=s["NAME"], autocommit=True,
        ) as conn:  # fmt: skip
            while not self.done.is_set():
                (count,) = conn.execute(
                    "SELECT count(*) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND application_name = %s",
                    [self.app_name],
                ).fetchone()
                self.most, self.samples = max(self.most, count), self.samples + 1
                time.sleep(0.005)


def _burst(port: int, token: str) -> list[tuple[int, dict[str, str], bytes]]:
    """CLIENTS keep-alive clients start together; each sends REQUESTS_EACH requests in turn."""
    barrier = threading.Barrier(CLIENTS)
    answers: list[tuple[int, dict[str, str], bytes]] = []
    lock = threading.Lock()

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        barrier.wait(timeout=30)
        for _ in range(REQUESTS_EACH):
            conn.request("GET", URL, headers={"Authorization": f"Token {token}"})
            response = conn.getresponse()
            headers = {name.lower(): value for name, value in response.getheaders()}
            answer = (response.status, headers, response.read())
            with lock:
                answers.append(answer)
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


@pytest.fixture
def token(make_user):
    return Token.objects.create(user=make_user("ana")).key


def _run(token: str, workers: int, **pool) -> tuple[list, ConnectionSampler]:
    app_name = f"praxis-pool-test-{os.getpid()}-{time.monotonic_ns()}"
    [port] = _free_ports(1)
    server = _start_server(port, workers, app_name, **pool)
    sampler = ConnectionSampler(app_name)
    try:
        _wait_ready(port, server)
        sampler.start()
        answers = _burst(port, token)
    finally:
        sampler.done.set()
        server.terminate()
        server.wait(timeout=30)
    sampler.join(timeout=10)
    return answers, sampler


def test_a_burst_on_two_workers_stays_within_the_pools(token):
    assert connection.settings_dict["OPTIONS"].get("pool"), "PostgreSQL without a pool"
    answers, sampler = _run(token, workers=2, DB_POOL_MIN_SIZE=1, DB_POOL_MAX_SIZE=3)
    statuses = [status for status, _headers, _body in answers]
    assert statuses == [200] * CLIENTS * REQUESTS_EACH, sorted(set(statuses))
    assert json.loads(answers[0][2]) == []
    assert sampler.samples > 10
    # Two workers, three connections each at most (a request thread of its own each, and no
    # connection kept per thread, is what ran PostgreSQL out of client slots).
    assert 1 <= sampler.most <= 2 * 3


def test_a_pool_timeout_is_a_503_with_retry_after(token):
    answers, sampler = _run(
        token, workers=1, DB_POOL_MIN_SIZE=1, DB_POOL_MAX_SIZE=1, DB_POOL_TIMEOUT="0.001"
    )
    statuses = {status for status, _headers, _body in answers}
    assert statuses <= {200, 503}, statuses
    busy = [(headers, body) for status, headers, body in answers if status == 503]
    assert busy, "one connection for 40 clients with 1 ms to wait: some must have waited"
    for headers, body in busy:
        assert headers["retry-after"] == "5"
        assert json.loads(body)["error"]["code"] == "service_unavailable"
    assert sampler.most <= 1


def test_postgresql_refusing_a_connection_counts_as_busy():
    """The real error when PostgreSQL has no slot left (here: a role allowed none)."""
    from core.errors import database_busy

    s = connection.settings_dict
    admin = {"host": s["HOST"], "port": s["PORT"], "dbname": s["NAME"], "autocommit": True}
    role = f"praxis_full_{os.getpid()}"
    with psycopg.connect(user=s["USER"], password=s["PASSWORD"], **admin) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'x' CONNECTION LIMIT 0")
    try:
        with pytest.raises(psycopg.OperationalError) as refused:
            psycopg.connect(user=role, password="x", **admin)
    finally:
        with psycopg.connect(user=s["USER"], password=s["PASSWORD"], **admin) as conn:
            conn.execute(f"DROP ROLE {role}")
    assert database_busy(refused.value)
