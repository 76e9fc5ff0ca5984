"""Module release and due dates, and whether a person may read or track a lesson now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from wagtail.models import Page

from core.memo import memoized
from courses.models import CoursePage, LessonPage
from courses.selectors import CourseOutline

from ..models import (
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    LiveSession,
    ModuleSchedule,
    Pace,
)


@dataclass(frozen=True)
class ModuleDates:
    module_id: int
    release_on: date | None
    due_on: date | None
    #: The cohort's due date when ``due_on`` is this learner's catch-up date instead.
    scheduled_due_on: date | None = None

    @property
    def catch_up(self) -> bool:
        return self.scheduled_due_on is not None


def join_date(enrollment: Enrollment) -> date:
    """The day the learner joined (took their seat), in the cohort's time zone."""
    return timezone.localtime(enrollment.enrolled_at, enrollment.cohort.tz).date()


def catch_up_date(enrollment: Enrollment) -> date | None:
    """The catch-up date of someone in a facilitated cohort: their join date plus the
    cohort's grace days (None for a self-paced track, whose targets are personal anyway)."""
    cohort = enrollment.cohort
    if cohort.pace != Pace.FACILITATED:
        return None
    return join_date(enrollment) + timedelta(days=cohort.late_join_grace_days)


def with_catch_up(
    dates: dict[int, ModuleDates], *, enrollment: Enrollment
) -> dict[int, ModuleDates]:
    """The cohort's dates for one learner: what was already due on the day they joined is due
    on their catch-up date instead (the one rule; My learning, the roster, lessons, reminders
    and calendars use it). Someone who joined on time keeps the cohort's dates."""
    catch_up = catch_up_date(enrollment)
    if catch_up is None:
        return dates
    joined = join_date(enrollment)
    return {
        module_id: (
            ModuleDates(module_id, d.release_on, catch_up, scheduled_due_on=d.due_on)
            if d.due_on is not None and d.due_on < joined
            else d
        )
        for module_id, d in dates.items()
    }


def cohort_module_dates(
    *, cohort: Cohort, schedules: list[ModuleSchedule]
) -> dict[int, ModuleDates]:
    """A facilitated cohort's own timeline (the same for everyone who joined on time)."""
    dates = {}
    for schedule in schedules:
        schedule.cohort = cohort
        dates[schedule.module_id] = ModuleDates(
            schedule.module_id, schedule.release_date(), schedule.due_date()
        )
    return dates


def module_dates(
    *, enrollment: Enrollment, outline: CourseOutline, schedules: list[ModuleSchedule] | None = None
) -> dict[int, ModuleDates]:
    """Release and due dates per module for one learner: the cohort's schedule when
    facilitated (with catch-up dates for a late joiner), personal targets from the
    enrollment's anchor when self-paced."""
    cohort = enrollment.cohort
    if cohort.pace == Pace.SELF_PACED:
        step = cohort.target_days_per_module
        return {
            module.id: ModuleDates(
                module.id, None, enrollment.schedule_anchor + timedelta(days=step * module.number)
            )
            for module in outline.modules
        }
    if schedules is None:
        schedules = list(ModuleSchedule.objects.filter(cohort=cohort))
    return with_catch_up(
        cohort_module_dates(cohort=cohort, schedules=schedules), enrollment=enrollment
    )


def cohort_today(cohort: Cohort) -> date:
    return timezone.localtime(timezone.now(), cohort.tz).date()


@dataclass(frozen=True)
class LessonAccess:
    can_read: bool
    locked: bool
    reason: str = ""
    opens_on: date | None = None
    due_on: date | None = None
    enrollment: Enrollment | None = None
    can_track: bool = False  # may mark complete and save reflections


def _course_of(lesson: LessonPage) -> CoursePage:
    return CoursePage.objects.get(path=lesson.path[: -Page.steplen * 2])


def current_enrollment(*, user, course: CoursePage) -> Enrollment | None:
    """The active enrollment that drives a person's view of a course: a facilitated cohort
    that has started (it has the timeline), else the self-paced track, else a facilitated
    cohort that has not started yet (everything locked until it does)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return memoized(
        user, ("current_enrollment", course.pk), lambda: _current_enrollment(user, course)
    )


def _current_enrollment(user, course: CoursePage) -> Enrollment | None:
    enrollments = (
        Enrollment.objects.filter(user=user, cohort__course=course, status=EnrollmentStatus.ACTIVE)
        .exclude(cohort__status=CohortStatus.ARCHIVED)
        .select_related("cohort")
    )

    def rank(enrollment: Enrollment) -> tuple[int, int]:
        cohort = enrollment.cohort
        if cohort.pace == Pace.FACILITATED:
            started = cohort.starts_on is None or cohort.starts_on <= cohort_today(cohort)
            return (0 if started else 2, -enrollment.pk)
        return (1, -enrollment.pk)

    ranked = sorted(enrollments, key=rank)
    return ranked[0] if ranked else None


def lesson_access(*, user, lesson: LessonPage, course: CoursePage | None = None) -> LessonAccess:
    """May this person read the lesson now, and may they record progress on it?"""
    course = course or _course_of(lesson)
    module_path = lesson.path[: -Page.steplen]
    return _access(user=user, course=course, module_id=None, module_path=module_path)


def module_access(*, user, module, course: CoursePage) -> LessonAccess:
    """The same answer for every lesson of a module."""
    return _access(user=user, course=course, module_id=module.pk, module_path=module.path)


def _access(*, user, course: CoursePage, module_id: int | None, module_path: str) -> LessonAccess:
    if getattr(user, "is_authenticated", False) and (
        user.is_superuser or Cohort.objects.filter(course=course, facilitators=user).exists()
    ):
        return LessonAccess(can_read=True, locked=False)
    enrollment = current_enrollment(user=user, course=course)
    if enrollment is None:
        if course.offered_self_paced:
            return LessonAccess(
                can_read=True,
                locked=False,
                reason="Enroll in this course to track your progress and save reflections.",
            )
        return LessonAccess(
            can_read=False,
            locked=True,
            reason="This lesson is for learners enrolled in a cohort of the course.",
        )
    if enrollment.cohort.pace == Pace.FACILITATED:
        schedules = ModuleSchedule.objects.filter(cohort=enrollment.cohort)
        if module_id is not None:
            schedules = schedules.filter(module_id=module_id)
        else:
            schedules = schedules.filter(module__path=module_path)
        schedule = schedules.first()
        if schedule is not None:
            schedule.cohort = enrollment.cohort
            own = ModuleDates(schedule.module_id, schedule.release_date(), schedule.due_date())
            own = with_catch_up({own.module_id: own}, enrollment=enrollment)[own.module_id]
            release, due = own.release_on, own.due_on
            if release and release > cohort_today(enrollment.cohort):
                return LessonAccess(
                    can_read=False,
                    locked=True,
                    reason=f"This module opens on {release:%A, %B %-d}.",
                    opens_on=release,
                    due_on=due,
                    enrollment=enrollment,
                )
            return LessonAccess(
                can_read=True, locked=False, due_on=due, enrollment=enrollment, can_track=True
            )
    return LessonAccess(can_read=True, locked=False, enrollment=enrollment, can_track=True)


@dataclass
class CohortSchedule:
    modules: list[ModuleSchedule]  # each with ``module`` loaded and ``cohort`` set
    live_sessions: list[LiveSession]


def cohort_schedule(*, cohort: Cohort) -> CohortSchedule:
    """Published modules' dates and the live sessions of a cohort, in two queries. A
    self-paced track has no cohort dates (each learner has personal targets)."""
    modules = list(
        cohort.schedules.filter(module__live=True)
        .select_related("module")
        .order_by("release_offset_days", "module__path")
    )
    for schedule in modules:
        schedule.cohort = cohort
    return CohortSchedule(modules=modules, live_sessions=list(cohort.live_sessions.all()))


def lesson_get(*, pk: int) -> LessonPage | None:
    """A published, public lesson. Whether this person may read or track it right now is
    ``lesson_access``'s answer (the services check it)."""
    return LessonPage.objects.live().public().filter(pk=pk).first()
