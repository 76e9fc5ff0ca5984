"""Schemathesis against the running server's own schema (/api/v1/schema/), signed in as a
coach (maya) and as a facilitator (fran) of the demo: any 5xx, any status code, media type or
body the schema does not describe fails the test, with schemathesis' report and a curl line
that reproduces it.

The demo is served by uvicorn through the ASGI app on a database of its own (the same way as
the browser tests), so what schemathesis writes touches nothing else. Bounded: a few examples
per operation and a time budget per person (``PRAXIS_SCHEMATHESIS_SECONDS``). Operations that
would take the person's own data away for the rest of the run (DELETE, dropping a cohort,
revoking an award) are left out; their schema is checked like every other's in test_schema.py.

Slow (it seeds the demo), so it runs only when asked: ``PRAXIS_SCHEMATHESIS=1``
(``make api-fuzz``; CI runs it as its own step).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECONDS = int(os.environ.get("PRAXIS_SCHEMATHESIS_SECONDS", "100"))
SEED = os.environ.get("PRAXIS_SCHEMATHESIS_SEED", "20261202")
CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
    ]
)
USERS = ["maya", "fran"]  # a coach and a facilitator of the demo
# Taking one's own data away mid-run would leave the rest of the run with nothing to act on.
DESTRUCTIVE = r"/(drop|revoke)/$"

pytestmark = [
    pytest.mark.schemathesis,
    pytest.mark.xdist_group("schemathesis"),
    pytest.mark.skipif(
        not os.environ.get("PRAXIS_SCHEMATHESIS"),
        reason="slow API fuzzing: set PRAXIS_SCHEMATHESIS=1 (make api-fuzz) to run it",
    ),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, token: str | None = None):
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Token {token}")
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
        return json.load(response)


def _wait_for(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer in {timeout}s")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("schemathesis-server")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'api.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    for command in (["migrate", "--noinput", "-v0"], ["seed_demo", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    port = _free_port()
    log = open(workdir / "server.log", "w")  # noqa: SIM115 (closed at teardown)
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "cms.asgi:application", "--host", "127.0.0.1"]
        + ["--port", str(port), "--lifespan", "off", "--no-access-log"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base_url}/healthz", process)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _token(base_url: str, username: str) -> str:
    request = urllib.request.Request(
        f"{base_url}/api/v1/auth/token/",
        data=json.dumps({"username": username, "password": "praxis-demo"}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
        return json.load(response)["token"]


def _ids(base_url: str, token: str) -> dict[str, list]:
    """Ids this person can reach, so that most cases get past the 404 and exercise the view
    (the rest stay random: unknown and huge ids must answer 404 too)."""

    def pks(path: str, key: str = "id") -> list:
        body = _get(f"{base_url}/api/v1/{path}", token)
        rows = body["results"] if isinstance(body, dict) and "results" in body else body
        return sorted({row[key] for row in rows})[:20]

    course_ids = pks("courses/")
    lesson_ids = []
    for course_id in course_ids[:2]:
        outline = _get(f"{base_url}/api/v1/courses/{course_id}/", token)
        lesson_ids += [lesson["id"] for m in outline["modules"] for lesson in m["lessons"]]
    return {
        "course_id": course_ids,
        "cohort_id": pks("cohorts/"),
        "space_id": pks("community/spaces/"),
        "team_id": pks("teams/"),
        "id": pks("practice/entries/"),
        "lesson_id": lesson_ids[:20],
    }


def _config(path: Path, ids: dict[str, list]) -> Path:
    lines = []
    for name, values in ids.items():
        if values:
            lines += [f"[dictionaries.{name}]", f"values = {json.dumps(values)}", ""]
    lines.append("[parameters]")
    for name, values in ids.items():
        if values:
            lines.append(f'"path.{name}" = {{ dictionary = "{name}", probability = 0.7 }}')
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="module")
def tokens(server) -> dict[str, str]:
    # Both before any run: schemathesis' own calls to the token endpoint use up its throttle.
    return {username: _token(server, username) for username in USERS}


@pytest.mark.parametrize("username", USERS, ids=["coach", "facilitator"])
def test_api_answers_as_its_schema_says(server, tokens, username, tmp_path):
    token = tokens[username]
    config = _config(tmp_path / "schemathesis.toml", _ids(server, token))
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "--no-color",
        "--config-file",
        str(config),
        "run",
        f"{server}/api/v1/schema/",
        "--header",
        f"Authorization: Token {token}",
        "--checks",
        CHECKS,
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        "8",
        "--max-time",
        str(SECONDS),
        # One worker: schemathesis' workers are threads, and CPython 3.11 keeps the AST
        # constructor's recursion depth in state the threads share (python/cpython#106905), so
        # two of them now and then stop the run with "AST constructor recursion depth mismatch".
        "--workers",
        "1",
        "--seed",
        SEED,
        "--exclude-method",
        "DELETE",
        "--exclude-path-regex",
        DESTRUCTIVE,
        "--request-timeout",
        "30",
        "--no-shrink",
        "--warnings",
        "off",
    ]
    run = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, timeout=SECONDS + 300
    )
    report = run.stdout[-20000:] + run.stderr[-5000:]
    assert run.returncode == 0, f"schemathesis as {username} found failures:\n{report}"
    assert "API Operations:" in run.stdout, report
