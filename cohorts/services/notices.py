"""Scheduled emails: module released, due soon. Safe to run from cron as often as you like:
each notice is recorded in ``SentNotice`` and never sent twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction

from courses.selectors import course_outlines

from .. import emails
from ..models import (
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    LessonCompletion,
    ModuleSchedule,
    Pace,
    SentNotice,
)
from ..selectors import cohort_today, module_dates

DUE_SOON_DAYS = 2
# A release notice is news only for a few days; later runs (or a first run after an outage)
# do not announce modules that opened long ago.
RELEASE_FRESH_DAYS = 2


@dataclass
class ReminderReport:
    released: int = 0
    due_soon: int = 0


def _claim(user, key: str) -> bool:
    """Record that this notice goes out; False if it already went."""
    try:
        with transaction.atomic():
            SentNotice.objects.create(user=user, key=key)
    except IntegrityError:
        return False
    return True


def send_reminders() -> ReminderReport:
    report = ReminderReport()
    enrollments = list(
        Enrollment.objects.filter(
            status=EnrollmentStatus.ACTIVE,
            cohort__status__in=(CohortStatus.OPEN, CohortStatus.RUNNING),
        ).select_related("cohort", "cohort__course", "user")
    )
    courses = {e.cohort.course_id: e.cohort.course for e in enrollments}
    outlines = course_outlines(courses=courses.values())
    schedules: dict[int, list[ModuleSchedule]] = {}
    for schedule in ModuleSchedule.objects.filter(cohort_id__in={e.cohort_id for e in enrollments}):
        schedules.setdefault(schedule.cohort_id, []).append(schedule)
    done: dict[tuple[int, int], set[int]] = {}
    for user_id, course_id, lesson_id in LessonCompletion.objects.filter(
        user_id__in={e.user_id for e in enrollments}, course_id__in=courses
    ).values_list("user_id", "course_id", "lesson_id"):
        done.setdefault((user_id, course_id), set()).add(lesson_id)

    for enrollment in enrollments:
        cohort = enrollment.cohort
        outline = outlines[cohort.course_id]
        dates = module_dates(
            enrollment=enrollment, outline=outline, schedules=schedules.get(cohort.pk, [])
        )
        today = cohort_today(cohort)
        finished = done.get((enrollment.user_id, cohort.course_id), set())
        for module in outline.modules:
            module_dates_ = dates.get(module.id)
            if module_dates_ is None:
                continue
            context = {"cohort": cohort, "module": module, "dates": module_dates_}
            release = module_dates_.release_on
            if (
                cohort.pace == Pace.FACILITATED
                and release
                and today - timedelta(days=RELEASE_FRESH_DAYS) <= release <= today
                and release >= enrollment.enrolled_at.date()
                and _claim(enrollment.user, f"release:{cohort.pk}:{module.id}:{release}")
            ):
                emails.send_on_commit("module_released", [enrollment.user], context)
                report.released += 1
            due = module_dates_.due_on
            incomplete = any(lesson.id not in finished for lesson in module.lessons)
            if (
                due
                and today <= due <= today + timedelta(days=DUE_SOON_DAYS)
                and incomplete
                and (release is None or release <= today)
                and _claim(enrollment.user, f"due:{cohort.pk}:{module.id}:{due}")
            ):
                emails.send_on_commit("due_soon", [enrollment.user], context)
                report.due_soon += 1
    return report
