"""Sending on the channel layer, after commit: a failure is logged, never raised (the event is
stored; clients catch up from the database)."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)


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
