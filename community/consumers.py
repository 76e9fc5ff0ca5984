"""The space WebSocket: /ws/spaces/<space_id>/ (protocol in community/events.py).

Rights are checked on connect, once on every client message (in the message's first trip to
the database) and whenever the person's memberships change, so someone who leaves a cohort
is disconnected at once (close 4403).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from rest_framework.exceptions import ValidationError

from core.api.serializers import user_ref
from core.errors import ApplicationError, PermissionDenied, fetch_or_404

from . import events, presence, services
from .api.serializers import PostCreateMessageSerializer, error_detail
from .events import CLOSE_FORBIDDEN, CLOSE_TOO_LARGE, MAX_FRAME, SYNC_BATCH
from .models import Space
from .notifications import unread_count_on_connect
from .selectors import events_after, space_open, thread_get

logger = logging.getLogger(__name__)


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
        self.group = events.space_group(self.space.pk)
        self.me = user_ref(self.user)
        await self.channel_layer.group_add(events.user_group(self.user.pk), self.channel_name)
        # The space's events come through this process's hub, which alone is in the space's
        # group: a broadcast is one channel-layer message per process, not one per socket.
        self.hub = await presence.hub_for(self.channel_layer, self.space.pk)
        # Everyone here now, read from the hub; later changes come as deltas.
        self._outbox: asyncio.Queue[str] = asyncio.Queue(OUTBOX)
        snapshot = self.hub.add(self, self.channel_name, self.me)
        self.joined = True
        await self.send_json(
            events.hello(space_id=self.space.pk, last_seq=self.space.last_seq, user=self.me)
        )
        await self.send_json(events.notification_event(unread=unread, item=None))
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
            await self.channel_layer.group_discard(
                events.user_group(self.user.pk), self.channel_name
            )

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
        handler = {
            events.POST_CREATE: self._post_create,
            events.TYPING: self._typing,
            events.SYNC: self._catch_up,
        }.get(content.get("type"))
        if handler is None:
            await self._error("unknown_type", f"Unknown message type {content.get('type')!r}.")
            return
        await handler(content)  # each checks membership once, in its first database trip

    async def _post_create(self, content: dict) -> None:
        # The REST API's reply input, with the thread: the same limits, messages and shape.
        message = PostCreateMessageSerializer(data=content)
        if not message.is_valid():
            ref = None if "client_id" in message.errors else content["client_id"].strip()
            await self._error_of(ValidationError(message.errors), ref)
            return
        values = message.validated_data
        client_id, thread_id = values["client_id"], values["thread"]
        try:
            post_id, deferred = await database_sync_to_async(self._create)(
                thread_id, values["body"], client_id
            )
        except PermissionDenied as error:
            if error.code == "not_member":
                await self._forbidden()
                return
            await self._error_of(error, client_id)
            return
        except ApplicationError as error:
            await self._error_of(error, client_id)
            return
        await self.send_json(
            events.post_ack(client_id=client_id, post_id=post_id, thread_id=thread_id)
        )
        await events.broadcast_all(deferred.broadcasts)
        if deferred.later:  # the thread author's notification and email, once all have it
            await database_sync_to_async(events.run_later)(deferred.later)

    def _create(self, thread_id: int, body: str, client_id: str):
        """One trip to the database thread: membership (checked once, by post_create), the
        thread, the post and its seq. The broadcasts are returned, sent from the event loop
        after the ack rather than from this thread."""
        with events.broadcasts_deferred() as deferred:
            thread = thread_get(space=self.space, thread_id=thread_id)
            if thread is None:  # not found, or not found because no longer a member
                services.member_check(user=self.user, space=self.space, access=self._can_access)
            post = services.post_create(
                space=self.space,
                thread=fetch_or_404(thread, what="thread"),
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
        if not await database_sync_to_async(self._can_access)():
            await self._forbidden()
            return
        await self.channel_layer.group_send(
            self.group,
            events.typing_message(thread_id=thread_id, user=self.me, channel=self.channel_name),
        )

    async def _catch_up(self, content: dict) -> None:
        after = content.get("after")
        if not isinstance(after, int) or isinstance(after, bool) or after < 0:
            await self._error("bad_seq", 'sync needs {"after": <last seq you saw>}.')
            return
        last_seq = await database_sync_to_async(self._last_seq_if_member)()
        if last_seq is None:
            await self._forbidden()
            return
        if after > last_seq:
            await self._error("bad_seq", f"This space's last seq is {last_seq}.")
            await self.send_json(events.sync_done(space_id=self.space.pk, last_seq=last_seq))
            return
        cursor = after
        while True:
            batch = await database_sync_to_async(events_after)(
                space=self.space, after=cursor, limit=SYNC_BATCH
            )
            for event in batch:
                await self.send_json(events.stored_event_of(event))
                cursor = event.seq
            if len(batch) < SYNC_BATCH:
                break
        await self.send_json(events.sync_done(space_id=self.space.pk, last_seq=cursor))

    def _last_seq_if_member(self) -> int | None:
        """The space's last seq, in the same trip as the message's membership check."""
        if not self._can_access():
            return None
        return Space.objects.filter(pk=self.space.pk).values_list("last_seq", flat=True).first()

    # --- rights and errors ------------------------------------------------------------------

    async def _forbidden(self) -> None:
        """No longer a member: stop receiving the space's events, and close (4403)."""
        await self._leave()
        await self.close(code=CLOSE_FORBIDDEN)

    async def _error(self, code: str, message: str, ref: str | None = None) -> None:
        await self.send_json(events.error_event(code=code, message=message, ref=ref))

    async def _error_of(self, error: ApplicationError | ValidationError, ref: str | None) -> None:
        """An error as the REST API answers it (code, message, fields), with its ``ref``."""
        detail = error_detail(error)
        await self.send_json(
            events.error_event(
                code=detail["code"], message=detail["message"], fields=detail.get("fields"), ref=ref
            )
        )

    # --- channel-layer messages (to user.<id>: the space's own reach the hub) --------------

    async def dispatch(self, message):
        kind = message["type"]
        # Group messages still queued when the server closed a joined socket are dropped.
        if not self.joined and not kind.startswith("websocket."):
            return
        if kind == events.NOTIFY:
            # Only forwarded to the socket: skip Channels' per-message close_old_connections(),
            # a thread hop that serialised every broadcast.
            await self.notify(message)
            return
        await super().dispatch(message)

    async def access_changed(self, message):  # events.ACCESS_CHANGED
        if self.joined and not await database_sync_to_async(self._can_access)():
            await self._forbidden()

    async def notify(self, message):  # events.NOTIFY
        await self.send_json(
            events.notification_event(unread=message["unread"], item=message["item"])
        )
