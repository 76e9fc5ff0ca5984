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
from channels.exceptions import ChannelFull
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from cms.errors import ApplicationError

from . import services
from .events import (
    CLOSE_FORBIDDEN,
    CLOSE_TOO_LARGE,
    MAX_FRAME,
    SYNC_BATCH,
    space_group,
    user_group,
)
from .models import Space
from .notifications import unread_count
from .selectors import can_access_space, events_after, space_get_visible, thread_get

logger = logging.getLogger(__name__)


RELAY_ONLY = {
    "space.event",
    "notify",
    "typing.event",
    "presence.join",
    "presence.here",
    "presence.leave",
    "presence.beat",
}
PRESENCE_DELAY = 0.5
# Every PRESENCE_BEAT seconds one consumer per process says who is still connected there; a
# channel not heard of for PRESENCE_STALE seconds is forgotten. That is how the people on a
# process that died without saying goodbye (killed, out of memory) leave everyone's list.
PRESENCE_BEAT = 30.0
PRESENCE_STALE = 2.5 * PRESENCE_BEAT

# Who is connected to which space in this process: space id -> channel name -> user ref.
# A newcomer reads its own process's members here, and only one consumer per other process
# answers its join with that process's list: O(processes) messages per join instead of
# O(members), which on Redis was a reply storm (N^2 messages when a whole cohort connects).
_LOCAL_PRESENCE: dict[int, dict[str, dict]] = {}


class SpaceConsumer(AsyncJsonWebsocketConsumer):
    space: Space | None = None
    joined = False
    _presence_task: asyncio.Task | None = None
    _beat_task: asyncio.Task | None = None

    async def connect(self):
        self.user = self.scope.get("user")
        self.present: dict[str, dict] = {}
        self.heard: dict[str, float] = {}  # channel -> when it was last said to be here
        # Accept first, then close with our code: a refused handshake reaches browsers as 1006.
        await self.accept()
        if self.user is None or not self.user.is_authenticated:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        space_id = int(self.scope["url_route"]["kwargs"]["space_id"])
        self.space = await database_sync_to_async(space_get_visible)(
            user=self.user, space_id=space_id
        )
        if self.space is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.group = space_group(self.space.pk)
        self.me = services.user_ref(self.user)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.channel_layer.group_add(user_group(self.user.pk), self.channel_name)
        self.joined = True
        local = _LOCAL_PRESENCE.setdefault(self.space.pk, {})
        local[self.channel_name] = self.me
        self._here(local)
        self._beat_task = asyncio.ensure_future(self._beat())
        await self.send_json(
            {
                "type": "hello",
                "space": self.space.pk,
                "last_seq": self.space.last_seq,
                "user": self.me,
            }
        )
        unread = await database_sync_to_async(unread_count)(user=self.user)
        await self.send_json({"type": "notification", "unread": unread, "item": None})
        await self.channel_layer.group_send(
            self.group, {"type": "presence.join", "user": self.me, "channel": self.channel_name}
        )
        await self._send_presence()

    async def disconnect(self, code):
        await self._leave()

    async def _leave(self) -> None:
        """Stop receiving the space's events. Also done before the server closes a joined
        socket: until the client's disconnect arrives, group messages would otherwise still be
        sent down a closed socket (uvicorn raises on a send after close)."""
        for task in (self._presence_task, self._beat_task):
            if task is not None:
                task.cancel()
        if self.joined:
            self.joined = False
            local = _LOCAL_PRESENCE.get(self.space.pk, {})
            local.pop(self.channel_name, None)
            if not local:
                _LOCAL_PRESENCE.pop(self.space.pk, None)
            await self.channel_layer.group_send(
                self.group, {"type": "presence.leave", "channel": self.channel_name}
            )
            await self.channel_layer.group_discard(self.group, self.channel_name)
            await self.channel_layer.group_discard(user_group(self.user.pk), self.channel_name)

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
            post = await database_sync_to_async(self._create)(thread_id, body, client_id)
        except ApplicationError as error:
            await self._error(error.code, error.message, client_id)
            return
        await self.send_json(
            {"type": "post.ack", "client_id": client_id, "post": post.pk, "thread": thread_id}
        )

    def _create(self, thread_id: int, body: str, client_id: str):
        thread = thread_get(space=self.space, thread_id=thread_id)
        if thread is None:
            raise ApplicationError("No such thread in this space.", code="no_thread")
        return services.post_create(
            space=self.space, thread=thread, author=self.user, body=body, client_id=client_id
        )

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
        allowed = await database_sync_to_async(can_access_space)(
            user=self.user, space_id=self.space.pk
        )
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
        if kind in RELAY_ONLY:
            # These handlers only forward to the socket: skip Channels' per-message
            # close_old_connections(), a thread hop that serialised every broadcast.
            await getattr(self, kind.replace(".", "_"))(message)
            return
        await super().dispatch(message)

    async def space_event(self, message):
        await self.send_json(message["event"])

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

    async def presence_join(self, message):
        channel = message["channel"]
        if channel == self.channel_name:
            return
        self._here({channel: message["user"]})
        self._schedule_presence()
        local = _LOCAL_PRESENCE.get(self.space.pk, {})
        if channel in local:
            return  # a newcomer in this process read the local list itself
        if self.channel_name != min((name for name in local if name != channel), default=None):
            return  # one consumer per process answers, with everyone here
        # A newcomer whose inbox is full misses these names; nobody's socket dies for it.
        with contextlib.suppress(ChannelFull):
            await self.channel_layer.send(channel, {"type": "presence.here", "users": dict(local)})

    async def presence_here(self, message):
        self._here(message["users"])
        self._schedule_presence()

    async def presence_leave(self, message):
        self.heard.pop(message["channel"], None)
        if self.present.pop(message["channel"], None) is not None:
            self._schedule_presence()

    async def presence_beat(self, message):
        """A process's list of who is still here: refreshes them (and adds anyone whose join
        this socket missed), then forgets channels no process has vouched for lately."""
        changed = any(self.present.get(ch) != user for ch, user in message["users"].items())
        self._here(message["users"])
        now = asyncio.get_running_loop().time()
        for channel in [ch for ch, at in self.heard.items() if now - at > PRESENCE_STALE]:
            if channel != self.channel_name:
                self.heard.pop(channel)
                changed = self.present.pop(channel, None) is not None or changed
        if changed:
            self._schedule_presence()

    def _here(self, users: dict[str, dict]) -> None:
        now = asyncio.get_running_loop().time()
        self.present.update(users)
        self.heard.update(dict.fromkeys(users, now))

    async def _beat(self) -> None:
        while self.joined:
            await asyncio.sleep(PRESENCE_BEAT)
            local = _LOCAL_PRESENCE.get(self.space.pk, {})
            if self.joined and self.channel_name == min(local, default=None):
                try:
                    await self.channel_layer.group_send(
                        self.group, {"type": "presence.beat", "users": dict(local)}
                    )
                # A layer hiccup must not end the beat: the other processes would then
                # forget everyone on this one.
                except Exception:
                    logger.warning(
                        "presence beat for space %s failed", self.space.pk, exc_info=True
                    )

    def _schedule_presence(self) -> None:
        """Coalesce presence changes: when many people arrive at once, send one list per
        PRESENCE_DELAY seconds instead of one per arrival."""
        if self._presence_task is None or self._presence_task.done():
            self._presence_task = asyncio.ensure_future(self._presence_later())

    async def _presence_later(self) -> None:
        await asyncio.sleep(PRESENCE_DELAY)
        if self.joined:
            await self._send_presence()

    async def _send_presence(self) -> None:
        users = {user["id"]: user for user in self.present.values()}
        await self.send_json(
            {
                "type": "presence",
                "space": self.space.pk,
                "users": sorted(users.values(), key=lambda u: u["name"]),
            }
        )
