"""The in-memory channel layer used by `make run` and the tests, with its expiry sweep paced.

Channels' ``InMemoryChannelLayer`` walks every channel and every group membership on each
``receive`` and ``group_add`` to drop expired messages (older than ``expiry``, 60 s) and
memberships (older than ``group_expiry``, a day). With N sockets each receiving every
broadcast that is O(N) work per delivery, O(N²) per post: at 300 sockets in one space the
sweep took two thirds of the event loop (py-spy) and delivery p95 rose into seconds. Sweeping
at most once a second keeps the same expiry behaviour to within a second.
"""

from __future__ import annotations

import time

from channels.layers import InMemoryChannelLayer


class PacedInMemoryChannelLayer(InMemoryChannelLayer):
    sweep_interval = 1.0
    clock = staticmethod(time.monotonic)
    _swept_at = float("-inf")

    def _clean_expired(self) -> None:
        now = self.clock()
        if now - self._swept_at < self.sweep_interval:
            return
        self._swept_at = now
        super()._clean_expired()
