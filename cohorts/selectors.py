"""Reads for cohort pages and APIs. Every query for a person applies what they may see:
a coach sees their own enrollments and progress, a facilitator their cohorts, a team lead
their team (progress only, never reflections)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from courses.models import CoursePage, LessonPage
from courses.selectors import CourseOutline, LessonEntry, course_outline, course_outlines

from .models import (
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
    TeamMembership,
)

VISIBLE_STATUSES = (CohortStatus.OPEN, CohortStatus.RUNNING, CohortStatus.FINISHED)


# --- rights -------------------------------------------------------------------------------


def can_manage_cohort(*, user, cohort: Cohort) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return cohort.facilitators.filter(pk=user.pk).exists()


def is_team_lead(*, user, team: Team) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return TeamMembership.objects.filter(
        team=team, user=user, role=TeamMembership.Role.LEAD
    ).exists()


def cohorts_managed_by(*, user):
    if not getattr(user, "is_authenticated", False):
        return Cohort.objects.none()
    if user.is_superuser:
        return Cohort.objects.all()
    return Cohort.objects.filter(facilitators=user)


def teams_led_by(*, user):
    if not getattr(user, "is_authenticated", False):
        return Team.objects.none()
    return Team.objects.filter(
        memberships__user=user, memberships__role=TeamMembership.Role.LEAD
    ).select_related("organization", "cohort", "cohort__course")


# --- cohorts --------------------------------------------------------------------------------


def cohort_list_visible_to(
    *, user, course: CoursePage | None = None, pace: str | None = None, open_only: bool = False
):
    """Cohorts a person may see: every published (not draft or archived) cohort, plus the
    ones they facilitate or are enrolled in. Annotated with seat counts."""
    visible = Q(status__in=VISIBLE_STATUSES)
    if getattr(user, "is_authenticated", False):
        if user.is_superuser:
            visible = Q()
        else:
            # EXISTS, not joins: no DISTINCT, and the seat subqueries run once per cohort.
            facilitates = Cohort.facilitators.through.objects.filter(
                cohort=OuterRef("pk"), user=user
            )
            enrolled = Enrollment.objects.filter(cohort=OuterRef("pk"), user=user)
            visible |= Q(Exists(facilitates)) | Q(Exists(enrolled))
    queryset = Cohort.objects.filter(visible)
    if course is not None:
        queryset = queryset.filter(course=course)
    if pace:
        queryset = queryset.filter(pace=pace)
    if open_only:
        now = timezone.now()
        queryset = queryset.filter(status__in=(CohortStatus.OPEN, CohortStatus.RUNNING)).filter(
            Q(enrollment_opens_at__isnull=True) | Q(enrollment_opens_at__lte=now),
            Q(enrollment_closes_at__isnull=True) | Q(enrollment_closes_at__gt=now),
        )
    queryset = queryset.select_related("course").prefetch_related("facilitators")
    # Seat counts as subqueries, so the joins above cannot multiply them.
    active_general = (
        Enrollment.objects.filter(
            cohort=OuterRef("pk"), status=EnrollmentStatus.ACTIVE, team__isnull=True
        )
        .values("cohort")
        .annotate(n=Count("pk"))
        .values("n")
    )
    waitlisted = (
        Enrollment.objects.filter(cohort=OuterRef("pk"), status=EnrollmentStatus.WAITLISTED)
        .values("cohort")
        .annotate(n=Count("pk"))
        .values("n")
    )
    reserved = (
        Team.objects.filter(cohort=OuterRef("pk"))
        .values("cohort")
        .annotate(n=Sum("seats"))
        .values("n")
    )
    return queryset.annotate(
        active_general=Coalesce(Subquery(active_general), 0),
        waitlisted_count=Coalesce(Subquery(waitlisted), 0),
        reserved_seats=Coalesce(Subquery(reserved), 0),
    ).order_by("course__title", "pace", "starts_on", "id")


def seats_left(cohort: Cohort) -> int | None:
    """From a cohort annotated by ``cohort_list_visible_to``."""
    if cohort.capacity is None:
        return None
    return max(0, cohort.capacity - cohort.reserved_seats - cohort.active_general)


def cohort_get_visible(*, user, pk: int) -> Cohort | None:
    return cohort_list_visible_to(user=user).filter(pk=pk).first()


def enrollment_of(*, user, cohort: Cohort) -> Enrollment | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Enrollment.objects.filter(user=user, cohort=cohort).first()


def enrollments_of(*, user):
    """A person's own enrollments (never anyone else's)."""
    if not getattr(user, "is_authenticated", False):
        return Enrollment.objects.none()
    return Enrollment.objects.filter(user=user).select_related("cohort", "cohort__course", "team")


def waitlist_position(enrollment: Enrollment) -> int | None:
    if enrollment.status != EnrollmentStatus.WAITLISTED:
        return None
    ahead = Enrollment.objects.filter(
        cohort_id=enrollment.cohort_id, status=EnrollmentStatus.WAITLISTED
    ).filter(
        Q(waitlisted_at__lt=enrollment.waitlisted_at)
        | Q(waitlisted_at=enrollment.waitlisted_at, pk__lt=enrollment.pk)
    )
    return ahead.count() + 1


# --- schedules --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModuleDates:
    module_id: int
    release_on: date | None
    due_on: date | None


def module_dates(
    *, enrollment: Enrollment, outline: CourseOutline, schedules: list[ModuleSchedule] | None = None
) -> dict[int, ModuleDates]:
    """Release and due dates per module for one learner: the cohort's schedule when
    facilitated, personal targets from the enrollment's anchor when self-paced."""
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
    dates = {}
    for schedule in schedules:
        schedule.cohort = cohort
        dates[schedule.module_id] = ModuleDates(
            schedule.module_id, schedule.release_date(), schedule.due_date()
        )
    return dates


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
            release, due = schedule.release_date(), schedule.due_date()
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


# --- progress ---------------------------------------------------------------------------------


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

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

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
            )
        )
        if next_lesson is None and released:
            next_lesson = next(
                (lesson for lesson in module.lessons if lesson.id not in done_ids), None
            )
    activity = [t for t in (enrollment.last_activity_at, last_completion) if t]
    return LearnerProgress(
        enrollment=enrollment,
        modules=modules,
        done=sum(m.done for m in modules),
        total=sum(m.total for m in modules),
        next_lesson=next_lesson,
        last_activity=max(activity) if activity else None,
        behind=any(m.overdue for m in modules),
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
                        "due",
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
    # A facilitated cohort's dates are the same for everyone: compute them once.
    shared_dates = (
        module_dates(enrollment=active[0], outline=outline, schedules=schedules)
        if active and cohort.pace == Pace.FACILITATED
        else None
    )
    learners = [
        _learner_progress(
            e, outline, done[e.user_id], schedules, last.get(e.user_id), today, shared_dates
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


# --- API reads (cohorts/api) ------------------------------------------------------------------


def enrollments_by_cohort(*, user, cohort_ids) -> dict[int, Enrollment]:
    """The person's own current (not dropped) enrollment in each of the cohorts, in one
    query whatever their number, each with ``queue_position`` (1 = next in line; None unless
    waitlisted), so a cohort list can say "you're 3rd on the waitlist" without a query per row."""
    if not getattr(user, "is_authenticated", False):
        return {}
    ahead = (
        Enrollment.objects.filter(
            cohort_id=OuterRef("cohort_id"), status=EnrollmentStatus.WAITLISTED
        )
        .filter(
            Q(waitlisted_at__lt=OuterRef("waitlisted_at"))
            | Q(waitlisted_at=OuterRef("waitlisted_at"), pk__lt=OuterRef("pk"))
        )
        .values("cohort_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    enrollments = (
        Enrollment.objects.filter(user=user, cohort_id__in=list(cohort_ids))
        .exclude(status=EnrollmentStatus.DROPPED)
        .annotate(waitlist_ahead=Coalesce(Subquery(ahead), 0))
    )
    found = {}
    for enrollment in enrollments:
        enrollment.queue_position = (
            enrollment.waitlist_ahead + 1
            if enrollment.status == EnrollmentStatus.WAITLISTED
            else None
        )
        found[enrollment.cohort_id] = enrollment
    return found


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


def teams_of(*, user):
    """Teams the person leads or belongs to, each annotated with ``my_role``."""
    if not getattr(user, "is_authenticated", False):
        return Team.objects.none()
    role = TeamMembership.objects.filter(team=OuterRef("pk"), user=user).values("role")[:1]
    return (
        Team.objects.filter(memberships__user=user)
        .annotate(my_role=Subquery(role))
        .select_related("organization", "cohort", "cohort__course")
    )


@dataclass
class TeamProgress:
    """A team lead's view: per-member progress and the team's totals. Never reflections."""

    team: Team
    roster: Roster

    @property
    def members(self) -> list[LearnerProgress]:
        return self.roster.learners

    @property
    def done(self) -> int:
        return sum(learner.done for learner in self.members)

    @property
    def total(self) -> int:
        return sum(learner.total for learner in self.members)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def behind(self) -> int:
        return sum(1 for learner in self.members if learner.behind)

    @property
    def complete(self) -> int:
        return sum(1 for learner in self.members if learner.total and learner.done >= learner.total)


def team_progress(*, team: Team, request=None) -> TeamProgress:
    return TeamProgress(
        team=team, roster=roster_progress(cohort=team.cohort, team=team, request=request)
    )
