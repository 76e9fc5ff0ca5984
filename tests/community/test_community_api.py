"""The community API (/api/v1/community/): happy paths, membership (404 for anything in a
space you are not in), moderation rights (403), input errors with nothing stored, the stored
event per write (documented type, seq + 1, payload keys), XSS, mentions and notifications,
and flat query counts for the thread and post lists."""

from __future__ import annotations

import asyncio
import json
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
import yaml
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from openapi_spec_validator import validate
from rest_framework.test import APIClient

from cohorts import services as cohort_services
from community import events, services
from community.events import STORED_EVENTS, PostData, ThreadData
from community.models import (
    CommunitySettings,
    Notification,
    Post,
    Reaction,
    Space,
    SpaceEvent,
    Thread,
)
from core import markdown
from courses.models import LessonPage
from tests.cohorts import conftest as cohort_fixtures
from tests.concurrent_requests import on_postgresql, post_at_once

pytestmark = pytest.mark.django_db

API = "/api/v1/community"

# The cohort fixtures (tests/cohorts/conftest.py), reused here.
make_user = cohort_fixtures.make_user
facilitator = cohort_fixtures.facilitator
coach = cohort_fixtures.coach
course = cohort_fixtures.course
make_cohort = cohort_fixtures.make_cohort
cohort = cohort_fixtures.cohort

THREAD_KEYS = set(ThreadData.__required_keys__)
POST_KEYS = set(PostData.__required_keys__) | {"reactions"}


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The rate-limit counters live in the cache, which outlives each test's transaction.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def space(cohort) -> Space:
    return services.space_for_cohort(cohort=cohort)


@pytest.fixture
def member(cohort, coach):
    """Maya, an active learner of the cohort."""
    cohort_services.cohort_enroll(cohort=cohort, user=coach)
    return coach


@pytest.fixture
def peer(cohort, make_user):
    user = make_user("pat")
    cohort_services.cohort_enroll(cohort=cohort, user=user)
    return user


@pytest.fixture
def outsider(make_user):
    return make_user("olga")


@pytest.fixture
def thread(space, member) -> Thread:
    return services.thread_create(
        space=space, author=member, title="First week", body="How did it go?", client_id="t-1"
    ).thread


@pytest.fixture
def first_post(thread) -> Post:
    return thread.posts.get()


def as_user(api, user):
    api.force_authenticate(user=user)
    return api


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


def stored() -> tuple[int, int, int]:
    return Post.objects.count(), Thread.objects.count(), SpaceEvent.objects.count()


def new_events(space: Space, after: int) -> list[SpaceEvent]:
    return list(SpaceEvent.objects.filter(space=space, seq__gt=after).order_by("seq"))


def assert_appended(space: Space, before: int, *expected: str) -> list[SpaceEvent]:
    """Exactly these event types were appended, each with the next seq and the contract's
    payload keys; the space's ``last_seq`` moved with them."""
    events = new_events(space, before)
    assert [event.type for event in events] == list(expected)
    assert [event.seq for event in events] == list(range(before + 1, before + 1 + len(expected)))
    for event in events:
        assert event.type in STORED_EVENTS
        keys = {
            "thread.created": THREAD_KEYS,
            "thread.updated": THREAD_KEYS,
            "post.created": POST_KEYS,
            "post.updated": POST_KEYS,
            "post.deleted": POST_KEYS,
            "reaction.changed": {"post", "reactions"},
        }[event.type]
        assert set(event.payload) == keys, event.payload
    space.refresh_from_db()
    assert space.last_seq == before + len(expected)
    return events


def reply(api, space, thread, body="Thanks!", client_id="c-1"):
    return api.post(
        f"{API}/spaces/{space.pk}/threads/{thread.pk}/posts/",
        {"body": body, "client_id": client_id},
        format="json",
    )


# --- spaces -----------------------------------------------------------------------------------


def test_space_list_shows_only_my_spaces(api, space, member, facilitator, make_cohort):
    other = services.space_for_cohort(cohort=make_cohort(title="Fall cohort"))
    response = as_user(api, member).get(f"{API}/spaces/")
    assert response.status_code == 200, response.content
    assert response.json() == [
        {
            "id": space.pk,
            "kind": "cohort",
            "title": "Spring cohort",
            "cohort": space.cohort_id,
            "team": None,
            "last_seq": 0,
        }
    ]
    ids = [row["id"] for row in as_user(api, facilitator).get(f"{API}/spaces/").json()]
    assert ids == [space.pk, other.pk]


def test_anonymous_is_refused(api, space):
    response = api.get(f"{API}/spaces/{space.pk}/threads/")
    assert response.status_code == 401
    assert "error" in response.json()


# --- threads ----------------------------------------------------------------------------------


def test_thread_create_returns_thread_and_first_post(api, space, member, cohort):
    lesson = LessonPage.objects.descendant_of(cohort.course).first()
    response = as_user(api, member).post(
        f"{API}/spaces/{space.pk}/threads/",
        {"title": "Trust", "body": "Who trusts *you*?", "client_id": "a1", "lesson": lesson.pk},
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    thread = Thread.objects.get()
    assert body["thread"] == events.thread_data(thread)
    assert body["thread"]["lesson"] == lesson.pk
    assert body["post"]["thread"] == thread.pk
    assert body["post"]["html"] == "<p>Who trusts <em>you</em>?</p>"
    assert body["post"]["author"] == {"id": member.pk, "name": "Maya"}
    created = assert_appended(space, 0, "thread.created", "post.created")
    assert created[0].payload == body["thread"]
    assert created[1].payload == body["post"]


def test_thread_create_is_idempotent_by_client_id(api, space, member):
    as_user(api, member)
    url = f"{API}/spaces/{space.pk}/threads/"
    first = api.post(url, {"title": "T", "body": "B", "client_id": "x"}, format="json")
    assert first.status_code == 201, first.content
    again = api.post(url, {"title": "T", "body": "B", "client_id": "x"}, format="json")
    assert again.status_code == 200, again.content
    assert again.json() == first.json()
    assert stored() == (1, 1, 2)


def test_a_retried_send_returns_what_was_stored_not_created(space, member, peer):
    thread, created = services.thread_create(
        space=space, author=member, title="T", body="B", client_id="same"
    )
    again, created_again = services.thread_create(
        space=space, author=member, title="T", body="B", client_id="same"
    )
    assert created and not created_again and again.pk == thread.pk
    post, created = services.post_create(
        space=space, thread=thread, author=peer, body="Hi", client_id="same"
    )
    again, created_again = services.post_create(
        space=space, thread=thread, author=peer, body="Hi", client_id="same"
    )
    assert created and not created_again and again.pk == post.pk
    assert stored() == (2, 1, 3)


@on_postgresql
def test_two_simultaneous_first_sends_answer_201_once(space, member, peer):
    thread_url = f"{API}/spaces/{space.pk}/threads/"
    payload = {"title": "T", "body": "B", "client_id": "race-thread"}
    assert post_at_once(member, thread_url, payload) == [200, 201]
    thread = Thread.objects.get(space=space)
    post_url = f"{API}/spaces/{space.pk}/threads/{thread.pk}/posts/"
    payload = {"body": "Hi", "client_id": "race-post"}
    assert post_at_once(peer, post_url, payload) == [200, 201]
    assert stored() == (2, 1, 3)


def test_thread_lesson_must_be_in_the_space_course(api, space, member, make_course):
    elsewhere = make_course(slug="other-course", title="Other course", modules=1, lessons=1)
    lesson = LessonPage.objects.descendant_of(elsewhere).first()
    response = as_user(api, member).post(
        f"{API}/spaces/{space.pk}/threads/",
        {"title": "T", "body": "B", "client_id": "x", "lesson": lesson.pk},
        format="json",
    )
    assert_error(response, 400, "unknown_lesson")
    assert stored() == (0, 0, 0)


def test_only_facilitators_post_announcements(api, space, member, peer, facilitator):
    url = f"{API}/spaces/{space.pk}/threads/"
    data = {"title": "News", "body": "Session moved.", "client_id": "n1", "announcement": True}
    assert_error(as_user(api, member).post(url, data, format="json"), 403, "permission_denied")
    assert stored() == (0, 0, 0)
    response = as_user(api, facilitator).post(url, data, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["thread"]["announcement"] is True
    assert response.json()["thread"]["pinned"] is True
    notified = set(Notification.objects.values_list("user_id", "kind"))
    assert notified == {(member.pk, "announcement"), (peer.pk, "announcement")}


def test_thread_list_pinned_first_with_reply_counts(api, space, member, peer, facilitator):
    quiet = services.thread_create(
        space=space, author=member, title="Quiet", body="…", client_id="q"
    ).thread
    busy = services.thread_create(
        space=space, author=peer, title="Busy", body="…", client_id="b"
    ).thread
    for n in range(2):
        services.post_create(
            space=space, thread=busy, author=member, body=f"Reply {n}", client_id=f"r{n}"
        )
    services.thread_update(thread=quiet, by=facilitator, pinned=True)
    response = as_user(api, member).get(f"{API}/spaces/{space.pk}/threads/")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["count"] == 2
    rows = body["results"]
    assert [row["id"] for row in rows] == [quiet.pk, busy.pk]
    assert [row["reply_count"] for row in rows] == [0, 2]
    assert rows[0]["pinned"] is True and rows[0]["locked"] is False
    assert rows[0]["lesson"] is None
    assert set(rows[0]) == THREAD_KEYS | {"reply_count", "last_activity_at"}


def test_facilitator_pins_locks_and_renames(api, space, thread, facilitator, member):
    before = 2  # the thread's thread.created and post.created
    response = as_user(api, facilitator).patch(
        f"{API}/threads/{thread.pk}/", {"pinned": True, "locked": True}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["pinned"] is True and response.json()["locked"] is True
    events = assert_appended(space, before, "thread.updated")
    assert events[0].payload == response.json()
    # A locked thread takes no more replies from learners.
    assert_error(reply(as_user(api, member), space, thread), 403, "thread_locked")
    # The author may rename their own thread.
    response = api.patch(f"{API}/threads/{thread.pk}/", {"title": "Week one"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Week one"
    assert_appended(space, before + 1, "thread.updated")


def test_thread_update_needs_a_field(api, space, thread, facilitator):
    response = as_user(api, facilitator).patch(f"{API}/threads/{thread.pk}/", {}, format="json")
    assert_error(response, 400, "validation_error")
    assert SpaceEvent.objects.count() == 2


# --- posts ------------------------------------------------------------------------------------


def test_reply_is_stored_with_one_event(api, space, thread, peer, member):
    before = Space.objects.get(pk=space.pk).last_seq
    response = reply(as_user(api, peer), space, thread, body="**Well**, @maya")
    assert response.status_code == 201, response.content
    body = response.json()
    post = Post.objects.get(pk=body["id"])
    assert body == events.post_data(post, {})
    assert body["html"] == (
        f'<p><strong>Well</strong>, <span class="mention" data-user="{member.pk}">@maya</span></p>'
    )
    appended = assert_appended(space, before, "post.created")
    assert appended[0].payload == body


def test_post_list_oldest_first_with_reactions(api, space, thread, first_post, peer, member):
    second = services.post_create(
        space=space, thread=thread, author=peer, body="Second", client_id="p2"
    ).post
    services.reaction_toggle(post=first_post, user=peer, emoji="👍")
    services.reaction_toggle(post=first_post, user=member, emoji="👍")
    services.reaction_toggle(post=first_post, user=member, emoji="🎉")
    response = as_user(api, member).get(f"{API}/spaces/{space.pk}/threads/{thread.pk}/posts/")
    assert response.status_code == 200, response.content
    rows = response.json()["results"]
    assert [row["id"] for row in rows] == [first_post.pk, second.pk]
    assert rows[0]["reactions"] == {"👍": 2, "🎉": 1}
    assert rows[1]["reactions"] == {}
    assert set(rows[0]) == POST_KEYS


def test_reply_is_idempotent_by_client_id(api, space, thread, peer):
    as_user(api, peer)
    before = stored()
    first = reply(api, space, thread, client_id="same")
    again = reply(api, space, thread, client_id="same")
    assert first.status_code == 201, first.content
    assert again.status_code == 200, again.content
    assert again.json()["id"] == first.json()["id"]
    assert stored() == (before[0] + 1, before[1], before[2] + 1)
    assert SpaceEvent.objects.filter(type="post.created").count() == 2  # thread's + this one


@pytest.mark.parametrize(
    ("body", "code"),
    [("", "empty"), ("   \n ", "empty"), ("x" * (markdown.MAX_BODY + 1), "validation_error")],
)
def test_bad_bodies_are_400_and_nothing_is_stored(api, space, thread, first_post, body, code):
    as_user(api, thread.author)
    before = stored()
    assert_error(reply(api, space, thread, body=body), 400, code)
    response = api.post(
        f"{API}/spaces/{space.pk}/threads/",
        {"title": "T", "body": body, "client_id": "new"},
        format="json",
    )
    assert_error(response, 400, code)
    response = api.patch(f"{API}/posts/{first_post.pk}/", {"body": body}, format="json")
    assert_error(response, 400, code)
    assert stored() == before
    first_post.refresh_from_db()
    assert first_post.body == "How did it go?" and first_post.edited_at is None


def test_missing_client_id_is_400(api, space, thread):
    response = as_user(api, thread.author).post(
        f"{API}/spaces/{space.pk}/threads/{thread.pk}/posts/", {"body": "Hi"}, format="json"
    )
    assert_error(response, 400, "validation_error")


def test_rate_limit_is_429_and_nothing_is_stored(api, space, thread, peer, monkeypatch):
    # One fixed minute, so the window cannot roll over in the middle of the test.
    monkeypatch.setattr(services, "time", SimpleNamespace(time=lambda: 60.0 * 1000))
    as_user(api, peer)
    for n in range(services.POSTS_PER_MINUTE):
        assert reply(api, space, thread, client_id=f"c{n}").status_code == 201
    before = stored()
    assert_error(reply(api, space, thread, client_id="one-too-many"), 429, "rate_limited")
    response = api.post(
        f"{API}/spaces/{space.pk}/threads/",
        {"title": "T", "body": "B", "client_id": "t-too-many"},
        format="json",
    )
    assert_error(response, 429, "rate_limited")
    assert stored() == before


def test_author_edits_and_deletes_own_post(api, space, thread, first_post, member):
    as_user(api, member)
    response = api.patch(f"{API}/posts/{first_post.pk}/", {"body": "It went _well_."})
    assert response.status_code == 200, response.content
    assert response.json()["edited"] is True
    assert response.json()["html"] == "<p>It went <em>well</em>.</p>"
    updated = assert_appended(space, 2, "post.updated")
    assert updated[0].payload["html"] == response.json()["html"]

    response = api.delete(f"{API}/posts/{first_post.pk}/")
    assert response.status_code == 200, response.content
    assert response.json()["deleted"] is True and response.json()["html"] == ""
    deleted = assert_appended(space, 3, "post.deleted")
    assert deleted[0].payload["deleted"] is True and deleted[0].payload["html"] == ""
    first_post.refresh_from_db()
    assert first_post.body == "" and first_post.body_html == ""
    assert first_post.deleted_at is not None
    assert Post.objects.filter(pk=first_post.pk).exists()  # soft


def test_coach_cannot_change_others_posts_or_moderate(api, space, thread, first_post, peer):
    as_user(api, peer)
    before = stored()
    url = f"{API}/posts/{first_post.pk}/"
    assert_error(api.patch(url, {"body": "mine now"}, format="json"), 403, "permission_denied")
    assert_error(api.delete(url), 403, "permission_denied")
    assert_error(api.post(f"{url}hide/", {"reason": "Off topic"}), 403, "permission_denied")
    for change in ({"pinned": True}, {"locked": True}, {"title": "Renamed"}):
        response = api.patch(f"{API}/threads/{thread.pk}/", change, format="json")
        assert_error(response, 403, "permission_denied")
    assert stored() == before
    first_post.refresh_from_db()
    thread.refresh_from_db()
    assert first_post.body == "How did it go?" and not first_post.hidden_reason
    assert (thread.title, thread.pinned, thread.locked) == ("First week", False, False)


def test_facilitator_hides_a_post(api, space, first_post, facilitator):
    response = as_user(api, facilitator).post(
        f"{API}/posts/{first_post.pk}/hide/", {"reason": "Names a student"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["hidden"] is True
    assert response.json()["hidden_reason"] == "Names a student"
    assert response.json()["html"] == ""
    assert_appended(space, 2, "post.updated")
    missing = api.post(f"{API}/posts/{first_post.pk}/hide/", {"reason": ""}, format="json")
    assert_error(missing, 400, "no_reason")


def test_reaction_toggles(api, space, first_post, peer):
    as_user(api, peer)
    url = f"{API}/posts/{first_post.pk}/reactions/"
    response = api.post(url, {"emoji": "👍"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json() == {"post": first_post.pk, "reactions": {"👍": 1}}
    events = assert_appended(space, 2, "reaction.changed")
    assert events[0].payload == {"post": first_post.pk, "reactions": {"👍": 1}}
    assert api.post(url, {"emoji": "👍"}, format="json").json()["reactions"] == {}
    assert_appended(space, 3, "reaction.changed")
    assert Reaction.objects.count() == 0
    assert_error(api.post(url, {"emoji": "🐍"}, format="json"), 400, "validation_error")
    assert SpaceEvent.objects.count() == 4


# --- membership -------------------------------------------------------------------------------


def _every_space_request(api, space, thread, post):
    s, t, p = space.pk, thread.pk, post.pk
    return [
        api.get(f"{API}/spaces/{s}/threads/"),
        api.post(f"{API}/spaces/{s}/threads/", {"title": "T", "body": "B", "client_id": "z"}),
        api.get(f"{API}/spaces/{s}/threads/{t}/posts/"),
        api.post(f"{API}/spaces/{s}/threads/{t}/posts/", {"body": "B", "client_id": "z"}),
        api.get(f"{API}/spaces/{s}/events/?after_seq=0"),
        api.patch(f"{API}/posts/{p}/", {"body": "B"}),
        api.delete(f"{API}/posts/{p}/"),
        api.post(f"{API}/posts/{p}/reactions/", {"emoji": "👍"}),
        api.post(f"{API}/posts/{p}/hide/", {"reason": "R"}),
        api.patch(f"{API}/threads/{t}/", {"pinned": True}),
    ]


def test_non_members_get_404_on_everything_in_a_space(api, space, thread, first_post, outsider):
    as_user(api, outsider)
    before = stored()
    for response in _every_space_request(api, space, thread, first_post):
        assert_error(response, 404, "not_found")
    assert api.get(f"{API}/spaces/").json() == []
    assert stored() == before


def test_a_dropped_learner_loses_access_at_once(api, space, cohort, thread, first_post, member):
    as_user(api, member)
    assert api.get(f"{API}/spaces/{space.pk}/threads/").status_code == 200
    enrollment = cohort.enrollments.get(user=member)
    cohort_services.enrollment_drop(enrollment=enrollment, by=member)
    before = stored()
    for response in _every_space_request(api, space, thread, first_post):
        assert_error(response, 404, "not_found")
    assert api.get(f"{API}/spaces/").json() == []
    assert stored() == before


def test_a_thread_of_another_space_is_404(api, space, member, make_cohort, facilitator):
    other = services.space_for_cohort(cohort=make_cohort(title="Fall cohort"))
    elsewhere = services.thread_create(
        space=other, author=facilitator, title="Elsewhere", body="…", client_id="e"
    ).thread
    response = as_user(api, member).get(f"{API}/spaces/{space.pk}/threads/{elsewhere.pk}/posts/")
    assert_error(response, 404, "not_found")


# --- the event log ----------------------------------------------------------------------------


def test_events_after_a_seq_in_order(api, space, thread, first_post, peer):
    services.post_create(space=space, thread=thread, author=peer, body="Hi", client_id="h")
    services.reaction_toggle(post=first_post, user=peer, emoji="💡")
    as_user(api, peer)
    response = api.get(f"{API}/spaces/{space.pk}/events/", {"after_seq": 1})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["last_seq"] == 4
    assert [(e["type"], e["seq"], e["space"]) for e in body["events"]] == [
        ("post.created", 2, space.pk),
        ("post.created", 3, space.pk),
        ("reaction.changed", 4, space.pk),
    ]
    assert body["events"][2]["data"] == {"post": first_post.pk, "reactions": {"💡": 1}}
    limited = api.get(f"{API}/spaces/{space.pk}/events/", {"after_seq": 0, "limit": 2}).json()
    assert [e["seq"] for e in limited["events"]] == [1, 2]
    caught_up = api.get(f"{API}/spaces/{space.pk}/events/", {"after_seq": 4}).json()
    assert caught_up == {"events": [], "last_seq": 4}


def test_events_refuse_a_seq_from_the_future_or_not_a_number(api, space, thread, member):
    as_user(api, member)
    url = f"{API}/spaces/{space.pk}/events/"
    assert_error(api.get(url, {"after_seq": 3}), 400, "bad_seq")
    assert_error(api.get(url, {"after_seq": "abc"}), 400, "validation_error")
    assert_error(api.get(url, {"after_seq": -1}), 400, "validation_error")


def test_a_reply_is_broadcast_after_commit(
    api, space, thread, peer, django_capture_on_commit_callbacks
):
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(space.group_name, channel)
    with django_capture_on_commit_callbacks(execute=True):
        response = reply(as_user(api, peer), space, thread)
    assert response.status_code == 201
    message = async_to_sync(asyncio.wait_for)(layer.receive(channel), 10)  # never hangs
    assert message["type"] == "space.event"
    event = json.loads(message["text"])  # the frame as every socket sends it
    assert event["type"] == "post.created"
    assert event["seq"] == 3
    assert event["data"]["id"] == response.json()["id"]
    async_to_sync(layer.group_discard)(space.group_name, channel)


# --- what a post may contain ------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)" onclick="alert(1)">y</a>',
        "![pic](javascript:alert(1))",
    ],
)
def test_xss_is_stored_inert(api, space, thread, peer, body):
    response = reply(as_user(api, peer), space, thread, body=body)
    assert response.status_code == 201, response.content
    for html in (response.json()["html"], Post.objects.get(pk=response.json()["id"]).body_html):
        assert "<script" not in html.lower()
        tags = _tags(html)
        assert {tag for tag, _ in tags} <= markdown.ALLOWED_TAGS
        for _tag, attrs in tags:
            assert not any(name.startswith("on") for name in attrs), html
            assert not (attrs.get("href") or "").lower().startswith("javascript:"), html
    if body.startswith("[x]"):
        assert "javascript:" not in response.json()["html"]


def test_links_carry_nofollow_noopener(api, space, thread, peer):
    body = "See [the guide](https://example.org/guide) or <https://example.org>."
    response = reply(as_user(api, peer), space, thread, body=body)
    links = [attrs for tag, attrs in _tags(response.json()["html"]) if tag == "a"]
    assert [link["href"] for link in links] == [
        "https://example.org/guide",
        "https://example.org",
    ]
    assert all(link["rel"] == "nofollow noopener" for link in links)


# --- mentions and notifications ---------------------------------------------------------------


def test_mentions_of_members_notify_them(api, space, thread, peer, member, outsider):
    response = reply(as_user(api, peer), space, thread, body="@maya and @olga, see this")
    assert response.status_code == 201, response.content
    assert f'data-user="{member.pk}"' in response.json()["html"]
    assert f'data-user="{outsider.pk}"' not in response.json()["html"]
    notes = Notification.objects.filter(post_id=response.json()["id"])
    assert {(n.user_id, n.kind, n.actor_id) for n in notes} == {(member.pk, "mention", peer.pk)}


def test_notifications_list_and_read(api, space, thread, peer, member):
    for n in range(3):
        services.post_create(
            space=space, thread=thread, author=peer, body=f"Reply {n}", client_id=f"n{n}"
        )
    as_user(api, member)
    body = api.get(f"{API}/notifications/").json()
    assert body["count"] == 3 and body["unread"] == 3
    first = body["results"][0]
    assert first["kind"] == "reply" and first["actor"] == "Pat" and first["read"] is False
    assert first["thread"] == thread.pk and first["space"] == space.pk
    assert first["thread_title"] == "First week"

    response = api.post(f"{API}/notifications/read/", {"ids": [first["id"]]}, format="json")
    assert response.status_code == 200, response.content
    assert response.json() == {"marked": 1, "unread": 2}
    response = api.post(f"{API}/notifications/read/", {}, format="json")
    assert response.json() == {"marked": 2, "unread": 0}
    assert api.get(f"{API}/notifications/").json()["unread"] == 0
    # Someone else's notifications are not yours to mark.
    as_user(api, peer)
    assert api.post(f"{API}/notifications/read/", {"ids": [first["id"]]}).json()["marked"] == 0


def test_notifications_of_a_left_space_are_not_listed(api, space, thread, peer, member, cohort):
    services.post_create(space=space, thread=thread, author=peer, body="Hi", client_id="n")
    cohort_services.enrollment_drop(enrollment=cohort.enrollments.get(user=member), by=member)
    body = as_user(api, member).get(f"{API}/notifications/").json()
    assert body["count"] == 0 and body["unread"] == 0 and body["results"] == []


def test_email_settings(api, member):
    as_user(api, member)
    url = f"{API}/notifications/settings/"
    assert api.get(url).json() == {"email": "immediate"}
    response = api.put(url, {"email": "digest"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json() == {"email": "digest"}
    assert api.get(url).json() == {"email": "digest"}
    assert CommunitySettings.objects.get(user=member).email == "digest"
    assert_error(api.put(url, {"email": "hourly"}, format="json"), 400, "validation_error")


# --- query counts -----------------------------------------------------------------------------


def _grow_threads(space, author, count):
    for n in range(count):
        services.thread_create(
            space=space, author=author, title=f"T{n}", body="…", client_id=f"g{n}-{count}"
        )


@pytest.mark.parametrize("size", [2, 9])
def test_thread_list_query_count_is_flat(
    api, space, member, cohort, size, django_assert_num_queries
):
    lesson = LessonPage.objects.descendant_of(cohort.course).first()
    cache.clear()
    _grow_threads(space, member, size)
    Thread.objects.filter(pk=Thread.objects.order_by("pk").first().pk).update(lesson=lesson)
    as_user(api, member)
    # space (membership), count, page of threads
    with django_assert_num_queries(3):
        response = api.get(f"{API}/spaces/{space.pk}/threads/")
    assert len(response.json()["results"]) == size


@pytest.mark.parametrize("size", [2, 9])
def test_post_list_query_count_is_flat(
    api, space, thread, member, peer, size, django_assert_num_queries
):
    for n in range(size - 1):
        post = services.post_create(
            space=space, thread=thread, author=peer, body=f"P{n}", client_id=f"p{n}"
        ).post
        services.reaction_toggle(post=post, user=member, emoji="🙏")
    as_user(api, member)
    # space (membership), thread, count, page of posts, their reactions
    with django_assert_num_queries(5):
        response = api.get(f"{API}/spaces/{space.pk}/threads/{thread.pk}/posts/")
    assert len(response.json()["results"]) == size


@pytest.mark.parametrize("size", [2, 9])
def test_notification_list_query_count_is_flat(
    api, space, thread, member, peer, size, django_assert_num_queries
):
    for n in range(size):
        services.post_create(
            space=space, thread=thread, author=peer, body=f"@maya {n}", client_id=f"m{n}"
        )
    as_user(api, member)
    # count, page (with actor, post and thread), unread count
    with django_assert_num_queries(3):
        response = api.get(f"{API}/notifications/")
    assert len(response.json()["results"]) == size


@pytest.mark.parametrize("size", [1, 4])
def test_space_list_query_count_is_flat(
    api, facilitator, make_cohort, size, django_assert_num_queries
):
    for n in range(size):
        make_cohort(title=f"Cohort {n}")
    as_user(api, facilitator)
    with django_assert_num_queries(1):
        response = api.get(f"{API}/spaces/")
    assert len(response.json()) == size


# --- the schema -------------------------------------------------------------------------------


def test_schema_documents_the_community_api(api):
    response = api.get("/api/v1/schema/")
    assert response.status_code == 200
    spec = yaml.safe_load(response.content)
    validate(spec)
    for path in (
        "/api/v1/community/spaces/",
        "/api/v1/community/spaces/{space_id}/threads/",
        "/api/v1/community/spaces/{space_id}/threads/{thread_id}/posts/",
        "/api/v1/community/spaces/{space_id}/events/",
        "/api/v1/community/posts/{post_id}/",
        "/api/v1/community/notifications/settings/",
    ):
        assert path in spec["paths"], path
