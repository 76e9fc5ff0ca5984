"""Channel-layer messages: between processes (and to a person's sockets), never sent to a
browser as they are."""

from __future__ import annotations

import json
from typing import Literal, TypedDict

from .names import ACCESS_CHANGED, NOTIFY, PRESENCE_DELTA, SPACE_EVENT, TYPING_EVENT
from .payloads import NotificationData, StoredEvent, UserRef


class SpaceEventMessage(TypedDict):
    type: Literal["space.event"]
    text: str


class TypingMessage(TypedDict):
    type: Literal["typing.event"]
    thread: int
    user: UserRef
    channel: str


class NotifyMessage(TypedDict):
    type: Literal["notify"]
    unread: int
    item: NotificationData | None


class AccessChangedMessage(TypedDict):
    type: Literal["access.changed"]


class PresenceListMessage(TypedDict):
    type: Literal["presence.hello", "presence.state", "presence.beat"]
    hub: str
    channels: dict[str, UserRef]


class PresenceDeltaMessage(TypedDict):
    type: Literal["presence.delta"]
    hub: str
    joined: dict[str, UserRef]
    left: list[str]


def space_event_message(event: StoredEvent) -> SpaceEventMessage:
    """The frame's text is rendered once, here: each socket sends it as it is."""
    return {"type": SPACE_EVENT, "text": json.dumps(event)}


def typing_message(*, thread_id: int, user: UserRef, channel: str) -> TypingMessage:
    return {"type": TYPING_EVENT, "thread": thread_id, "user": user, "channel": channel}


def notify_message(*, unread: int, item: NotificationData | None) -> NotifyMessage:
    return {"type": NOTIFY, "unread": unread, "item": item}


def access_changed_message() -> AccessChangedMessage:
    return {"type": ACCESS_CHANGED}


def presence_list_message(
    kind: Literal["presence.hello", "presence.state", "presence.beat"],
    *,
    hub: str,
    channels: dict[str, UserRef],
) -> PresenceListMessage:
    return {"type": kind, "hub": hub, "channels": channels}


def presence_delta_message(
    *, hub: str, joined: dict[str, UserRef], left: list[str]
) -> PresenceDeltaMessage:
    return {"type": PRESENCE_DELTA, "hub": hub, "joined": joined, "left": left}
