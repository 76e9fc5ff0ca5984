"""The PostgreSQL + Redis configuration works across processes, as several ASGI workers need."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

import pytest
from channels.layers import get_channel_layer
from django.core.cache import cache, caches
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

SENDER = """
import asyncio, os, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
django.setup()
from channels.layers import get_channel_layer
asyncio.run(get_channel_layer().group_send(sys.argv[1], {"type": "ci.hello", "pid": os.getpid()}))
"""


@pytest.mark.django_db
def test_database_is_postgresql():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        assert cursor.fetchone()[0]


def test_cache_is_redis():
    cache.set("praxis-ci-probe", {"ok": True}, 30)
    assert cache.get("praxis-ci-probe") == {"ok": True}
    assert type(caches["default"]).__name__ == "RedisCache"


def test_channel_layer_delivers_between_processes():
    async def scenario():
        layer = get_channel_layer()
        assert type(layer).__name__ == "RedisChannelLayer"
        group = f"ci-{os.getpid()}"
        channel = await layer.new_channel()
        await layer.group_add(group, channel)
        try:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-c", SENDER, group, cwd=ROOT, env={**os.environ}
            )
            assert await asyncio.wait_for(process.wait(), 30) == 0
            message = await asyncio.wait_for(layer.receive(channel), 10)
        finally:
            await layer.group_discard(group, channel)
        return message, process.pid

    message, sender_pid = asyncio.run(scenario())
    assert message["type"] == "ci.hello"
    assert message["pid"] == sender_pid != os.getpid()


@pytest.mark.django_db
def test_healthz_reports_the_real_services(client):
    body = json.loads(client.get("/healthz").content)
    assert body["database"]["vendor"] == "postgresql"
    assert body["channel_layer"]["backend"] == "RedisChannelLayer"
    assert body["status"] == "ok"


def test_a_quiet_channel_layer_receive_outlives_the_blocking_pop():
    """channels-redis waits for a message with BZPOPMIN (5 s, then again); redis-py 8 made
    5 s the default socket timeout, so an idle receive raised TimeoutError after 5 s and took
    every quiet WebSocket down with it (django/channels_redis#422)."""

    async def scenario():
        layer = get_channel_layer()
        channel = await layer.new_channel()

        async def later():
            await asyncio.sleep(layer.brpop_timeout + 2)
            await layer.send(channel, {"type": "ci.late"})

        sender = asyncio.ensure_future(later())
        try:
            return await asyncio.wait_for(layer.receive(channel), layer.brpop_timeout + 10)
        finally:
            sender.cancel()

    assert asyncio.run(scenario())["type"] == "ci.late"
