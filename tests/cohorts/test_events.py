"""Every cross-app signal of cohorts/events.py is sent after commit: once for a committed
write, never for one that rolled back, and not before the commit either."""

from __future__ import annotations

import pytest
from django.db import transaction

from cohorts import events, services
from cohorts.models import Enrollment
from courses.models import LessonPage

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


@pytest.fixture
def heard():
    """``heard(signal)`` starts listening; the list fills with each send's keyword arguments."""
    connected = []

    def listen(signal):
        received = []

        def receiver(sender, **kwargs):
            kwargs.pop("signal", None)
            received.append(kwargs)

        signal.connect(receiver, weak=False)
        connected.append((signal, receiver))
        return received

    yield listen
    for signal, receiver in connected:
        signal.disconnect(receiver)


def check_after_commit_only(write, received, capture) -> None:
    """``write`` rolled back sends nothing; committed, it sends once, after the commit."""
    with capture(execute=True), pytest.raises(Rollback), transaction.atomic():
        write()
        raise Rollback
    assert received == []
    with capture(execute=True):
        write()
        assert received == []  # the transaction is still open
    assert len(received) == 1


def _lessons(course) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


def test_membership_changed_on_enroll_and_drop(
    cohort, coach, heard, django_capture_on_commit_callbacks
):
    received = heard(events.membership_changed)
    check_after_commit_only(
        lambda: services.cohort_enroll(cohort=cohort, user=coach),
        received,
        django_capture_on_commit_callbacks,
    )
    assert received == [{"user_id": coach.pk}]
    received.clear()
    enrollment = Enrollment.objects.get(cohort=cohort, user=coach)
    check_after_commit_only(
        lambda: services.enrollment_drop(enrollment=enrollment, by=coach),
        received,
        django_capture_on_commit_callbacks,
    )
    assert received == [{"user_id": coach.pk}]


def test_announcement_posted(cohort, facilitator, heard, django_capture_on_commit_callbacks):
    received = heard(events.announcement_posted)
    check_after_commit_only(
        lambda: services.announcement_post(
            cohort=cohort, author=facilitator, title="Welcome", body="Office hours on Tuesday."
        ),
        received,
        django_capture_on_commit_callbacks,
    )
    assert received[0]["announcement"].title == "Welcome"


def test_course_completed(self_paced, coach, course, heard, django_capture_on_commit_callbacks):
    services.cohort_enroll(cohort=self_paced, user=coach)
    *first, last = _lessons(course)
    for lesson in first:
        services.lesson_complete(user=coach, lesson=lesson)
    received = heard(events.course_completed)
    check_after_commit_only(
        lambda: services.lesson_complete(user=coach, lesson=last),
        received,
        django_capture_on_commit_callbacks,
    )
    assert received[0]["user"] == coach and received[0]["course"] == course


def test_reflection_written(self_paced, coach, course, heard, django_capture_on_commit_callbacks):
    services.cohort_enroll(cohort=self_paced, user=coach)
    lesson = _lessons(course)[0]
    block_id = next(b.id for b in lesson.body if b.block_type == "reflection_prompt")
    received = heard(events.reflection_written)
    check_after_commit_only(
        lambda: services.reflection_save(
            user=coach, lesson=lesson, block_id=block_id, text="I listened first."
        ),
        received,
        django_capture_on_commit_callbacks,
    )
    assert received[0]["user"] == coach and received[0]["reflection"].text == "I listened first."


def test_a_failing_receiver_is_logged_and_the_others_still_hear(
    cohort, coach, heard, django_capture_on_commit_callbacks, caplog
):
    def broken(sender, **kwargs):
        raise RuntimeError("receiver down")

    events.membership_changed.connect(broken, weak=False)
    try:
        received = heard(events.membership_changed)
        with django_capture_on_commit_callbacks(execute=True):
            services.cohort_enroll(cohort=cohort, user=coach)
    finally:
        events.membership_changed.disconnect(broken)
    assert received == [{"user_id": coach.pk}]
    assert Enrollment.objects.filter(cohort=cohort, user=coach).exists()
    assert "receiver down" in caplog.text
