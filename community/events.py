"""The real-time contract, in one place (also in docs/architecture.md).

Group names
    ``space.<space_id>``  the hub of each process with sockets open on a space (stored
                          events and typing; the hub hands them to its sockets)
    ``user.<user_id>``    every socket of one person (access changes, notifications)
    ``presence.<space_id>`` one presence hub per process with sockets on the space

Stored events (carry ``seq``, replayed by ``sync`` and ``GET …/events/?after_seq=``)::

    {"type": "thread.created",   "seq": 7, "space": 3, "data": Thread}
    {"type": "thread.updated",   "seq": 8, "space": 3, "data": Thread}
    {"type": "post.created",     "seq": 9, "space": 3, "data": Post}
    {"type": "post.updated",     "seq": 10, "space": 3, "data": Post}
    {"type": "post.deleted",     "seq": 11, "space": 3, "data": Post}   (body emptied)
    {"type": "reaction.changed", "seq": 12, "space": 3, "data": {"post": 5, "reactions": {"👍": 2}}}

Ephemeral events (no ``seq``)::

    {"type": "presence", "space": 3, "users": [{"id": 1, "name": "Maya"}]}   (on joining)
    {"type": "presence.changed", "space": 3, "joined": [UserRef], "left": [UserRef]}
    {"type": "typing", "space": 3, "thread": 5, "user": {"id": 1, "name": "Maya"}}
    {"type": "notification", "unread": 4, "item": Notification | null}
    {"type": "sync.done", "space": 3, "last_seq": 12, "more": false}
    {"type": "error", "code": "rate_limited", "message": "…", "ref": "<client_id or null>"}
    {"type": "error", "code": "validation_error", "message": "…", "fields": {"body": ["…"]},
     "ref": "<client_id or null>"}   (the API's error body: same codes, messages and fields)
    {"type": "hello", "space": 3, "last_seq": 12, "user": UserRef}   (on joining)
    {"type": "post.ack", "client_id": "uuid", "post": 9, "thread": 5}   (to the sender)

Client messages::

    {"type": "post.create", "client_id": "uuid", "thread": 5, "body": "…"}
    {"type": "typing", "thread": 5}
    {"type": "sync", "after": 11}

Channel-layer messages (between processes, never sent to a browser as they are)::

    {"type": "space.event", "text": "<a stored event, rendered once>"}   to space.<id> (the hubs)
    {"type": "typing.event", "thread": 5, "user": UserRef, "channel": "<sender>"}  to space.<id>
    {"type": "notify", "unread": 4, "item": Notification | null}          to user.<id>
    {"type": "access.changed"}                                          to user.<id>
    {"type": "presence.hello" | "presence.state" | "presence.beat", "hub": "…", "channels": {…}}
    {"type": "presence.delta", "hub": "…", "joined": {channel: UserRef}, "left": [channel]}

A consumer's handler for a message type is the type with dots as underscores (Channels'
mapping): ``notify`` → ``notify``, ``access.changed`` → ``access_changed``.

Every payload above is built by one function below, which returns its ``TypedDict``; the
broadcast (``broadcast``, ``broadcasts_deferred``) is here too, so services and
notifications both send through this module and neither imports the other to do so.

Close codes (the socket is accepted, then closed, so browsers see the code): 4403 not logged
in, not (or no longer) a member, or no such space (existence is not revealed); 4413 a frame
larger than MAX_FRAME. Malformed JSON, unknown types and a ``sync`` from the future answer an
``error`` event and the socket stays open.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal, NotRequired, TypedDict

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from core.api.serializers import user_ref

if TYPE_CHECKING:
    from .models import Notification, Post, SpaceEvent, Thread

logger = logging.getLogger(__name__)

# --- names and limits -----------------------------------------------------------------------

# Stored events: the space's durable log (SpaceEvent.type).
THREAD_CREATED: Final = "thread.created"
THREAD_UPDATED: Final = "thread.updated"
POST_CREATED: Final = "post.created"
POST_UPDATED: Final = "post.updated"
POST_DELETED: Final = "post.deleted"
REACTION_CHANGED: Final = "reaction.changed"
STORED_EVENTS = (
    THREAD_CREATED,
    THREAD_UPDATED,
    POST_CREATED,
    POST_UPDATED,
    POST_DELETED,
    REACTION_CHANGED,
)

# What a client sends.
POST_CREATE: Final = "post.create"
TYPING: Final = "typing"
SYNC: Final = "sync"

# Channel-layer message types. Channels calls a consumer's method named after the type with
# dots as underscores, so ``NOTIFY`` is handled by ``notify``, ``ACCESS_CHANGED`` by
# ``access_changed``; the space's group (stored events, typing) reaches the presence hubs.
SPACE_EVENT: Final = "space.event"
TYPING_EVENT: Final = "typing.event"
NOTIFY: Final = "notify"
ACCESS_CHANGED: Final = "access.changed"
PRESENCE_HELLO: Final = "presence.hello"
PRESENCE_STATE: Final = "presence.state"
PRESENCE_DELTA: Final = "presence.delta"
PRESENCE_BEAT: Final = "presence.beat"

CLOSE_FORBIDDEN = 4403
CLOSE_TOO_LARGE = 4413
MAX_FRAME = 32 * 1024
SYNC_BATCH = 500
# The id of the post prototype on a thread page (``<template data-post-template>``), which
# the client replaces with a live post's id: past any real id, and never a substring of one.
POST_PROTOTYPE_ID = 4_611_686_018_427_400_249


def space_group(space_id: int) -> str:
    return f"space.{space_id}"


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def presence_group(space_id: int) -> str:
    """The presence hubs of a space, one per process (community/presence.py)."""
    return f"presence.{space_id}"


# --- payloads ---------------------------------------------------------------------------------


class UserRef(TypedDict):
    id: int
    name: str


class PostData(TypedDict):
    id: int
    thread: int
    author: UserRef
    client_id: str
    html: str
    body: str
    created_at: str
    edited: bool
    deleted: bool
    hidden: bool
    hidden_reason: str
    reactions: dict[str, int]


class ThreadData(TypedDict):
    id: int
    title: str
    author: UserRef
    lesson: int | None
    pinned: bool
    locked: bool
    announcement: bool
    created_at: str


class ReactionData(TypedDict):
    post: int
    reactions: dict[str, int]


class NotificationData(TypedDict):
    id: int
    kind: str
    actor: str
    thread: int
    thread_title: str
    space: int
    url: str
    created_at: str
    read: bool


def post_data(post: Post, reactions: dict[str, int] | None = None) -> PostData:
    """A post as every event and API answer shows it: no text once deleted or hidden."""
    hidden = bool(post.hidden_reason)
    gone = post.deleted_at is not None
    return {
        "id": post.pk,
        "thread": post.thread_id,
        "author": user_ref(post.author),
        "client_id": post.client_id,
        "html": "" if gone or hidden else post.body_html,
        "body": "" if gone or hidden else post.body,
        "created_at": post.created_at.isoformat(),
        "edited": post.edited_at is not None,
        "deleted": gone,
        "hidden": hidden,
        "hidden_reason": post.hidden_reason,
        "reactions": reactions if reactions is not None else {},
    }


def thread_data(thread: Thread) -> ThreadData:
    return {
        "id": thread.pk,
        "title": thread.title,
        "author": user_ref(thread.author),
        "lesson": thread.lesson_id,
        "pinned": thread.pinned,
        "locked": thread.locked,
        "announcement": thread.is_announcement,
        "created_at": thread.created_at.isoformat(),
    }


def reaction_counts(emojis: Iterable[str]) -> dict[str, int]:
    """A post's reactions as every payload counts them: emoji → how many gave it."""
    counts: dict[str, int] = {}
    for emoji in emojis:
        counts[emoji] = counts.get(emoji, 0) + 1
    return counts


def reaction_data(post_id: int, reactions: dict[str, int]) -> ReactionData:
    return {"post": post_id, "reactions": reactions}


def notification_data(notification: Notification) -> NotificationData:
    post = notification.post
    return {
        "id": notification.pk,
        "kind": notification.kind,
        "actor": notification.actor.public_name,
        "thread": post.thread_id,
        "thread_title": post.thread.title,
        "space": post.space_id,
        "url": f"/community/spaces/{post.space_id}/threads/{post.thread_id}/#post-{post.pk}",
        "created_at": notification.created_at.isoformat(),
        "read": notification.read_at is not None,
    }


# --- events a socket receives -----------------------------------------------------------------


class StoredEvent(TypedDict):
    type: Literal[
        "thread.created",
        "thread.updated",
        "post.created",
        "post.updated",
        "post.deleted",
        "reaction.changed",
    ]
    seq: int
    space: int
    data: PostData | ThreadData | ReactionData


class HelloEvent(TypedDict):
    type: Literal["hello"]
    space: int
    last_seq: int
    user: UserRef


class NotificationEvent(TypedDict):
    type: Literal["notification"]
    unread: int
    item: NotificationData | None


class PresenceEvent(TypedDict):
    type: Literal["presence"]
    space: int
    users: list[UserRef]


class PresenceChangedEvent(TypedDict):
    type: Literal["presence.changed"]
    space: int
    joined: list[UserRef]
    left: list[UserRef]


class TypingEvent(TypedDict):
    type: Literal["typing"]
    space: int
    thread: int
    user: UserRef


class SyncDoneEvent(TypedDict):
    type: Literal["sync.done"]
    space: int
    last_seq: int
    more: bool


class PostAckEvent(TypedDict):
    type: Literal["post.ack"]
    client_id: str
    post: int
    thread: int


class ErrorEvent(TypedDict):
    type: Literal["error"]
    code: str
    message: str
    fields: NotRequired[dict[str, list[str]]]
    ref: str | None


def stored_event(kind: str, seq: int, space_id: int, data) -> StoredEvent:
    return {"type": kind, "seq": seq, "space": space_id, "data": data}  # type: ignore[typeddict-item]


def stored_event_of(event: SpaceEvent) -> StoredEvent:
    """A row of the log as it was first sent (``sync`` replays it)."""
    return stored_event(event.type, event.seq, event.space_id, event.payload)


def hello(*, space_id: int, last_seq: int, user: UserRef) -> HelloEvent:
    return {"type": "hello", "space": space_id, "last_seq": last_seq, "user": user}


def notification_event(*, unread: int, item: NotificationData | None) -> NotificationEvent:
    return {"type": "notification", "unread": unread, "item": item}


def presence_event(*, space_id: int, users: list[UserRef]) -> PresenceEvent:
    return {"type": "presence", "space": space_id, "users": users}


def presence_changed(
    *, space_id: int, joined: list[UserRef], left: list[UserRef]
) -> PresenceChangedEvent:
    return {"type": "presence.changed", "space": space_id, "joined": joined, "left": left}


def typing_event(*, space_id: int, thread_id: int, user: UserRef) -> TypingEvent:
    return {"type": "typing", "space": space_id, "thread": thread_id, "user": user}


def sync_done(*, space_id: int, last_seq: int) -> SyncDoneEvent:
    return {"type": "sync.done", "space": space_id, "last_seq": last_seq, "more": False}


def post_ack(*, client_id: str, post_id: int, thread_id: int) -> PostAckEvent:
    return {"type": "post.ack", "client_id": client_id, "post": post_id, "thread": thread_id}


def error_event(
    *, code: str, message: str, ref: str | None = None, fields: dict | None = None
) -> ErrorEvent:
    """The API's error body (core.api.errors) as a frame, with ``ref``: the ``client_id`` of
    the message it answers, when there is one. ``fields`` only for input errors, as there."""
    event: ErrorEvent = {"type": "error", "code": code, "message": message, "ref": ref}
    if fields:
        event["fields"] = fields
    return event


# --- channel-layer messages -------------------------------------------------------------------


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


# --- broadcasting -----------------------------------------------------------------------------


_deferred = threading.local()


@dataclass
class Deferred:
    """What a write collected instead of doing it: broadcasts (sent from the event loop by
    ``broadcast_all``) and side effects for after them (``run_later``: notifications, email)."""

    broadcasts: list[tuple[str, dict]] = field(default_factory=list)
    later: list[Callable[[], None]] = field(default_factory=list)


@contextlib.contextmanager
def broadcasts_deferred():
    """Collect this thread's broadcasts instead of sending them: the WebSocket consumer runs
    a whole post in one trip to the database thread and sends its events from the event
    loop right after, rather than this thread waiting on the loop for each. Side effects
    registered with ``after_broadcast`` wait until then too."""
    deferred = Deferred()
    _deferred.outbox = deferred
    try:
        yield deferred
    finally:
        _deferred.outbox = None


def after_broadcast(effect: Callable[[], None]) -> None:
    """Run a committed write's side effect (a notification pushed, an email sent) now, or,
    under ``broadcasts_deferred``, after the write's events are out: the post reaches
    everyone before its author's inbox is updated."""
    deferred = getattr(_deferred, "outbox", None)
    if deferred is not None:
        deferred.later.append(effect)
    else:
        effect()


def run_later(effects: list[Callable[[], None]]) -> None:
    for effect in effects:
        try:
            effect()
        except Exception:  # as broadcast(): the post is stored and delivered already
            logger.exception("A side effect of a post failed")


def broadcast(group: str, message: dict) -> None:
    """Send to a channel-layer group. A failure is logged, never raised: the event is already
    stored, and clients catch up from the database."""
    deferred = getattr(_deferred, "outbox", None)
    if deferred is not None:
        deferred.broadcasts.append((group, message))
        return
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, message)
    except Exception:  # the layer may be down; the durable log is the source of truth
        logger.exception("Broadcast to %s failed", group)


async def broadcast_all(outbox: list[tuple[str, dict]]) -> None:
    """Send what ``broadcasts_deferred`` collected, in order, from async code."""
    layer = get_channel_layer()
    if layer is None:
        return
    for group, message in outbox:
        try:
            await layer.group_send(group, message)
        except Exception:  # as broadcast(): the stored log is the source of truth
            logger.exception("Broadcast to %s failed", group)
