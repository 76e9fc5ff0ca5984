"""Discussion times in the reader's own zone, labelled (issue 11, point 2): the thread page,
the notifications page and the notification email agree with the cohort page."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from accounts.services import profile_update
from cohorts import services as cohort_services
from community import services
from community.models import Post

pytestmark = pytest.mark.django_db

# 21:23 UTC on 5 January: 3:23 PM in Chicago (CST), 1:23 PM in Los Angeles (PST).
AT = datetime(2027, 1, 5, 21, 23, tzinfo=UTC)


@pytest.fixture
def chicago(coach_a):
    return profile_update(user=coach_a, time_zone="America/Chicago")


def _reply(space, thread, author, body="Hello", client_id="r1"):
    post = services.post_create(
        space=space, thread=thread, author=author, body=body, client_id=client_id
    ).post
    Post.objects.filter(pk=post.pk).update(created_at=AT)
    return post


def _thread_url(space, thread) -> str:
    return f"/community/spaces/{space.pk}/threads/{thread.pk}/"


def test_a_thread_shows_post_times_in_the_readers_zone_with_its_name(
    client, space, thread, chicago, coach_b
):
    _reply(space, thread, coach_b)
    client.force_login(chicago)
    html = client.get(_thread_url(space, thread)).content.decode()
    assert "Jan 5, 3:23 PM CST" in html
    assert "9:23 PM" not in html
    assert 'data-time-zone="America/Chicago"' in html  # live posts use the same zone


def test_the_same_post_reads_in_each_persons_own_zone(client, space, thread, chicago, coach_b):
    _reply(space, thread, chicago)
    profile_update(user=coach_b, time_zone="America/Los_Angeles")
    client.force_login(coach_b)
    assert "Jan 5, 1:23 PM PST" in client.get(_thread_url(space, thread)).content.decode()


def test_without_a_zone_of_their_own_a_reader_gets_the_cohorts_not_utc(
    client, make_user, make_cohort, coach_b
):
    cohort = make_cohort(title="Denver cohort", time_zone="America/Denver")
    reader = make_user("rae")
    cohort_services.cohort_enroll(cohort=cohort, user=reader)
    cohort_services.cohort_enroll(cohort=cohort, user=coach_b)
    space = services.space_for_cohort(cohort=cohort)
    thread = services.thread_create(
        space=space, author=coach_b, title="Hi", body="Hi", client_id="t", check_rate=False
    ).thread
    _reply(space, thread, coach_b)
    client.force_login(reader)
    assert "Jan 5, 2:23 PM MST" in client.get(_thread_url(space, thread)).content.decode()


def test_notifications_page_and_email_say_when_in_the_readers_zone(
    client, space, thread, chicago, coach_b, mailoutbox, django_capture_on_commit_callbacks
):
    from community.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        services.post_create(
            space=space, thread=thread, author=coach_b, body="Hi @maya", client_id="m"
        )
    Notification.objects.filter(user=chicago).update(created_at=AT)
    client.force_login(chicago)
    assert "Jan 5, 3:23 PM CST" in client.get("/community/notifications/").content.decode()
    [message] = [m for m in mailoutbox if m.to == [chicago.email]]
    assert "CST" in message.body or "CDT" in message.body  # the reader's zone, named


def test_the_cohort_page_agrees_with_the_thread(client, cohort, chicago):
    from cohorts.models import LiveSession

    LiveSession.objects.create(cohort=cohort, title="Office hours", starts_at=AT)
    client.force_login(chicago)
    html = client.get(f"/cohorts/{cohort.pk}/").content.decode()
    assert "3:23 PM CST" in html
