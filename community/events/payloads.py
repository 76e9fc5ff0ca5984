"""What a socket and the API receive: the models' payloads and the socket's events, each built
by one function that returns its ``TypedDict``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, NotRequired, TypedDict

from core.api.serializers import user_ref

if TYPE_CHECKING:
    from ..models import Notification, Post, SpaceEvent, Thread

# --- the models' payloads ---------------------------------------------------------------------


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
