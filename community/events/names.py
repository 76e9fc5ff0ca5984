"""The contract's names: event and message types, group names, close codes and limits."""

from __future__ import annotations

from typing import Final

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
