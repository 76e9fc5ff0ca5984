"""Two ASGI server processes on two ports share the Redis channel layer: a post sent over a
WebSocket to one worker reaches a client connected to the other."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _free_ports(count: int) -> list[int]:
    """Distinct free ports: every socket stays bound until all are chosen."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


def _start_worker(port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": _database_url(),
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "cms.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--lifespan",
            "off",
            "--no-access-log",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline:
        assert process.poll() is None, "worker exited"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):  # noqa: S310
                return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"worker on {port} did not start")


@pytest.fixture
def space_with_two_coaches(make_cohort, make_user):
    from cohorts import services as cohort_services
    from community import services

    cohort = make_cohort()
    a, b = make_user("ana"), make_user("bo")
    for user in (a, b):
        cohort_services.cohort_enroll(cohort=cohort, user=user)
    space = services.space_for_cohort(cohort=cohort)
    thread = services.thread_create(
        space=space,
        author=a,
        title="Across workers",
        body="Hello",
        client_id="t1",
        check_rate=False,
    ).thread
    return space, thread, a, b


def _cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


async def _receive_until(ws, wanted: str, timeout: float = 10) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        message = json.loads(await asyncio.wait_for(ws.recv(), timeout=max(0.1, remaining)))
        if message["type"] == wanted:
            return message


def test_a_post_through_one_worker_reaches_a_client_on_the_other(space_with_two_coaches):
    from websockets.asyncio.client import connect

    space, thread, ana, bo = space_with_two_coaches
    ports = _free_ports(2)
    workers = [_start_worker(port) for port in ports]
    try:
        for port, worker in zip(ports, workers, strict=True):
            _wait(port, worker)
        cookies = [_cookie(ana), _cookie(bo)]

        async def scenario():
            uri = "ws://127.0.0.1:{}/ws/spaces/" + f"{space.pk}/"
            async with (
                connect(
                    uri.format(ports[0]),
                    origin=f"http://127.0.0.1:{ports[0]}",
                    additional_headers={"Cookie": cookies[0]},
                ) as first,
                connect(
                    uri.format(ports[1]),
                    origin=f"http://127.0.0.1:{ports[1]}",
                    additional_headers={"Cookie": cookies[1]},
                ) as second,
            ):
                await _receive_until(first, "hello")
                hello = await _receive_until(second, "hello")
                await first.send(
                    json.dumps(
                        {
                            "type": "post.create",
                            "client_id": "x-1",
                            "thread": thread.pk,
                            "body": "Across the wire",
                        }
                    )
                )
                ack = await _receive_until(first, "post.ack")
                event = await _receive_until(second, "post.created")
                return hello, ack, event

        hello, ack, event = asyncio.run(scenario())
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=10)
    assert event["data"]["id"] == ack["post"]
    assert event["data"]["author"]["name"] == "Ana"
    assert "Across the wire" in event["data"]["html"]
    assert event["seq"] == hello["last_seq"] + 1
