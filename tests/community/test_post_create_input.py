"""One input check for a reply: the WebSocket's ``post.create`` and ``POST …/posts/`` go through
the same serializer (community/api/serializers.py), so the same bad input gets the same code,
message and fields on both, and nothing is stored."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async as db
from rest_framework.test import APIClient

from community import services
from community.api.serializers import PostCreateInputSerializer, PostCreateMessageSerializer
from community.api.views import PostListApi
from community.models import Post
from core.errors import ApplicationError

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.asyncio,
]

TOO_LONG = "x" * (services.MAX_BODY + 1)


def _rest_error(user, thread, payload: dict) -> tuple[int, dict]:
    api = APIClient()
    api.force_authenticate(user)
    url = f"/api/v1/community/spaces/{thread.space_id}/threads/{thread.pk}/posts/"
    response = api.post(url, payload, format="json")
    return response.status_code, response.json()["error"]


async def _socket_error(ws_connect, user, thread, payload: dict) -> dict:
    socket = await ws_connect(user, thread.space_id)
    for _greeting in ("hello", "notification", "presence"):
        await socket.receive_json_from()
    await socket.send_json_to({"type": "post.create", "thread": thread.pk, **payload})
    frame = await socket.receive_json_from()
    assert frame.pop("type") == "error"
    return frame


@pytest.mark.parametrize(
    ("payload", "field", "ref"),
    [
        ({"client_id": "c-long", "body": TOO_LONG}, "body", "c-long"),
        ({"client_id": "c-type", "body": 42}, "body", "c-type"),
        ({"body": "Hello"}, "client_id", None),
        ({"client_id": "c" * 65, "body": "Hello"}, "client_id", None),
        ({"client_id": "   ", "body": "Hello"}, "client_id", None),
        ({"client_id": "c-empty", "body": "  \n "}, "body", "c-empty"),  # the service's check
    ],
)
async def test_a_bad_reply_gets_the_same_error_over_the_socket_and_rest(
    ws_connect, thread, coach_a, payload, field, ref
):
    status, rest = await db(_rest_error)(coach_a, thread, payload)
    assert status == 400
    socket = await _socket_error(ws_connect, coach_a, thread, payload)

    assert socket == {**rest, "ref": ref}
    assert field in rest["fields"]
    assert await db(Post.objects.filter(thread=thread).count)() == 1  # the opening post only


async def test_a_too_long_reply_says_the_services_limit_everywhere(ws_connect, thread, coach_a):
    payload = {"client_id": "c-long", "body": TOO_LONG}
    _status, rest = await db(_rest_error)(coach_a, thread, payload)
    socket = await _socket_error(ws_connect, coach_a, thread, payload)
    message = f"A post can be at most {services.MAX_BODY:,} characters."
    assert rest["message"] == socket["message"] == message
    assert rest["fields"] == socket["fields"] == {"body": [message]}
    # The HTML form has no serializer: the service says the same.
    with pytest.raises(ApplicationError) as raised:
        services._clean_body(TOO_LONG)
    assert raised.value.message == message


async def test_the_socket_message_is_the_rest_input_with_a_thread():
    assert PostListApi.InputSerializer is PostCreateInputSerializer
    rest, socket = PostCreateInputSerializer().fields, PostCreateMessageSerializer().fields
    assert set(socket) == set(rest) | {"thread"}
    for name, field in rest.items():
        assert socket[name].max_length == field.max_length
        assert socket[name].error_messages == field.error_messages
    refused = PostCreateMessageSerializer(data={"thread": True, "client_id": "c", "body": "x"})
    assert not refused.is_valid()
    assert set(refused.errors) == {"thread"}
