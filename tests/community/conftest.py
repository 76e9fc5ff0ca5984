"""Community fixtures: a cohort's space with two enrolled coaches and a thread, and
``ws_connect`` — a WebSocket to the real ASGI app (origin check, session auth, routing),
logged in through the session cookie the way a browser is.

Socket tests are transactional (``django_db(transaction=True)``): the consumer reads the
database from worker threads and broadcasts only in ``transaction.on_commit``, which never
fires inside the usual rolled-back test transaction. ``serialized_rollback=True`` restores what
the migrations created (Wagtail's root page and locale) that each flush would otherwise remove.
"""

from __future__ import annotations

import pytest
import pytest_asyncio
from channels.db import database_sync_to_async
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from cms.asgi import application
from cohorts import services as cohort_services
from community import presence, services
from tests.cohorts import conftest as cohort_fixtures

# The cohort fixtures (tests/cohorts/conftest.py), reused rather than copied.
make_user = cohort_fixtures.make_user
facilitator = cohort_fixtures.facilitator
coach = cohort_fixtures.coach
course = cohort_fixtures.course
make_cohort = cohort_fixtures.make_cohort
cohort = cohort_fixtures.cohort

ORIGIN = b"http://testserver"


@pytest.fixture(autouse=True)
def _fresh_channel_layer():
    """Each test gets its own channel-layer object and no hub of an earlier test. pytest-asyncio
    gives every test its own event loop, while a layer object (Redis: its receive lock and
    buffers) and this process's hubs (keyed by ``id()`` of a loop, which a later loop can
    reuse) keep asyncio objects bound to the loop that first used them: a socket test run after
    another one on the same worker then failed on "Lock ... is bound to a different event loop"
    in CI's PostgreSQL and Redis pass."""
    channel_layers.backends.clear()
    presence._HUBS.clear()
    yield
    channel_layers.backends.clear()
    presence._HUBS.clear()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Post counters live in the cache (Redis in CI's second pass), not in the database."""
    cache.clear()


@pytest.fixture
def space(cohort):
    return services.space_for_cohort(cohort=cohort)


@pytest.fixture
def coach_a(coach, cohort):
    cohort_services.cohort_enroll(cohort=cohort, user=coach)
    return coach


@pytest.fixture
def coach_b(make_user, cohort):
    user = make_user("noor")
    cohort_services.cohort_enroll(cohort=cohort, user=user)
    return user


@pytest.fixture
def outsider(make_user):
    return make_user("omar")


@pytest.fixture
def thread(space, facilitator):
    """Started by the facilitator (events seq 1 and 2), so replies by the coaches notify
    nobody who has a socket open."""
    return services.thread_create(
        space=space,
        author=facilitator,
        title="Introduce yourself",
        body="Who are you coaching this term?",
        client_id="seed-thread",
        check_rate=False,
    ).thread


class SpaceSocket(WebsocketCommunicator):
    """A communicator that remembers how its handshake went and reads close frames."""

    accepted: bool = False
    handshake_code: int | None = None

    async def receive_json_from(self, timeout: float = 5):
        return await super().receive_json_from(timeout)

    async def receive_close(self, timeout: float = 5) -> int | None:
        message = await self.receive_output(timeout)
        assert message["type"] == "websocket.close", message
        return message.get("code")


def _session_cookie(user) -> bytes:
    """What AuthMiddlewareStack reads: the session cookie of a logged-in browser."""
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}".encode()


@pytest_asyncio.fixture
async def ws_connect():
    """``await ws_connect(user, space_id)`` opens a socket (``user=None``: anonymous). Every
    socket opened is disconnected at teardown, whatever the test did."""
    opened: list[SpaceSocket] = []

    async def connect(user, space_id: int, *, origin: bytes = ORIGIN) -> SpaceSocket:
        headers = [(b"origin", origin), (b"host", b"testserver")]
        if user is not None:
            headers.append((b"cookie", await database_sync_to_async(_session_cookie)(user)))
        socket = SpaceSocket(application, f"/ws/spaces/{space_id}/", headers=headers)
        opened.append(socket)
        socket.accepted, detail = await socket.connect(timeout=5)
        socket.handshake_code = None if socket.accepted else detail
        return socket

    yield connect
    for socket in opened:
        await socket.disconnect(timeout=5)
