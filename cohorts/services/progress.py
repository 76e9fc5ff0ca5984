"""Lesson completion, reflections and facilitator feedback."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.errors import ApplicationError, PermissionDenied
from courses.models import LessonPage

from .. import emails
from ..events import course_completed, reflection_written, send_on_commit
from ..models import CourseCompletion, Enrollment, LessonCompletion, Reflection, ReflectionFeedback
from ..selectors import _course_of, lesson_access, reflections_visible_to

REFLECTION_MAX = 10_000
FEEDBACK_MAX = 5_000


def _require_tracking(user, lesson: LessonPage):
    course = _course_of(lesson)
    access = lesson_access(user=user, lesson=lesson, course=course)
    if access.locked:
        raise PermissionDenied(access.reason, code="lesson_locked")
    if not access.can_track:
        raise PermissionDenied(
            "Enroll in a cohort of this course to record progress.", code="not_enrolled"
        )
    return course, access


def _touch(enrollment: Enrollment | None) -> None:
    if enrollment is not None:
        enrollment.last_activity_at = timezone.now()
        enrollment.save(update_fields=["last_activity_at"])


@transaction.atomic
def lesson_complete(
    *, user, lesson: LessonPage, done: bool = True, at: datetime | None = None
) -> bool:
    """Mark a lesson complete (or not). Returns whether the course is now complete. The
    first time every lesson of the course is complete, ``course_completed`` is sent once,
    after commit. ``at`` backdates the completion (imports of earlier progress, the demo)."""
    course, access = _require_tracking(user, lesson)
    if done:
        LessonCompletion.objects.get_or_create(
            user=user,
            lesson=lesson,
            defaults={"course": course, "completed_at": at or timezone.now()},
        )
    else:
        LessonCompletion.objects.filter(user=user, lesson=lesson).delete()
    _touch(access.enrollment)
    lesson_ids = set(LessonPage.objects.live().descendant_of(course).values_list("pk", flat=True))
    completed = set(
        LessonCompletion.objects.filter(user=user, course=course).values_list(
            "lesson_id", flat=True
        )
    )
    course_done = bool(lesson_ids) and lesson_ids <= completed
    if course_done and not CourseCompletion.objects.filter(user=user, course=course).exists():
        try:
            with transaction.atomic():
                record = CourseCompletion.objects.create(
                    user=user, course=course, completed_at=at or timezone.now()
                )
        except IntegrityError:  # a concurrent request recorded it first
            return course_done
        send_on_commit(
            course_completed,
            sender=CourseCompletion,
            user=user,
            course=course,
            completed_at=record.completed_at,
        )
    return course_done


def _reflection_prompt(lesson: LessonPage, block_id: str) -> str:
    for block in lesson.body:
        if block.id == block_id and block.block_type == "reflection_prompt":
            return block.value["prompt"]
    raise ApplicationError("That reflection prompt is not in this lesson.", field="block_id")


@transaction.atomic
def reflection_save(*, user, lesson: LessonPage, block_id: str, text: str) -> Reflection:
    course, access = _require_tracking(user, lesson)
    prompt = _reflection_prompt(lesson, block_id)
    text = text.strip()
    if not text:
        raise ApplicationError("Write something before saving your reflection.", field="text")
    if len(text) > REFLECTION_MAX:
        raise ApplicationError(
            f"A reflection can be at most {REFLECTION_MAX:,} characters.", field="text"
        )
    reflection, _created = Reflection.objects.update_or_create(
        user=user,
        lesson=lesson,
        block_id=block_id,
        defaults={"course": course, "prompt": prompt, "text": text},
    )
    _touch(access.enrollment)
    send_on_commit(reflection_written, sender=Reflection, user=user, reflection=reflection)
    return reflection


@transaction.atomic
def reflection_feedback_add(*, reflection: Reflection, author, text: str) -> ReflectionFeedback:
    """A facilitator of one of the learner's cohorts answers a reflection; the learner is
    emailed."""
    if (
        reflection.user_id == author.pk
        or not reflections_visible_to(user=author).filter(pk=reflection.pk).exists()
    ):
        raise PermissionDenied("Only the learner's facilitators can give feedback on this.")
    text = text.strip()
    if not text:
        raise ApplicationError("Write your feedback before sending it.", field="text")
    if len(text) > FEEDBACK_MAX:
        raise ApplicationError(
            f"Feedback can be at most {FEEDBACK_MAX:,} characters.", field="text"
        )
    feedback = ReflectionFeedback.objects.create(reflection=reflection, author=author, text=text)
    emails.send_on_commit(
        "reflection_feedback",
        [reflection.user],
        {"reflection": reflection, "feedback": feedback, "lesson": reflection.lesson},
    )
    return feedback
