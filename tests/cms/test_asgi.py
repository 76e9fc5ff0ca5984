"""The real ASGI application: HTTP reaches Django, WebSockets pass the origin and auth checks."""

from __future__ import annotations

import json

import pytest
from channels.testing.http import HttpCommunicator
from channels.testing.websocket import WebsocketCommunicator

from cms.asgi import application

pytestmark = [pytest.mark.django_db, pytest.mark.asyncio]


async def test_http_goes_through_django():
    communicator = HttpCommunicator(
        application, "GET", "/healthz", headers=[(b"host", b"localhost")]
    )
    response = await communicator.get_response(timeout=10)
    assert response["status"] == 200
    assert json.loads(response["body"])["channel_layer"]["ok"] is True


async def test_websocket_from_a_foreign_origin_is_refused():
    communicator = WebsocketCommunicator(
        application, "/ws/spaces/1/", headers=[(b"origin", b"http://evil.example.org")]
    )
    connected, _ = await communicator.connect(timeout=5)
    assert connected is False
    await communicator.disconnect()
