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

Every payload above is built by one function in ``payloads`` or ``messages``, which returns
its ``TypedDict``; the names are in ``names``; the broadcast (``broadcast``,
``broadcasts_deferred``) is in ``broadcast``, so services and notifications both send
through this package and neither imports the other to do so. All are re-exported here: use
``community.events``.

Close codes (the socket is accepted, then closed, so browsers see the code): 4403 not logged
in, not (or no longer) a member, or no such space (existence is not revealed); 4413 a frame
larger than MAX_FRAME. Malformed JSON, unknown types and a ``sync`` from the future answer an
``error`` event and the socket stays open.
"""

# ruff: noqa: F401  (the package's names, re-exported)
from .broadcast import (
    Deferred,
    after_broadcast,
    broadcast,
    broadcast_all,
    broadcasts_deferred,
    run_later,
)
from .messages import (
    AccessChangedMessage,
    NotifyMessage,
    PresenceDeltaMessage,
    PresenceListMessage,
    SpaceEventMessage,
    TypingMessage,
    access_changed_message,
    notify_message,
    presence_delta_message,
    presence_list_message,
    space_event_message,
    typing_message,
)
from .names import (
    ACCESS_CHANGED,
    CLOSE_FORBIDDEN,
    CLOSE_TOO_LARGE,
    MAX_FRAME,
    NOTIFY,
    POST_CREATE,
    POST_CREATED,
    POST_DELETED,
    POST_PROTOTYPE_ID,
    POST_UPDATED,
    PRESENCE_BEAT,
    PRESENCE_DELTA,
    PRESENCE_HELLO,
    PRESENCE_STATE,
    REACTION_CHANGED,
    SPACE_EVENT,
    STORED_EVENTS,
    SYNC,
    SYNC_BATCH,
    THREAD_CREATED,
    THREAD_UPDATED,
    TYPING,
    TYPING_EVENT,
    presence_group,
    space_group,
    user_group,
)
from .payloads import (
    ErrorEvent,
    HelloEvent,
    NotificationData,
    NotificationEvent,
    PostAckEvent,
    PostData,
    PresenceChangedEvent,
    PresenceEvent,
    ReactionData,
    StoredEvent,
    SyncDoneEvent,
    ThreadData,
    TypingEvent,
    UserRef,
    error_event,
    hello,
    notification_data,
    notification_event,
    post_ack,
    post_data,
    presence_changed,
    presence_event,
    reaction_counts,
    reaction_data,
    stored_event,
    stored_event_of,
    sync_done,
    thread_data,
    typing_event,
)
