from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from cohorts import services
from cohorts.events import course_completed
from cohorts.models import CourseCompletion, LessonCompletion, SentNotice
from core.errors import ApplicationError, PermissionDenied
from courses.models import LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    received = []

    def listener(sender, **kwargs):
        received.append(kwargs)

    course_completed.connect(listener)
    yield received
    course_completed.disconnect(listener)


def test_course_completion_is_recorded_and_announced_once(
    self_paced, coach, course, events, django_capture_on_commit_callbacks
):
    services.cohort_enroll(cohort=self_paced, user=coach)
    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    with django_capture_on_commit_callbacks(execute=True):
        results = [services.lesson_complete(user=coach, lesson=lesson) for lesson in lessons]
    assert results == [False] * (len(lessons) - 1) + [True]
    assert CourseCompletion.objects.filter(user=coach, course=course).count() == 1
    assert len(events) == 1 and events[0]["user"] == coach and events[0]["course"] == course
    # Undo and redo the last lesson: still one completion, no second event.
    with django_capture_on_commit_callbacks(execute=True):
        services.lesson_complete(user=coach, lesson=lessons[-1], done=False)
        services.lesson_complete(user=coach, lesson=lessons[-1])
    assert CourseCompletion.objects.count() == 1 and len(events) == 1


def test_not_enrolled_cannot_record_progress(coach, course):
    lesson = LessonPage.objects.descendant_of(course).first()
    with pytest.raises(PermissionDenied, match="Enroll"):
        services.lesson_complete(user=coach, lesson=lesson)
    assert not LessonCompletion.objects.exists()


def test_reflection_on_a_block_that_is_not_a_prompt_is_refused(self_paced, coach, course):
    services.cohort_enroll(cohort=self_paced, user=coach)
    lesson = LessonPage.objects.descendant_of(course).first()
    heading_id = next(b.id for b in lesson.body if b.block_type == "heading")
    with pytest.raises(ApplicationError, match="not in this lesson"):
        services.reflection_save(user=coach, lesson=lesson, block_id=heading_id, text="Hi")


def test_feedback_only_from_the_learners_facilitators(cohort, coach, make_user, course):
    services.cohort_enroll(cohort=cohort, user=coach)
    lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
    block_id = next(b.id for b in lesson.body if b.block_type == "reflection_prompt")
    reflection = services.reflection_save(
        user=coach, lesson=lesson, block_id=block_id, text="I listened more."
    )
    for outsider in (make_user("peer"), coach):
        with pytest.raises(PermissionDenied):
            services.reflection_feedback_add(reflection=reflection, author=outsider, text="Hm")
    assert not reflection.feedback.exists()


def _run(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.send_reminders()


def test_send_reminders_sends_a_fresh_release_notice_once(
    make_cohort, coach, mailoutbox, django_capture_on_commit_callbacks
):
    cohort = make_cohort(starts_on=timezone.localdate())
    enrollment = services.cohort_enroll(cohort=cohort, user=coach).enrollment
    enrollment.enrolled_at = timezone.now() - timedelta(days=3)
    enrollment.save(update_fields=["enrolled_at"])
    assert _run(django_capture_on_commit_callbacks).released == 1
    assert [m.subject for m in mailoutbox] == ["Module 1 is open: Module 1"]
    assert "1.1 Lesson 1.1" in mailoutbox[0].body
    assert _run(django_capture_on_commit_callbacks).released == 0
    assert len(mailoutbox) == 1  # never the same notice twice


def test_send_reminders_sends_due_soon_once_and_skips_old_releases(
    make_cohort, coach, mailoutbox, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    # Module 1 opened 5 days ago (too old to announce) and is due tomorrow (offset 6).
    cohort = make_cohort(starts_on=today - timedelta(days=5))
    enrollment = services.cohort_enroll(cohort=cohort, user=coach).enrollment
    enrollment.enrolled_at = timezone.now() - timedelta(days=10)
    enrollment.save(update_fields=["enrolled_at"])
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=out)
    assert "Sent 0 module-released and 1 due-soon emails." in out.getvalue()
    tomorrow = (today + timedelta(days=1)).strftime("%A")
    assert [m.subject for m in mailoutbox] == [f"Due {tomorrow}: Module 1"]
    assert _run(django_capture_on_commit_callbacks).due_soon == 0
    assert SentNotice.objects.count() == 1


def test_no_due_reminder_when_the_module_is_done(
    make_cohort, coach, course, mailoutbox, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    cohort = make_cohort(starts_on=today - timedelta(days=5))
    services.cohort_enroll(cohort=cohort, user=coach)
    for lesson in LessonPage.objects.descendant_of(course).order_by("path")[:2]:
        services.lesson_complete(user=coach, lesson=lesson)
    with django_capture_on_commit_callbacks(execute=True):
        report = services.send_reminders()
    assert report.due_soon == 0
    assert not any(m.subject.startswith("Due") for m in mailoutbox)
