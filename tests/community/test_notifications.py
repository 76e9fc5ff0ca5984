from __future__ import annotations

import pytest
from django.core.management import call_command

from cohorts import services as cohort_services
from community import notifications, services
from community.models import Notification, Thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(cohort, make_user):
    ana, bo, cy = make_user("ana"), make_user("bo"), make_user("cy")
    for person in (ana, bo, cy):
        cohort_services.cohort_enroll(cohort=cohort, user=person)
    return ana, bo, cy


@pytest.fixture
def space(cohort):
    return services.space_for_cohort(cohort=cohort)


def test_mentions_and_replies_notify_and_email_right_away(
    space, people, mailoutbox, django_capture_on_commit_callbacks
):
    ana, bo, cy = people
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.thread_create(
            space=space, author=ana, title="Hi", body="Hello", client_id="t"
        ).thread
        services.post_create(
            space=space,
            thread=thread,
            author=bo,
            client_id="p",
            body="Welcome! @cy you should see this. @nobody is not here.",
        )
    kinds = dict(Notification.objects.values_list("user__username", "kind"))
    assert kinds == {"ana": "reply", "cy": "mention"}
    assert notifications.unread_count(user=cy) == 1
    assert sorted(m.to[0] for m in mailoutbox) == ["ana@example.org", "cy@example.org"]
    assert "/community/spaces/" in mailoutbox[0].body


def test_digest_sends_each_item_once_and_off_sends_nothing(
    space, people, mailoutbox, django_capture_on_commit_callbacks
):
    ana, bo, cy = people
    notifications.email_preference_set(user=ana, email="digest")
    notifications.email_preference_set(user=cy, email="off")
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.thread_create(
            space=space, author=ana, title="Hi", body="Hello", client_id="t"
        ).thread
        services.post_create(
            space=space, thread=thread, author=bo, body="Reply one", client_id="p1"
        )
        services.post_create(
            space=space, thread=thread, author=bo, body="@cy reply two", client_id="p2"
        )
    assert mailoutbox == []  # ana reads a digest, cy asked for no email
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.to for m in mailoutbox] == [["ana@example.org"]]
    assert "2 new" in mailoutbox[0].subject
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mailoutbox) == 1  # never the same item twice


def test_mark_read_and_bad_preference(space, people):
    ana, bo, _cy = people
    thread = services.thread_create(
        space=space, author=ana, title="Hi", body="x", client_id="t"
    ).thread
    services.post_create(space=space, thread=thread, author=bo, body="y", client_id="p")
    assert notifications.unread_count(user=ana) == 1
    notifications.notifications_mark_read(user=ana)
    assert notifications.unread_count(user=ana) == 0
    from core.errors import ApplicationError

    with pytest.raises(ApplicationError):
        notifications.email_preference_set(user=ana, email="hourly")


def test_cohort_announcement_is_pinned_in_the_space(
    cohort, facilitator, people, space, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # pinned once it is committed
        cohort_services.announcement_post(
            cohort=cohort, author=facilitator, title="Welcome", body="Office hours on Tuesday."
        )
    thread = Thread.objects.get(space=space, is_announcement=True)
    assert thread.pinned and thread.title == "Welcome"
    assert Notification.objects.filter(kind="announcement").count() == 3


def test_notifications_page_saves_the_preference(client, people, space):
    ana = people[0]
    client.force_login(ana)
    response = client.post("/community/notifications/", {"email": "digest"}, follow=True)
    assert "Your email preference is saved." in response.content.decode()
    assert ana.community_settings.email == "digest"


def test_who_left_a_cohort_sees_none_of_its_notifications_anywhere(
    client, space, people, django_capture_on_commit_callbacks
):
    """The page, the API and the header's unread count read notifications through one
    selector: after leaving, the thread's title shows nowhere and the count is zero."""
    ana, bo, _ = people
    thread = services.thread_create(
        space=space, author=ana, title="Secret plans of cohort A", body="Hi", client_id="t"
    ).thread
    services.post_create(space=space, thread=thread, author=bo, body="Reply", client_id="r")
    client.force_login(ana)
    page = client.get("/community/notifications/").content.decode()
    assert "Secret plans of cohort A" in page and "<span data-unread>1</span>" in page
    assert client.get("/api/v1/community/notifications/").json()["unread"] == 1

    enrollment = ana.enrollments.get()
    cohort_services.enrollment_drop(enrollment=enrollment, by=ana)

    page = client.get("/community/notifications/").content.decode()
    assert "Secret plans of cohort A" not in page
    assert "<span data-unread hidden>0</span>" in page  # the header bell (context processor)
    body = client.get("/api/v1/community/notifications/").json()
    assert body["count"] == 0 and body["unread"] == 0 and body["results"] == []
    assert notifications.unread_count(user=ana) == 0
    # The rows are kept (they come back if she rejoins); only what she sees changes.
    assert Notification.objects.filter(user=ana).count() == 1


def test_who_left_a_cohort_is_neither_sent_a_digest_of_it_nor_counted_when_marking_read(
    space, people, mailoutbox, django_capture_on_commit_callbacks
):
    """The digest and "mark all read" had their own query and missed the visibility rule:
    a learner who had left still got the cohort's thread titles by email, and the API's
    ``marked`` counted notifications the list no longer showed."""
    ana, bo, cy = people
    for person in (ana, cy):
        notifications.email_preference_set(user=person, email="digest")
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.thread_create(
            space=space, author=bo, title="Secret plans of cohort A", body="Hi", client_id="t"
        ).thread
        services.post_create(
            space=space, thread=thread, author=bo, body="@ana @cy look", client_id="p"
        )
    cohort_services.enrollment_drop(enrollment=ana.enrollments.get(), by=ana)

    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.to for m in mailoutbox] == [["cy@example.org"]]
    assert "Secret plans of cohort A" in mailoutbox[0].body
    assert notifications.notifications_mark_read(user=ana) == 0
    assert notifications.notifications_mark_read(user=cy) == 1
    # Her row is kept, unread and not emailed: it is hers again if she rejoins.
    assert Notification.objects.filter(user=ana, read_at=None, emailed_at=None).count() == 1


def test_the_page_and_both_emails_say_what_each_kind_of_notification_is(
    client, space, people, mailoutbox, django_capture_on_commit_callbacks
):
    ana, bo, cy = people
    notifications.email_preference_set(user=cy, email="digest")
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.thread_create(
            space=space, author=ana, title="Hi", body="Hello", client_id="t"
        ).thread
        services.post_create(space=space, thread=thread, author=bo, body="@cy yes", client_id="p")
    (right_away,) = mailoutbox  # ana's reply; cy reads a digest
    assert "Bo replied in “Hi”" in right_away.body
    call_command("send_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert "Bo mentioned you in “Hi”" in mailoutbox[1].body
    client.force_login(ana)
    assert "Bo replied in “Hi”" in client.get("/community/notifications/").content.decode()
    client.force_login(cy)
    page = client.get("/community/notifications/").content.decode()
    assert "Bo mentioned you in “Hi”" in page
