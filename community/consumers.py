"""The space WebSocket: /ws/spaces/<space_id>/ (protocol in community/events.py).

Rights are checked on connect and again on every client message and whenever the person's
memberships change, so someone who leaves a cohort is disconnected at once (close 4403).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from core.errors import ApplicationError, PermissionDenied

from . import presence, services
from .events import (
    CLOSE_FORBIDDEN,
    CLOSE_TOO_LARGE,
    MAX_FRAME,
    SYNC_BATCH,
    space_group,
    user_group,
)
from .models import Space
from .notifications import unread_count_on_connect
from .selectors import events_after, space_open, thread_get

logger = logging.getLogger(__name__)


RELAY_ONLY = {"space.event", "notify", "typing.event"}
OUTBOX = 2000  # frames waiting for one slow socket (the channel layer's capacity, as before)


class SpaceConsumer(AsyncJsonWebsocketConsumer):
    space: Space | None = None
    joined = False
    hub: presence.Hub | None = None
    _writer: asyncio.Task | None = None

    async def connect(self):
        self.user = self.scope.get("user")
        # Accept first, then close with our code: a refused handshake reaches browsers as 1006.
        await self.accept()
        if self.user is None or not self.user.is_authenticated:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        space_id = int(self.scope["url_route"]["kwargs"]["space_id"])
        self.space, unread = await database_sync_to_async(self._open)(space_id)
        if self.space is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.group = space_group(self.space.pk)
        self.me = services.user_ref(self.user)
        await self.channel_layer.group_add(user_group(self.user.pk), self.channel_name)
        # The space's events come through this process's hub, which alone is in the space's
        # group: a broadcast is one channel-layer message per process, not one per socket.
        self.hub = await presence.hub_for(self.channel_layer, self.space.pk)
        # Everyone here now, read from the hub; later changes come as deltas.
        self._outbox: asyncio.Queue[str] = asyncio.Queue(OUTBOX)
        snapshot = self.hub.add(self, self.channel_name, self.me)
        self.joined = True
        await self.send_json(
            {
                "type": "hello",
                "space": self.space.pk,
                "last_seq": self.space.last_seq,
                "user": self.me,
            }
        )
        await self.send_json({"type": "notification", "unread": unread, "item": None})
        await self.send_json(snapshot)
        self._writer = asyncio.ensure_future(self._write())

    def _open(self, space_id: int) -> tuple[Space | None, int]:
        """What a new socket reads, in one trip to the database thread."""
        space, self._can_access = space_open(user=self.user, space_id=space_id)
        if space is None:
            return None, 0
        return space, unread_count_on_connect(user=self.user)

    async def disconnect(self, code):
        await self._leave()

    async def _leave(self) -> None:
        """Stop receiving the space's events. Also done before the server closes a joined
        socket: until the client's disconnect arrives, group messages would otherwise still be
        sent down a closed socket (uvicorn raises on a send after close)."""
        if self.joined:
            self.joined = False
            self.hub.remove(self.channel_name)
            if self._writer is not None:
                self._writer.cancel()
            await self.channel_layer.group_discard(user_group(self.user.pk), self.channel_name)

    def deliver(self, text: str) -> None:
        """A frame from this process's hub (a stored event, typing, presence), sent in order
        by this socket's writer. A socket too slow to take OUTBOX frames misses the rest, as
        with a full channel-layer inbox: the seq gap makes its client sync."""
        if self.joined:
            with contextlib.suppress(asyncio.QueueFull):
                self._outbox.put_nowait(text)

    async def _write(self) -> None:
        outbox, send = self._outbox, self.send
        while True:
            text = await outbox.get()
            try:
                await send(text_data=text)
            except Exception:  # the socket closed meanwhile; disconnect() follows
                return

    # --- client messages ----------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        if not self.joined:
            return
        if bytes_data is not None or text_data is None:
            await self._error("bad_frame", "Send JSON text frames.")
            return
        if len(text_data.encode("utf-8")) > MAX_FRAME:
            await self._error("too_large", f"Messages can be at most {MAX_FRAME} bytes.")
            await self._leave()
            await self.close(code=CLOSE_TOO_LARGE)
            return
        try:
            content = json.loads(text_data)
        except ValueError:
            await self._error("bad_json", "That message is not valid JSON.")
            return
        if not isinstance(content, dict):
            await self._error("bad_message", "A message is a JSON object with a type.")
            return
        await self.receive_json(content)

    async def receive_json(self, content, **kwargs):
        kind = content.get("type")
        if kind == "post.create":  # checks membership in its own (single) database trip
            await self._post_create(content)
            return
        if not await self._still_member():
            return
        handler = {
            "post.create": self._post_create,
            "typing": self._typing,
            "sync": self._catch_up,
        }.get(content.get("type"))
        if handler is None:
            await self._error("unknown_type", f"Unknown message type {content.get('type')!r}.")
            return
        await handler(content)

    async def _post_create(self, content: dict) -> None:
        client_id = content.get("client_id")
        thread_id, body = content.get("thread"), content.get("body")
        if not isinstance(client_id, str) or not client_id.strip():
            await self._error("bad_message", "post.create needs a client_id.")
            return
        client_id = client_id.strip()[:64]
        if (
            not isinstance(thread_id, int)
            or isinstance(thread_id, bool)
            or not isinstance(body, str)
        ):
            await self._error("bad_message", "post.create needs a thread id and a body.", client_id)
            return
        try:
            post_id, deferred = await database_sync_to_async(self._create)(
                thread_id, body, client_id
            )
        except PermissionDenied as error:
            if error.code == "not_member":
                await self._leave()
                await self.close(code=CLOSE_FORBIDDEN)
                return
            await self._error(error.code, error.message, client_id)
            return
        except ApplicationError as error:
            await self._error(error.code, error.message, client_id)
            return
        await self.send(
            text_data=json.dumps(
                {"type": "post.ack", "client_id": client_id, "post": post_id, "thread": thread_id}
            )
        )
        await services.broadcast_all(deferred.broadcasts)
        if deferred.later:  # the thread author's notification and email, once all have it
            await database_sync_to_async(services.run_later)(deferred.later)

    def _create(self, thread_id: int, body: str, client_id: str):
        """One trip to the database thread: membership (checked once, by post_create), the
        thread, the post and its seq. The broadcasts are returned, sent from the event loop
        after the ack rather than from this thread."""
        with services.broadcasts_deferred() as deferred:
            thread = thread_get(space=self.space, thread_id=thread_id)
            if thread is None:
                if not self._can_access():
                    raise PermissionDenied("You are not a member of this space.", code="not_member")
                raise ApplicationError("No such thread in this space.", code="no_thread")
            post = services.post_create(
                space=self.space,
                thread=thread,
                author=self.user,
                body=body,
                client_id=client_id,
                access=self._can_access,
            ).post
        return post.pk, deferred

    async def _typing(self, content: dict) -> None:
        thread_id = content.get("thread")
        if not isinstance(thread_id, int):
            await self._error("bad_message", "typing needs a thread id.")
            return
        await self.channel_layer.group_send(
            self.group,
            {
                "type": "typing.event",
                "thread": thread_id,
                "user": self.me,
                "channel": self.channel_name,
            },
        )

    async def _catch_up(self, content: dict) -> None:
        after = content.get("after")
        if not isinstance(after, int) or isinstance(after, bool) or after < 0:
            await self._error("bad_seq", 'sync needs {"after": <last seq you saw>}.')
            return
        last_seq = await database_sync_to_async(self._last_seq)()
        if after > last_seq:
            await self._error("bad_seq", f"This space's last seq is {last_seq}.")
            await self.send_json(
                {"type": "sync.done", "space": self.space.pk, "last_seq": last_seq, "more": False}
            )
            return
        cursor = after
        while True:
            events = await database_sync_to_async(events_after)(
                space=self.space, after=cursor, limit=SYNC_BATCH
            )
            for event in events:
                await self.send_json(
                    {
                        "type": event.type,
                        "seq": event.seq,
                        "space": self.space.pk,
                        "data": event.payload,
                    }
                )
                cursor = event.seq
            if len(events) < SYNC_BATCH:
                break
        await self.send_json(
            {"type": "sync.done", "space": self.space.pk, "last_seq": cursor, "more": False}
        )

    def _last_seq(self) -> int:
        return Space.objects.filter(pk=self.space.pk).values_list("last_seq", flat=True).first()

    # --- rights ------------------------------------------------------------------------

    async def _still_member(self) -> bool:
        allowed = await database_sync_to_async(self._can_access)()
        if not allowed:
            await self._leave()
            await self.close(code=CLOSE_FORBIDDEN)
        return allowed

    async def _error(self, code: str, message: str, ref: str | None = None) -> None:
        await self.send_json({"type": "error", "code": code, "message": message, "ref": ref})

    # --- channel-layer events ------------------------------------------------------------

    async def dispatch(self, message):
        kind = message["type"]
        # Group messages still queued when the server closed a joined socket are dropped.
        if not self.joined and not kind.startswith("websocket."):
            return
        if kind == "space.event":  # the hot path: one frame per post per socket
            await self.send(text_data=message["text"])
            return
        if kind in RELAY_ONLY:
            # These handlers only forward to the socket: skip Channels' per-message
            # close_old_connections(), a thread hop that serialised every broadcast.
            await getattr(self, kind.replace(".", "_"))(message)
            return
        await super().dispatch(message)

    async def space_event(self, message):
        # Rendered to JSON once per broadcast (services._emit), not once per socket.
        await self.send(text_data=message["text"])

    async def access_changed(self, message):
        if self.joined:
            await self._still_member()

    async def notify(self, message):
        await self.send_json(
            {"type": "notification", "unread": message["unread"], "item": message["item"]}
        )

    async def typing_event(self, message):
        if message["channel"] != self.channel_name:
            await self.send_json(
                {
                    "type": "typing",
                    "space": self.space.pk,
                    "thread": message["thread"],
                    "user": message["user"],
                }
            )
