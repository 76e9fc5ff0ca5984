"""Baseline for bench/community_fanout.py: a bare Channels ASGI app that only relays.

Every socket joins the group ``bench``; a text frame from a client is group_sent to
``bench`` unchanged and every socket in the group writes it out. No database, no auth, no
presence: the cost of Channels + the channel layer + uvicorn alone. Any HTTP request answers
``ok`` (the benchmark's readiness probe).

The channel layer is the in-memory one, or Redis when ``REDIS_URL`` is set (prefix
``benchrelay``), with the layer's default capacities, as Praxis uses them. Served by

    REDIS_URL=redis://127.0.0.1:6379/14 .venv/bin/uvicorn relay_app:application \
        --app-dir bench --host 127.0.0.1 --port 8100 --lifespan off --no-access-log

Running this file directly only prints that line (so ``make bench`` passes over it).
"""

from __future__ import annotations

import os

import django
from django.conf import settings

GROUP = "bench"

if not settings.configured:
    _redis = os.environ.get("REDIS_URL", "").strip()
    settings.configure(
        DEBUG=False,
        INSTALLED_APPS=["channels"],
        CHANNEL_LAYERS={
            "default": (
                {
                    "BACKEND": "channels_redis.core.RedisChannelLayer",
                    # The same pool size and capacity as Praxis (cms/settings/base.py).
                    "CONFIG": {
                        "hosts": [
                            {"address": _redis, "max_connections": 1000, "socket_timeout": 15.0}
                        ],
                        "prefix": "benchrelay",
                        "capacity": 2000,
                    },
                }
                if _redis
                # The same paced in-memory layer as Praxis (cms/layers.py).
                else {"BACKEND": "core.layers.PacedInMemoryChannelLayer"}
            )
        },
    )
    django.setup()

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter  # noqa: E402


class RelayConsumer(AsyncWebsocketConsumer):
    joined = False

    async def connect(self):
        await self.accept()
        await self.channel_layer.group_add(GROUP, self.channel_name)
        self.joined = True

    async def disconnect(self, code):
        if self.joined:
            self.joined = False
            await self.channel_layer.group_discard(GROUP, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        if text_data is not None:
            await self.channel_layer.group_send(GROUP, {"type": "relay", "text": text_data})

    async def relay(self, message):
        await self.send(text_data=message["text"])


async def http_ok(scope, receive, send):
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"text/plain"), (b"content-length", b"2")],
        }
    )
    await send({"type": "http.response.body", "body": b"ok"})


application = ProtocolTypeRouter({"http": http_ok, "websocket": RelayConsumer.as_asgi()})


if __name__ == "__main__":
    print(
        "bench/relay_app.py is the ASGI baseline for bench/community_fanout.py; serve it with "
        "uvicorn relay_app:application --app-dir bench"
    )
