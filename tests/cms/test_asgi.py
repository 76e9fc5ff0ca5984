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


async def test_requests_run_on_a_fixed_set_of_threads_that_outlive_them():
    """Django's own handler started a new thread (and so a new database connection) for every
    request; core/asgi.py lends each request one of HTTP_THREADS threads instead."""
    import asyncio
    import threading

    from django.conf import settings
    from django.test.signals import template_rendered

    threads: set[str] = set()  # names: an ident is reused once its thread has ended

    def rendered(**_kwargs):
        threads.add(threading.current_thread().name)

    template_rendered.connect(rendered)
    try:
        for _ in range(3 * settings.HTTP_THREADS):
            communicator = HttpCommunicator(
                application, "GET", "/accounts/login/", headers=[(b"host", b"localhost")]
            )
            assert (await communicator.get_response(timeout=10))["status"] == 200
    finally:
        template_rendered.disconnect(rendered)
    assert 1 <= len(threads) <= settings.HTTP_THREADS
    assert threading.current_thread().name not in threads  # never on the event loop's thread
    assert asyncio.get_running_loop().is_running()
