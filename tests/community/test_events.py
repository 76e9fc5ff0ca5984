"""The real-time contract as code (community/events.py): every channel-layer message type has
its handler where it is delivered, and each builder gives the documented payload."""

from __future__ import annotations

import json
from typing import get_args, get_type_hints

import pytest
from channels.consumer import get_handler_name
from django.utils import timezone

from community import events, presence
from community.consumers import SpaceConsumer
from community.events import (
    ErrorEvent,
    NotifyMessage,
    PostData,
    StoredEvent,
    TypingMessage,
)
from community.models import Post


@pytest.mark.parametrize(
    "message",
    [events.notify_message(unread=2, item=None), events.access_changed_message()],
)
def test_each_message_to_a_person_has_its_consumer_handler(message):
    # Channels calls the method named after the type, dots as underscores.
    assert callable(getattr(SpaceConsumer, get_handler_name(message), None)), message["type"]


def test_the_messages_to_a_person_are_the_constants():
    assert events.notify_message(unread=1, item=None)["type"] == events.NOTIFY == "notify"
    assert events.access_changed_message() == {"type": events.ACCESS_CHANGED}
    assert events.ACCESS_CHANGED == "access.changed"


class FakeSocket:
    def __init__(self):
        self.frames: list[str] = []

    def deliver(self, text: str) -> None:
        self.frames.append(text)


def _hub_with(*channels: str) -> tuple[presence.Hub, dict[str, FakeSocket]]:
    hub = presence.Hub(layer=None, space_id=3, key=("test", 3))
    hub.closed = True  # no flush tasks: only handle() is exercised
    sockets = {}
    for number, channel in enumerate(channels, start=1):
        sockets[channel] = FakeSocket()
        hub.local[channel] = (sockets[channel], {"id": number, "name": f"P{number}"})
    return hub, sockets


def test_the_space_group_messages_reach_every_socket_through_the_hub():
    hub, sockets = _hub_with("a", "b")
    event = events.stored_event(events.POST_DELETED, 7, 3, {"post": 1})
    message = events.space_event_message(event)
    assert message["type"] == events.SPACE_EVENT == "space.event"
    hub.handle(message)
    assert [json.loads(frame) for frame in sockets["a"].frames] == [event]
    assert sockets["b"].frames == sockets["a"].frames  # the text rendered once, sent as it is


def test_typing_reaches_everyone_in_the_space_but_the_typist():
    hub, sockets = _hub_with("a", "b")
    user = {"id": 1, "name": "P1"}
    message: TypingMessage = events.typing_message(thread_id=5, user=user, channel="a")
    assert message["type"] == events.TYPING_EVENT == "typing.event"
    hub.handle(message)
    assert sockets["a"].frames == []
    assert json.loads(sockets["b"].frames[0]) == {
        "type": "typing",
        "space": 3,
        "thread": 5,
        "user": user,
    }


def test_the_stored_event_types_are_the_constants_and_the_literal():
    literal = get_args(get_type_hints(StoredEvent)["type"])
    assert literal == events.STORED_EVENTS
    assert events.POST_CREATED in events.STORED_EVENTS


def test_a_stored_event_is_sent_as_the_log_row_replays_it():
    class Row:
        type, seq, space_id, payload = events.REACTION_CHANGED, 12, 3, {"post": 5}

    sent = events.stored_event(events.REACTION_CHANGED, 12, 3, {"post": 5})
    assert events.stored_event_of(Row()) == sent
    assert json.loads(events.space_event_message(sent)["text"]) == sent


def test_an_error_frame_has_fields_only_for_input_errors():
    plain: ErrorEvent = events.error_event(code="rate_limited", message="Slow down.", ref="c1")
    assert plain == {"type": "error", "code": "rate_limited", "message": "Slow down.", "ref": "c1"}
    fields = {"body": ["Too long."]}
    invalid = events.error_event(code="validation_error", message="Too long.", fields=fields)
    assert invalid == {
        "type": "error",
        "code": "validation_error",
        "message": "Too long.",
        "fields": fields,
        "ref": None,
    }


def test_reaction_counts_count_each_emoji():
    assert events.reaction_counts(["👍", "🎉", "👍"]) == {"👍": 2, "🎉": 1}
    assert events.reaction_counts([]) == {}


def test_notify_carries_the_count_and_the_item():
    message: NotifyMessage = events.notify_message(unread=4, item=None)
    assert message == {"type": "notify", "unread": 4, "item": None}
    assert events.notification_event(unread=4, item=None) == {
        "type": "notification",
        "unread": 4,
        "item": None,
    }


@pytest.mark.django_db
def test_a_hidden_or_deleted_post_loses_its_text_in_every_payload(make_user):
    author = make_user("maya")
    post = Post(
        pk=1,
        thread_id=2,
        author=author,
        client_id="c",
        body="Secret",
        body_html="<p>Secret</p>",
        created_at=timezone.now(),
    )
    shown: PostData = events.post_data(post)
    assert (shown["body"], shown["html"], shown["hidden"], shown["deleted"]) == (
        "Secret",
        "<p>Secret</p>",
        False,
        False,
    )
    assert set(shown) == set(PostData.__required_keys__)
    post.hidden_reason = "Off topic"
    hidden = events.post_data(post, {"👍": 1})
    assert (hidden["body"], hidden["html"], hidden["hidden"]) == ("", "", True)
    assert hidden["reactions"] == {"👍": 1}
    post.hidden_reason, post.deleted_at = "", timezone.now()
    deleted = events.post_data(post)
    assert (deleted["body"], deleted["html"], deleted["deleted"]) == ("", "", True)
