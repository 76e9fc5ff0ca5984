"""The paced in-memory channel layer: the same delivery and expiry, swept at most once a
second instead of on every receive."""

from __future__ import annotations

import asyncio

from channels.layers import InMemoryChannelLayer

from core.layers import PacedInMemoryChannelLayer


def test_sweeps_at_most_once_per_interval_and_still_expires(monkeypatch):
    sweeps = []
    original = InMemoryChannelLayer._clean_expired
    monkeypatch.setattr(
        InMemoryChannelLayer, "_clean_expired", lambda self: (sweeps.append(1), original(self))
    )

    async def scenario():
        layer = PacedInMemoryChannelLayer(expiry=0.05)
        layer.clock = lambda: 1000.0  # however slow the machine, all within one interval
        await layer.group_add("space.1", "a!x")
        for number in range(20):
            await layer.send("a!x", {"type": "m", "n": number})
            assert (await layer.receive("a!x"))["n"] == number
        assert len(sweeps) == 1  # 20 receives and a group_add, one sweep

        await layer.send("a!x", {"type": "stale"})
        await asyncio.sleep(0.1)  # older than expiry
        layer.sweep_interval = 0  # the next call sweeps
        layer._clean_expired()
        assert "a!x" not in layer.channels  # the expired message is gone
        assert "a!x" not in layer.groups.get("space.1", {})  # and with it the membership

    asyncio.run(scenario())
