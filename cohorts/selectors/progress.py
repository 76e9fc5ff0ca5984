"""Progress for a learner (My learning), a facilitator's roster, and who may read which
reflections."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from courses.models import CoursePage, LessonPage
from courses.selectors import CourseOutline, LessonEntry, course_outline, course_outlines

from ..models import (
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    LessonCompletion,
    LiveSession,
    ModuleSchedule,
    Pace,
    Reflection,
    ReflectionFeedback,
    Team,
)
from .cohorts import enrollments_of, waitlist_position
from .schedules import (
    ModuleDates,
    cohort_module_dates,
    cohort_today,
    module_dates,
    with_catch_up,
)


def completed_lesson_ids(*, user, course: CoursePage) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        LessonCompletion.objects.filter(user=user, course=course).values_list(
            "lesson_id", flat=True
        )
    )


def reflections_for_lesson(*, user, lesson: LessonPage) -> dict[str, Reflection]:
    """The person's own answers on a lesson, by block id, with feedback."""
    if not getattr(user, "is_authenticated", False):
        return {}
    reflections = Reflection.objects.filter(user=user, lesson=lesson).prefetch_related(
        Prefetch("feedback", queryset=ReflectionFeedback.objects.select_related("author"))
    )
    return {reflection.block_id: reflection for reflection in reflections}


@dataclass
class ModuleProgress:
    module_id: int
    title: str
    number: int
    done: int
    total: int
    release_on: date | None
    due_on: date | None
    released: bool
    overdue: bool
    #: The cohort's due date when ``due_on`` is this late joiner's catch-up date.
    scheduled_due_on: date | None = None

    @property
    def catch_up(self) -> bool:
        return self.scheduled_due_on is not None

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class LearnerProgress:
    enrollment: Enrollment
    modules: list[ModuleProgress]
    done: int
    total: int
    next_lesson: LessonEntry | None
    last_activity: datetime | None
    behind: bool
    #: A late joiner with missed work still inside their catch-up dates: not behind.
    catching_up_until: date | None = None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def status(self) -> str:
        """``behind``, ``catching_up`` or ``on_track``: the roster's and My learning's word."""
        if self.behind:
            return "behind"
        if self.catching_up_until is not None:
            return "catching_up"
        return "on_track"

    @property
    def next_release(self) -> ModuleProgress | None:
        return next((m for m in self.modules if not m.released), None)


def _learner_progress(
    enrollment: Enrollment,
    outline: CourseOutline,
    done_ids: set[int],
    schedules: list[ModuleSchedule],
    last_completion: datetime | None,
    today: date,
    dates: dict[int, ModuleDates] | None = None,
) -> LearnerProgress:
    if dates is None:
        dates = module_dates(enrollment=enrollment, outline=outline, schedules=schedules)
    modules = []
    next_lesson = None
    for module in outline.modules:
        d = dates.get(module.id, ModuleDates(module.id, None, None))
        released = d.release_on is None or d.release_on <= today
        done = sum(1 for lesson in module.lessons if lesson.id in done_ids)
        total = len(module.lessons)
        overdue = bool(d.due_on and d.due_on < today and done < total)
        modules.append(
            ModuleProgress(
                module.id,
                module.title,
                module.number,
                done,
                total,
                d.release_on,
                d.due_on,
                released,
                overdue,
                scheduled_due_on=d.scheduled_due_on,
            )
        )
        if next_lesson is None and released:
            next_lesson = next(
                (lesson for lesson in module.lessons if lesson.id not in done_ids), None
            )
    activity = [t for t in (enrollment.last_activity_at, last_completion) if t]
    catching_up = [m.due_on for m in modules if m.catch_up and not m.complete and not m.overdue]
    return LearnerProgress(
        enrollment=enrollment,
        modules=modules,
        done=sum(m.done for m in modules),
        total=sum(m.total for m in modules),
        next_lesson=next_lesson,
        last_activity=max(activity) if activity else None,
        behind=any(m.overdue for m in modules),
        catching_up_until=max(catching_up) if catching_up else None,
    )


@dataclass
class UpcomingItem:
    when: date | datetime
    kind: str  # "due" | "release" | "live"
    title: str
    cohort: Cohort
    url: str = ""


@dataclass
class MyLearning:
    cards: list[LearnerProgress]
    waitlisted: list[tuple[Enrollment, int | None]]
    upcoming: list[UpcomingItem] = field(default_factory=list)


def my_learning(*, user, request=None, horizon_days: int = 21) -> MyLearning:
    """Everything for the My learning page, in a fixed number of queries."""
    enrollments = list(
        enrollments_of(user=user)
        .exclude(status=EnrollmentStatus.DROPPED)
        .exclude(cohort__status=CohortStatus.ARCHIVED)
        .order_by("-enrolled_at")
    )
    active = [e for e in enrollments if e.status == EnrollmentStatus.ACTIVE]
    waiting = [
        (e, waitlist_position(e)) for e in enrollments if e.status == EnrollmentStatus.WAITLISTED
    ]
    courses = {e.cohort.course_id: e.cohort.course for e in active}
    outlines = course_outlines(courses=courses.values(), request=request)
    completions = LessonCompletion.objects.filter(user=user, course_id__in=courses).values_list(
        "course_id", "lesson_id", "completed_at"
    )
    done: dict[int, set[int]] = defaultdict(set)
    last: dict[int, datetime] = {}
    for course_id, lesson_id, completed_at in completions:
        done[course_id].add(lesson_id)
        if course_id not in last or completed_at > last[course_id]:
            last[course_id] = completed_at
    cohort_ids = [e.cohort_id for e in active]
    schedules: dict[int, list[ModuleSchedule]] = defaultdict(list)
    for schedule in ModuleSchedule.objects.filter(cohort_id__in=cohort_ids).select_related(
        "module"
    ):
        schedules[schedule.cohort_id].append(schedule)
    cards, upcoming = [], []
    now = timezone.now()
    for enrollment in active:
        outline = outlines[enrollment.cohort.course_id]
        today = cohort_today(enrollment.cohort)
        progress = _learner_progress(
            enrollment,
            outline,
            done[enrollment.cohort.course_id],
            schedules[enrollment.cohort_id],
            last.get(enrollment.cohort.course_id),
            today,
        )
        cards.append(progress)
        horizon = today + timedelta(days=horizon_days)
        for module in progress.modules:
            if module.due_on and today <= module.due_on <= horizon and not module.complete:
                upcoming.append(
                    UpcomingItem(
                        module.due_on,
                        "catch_up" if module.catch_up else "due",
                        f"Module {module.number}: {module.title}",
                        enrollment.cohort,
                    )
                )
            if module.release_on and today < module.release_on <= horizon:
                upcoming.append(
                    UpcomingItem(
                        module.release_on,
                        "release",
                        f"Module {module.number}: {module.title}",
                        enrollment.cohort,
                    )
                )
    for session in LiveSession.objects.filter(
        cohort_id__in=cohort_ids,
        starts_at__gte=now - timedelta(hours=2),
        starts_at__lte=now + timedelta(days=horizon_days),
    ).select_related("cohort"):
        upcoming.append(
            UpcomingItem(session.starts_at, "live", session.title, session.cohort, session.join_url)
        )
    upcoming.sort(
        key=lambda item: (
            item.when
            if isinstance(item.when, datetime)
            else datetime(item.when.year, item.when.month, item.when.day, tzinfo=item.cohort.tz)
        )
    )
    return MyLearning(cards=cards, waitlisted=waiting, upcoming=upcoming)


@dataclass
class Roster:
    cohort: Cohort
    outline: CourseOutline
    learners: list[LearnerProgress]
    waitlisted: list[Enrollment]
    reflections_to_review: int


def roster_progress(*, cohort: Cohort, team: Team | None = None, request=None) -> Roster:
    """The roster x modules matrix for a facilitator (or a team lead, with ``team``), in a
    fixed number of queries whatever the number of learners."""
    outline = course_outline(course=cohort.course, request=request)
    enrollments = Enrollment.objects.filter(cohort=cohort).select_related("user", "team")
    if team is not None:
        enrollments = enrollments.filter(team=team)
    enrollments = list(
        enrollments.exclude(status=EnrollmentStatus.DROPPED).order_by(
            "user__display_name", "user__username"
        )
    )
    for enrollment in enrollments:
        enrollment.cohort = cohort  # shared instance: no query per learner
    active = [e for e in enrollments if e.status == EnrollmentStatus.ACTIVE]
    user_ids = [e.user_id for e in active]
    done: dict[int, set[int]] = defaultdict(set)
    last: dict[int, datetime] = {}
    for user_id, lesson_id, completed_at in LessonCompletion.objects.filter(
        course=cohort.course, user_id__in=user_ids
    ).values_list("user_id", "lesson_id", "completed_at"):
        done[user_id].add(lesson_id)
        if user_id not in last or completed_at > last[user_id]:
            last[user_id] = completed_at
    schedules = list(ModuleSchedule.objects.filter(cohort=cohort))
    today = cohort_today(cohort)
    # A facilitated cohort's dates are the same for everyone who joined on time: compute
    # them once, and move a late joiner's with the one catch-up rule (no query).
    shared_dates = (
        cohort_module_dates(cohort=cohort, schedules=schedules)
        if cohort.pace == Pace.FACILITATED
        else None
    )
    learners = [
        _learner_progress(
            e,
            outline,
            done[e.user_id],
            schedules,
            last.get(e.user_id),
            today,
            with_catch_up(shared_dates, enrollment=e) if shared_dates is not None else None,
        )
        for e in active
    ]
    to_review = 0
    if team is None:
        to_review = reflections_awaiting_feedback(cohort=cohort).count()
    return Roster(
        cohort=cohort,
        outline=outline,
        learners=learners,
        waitlisted=sorted(
            (e for e in enrollments if e.status == EnrollmentStatus.WAITLISTED),
            key=lambda e: (e.waitlisted_at, e.pk),
        ),
        reflections_to_review=to_review,
    )


def reflections_visible_to(*, user):
    """Reflections a person may read: their own, and those of learners in cohorts they
    facilitate (for that cohort's course). Team leads see none."""
    if not getattr(user, "is_authenticated", False):
        return Reflection.objects.none()
    if user.is_superuser:
        return Reflection.objects.all()
    facilitated = Enrollment.objects.filter(
        user=OuterRef("user"),
        cohort__course=OuterRef("course"),
        cohort__facilitators=user,
        status=EnrollmentStatus.ACTIVE,
    )
    return Reflection.objects.filter(Q(user=user) | Q(Exists(facilitated)))


def reflections_for_cohort(*, cohort: Cohort):
    learners = Enrollment.objects.filter(cohort=cohort, status=EnrollmentStatus.ACTIVE).values(
        "user_id"
    )
    return (
        Reflection.objects.filter(course=cohort.course, user_id__in=learners)
        .select_related("user", "lesson")
        .prefetch_related(
            Prefetch("feedback", queryset=ReflectionFeedback.objects.select_related("author"))
        )
        .order_by("-updated_at")
    )


def reflections_awaiting_feedback(*, cohort: Cohort):
    return reflections_for_cohort(cohort=cohort).filter(feedback__isnull=True)
