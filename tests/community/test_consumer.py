"""The space WebSocket, driven through the real ASGI app (origin check, session auth, routing).

Each test checks the exact payload of every event it sees against the contract in
community/events.py. Sockets are disconnected at teardown by the ``ws_connect`` fixture.
"""

from __future__ import annotations

import asyncio
import json
import re
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from channels.db import database_sync_to_async as db
from channels.layers import get_channel_layer

from cohorts import services as cohort_services
from cohorts.models import Enrollment
from community import consumers, services
from community import presence as presence_hubs
from community.events import CLOSE_FORBIDDEN, CLOSE_TOO_LARGE, MAX_FRAME, presence_group
from community.models import Notification, Post, Space
from core import markdown

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.asyncio,
]

SEED_SEQ = 2  # the thread fixture stores thread.created (1) and its first post.created (2)


# --- helpers ------------------------------------------------------------------------------


def ref(user) -> dict:
    return {"id": user.pk, "name": user.public_name}


def presence(space, *users) -> dict:
    """The snapshot a socket gets as it joins: everyone here, itself included."""
    return {"type": "presence", "space": space.pk, "users": [ref(u) for u in users]}


def changed(space, *, joined=(), left=()) -> dict:
    """The delta everyone else gets when people arrive or leave."""
    return {
        "type": "presence.changed",
        "space": space.pk,
        "joined": [ref(u) for u in joined],
        "left": [ref(u) for u in left],
    }


def post_event(
    kind: str,
    seq: int,
    post: Post,
    *,
    author,
    html: str,
    edited: bool = False,
    deleted: bool = False,
    hidden_reason: str = "",
    reactions: dict | None = None,
) -> dict:
    return {
        "type": kind,
        "seq": seq,
        "space": post.space_id,
        "data": {
            "id": post.pk,
            "thread": post.thread_id,
            "author": ref(author),
            "client_id": post.client_id,
            "html": html,
            # the Markdown as written, for the author's edit box; gone when deleted or hidden
            "body": "" if deleted or hidden_reason else post.body,
            "created_at": post.created_at.isoformat(),
            "edited": edited,
            "deleted": deleted,
            "hidden": bool(hidden_reason),
            "hidden_reason": hidden_reason,
            "reactions": reactions or {},
        },
    }


def thread_event(kind: str, seq: int, thread, *, author, pinned: bool = False) -> dict:
    return {
        "type": kind,
        "seq": seq,
        "space": thread.space_id,
        "data": {
            "id": thread.pk,
            "title": thread.title,
            "author": ref(author),
            "lesson": None,
            "pinned": pinned,
            "locked": False,
            "announcement": False,
            "created_at": thread.created_at.isoformat(),
        },
    }


def error(code: str, message: str, ref_: str | None = None, **fields: list[str]) -> dict:
    """An error frame: the REST API's error body (``fields`` for input errors), with ``ref``."""
    frame = {"type": "error", "code": code, "message": message, "ref": ref_}
    if fields:
        frame["fields"] = fields
    return frame


def sync_done(space, last_seq: int) -> dict:
    return {"type": "sync.done", "space": space.pk, "last_seq": last_seq, "more": False}


@db
def load_post(**filters) -> Post:
    return Post.objects.get(**filters)


@db
def post_count(**filters) -> int:
    return Post.objects.filter(**filters).count()


@db
def space_last_seq(space) -> int:
    return Space.objects.get(pk=space.pk).last_seq


async def join(ws_connect, user, space, *already_here):
    """Connect a member and check the three greetings: hello, notification, presence (which
    already names everyone connected, read from this process's presence list)."""
    socket = await ws_connect(user, space.pk)
    assert socket.accepted
    assert await socket.receive_json_from() == {
        "type": "hello",
        "space": space.pk,
        "last_seq": await space_last_seq(space),
        "user": ref(user),
    }
    assert await socket.receive_json_from() == {"type": "notification", "unread": 0, "item": None}
    assert await socket.receive_json_from() == presence(space, *already_here, user)
    return socket


async def join_pair(ws_connect, space, a, b):
    """A joins, then B; B's snapshot names both (names sort Maya before Noor), A hears that
    B joined."""
    socket_a = await join(ws_connect, a, space)
    socket_b = await join(ws_connect, b, space, a)
    assert await socket_a.receive_json_from() == changed(space, joined=[b])
    return socket_a, socket_b


def post_create(thread, client_id: str, body: str) -> dict:
    return {"type": "post.create", "client_id": client_id, "thread": thread.pk, "body": body}


async def send_post(socket, thread, client_id: str, body: str) -> tuple[dict, dict]:
    """Post over the socket; the sender gets its ack first, then the broadcast."""
    await socket.send_json_to(post_create(thread, client_id, body))
    ack = await socket.receive_json_from()
    post = await load_post(client_id=client_id, thread=thread)
    assert ack == {"type": "post.ack", "client_id": client_id, "post": post.pk, "thread": thread.pk}
    created = await socket.receive_json_from()
    assert created["type"] == "post.created"
    assert created["data"]["id"] == post.pk
    return ack, created


# --- 1. who may connect ---------------------------------------------------------------------


async def test_anonymous_socket_is_closed_with_4403(ws_connect, space):
    socket = await ws_connect(None, space.pk)
    assert socket.accepted  # accepted first, so the browser sees the code
    assert await socket.receive_close() == CLOSE_FORBIDDEN


async def test_logged_in_non_member_is_closed_with_4403(ws_connect, space, outsider):
    socket = await ws_connect(outsider, space.pk)
    assert socket.accepted
    assert await socket.receive_close() == CLOSE_FORBIDDEN


async def test_unknown_space_is_closed_like_a_forbidden_one(ws_connect, space, coach_a):
    socket = await ws_connect(coach_a, space.pk + 1000)
    assert socket.accepted
    assert await socket.receive_close() == CLOSE_FORBIDDEN


async def test_foreign_origin_is_refused_at_the_handshake(ws_connect, space, coach_a):
    socket = await ws_connect(coach_a, space.pk, origin=b"https://evil.example.org")
    assert socket.accepted is False
    assert await socket.receive_nothing(timeout=0.3)


# --- 2. greetings ---------------------------------------------------------------------------


async def test_member_is_greeted_with_hello_notification_and_presence(
    ws_connect, space, thread, coach_a
):
    socket = await ws_connect(coach_a, space.pk)
    assert socket.accepted
    assert await socket.receive_json_from() == {
        "type": "hello",
        "space": space.pk,
        "last_seq": SEED_SEQ,
        "user": {"id": coach_a.pk, "name": "Maya"},
    }
    assert await socket.receive_json_from() == {"type": "notification", "unread": 0, "item": None}
    assert await socket.receive_json_from() == {
        "type": "presence",
        "space": space.pk,
        "users": [{"id": coach_a.pk, "name": "Maya"}],
    }
    assert await socket.receive_nothing(timeout=0.3)


async def test_presence_follows_people_joining_and_leaving(
    ws_connect, space, thread, coach_a, coach_b
):
    socket_a, socket_b = await join_pair(ws_connect, space, coach_a, coach_b)
    await socket_b.disconnect()
    assert await socket_a.receive_json_from() == changed(space, left=[coach_b])
    assert await socket_a.receive_nothing(timeout=0.3)


async def test_people_on_a_process_that_died_leave_the_list(
    ws_connect, space, thread, coach_a, coach_b, monkeypatch
):
    """Coach B is connected through another process: its join and its beats come over the
    channel layer. While that process vouches for B, B stays; when it dies without a goodbye
    (no presence.leave), A's list forgets B once B is stale."""
    monkeypatch.setattr(presence_hubs, "PRESENCE_BEAT", 0.05)
    monkeypatch.setattr(presence_hubs, "PRESENCE_STALE", 0.3)
    monkeypatch.setattr(presence_hubs, "PRESENCE_DELAY", 0.01)
    socket_a = await join(ws_connect, coach_a, space)
    layer, group = get_channel_layer(), presence_group(space.pk)
    hub, elsewhere = "specific.gone!hub", {"specific.gone!b": ref(coach_b)}
    joined = {"type": "presence.delta", "hub": hub, "joined": elsewhere, "left": []}
    await layer.group_send(group, joined)
    assert await socket_a.receive_json_from() == changed(space, joined=[coach_b])

    for _ in range(12):  # 0.6 s of beats from the other process: twice PRESENCE_STALE
        await layer.group_send(group, {"type": "presence.beat", "hub": hub, "channels": elsewhere})
        await asyncio.sleep(0.05)
    assert await socket_a.receive_nothing(timeout=0.05)  # B never left the list

    # The other process is gone: no more beats. A's own process keeps beating and prunes.
    assert await socket_a.receive_json_from(timeout=3) == changed(space, left=[coach_b])


async def test_the_presence_beat_outlives_a_channel_layer_error(
    ws_connect, space, thread, coach_a, monkeypatch
):
    monkeypatch.setattr(presence_hubs, "PRESENCE_BEAT", 0.05)
    layer = get_channel_layer()
    beats, real_group_send = [], layer.group_send

    async def flaky_group_send(group, message):
        if message["type"] == "presence.beat":
            beats.append(message)
            if len(beats) == 1:
                raise ConnectionError("layer hiccup")
        await real_group_send(group, message)

    monkeypatch.setattr(layer, "group_send", flaky_group_send)
    socket_a = await join(ws_connect, coach_a, space)
    for _ in range(100):
        if len(beats) >= 3:
            break
        await asyncio.sleep(0.05)
    assert len(beats) >= 3  # the first failed; the beat went on
    assert await socket_a.receive_nothing(timeout=0.1)  # and nobody left anyone's list


# --- 3. posting -----------------------------------------------------------------------------


async def test_post_create_acks_the_sender_and_broadcasts_once(
    ws_connect, space, thread, coach_a, coach_b
):
    socket_a, socket_b = await join_pair(ws_connect, space, coach_a, coach_b)
    message = post_create(thread, "c-hello", "Hello **team**")

    await socket_a.send_json_to(message)
    ack = await socket_a.receive_json_from()
    post = await load_post(client_id="c-hello")
    assert ack == {"type": "post.ack", "client_id": "c-hello", "post": post.pk, "thread": thread.pk}
    expected = {
        "type": "post.created",
        "seq": SEED_SEQ + 1,
        "space": space.pk,
        "data": {
            "id": post.pk,
            "thread": thread.pk,
            "author": {"id": coach_a.pk, "name": "Maya"},
            "client_id": "c-hello",
            "html": "<p>Hello <strong>team</strong></p>",
            "body": post.body,
            "created_at": post.created_at.isoformat(),
            "edited": False,
            "deleted": False,
            "hidden": False,
            "hidden_reason": "",
            "reactions": {},
        },
    }
    assert await socket_a.receive_json_from() == expected
    assert await socket_b.receive_json_from() == expected

    # A retried send (same client_id) is acknowledged with the stored post, nothing more.
    await socket_a.send_json_to(message)
    assert await socket_a.receive_json_from() == ack
    assert await socket_b.receive_nothing(timeout=0.3)
    assert await socket_a.receive_nothing(timeout=0.1)
    assert await post_count(client_id="c-hello") == 1
    assert await space_last_seq(space) == SEED_SEQ + 1


async def test_a_reply_notifies_the_thread_author_live(ws_connect, space, thread, coach_a, coach_b):
    own = (
        await db(services.thread_create)(
            space=space, author=coach_a, title="Office hours", body="Ideas?", client_id="t-own"
        )
    ).thread
    socket_a, socket_b = await join_pair(ws_connect, space, coach_a, coach_b)

    _ack, created = await send_post(socket_b, own, "c-reply", "Try a **sign-up sheet**")
    assert await socket_a.receive_json_from() == created
    notification = await db(Notification.objects.get)(user=coach_a)
    reply = await load_post(client_id="c-reply")
    assert await socket_a.receive_json_from() == {
        "type": "notification",
        "unread": 1,
        "item": {
            "id": notification.pk,
            "kind": "reply",
            "actor": "Noor",
            "thread": own.pk,
            "thread_title": "Office hours",
            "space": space.pk,
            "url": f"/community/spaces/{space.pk}/threads/{own.pk}/#post-{reply.pk}",
            "created_at": notification.created_at.isoformat(),
            "read": False,
        },
    }
    assert await socket_b.receive_nothing(timeout=0.3)


# --- 4. every stored event, in seq order ----------------------------------------------------


async def test_every_stored_event_arrives_with_the_next_seq(
    ws_connect, space, thread, coach_a, coach_b, facilitator
):
    socket_a, socket_b = await join_pair(ws_connect, space, coach_a, coach_b)
    seen: list[dict] = []

    async def expect(event: dict) -> None:
        assert await socket_b.receive_json_from() == event
        assert await socket_a.receive_json_from() == event
        seen.append(event)

    _ack, created = await send_post(socket_a, thread, "c-1", "First *idea*")
    first = await load_post(client_id="c-1")
    assert created == post_event(
        "post.created", 3, first, author=coach_a, html="<p>First <em>idea</em></p>"
    )
    assert await socket_b.receive_json_from() == created
    seen.append(created)

    _ack, created = await send_post(socket_a, thread, "c-2", "Second idea")
    second = await load_post(client_id="c-2")
    assert created == post_event(
        "post.created", 4, second, author=coach_a, html="<p>Second idea</p>"
    )
    assert await socket_b.receive_json_from() == created
    seen.append(created)

    await db(services.reaction_toggle)(post=first, user=coach_b, emoji="👍")
    await expect(
        {
            "type": "reaction.changed",
            "seq": 5,
            "space": space.pk,
            "data": {"post": first.pk, "reactions": {"👍": 1}},
        }
    )
    await db(services.reaction_toggle)(post=first, user=coach_a, emoji="👍")
    await expect(
        {
            "type": "reaction.changed",
            "seq": 6,
            "space": space.pk,
            "data": {"post": first.pk, "reactions": {"👍": 2}},
        }
    )

    await db(services.post_edit)(post=first, by=coach_a, body="First idea, **revised**")
    await expect(
        post_event(
            "post.updated",
            7,
            first,
            author=coach_a,
            html="<p>First idea, <strong>revised</strong></p>",
            edited=True,
            reactions={"👍": 2},
        )
    )

    await db(services.post_delete)(post=second, by=coach_a)
    await expect(post_event("post.deleted", 8, second, author=coach_a, html="", deleted=True))

    await db(services.post_hide)(post=first, by=facilitator, reason="Off topic")
    await expect(
        post_event(
            "post.updated",
            9,
            first,
            author=coach_a,
            html="",
            edited=True,
            hidden_reason="Off topic",
            reactions={"👍": 2},
        )
    )

    new_thread = (
        await db(services.thread_create)(
            space=space, author=coach_b, title="Lunch club", body="Who's in?", client_id="t-lunch"
        )
    ).thread
    opener = await load_post(client_id="t-lunch")
    await expect(thread_event("thread.created", 10, new_thread, author=coach_b))
    await expect(post_event("post.created", 11, opener, author=coach_b, html="<p>Who's in?</p>"))

    await db(services.thread_update)(thread=new_thread, by=facilitator, pinned=True)
    await expect(thread_event("thread.updated", 12, new_thread, author=coach_b, pinned=True))

    assert [event["seq"] for event in seen] == list(range(SEED_SEQ + 1, SEED_SEQ + 1 + len(seen)))
    assert await space_last_seq(space) == seen[-1]["seq"]
    assert await socket_a.receive_nothing(timeout=0.3)
    assert await socket_b.receive_nothing(timeout=0.1)


# --- 5. catch-up ----------------------------------------------------------------------------


async def test_sync_replays_exactly_the_missed_events(ws_connect, space, thread, coach_a, coach_b):
    socket_a, socket_b = await join_pair(ws_connect, space, coach_a, coach_b)
    last_seen_by_b = SEED_SEQ
    await socket_b.disconnect()
    assert await socket_a.receive_json_from() == changed(space, left=[coach_b])

    missed = []
    for number in range(3):
        _ack, created = await send_post(socket_a, thread, f"c-missed-{number}", f"Update {number}")
        missed.append(created)
    assert [event["seq"] for event in missed] == [3, 4, 5]

    socket_b = await join(ws_connect, coach_b, space, coach_a)  # hello says last_seq 5
    assert await socket_a.receive_json_from() == changed(space, joined=[coach_b])

    await socket_b.send_json_to({"type": "sync", "after": last_seen_by_b})
    assert [await socket_b.receive_json_from() for _ in missed] == missed
    assert await socket_b.receive_json_from() == sync_done(space, 5)
    assert await socket_b.receive_nothing(timeout=0.3)

    await socket_b.send_json_to({"type": "sync", "after": 99})
    assert await socket_b.receive_json_from() == error("bad_seq", "This space's last seq is 5.")
    assert await socket_b.receive_json_from() == sync_done(space, 5)


# --- 6. bad input ---------------------------------------------------------------------------


async def test_malformed_messages_get_errors_and_the_socket_stays_open(
    ws_connect, space, thread, coach_a, coach_b
):
    socket_a, socket_b = await join_pair(ws_connect, space, coach_a, coach_b)

    await socket_a.send_to(text_data='{"type": "sync", "after": ')
    assert await socket_a.receive_json_from() == error(
        "bad_json", "That message is not valid JSON."
    )
    await socket_a.send_json_to({"type": "sync", "after": SEED_SEQ})
    assert await socket_a.receive_json_from() == sync_done(space, SEED_SEQ)

    await socket_a.send_json_to(["not", "an", "object"])
    assert await socket_a.receive_json_from() == error(
        "bad_message", "A message is a JSON object with a type."
    )

    await socket_a.send_json_to({"type": "post.explode"})
    assert await socket_a.receive_json_from() == error(
        "unknown_type", "Unknown message type 'post.explode'."
    )

    await socket_a.send_json_to({"type": "post.create", "thread": thread.pk, "body": "Hi"})
    assert await socket_a.receive_json_from() == error(
        "validation_error", "This field is required.", client_id=["This field is required."]
    )

    await socket_a.send_json_to(post_create(thread, "c-empty", "  \n\t "))
    assert await socket_a.receive_json_from() == error(
        "empty", "A post cannot be empty.", "c-empty", body=["A post cannot be empty."]
    )
    assert await post_count(client_id="c-empty") == 0
    assert await space_last_seq(space) == SEED_SEQ
    assert await socket_b.receive_nothing(timeout=0.3)


async def test_oversized_frame_closes_that_socket_only(ws_connect, space, thread, coach_a, coach_b):
    socket_a, socket_b = await join_pair(ws_connect, space, coach_a, coach_b)

    big = json.dumps(post_create(thread, "c-big", "x" * MAX_FRAME))
    assert len(big) > MAX_FRAME
    await socket_a.send_to(text_data=big)
    assert await socket_a.receive_json_from() == error(
        "too_large", f"Messages can be at most {MAX_FRAME} bytes."
    )
    assert await socket_a.receive_close() == CLOSE_TOO_LARGE
    assert await socket_b.receive_json_from() == changed(space, left=[coach_a])
    assert await post_count(client_id="c-big") == 0

    # The other socket is still served.
    _ack, created = await send_post(socket_b, thread, "c-still-here", "Still here")
    assert created["seq"] == SEED_SEQ + 1
    # …and the closed one is no longer sent anything.
    assert await socket_a.receive_nothing(timeout=0.3)


# --- 7. rate limit --------------------------------------------------------------------------


async def test_posting_too_fast_is_refused_and_nothing_is_stored(
    ws_connect, space, thread, coach_a, coach_b, monkeypatch
):
    # One fixed minute, so the window cannot roll over half-way through the test.
    now = services.time.time()
    monkeypatch.setattr(services, "time", SimpleNamespace(time=lambda: now))
    socket_a, socket_b = await join_pair(ws_connect, space, coach_a, coach_b)

    for number in range(services.POSTS_PER_MINUTE):
        _ack, created = await send_post(socket_a, thread, f"c-fast-{number}", f"Post {number}")
        assert await socket_b.receive_json_from() == created
    last_seq = SEED_SEQ + services.POSTS_PER_MINUTE
    assert created["seq"] == last_seq

    await socket_a.send_json_to(post_create(thread, "c-too-fast", "One more"))
    assert await socket_a.receive_json_from() == error(
        "rate_limited", "You're posting very fast. Wait a minute and try again.", "c-too-fast"
    )
    assert await post_count(client_id="c-too-fast") == 0
    assert await space_last_seq(space) == last_seq
    assert await socket_b.receive_nothing(timeout=0.3)


# --- 8. access revoked ----------------------------------------------------------------------


async def test_a_dropped_member_is_disconnected_at_once(
    ws_connect, space, thread, cohort, coach_a, coach_b
):
    socket_a, socket_b = await join_pair(ws_connect, space, coach_a, coach_b)
    enrollment = await db(Enrollment.objects.get)(cohort=cohort, user=coach_b)

    await db(cohort_services.enrollment_drop)(enrollment=enrollment, by=coach_b)
    assert await socket_b.receive_close() == CLOSE_FORBIDDEN
    assert await socket_a.receive_json_from() == changed(space, left=[coach_b])

    # Nothing said in the space afterwards reaches the closed socket…
    await send_post(socket_a, thread, "c-after-drop", "Bye Noor")
    assert await socket_b.receive_nothing(timeout=0.3)
    # …and coming back is refused.
    again = await ws_connect(coach_b, space.pk)
    assert await again.receive_close() == CLOSE_FORBIDDEN


# --- 8b. one membership check per message ---------------------------------------------------


async def test_each_message_checks_membership_once(ws_connect, space, thread, coach_a, monkeypatch):
    checks: list[int] = []
    opened = consumers.space_open

    def counting_open(*, user, space_id):
        found, access = opened(user=user, space_id=space_id)

        def counted() -> bool:
            checks.append(1)
            return access()

        return found, counted

    monkeypatch.setattr(consumers, "space_open", counting_open)
    socket = await join(ws_connect, coach_a, space)
    assert checks == []  # connect reads the space through the visibility query itself

    await socket.send_json_to({"type": "typing", "thread": thread.pk})
    await socket.send_json_to({"type": "sync", "after": SEED_SEQ})
    assert await socket.receive_json_from() == sync_done(space, SEED_SEQ)
    assert len(checks) == 2  # typing, then sync (in the trip that reads last_seq)

    await send_post(socket, thread, "c-once", "Once")
    assert len(checks) == 3  # in post_create, in the post's one trip

    await socket.send_json_to(
        {"type": "post.create", "thread": 10**9, "client_id": "c", "body": "x"}
    )
    assert await socket.receive_json_from() == error("not_found", "No such thread.", "c")
    assert len(checks) == 4


# --- 9. typing ------------------------------------------------------------------------------


async def test_typing_reaches_the_others_but_not_the_typist(
    ws_connect, space, thread, coach_a, coach_b
):
    socket_a, socket_b = await join_pair(ws_connect, space, coach_a, coach_b)
    await socket_a.send_json_to({"type": "typing", "thread": thread.pk})
    assert await socket_b.receive_json_from() == {
        "type": "typing",
        "space": space.pk,
        "thread": thread.pk,
        "user": {"id": coach_a.pk, "name": "Maya"},
    }
    assert await socket_a.receive_nothing(timeout=0.3)


# --- 10. hostile markup ---------------------------------------------------------------------

XSS_CORPUS = [
    "<script>alert(1)</script>",
    '<ScRiPt src="https://evil.example/x.js"></sCrIpT>',
    "[click me](javascript:alert(1))",
    "[click me](JaVaScRiPt:alert(document.cookie))",
    "[tab](jav&#x09;ascript:alert(1)) [entity](&#106;avascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    '<svg onload=alert(1)><circle r="1"/></svg>',
    "[report](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![pixel](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    '<iframe src="https://evil.example/"></iframe>',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '[ok](https://ok.example "t" onmouseover="alert(1)")',
    "&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62;",
    '<a href="javascript:alert(1)" onclick="alert(2)">x</a>',
    "<javascript:alert(1)>",
    "`<script>alert(1)</script>` and\n\n```\n<img src=x onerror=alert(1)>\n```",
    '<div onmouseover="alert(1)">hover</div>',
    "@noor <img src=x onerror=alert(1)> [x](javascript:alert(1))",
]

SAFE_ATTRIBUTES = {"href", "title", "rel", "class", "data-user"}
SAFE_SCHEMES = {"", "http", "https", "mailto"}


class _Tags(HTMLParser):
    """Every start tag of a fragment: its name, its (unescaped) attributes, its source."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]], str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs, self.get_starttag_text() or ""))

    handle_startendtag = handle_starttag


def assert_inert(html: str, payload: str) -> None:
    """No executable markup: raw HTML typed in a post may appear only as escaped text."""
    lowered = html.lower()
    for needle in ("<script", "<iframe", "<svg", "<style", "<img", "<object", "<embed"):
        assert needle not in lowered, (payload, html)
    parser = _Tags()
    parser.feed(html)
    parser.close()
    for tag, attrs, source in parser.tags:
        assert tag in markdown.ALLOWED_TAGS, (payload, html)
        # Outside quoted values, a tag carries no on…= handler.
        bare = re.sub(r'"[^"]*"', '""', source)
        assert not re.search(r"\son\w+\s*=", bare, re.IGNORECASE), (payload, html)
        for name, value in attrs:
            assert name in SAFE_ATTRIBUTES, (payload, html)
            assert "javascript:" not in (value or "").lower(), (payload, html)
            if name == "href":
                assert urlsplit(value or "").scheme.lower() in SAFE_SCHEMES, (payload, html)


async def test_hostile_markup_is_broadcast_inert(
    ws_connect, space, thread, coach_a, coach_b, monkeypatch
):
    monkeypatch.setattr(services, "POSTS_PER_MINUTE", 1000)
    socket_a, socket_b = await join_pair(ws_connect, space, coach_a, coach_b)

    for number, payload in enumerate(XSS_CORPUS):
        _ack, created = await send_post(socket_a, thread, f"c-xss-{number}", payload)
        received = await socket_b.receive_json_from()
        assert received == created
        assert received["data"]["html"], payload
        assert_inert(received["data"]["html"], payload)
    # The last payload mentions Noor: the mention renders next to the escaped tag, and she
    # is notified.
    html = received["data"]["html"]
    assert f'<span class="mention" data-user="{coach_b.pk}">@noor</span>' in html
    mention = await db(Notification.objects.get)(user=coach_b, kind="mention")
    assert await socket_b.receive_json_from() == {
        "type": "notification",
        "unread": 1,
        "item": {
            "id": mention.pk,
            "kind": "mention",
            "actor": "Maya",
            "thread": thread.pk,
            "thread_title": thread.title,
            "space": space.pk,
            "url": f"/community/spaces/{space.pk}/threads/{thread.pk}/#post-{mention.post_id}",
            "created_at": mention.created_at.isoformat(),
            "read": False,
        },
    }

    _ack, created = await send_post(
        socket_a, thread, "c-normal", "A **bold** move: read [the guide](https://example.org/guide)"
    )
    assert await socket_b.receive_json_from() == created
    assert created["data"]["html"] == (
        "<p>A <strong>bold</strong> move: read "
        '<a href="https://example.org/guide" rel="nofollow noopener">the guide</a></p>'
    )
