"""Who is here: one presence hub per space and process, so a join costs O(members) frames.

Each worker process keeps one :class:`Hub` per space with sockets open in it. The hub knows
every channel connected to the space, its own sockets' and (from the other processes' hubs)
everyone else's, so a newcomer's full list is read in memory, without asking anyone:

- the joining socket gets one ``presence`` snapshot (everyone here, itself included);
- every other socket gets one small ``presence.changed`` delta (``joined``/``left`` people),
  coalesced: at most one per ``PRESENCE_DELAY`` seconds however many arrive at once.

Presence is counted per person, not per tab: a second tab of someone already here changes
nothing; they leave when their last tab closes.

Between processes only the hubs talk, over the group ``presence.<space_id>`` (one
membership per process, not per socket), so a join costs O(processes) channel-layer
messages, not O(members) (which was a reply storm of N² messages on Redis when a whole cohort
connected at once):

``presence.hello``  a new hub announces itself with its channels; every other hub adds them
                    and answers with one ``presence.state`` (its channels) sent to it alone;
``presence.delta``  a hub's coalesced changes: channels ``joined`` (channel -> person) and
                    ``left``;
``presence.beat``   every ``PRESENCE_BEAT`` seconds a hub's full list. A hub not heard from
                    for ``PRESENCE_STALE`` seconds (its process died without a goodbye: killed,
                    out of memory) is forgotten, and its people leave everyone's list.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Protocol

from . import events
from .events import presence_group, space_group

logger = logging.getLogger(__name__)

PRESENCE_DELAY = 0.5
PRESENCE_BEAT = 30.0
PRESENCE_STALE = 2.5 * PRESENCE_BEAT


class Socket(Protocol):
    def deliver(self, text: str) -> None: ...


# (event loop, channel layer, space id) -> the hub of that space in this process.
_HUBS: dict[tuple[int, int, int], Hub] = {}


async def hub_for(layer, space_id: int) -> Hub:
    """This process's hub for a space, started (joined to the presence group) on first use."""
    key = (id(asyncio.get_running_loop()), id(layer), space_id)
    hub = _HUBS.get(key)
    if hub is None:
        hub = _HUBS[key] = Hub(layer, space_id, key)
        hub.started = asyncio.ensure_future(hub.start())
    await asyncio.shield(hub.started)
    return hub


def _sorted(users) -> list[dict]:
    return sorted(users, key=lambda user: (user["name"], user["id"]))


class Hub:
    started: asyncio.Future

    def __init__(self, layer, space_id: int, key):
        self.layer, self.space_id, self.key = layer, space_id, key
        self.group = presence_group(space_id)
        self.events_group = space_group(space_id)
        self.channel: str | None = None
        self.local: dict[str, tuple[Socket, dict]] = {}  # socket channel -> (socket, person)
        self.remote: dict[str, dict[str, dict]] = {}  # other hub -> its channels -> person
        self.heard: dict[str, float] = {}  # other hub -> when it last spoke
        self.tabs: dict[int, int] = {}  # person id -> channels open (here and elsewhere)
        self.people: dict[int, dict] = {}  # person id -> {"id", "name"}
        # Person-level changes since the last flush: (person id, now present, person), and
        # for each local socket the position in that log its view is up to date with.
        self.log: list[tuple[int, bool, dict]] = []
        self.base = 0
        self.synced: dict[str, int] = {}
        self.joined_out: dict[str, dict] = {}  # local channels to announce to other hubs
        self.left_out: set[str] = set()
        self.closed = False
        self._flush_task: asyncio.Task | None = None
        self._tasks: list[asyncio.Task] = []

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        self.channel = await self.layer.new_channel()
        await asyncio.gather(
            self.layer.group_add(self.group, self.channel),
            self.layer.group_add(self.events_group, self.channel),
        )
        self._tasks = [
            asyncio.ensure_future(self._receive()),
            asyncio.ensure_future(self._beat()),
        ]
        await self._group_send(
            events.presence_list_message(events.PRESENCE_HELLO, hub=self.channel, channels={})
        )

    def _close(self) -> None:
        """The last local socket left: say so to the other hubs, leave the group, stop."""
        self.closed = True
        if _HUBS.get(self.key) is self:
            del _HUBS[self.key]
        for task in (self._flush_task, *self._tasks):
            if task is not None:
                task.cancel()
        asyncio.ensure_future(self._goodbye())

    async def _goodbye(self) -> None:
        with contextlib.suppress(Exception):
            await asyncio.shield(self.started)
            if self.left_out:
                goodbye = events.presence_delta_message(
                    hub=self.channel, joined={}, left=sorted(self.left_out)
                )
                await self._group_send(goodbye)
            await asyncio.gather(
                self.layer.group_discard(self.group, self.channel),
                self.layer.group_discard(self.events_group, self.channel),
            )

    # --- local sockets ---------------------------------------------------------------------

    def add(self, socket: Socket, channel: str, person: dict) -> dict:
        """Register a local socket; returns its snapshot (send it as the socket's first
        presence frame: later deltas start from it)."""
        self.local[channel] = (socket, person)
        self._tab(person, +1)
        self.joined_out[channel] = person
        self.left_out.discard(channel)
        self.synced[channel] = self.base + len(self.log)
        self._schedule()
        return events.presence_event(space_id=self.space_id, users=_sorted(self.people.values()))

    def remove(self, channel: str) -> None:
        entry = self.local.pop(channel, None)
        self.synced.pop(channel, None)
        if entry is None:
            return
        self._tab(entry[1], -1)
        if self.joined_out.pop(channel, None) is None:
            self.left_out.add(channel)  # announced already: announce the leave
        if not self.local:
            self._close()
        else:
            self._schedule()

    # --- bookkeeping -----------------------------------------------------------------------

    def _tab(self, person: dict, delta: int) -> None:
        pid = person["id"]
        count = self.tabs.get(pid, 0) + delta
        if count > 0:
            self.tabs[pid] = count
            if count == delta:  # the first tab: they arrived
                self.people[pid] = person
                self.log.append((pid, True, person))
        else:
            self.tabs.pop(pid, None)
            gone = self.people.pop(pid, person)
            self.log.append((pid, False, gone))

    def _schedule(self) -> None:
        if self.closed:
            return
        if self._flush_task is None or self._flush_task.done():
            self._flush_task = asyncio.ensure_future(self._flush_later())

    async def _flush_later(self) -> None:
        await asyncio.sleep(PRESENCE_DELAY)
        self._flush_task = None
        await self.flush()

    async def flush(self) -> None:
        """Send each local socket one delta from where its view stands, and the other hubs
        this process's channel changes."""
        log, base = self.log, self.base
        self.log, self.base = [], base + len(log)
        end = self.base
        texts: dict[int, str | None] = {}
        targets = []
        for channel, (socket, _person) in self.local.items():
            start = self.synced.get(channel, end)
            self.synced[channel] = end
            if start >= end:
                continue
            if start not in texts:
                texts[start] = self._delta_text(log[max(0, start - base) :])
            if texts[start] is not None:
                targets.append((socket, texts[start]))
        if self.joined_out or self.left_out:
            message = events.presence_delta_message(
                hub=self.channel, joined=self.joined_out, left=sorted(self.left_out)
            )
            self.joined_out, self.left_out = {}, set()
            await self._group_send(message)
        for socket, text in targets:
            socket.deliver(text)

    def _delta_text(self, changes) -> str | None:
        first: dict[int, tuple[bool, dict]] = {}
        for pid, present, person in changes:
            first.setdefault(pid, (present, person))
        # A person whose first change was an arrival was absent before; one whose first
        # change was a departure was here. Either way only the state now matters.
        people = self.people
        joined = [people[pid] for pid, (came, _) in first.items() if came and pid in people]
        left = [who for pid, (came, who) in first.items() if not came and pid not in people]
        if not joined and not left:
            return None
        return json.dumps(
            events.presence_changed(
                space_id=self.space_id, joined=_sorted(joined), left=_sorted(left)
            )
        )

    # --- the other processes ---------------------------------------------------------------

    async def _group_send(self, message: dict) -> None:
        try:
            await self.layer.group_send(self.group, message)
        # A layer hiccup must not end the hub: presence heals with the next beat.
        except Exception:
            kind = message["type"]
            logger.warning("%s for space %s failed", kind, self.space_id, exc_info=True)

    def _remote_add(self, hub: str, channels: dict[str, dict]) -> None:
        known = self.remote.setdefault(hub, {})
        for channel, person in channels.items():
            if channel not in known:
                known[channel] = person
                self._tab(person, +1)

    def _remote_remove(self, hub: str, channels) -> None:
        known = self.remote.get(hub, {})
        for channel in list(channels):
            person = known.pop(channel, None)
            if person is not None:
                self._tab(person, -1)
        if hub in self.remote and not known:
            del self.remote[hub]

    def _remote_state(self, hub: str, channels: dict[str, dict]) -> None:
        known = self.remote.get(hub, {})
        self._remote_remove(hub, [channel for channel in known if channel not in channels])
        self._remote_add(hub, channels)

    async def _receive(self) -> None:
        while True:
            try:
                message = await self.layer.receive(self.channel)
            except asyncio.CancelledError:
                raise
            except Exception:
                space = self.space_id
                logger.warning("presence hub of space %s: receive failed", space, exc_info=True)
                await asyncio.sleep(1.0)
                continue
            self.handle(message)

    def handle(self, message: dict) -> None:
        kind = message.get("type")
        if kind == events.SPACE_EVENT:  # a stored event: the same text to every socket here
            text = message["text"]
            for socket, _person in self.local.values():
                socket.deliver(text)
            return
        if kind == events.TYPING_EVENT:
            text = json.dumps(
                events.typing_event(
                    space_id=self.space_id, thread_id=message["thread"], user=message["user"]
                )
            )
            for channel, (socket, _person) in self.local.items():
                if channel != message["channel"]:
                    socket.deliver(text)
            return
        hub = message.get("hub")
        if not hub or hub == self.channel:
            return
        before = len(self.log)
        self.heard[hub] = asyncio.get_running_loop().time()
        if kind == events.PRESENCE_HELLO:
            self._remote_add(hub, message.get("channels") or {})
            mine = {channel: person for channel, (_socket, person) in self.local.items()}
            reply = events.presence_list_message(
                events.PRESENCE_STATE, hub=self.channel, channels=mine
            )
            asyncio.ensure_future(self._send_to(hub, reply))
        elif kind in (events.PRESENCE_STATE, events.PRESENCE_BEAT):
            self._remote_state(hub, message.get("channels") or {})
        elif kind == events.PRESENCE_DELTA:
            self._remote_remove(hub, message.get("left") or ())
            self._remote_add(hub, message.get("joined") or {})
        if len(self.log) != before:
            self._schedule()

    async def _send_to(self, channel: str, message: dict) -> None:
        # A hub whose inbox is full misses this list; it hears it again with the next beat.
        with contextlib.suppress(Exception):
            await self.layer.send(channel, message)

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(PRESENCE_BEAT)
            mine = {channel: person for channel, (_socket, person) in self.local.items()}
            beat = events.presence_list_message(
                events.PRESENCE_BEAT, hub=self.channel, channels=mine
            )
            await self._group_send(beat)
            now = asyncio.get_running_loop().time()
            before = len(self.log)
            for hub in [hub for hub, at in self.heard.items() if now - at > PRESENCE_STALE]:
                del self.heard[hub]
                self._remote_remove(hub, list(self.remote.get(hub, {})))
            if len(self.log) != before:
                self._schedule()
