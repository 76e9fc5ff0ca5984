"""Browser tests: the real product (migrate + seed_demo + uvicorn serving cms.asgi) driven by
Debian's Chromium through Playwright. Screenshots land in var/artifacts/e2e/.

Without Chromium these tests are skipped with the reason; CI installs it and runs them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "var" / "artifacts" / "e2e"
CHROMIUM = os.environ.get("PRAXIS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    reason = None
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        reason = (
            f"Chromium not found at {CHROMIUM}: install Debian's `chromium` package "
            "(apt-get install chromium) or set PRAXIS_CHROMIUM to run the browser tests"
        )
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.xdist_group("e2e"))  # one server, one browser
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The demo, served by uvicorn through the ASGI app on a free port."""
    workdir = tmp_path_factory.mktemp("e2e-server")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        # CI points this at PostgreSQL; locally a fresh SQLite file.
        "DATABASE_URL": os.environ.get("E2E_DATABASE_URL")
        or f"sqlite:///{workdir / 'e2e.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Links in emails, calendars and badges point at this server (as `make run` does).
        "SITE_URL": base_url,
    }
    python = sys.executable
    for command in (["migrate", "--noinput", "-v0"], ["seed_demo", "-v0"]):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)
    log = open(workdir / "server.log", "w")  # noqa: SIM115 (closed at teardown)
    process = subprocess.Popen(
        [
            python,
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
        stdout=log,
        stderr=subprocess.STDOUT,
    )
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


@pytest.fixture(scope="module")
def chromium():
    """One Chromium per test module. Playwright's sync API keeps its event loop marked as
    running in this thread while it is started, so it must stop before the worker moves on
    to tests that call asyncio.run() or pytest-asyncio."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


class Guard:
    """Watches every context a test opens: a request to any host but the server itself is
    refused and recorded (a closed school network, proven), and so is every
    Content-Security-Policy violation the browser reports on a page."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def watch(self, context) -> None:
        context.route("**/*", self._route)
        context.on("page", self._watch_page)

    def _route(self, route) -> None:
        url = route.request.url
        if urlsplit(url).hostname in LOOPBACK:
            route.continue_()
        else:
            self.problems.append(f"request to another host: {url}")
            route.abort("blockedbyclient")

    def _watch_page(self, page) -> None:
        page.on("console", lambda message: self._console(page, message))

    def _console(self, page, message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            self.problems.append(f"CSP violation on {page.url}: {message.text}")


class GuardedBrowser:
    """The module's Chromium, with every new context watched by the test's Guard."""

    def __init__(self, browser, guard: Guard) -> None:
        self._browser = browser
        self.guard = guard

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        self.guard.watch(context)
        return context

    def __getattr__(self, name):
        return getattr(self._browser, name)


@pytest.fixture
def browser(chromium):
    """Chromium for one test; the test fails on any request off the server or any CSP
    violation in the pages it visited."""
    guard = Guard()
    yield GuardedBrowser(chromium, guard)
    assert guard.problems == [], "\n".join(guard.problems)


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str, full_page: bool = True) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take
