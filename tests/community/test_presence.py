"""Presence costs O(members) frames per join: the newcomer gets one snapshot, everyone
already here one small delta. Counted over real sockets to the real ASGI app (origin check,
session auth, routing, the consumer and this process's presence hub)."""

from __future__ import annotations

import asyncio

import pytest
from channels.db import database_sync_to_async as db

from cohorts import services as cohort_services
from community import presence as presence_hubs

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.asyncio,
]

PRESENCE = ("presence", "presence.changed")


@pytest.fixture
def members(make_user, cohort, space, thread):
    def build(n: int) -> list:
        people = []
        for i in range(n):
            user = make_user(f"member{i:02d}", display_name=f"Member {i:02d}")
            cohort_services.cohort_enroll(cohort=cohort, user=user)
            people.append(user)
        return people

    return build


async def drain(socket) -> list[dict]:
    """Every frame the socket has been sent so far (and in the next 0.1 s)."""
    frames = []
    while not await socket.receive_nothing(timeout=0.1):
        frames.append(await socket.receive_json_from())
    return frames


def view(frames: list[dict], seen: dict[int, str] | None = None) -> dict[int, str]:
    """Who the page shows as here, applying frames the way space.js does."""
    seen = dict(seen or {})
    for frame in frames:
        if frame["type"] == "presence":
            seen = {user["id"]: user["name"] for user in frame["users"]}
        elif frame["type"] == "presence.changed":
            seen.update({user["id"]: user["name"] for user in frame["joined"]})
            for user in frame["left"]:
                seen.pop(user["id"], None)
    return seen


def presence_frames(frames: list[dict]) -> list[dict]:
    return [frame for frame in frames if frame["type"] in PRESENCE]


@pytest.mark.parametrize("n", [3, 6])
async def test_each_join_costs_one_frame_per_member(ws_connect, space, members, n, monkeypatch):
    """The k-th person in sends k presence frames in all: one snapshot to them, one delta to
    each of the k - 1 already here. Linear in the members, so a cohort's n joins cost
    n(n+1)/2 frames (they cost n² and more when each member re-sent the whole list)."""
    monkeypatch.setattr(presence_hubs, "PRESENCE_DELAY", 0.01)
    people = await db(members)(n)
    sockets, views = [], []
    for k, person in enumerate(people, start=1):
        sockets.append(await ws_connect(person, space.pk))
        await asyncio.sleep(0.05)  # past PRESENCE_DELAY: this join's deltas are out
        batches = [await drain(socket) for socket in sockets]
        counts = [len(presence_frames(batch)) for batch in batches]
        assert counts == [1] * k, (k, counts)
        assert presence_frames(batches[-1])[0]["type"] == "presence"  # the newcomer's snapshot
        assert all(presence_frames(b)[0]["type"] == "presence.changed" for b in batches[:-1])
        views = [view(batch, seen) for batch, seen in zip(batches, [*views, {}], strict=True)]
        here = {p.pk: p.public_name for p in people[:k]}
        assert views == [here] * k

    # Leaving costs one delta to each of the others.
    await sockets[0].disconnect()
    await asyncio.sleep(0.05)
    batches = [await drain(socket) for socket in sockets[1:]]
    assert [len(presence_frames(batch)) for batch in batches] == [1] * (n - 1)
    assert all(
        presence_frames(batch)[0]["left"] == [{"id": people[0].pk, "name": people[0].public_name}]
        for batch in batches
    )


async def test_a_cohort_arriving_at_once_costs_at_most_two_frames_each(
    ws_connect, space, members, monkeypatch
):
    """Everyone connecting within one coalescing window: each socket gets its snapshot and
    at most one delta for those who came after it, 2n frames at most, and every page ends
    up showing everyone."""
    monkeypatch.setattr(presence_hubs, "PRESENCE_DELAY", 0.3)
    n = 8
    people = await db(members)(n)
    sockets = await asyncio.gather(*(ws_connect(person, space.pk) for person in people))
    await asyncio.sleep(0.5)
    batches = [await drain(socket) for socket in sockets]
    counts = [len(presence_frames(batch)) for batch in batches]
    assert all(1 <= count <= 2 for count in counts), counts
    everyone = {p.pk: p.public_name for p in people}
    assert [view(batch) for batch in batches] == [everyone] * n


async def test_a_second_tab_changes_nobodys_list(ws_connect, space, members, monkeypatch):
    """Presence is per person: a second tab of someone here sends the others nothing, and
    they stay until their last tab closes."""
    monkeypatch.setattr(presence_hubs, "PRESENCE_DELAY", 0.01)
    maya, noor = await db(members)(2)
    first = await ws_connect(maya, space.pk)
    other = await ws_connect(noor, space.pk)
    await asyncio.sleep(0.05)
    await drain(first)
    await drain(other)

    second = await ws_connect(maya, space.pk)
    await asyncio.sleep(0.05)
    assert presence_frames(await drain(other)) == []
    assert view(await drain(second)) == {maya.pk: maya.public_name, noor.pk: noor.public_name}

    await first.disconnect()
    await asyncio.sleep(0.05)
    assert presence_frames(await drain(other)) == []
    await second.disconnect()
    await asyncio.sleep(0.05)
    assert presence_frames(await drain(other)) == [
        {
            "type": "presence.changed",
            "space": space.pk,
            "joined": [],
            "left": [{"id": maya.pk, "name": maya.public_name}],
        }
    ]
