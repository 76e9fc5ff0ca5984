"""The real-time contract, in one place (also in docs/architecture.md).

Group names
    ``space.<space_id>``  every socket open on a space
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

Client messages::

    {"type": "post.create", "client_id": "uuid", "thread": 5, "body": "…"}
    {"type": "typing", "thread": 5}
    {"type": "sync", "after": 11}

Close codes (the socket is accepted, then closed, so browsers see the code): 4403 not logged
in, not (or no longer) a member, or no such space (existence is not revealed); 4413 a frame
larger than MAX_FRAME. Malformed JSON, unknown types and a ``sync`` from the future answer an
``error`` event and the socket stays open.
"""

from __future__ import annotations

from typing import Literal, TypedDict

STORED_EVENTS = (
    "thread.created",
    "thread.updated",
    "post.created",
    "post.updated",
    "post.deleted",
    "reaction.changed",
)

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
    data: dict


class ErrorEvent(TypedDict):
    type: Literal["error"]
    code: str
    message: str
    ref: str | None
