"""Progress for a learner (My learning), a facilitator's roster, and who may read which
reflections."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
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
    cohort_today,
    module_dates,
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


def _modules_progress(
    outline: CourseOutline, dates: dict[int, ModuleDates], done: list[int], today: date
) -> list[ModuleProgress]:
    """Each module's progress from the learner's dates and lessons done per module."""
    modules = []
    for module, module_done in zip(outline.modules, done, strict=True):
        d = dates.get(module.id, ModuleDates(module.id, None, None))
        total = len(module.lessons)
        modules.append(
            ModuleProgress(
                module.id,
                module.title,
                module.number,
                module_done,
                total,
                d.release_on,
                d.due_on,
                d.release_on is None or d.release_on <= today,
                bool(d.due_on and d.due_on < today and module_done < total),
                scheduled_due_on=d.scheduled_due_on,
            )
        )
    return modules


def _standing(modules: list[ModuleProgress]) -> tuple[bool, date | None]:
    """Behind (a module overdue), and until when a late joiner is catching up: the one rule
    behind a learner's ``status``."""
    catching_up = [m.due_on for m in modules if m.catch_up and not m.complete and not m.overdue]
    return any(m.overdue for m in modules), max(catching_up) if catching_up else None


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
    done = [
        sum(1 for lesson in module.lessons if lesson.id in done_ids) for module in outline.modules
    ]
    modules = _modules_progress(outline, dates, done, today)
    next_lesson = None
    for module, progress in zip(outline.modules, modules, strict=True):
        if progress.released:
            next_lesson = next(
                (lesson for lesson in module.lessons if lesson.id not in done_ids), None
            )
            if next_lesson is not None:
                break
    activity = [t for t in (enrollment.last_activity_at, last_completion) if t]
    behind, catching_up_until = _standing(modules)
    return LearnerProgress(
        enrollment=enrollment,
        modules=modules,
        done=sum(done),
        total=sum(m.total for m in modules),
        next_lesson=next_lesson,
        last_activity=max(activity) if activity else None,
        behind=behind,
        catching_up_until=catching_up_until,
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
    # Not the module pages (each a Wagtail page built from a full row): dates need module ids.
    for schedule in ModuleSchedule.objects.filter(cohort_id__in=cohort_ids):
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


ROSTER_STATUSES = ("behind", "catching_up", "on_track")
ROSTER_SORTS = ("name", "progress")


@dataclass(frozen=True)
class RosterSummary:
    """The whole roster's counts (whatever the filter or the page), for the dashboard's head."""

    active: int
    behind: int
    catching_up: int
    on_track: int
    not_started: int


class RosterRow(NamedTuple):
    """One learner in the roster's order: enough to count, filter, sort and page."""

    enrollment_id: int
    user_id: int
    done: int
    status: str


class RosterLearners(Sequence[LearnerProgress]):
    """The roster's learners, in its order. Counting them is free; a slice (a page: Django's
    and DRF's paginators slice) builds the full progress of just those learners, iterating
    builds everyone's, each in the same two queries whatever the number of learners."""

    def __init__(self, rows: list[RosterRow], build: Callable[[list[RosterRow]], list]):
        self.rows = rows
        self._build = build
        self._everyone: list[LearnerProgress] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index):
        if self._everyone is not None:
            return self._everyone[index]
        if isinstance(index, slice):
            return self._build(self.rows[index])
        return self._build([self.rows[index]])[0]

    def __iter__(self):
        if self._everyone is None:
            self._everyone = self._build(self.rows)
        return iter(self._everyone)


@dataclass
class Roster:
    cohort: Cohort
    outline: CourseOutline
    #: Active learners (those of ``status`` when given), by name or least progress first.
    learners: RosterLearners
    waitlisted: list[Enrollment]
    reflections_to_review: int
    summary: RosterSummary
    status: str | None = None
    sort: str = "name"


def roster_progress(
    *,
    cohort: Cohort,
    team: Team | None = None,
    request=None,
    status: str | None = None,
    sort: str = "name",
) -> Roster:
    """The roster x modules matrix for a facilitator (or a team lead, with ``team``), in a
    fixed number of queries whatever the number of learners.

    Everyone's standing (behind, catching up, on track) comes from lessons done per module,
    counted in the database, and dates computed once per join date (facilitated) or start
    date (self-paced); the full per-module progress is built only for the learners a page
    shows (``learners[a:b]``), or for everyone when ``learners`` is iterated (the CSV)."""
    outline = course_outline(course=cohort.course, request=request)
    enrollments = Enrollment.objects.filter(cohort=cohort)
    if team is not None:
        enrollments = enrollments.filter(team=team)
    active = enrollments.filter(status=EnrollmentStatus.ACTIVE)
    schedules = list(ModuleSchedule.objects.filter(cohort=cohort))
    today = cohort_today(cohort)
    dates_of = _dates_by_start(cohort, outline, schedules)

    per_module = {
        f"module_{module.id}": Count(
            "pk", filter=Q(lesson_id__in=[lesson.id for lesson in module.lessons])
        )
        for module in outline.modules
        if module.lessons
    }
    done_of: dict[int, dict[str, int]] = {}
    if per_module:
        for row in (
            LessonCompletion.objects.filter(
                course=cohort.course, user_id__in=active.values("user_id")
            )
            .order_by()
            .values("user_id")
            .annotate(**per_module)
        ):
            done_of[row.pop("user_id")] = row
    standing: dict[tuple, tuple[int, str]] = {}  # (start, done per module) -> (done, status)
    rows = []
    for enrollment_id, user_id, enrolled_at, anchor in active.order_by(
        "user__display_name", "user__username"
    ).values_list("pk", "user_id", "enrolled_at", "schedule_anchor"):
        counts = done_of.get(user_id, {})
        done = [counts.get(f"module_{module.id}", 0) for module in outline.modules]
        start = _start_key(cohort, enrolled_at, anchor)
        key = (start, *done)
        if key not in standing:
            dates = dates_of(start, enrolled_at, anchor)
            behind, catching_up_until = _standing(_modules_progress(outline, dates, done, today))
            standing[key] = (
                sum(done),
                "behind" if behind else "catching_up" if catching_up_until else "on_track",
            )
        rows.append(RosterRow(enrollment_id, user_id, *standing[key]))
    statuses = Counter(row.status for row in rows)
    summary = RosterSummary(
        active=len(rows),
        behind=statuses["behind"],
        catching_up=statuses["catching_up"],
        on_track=statuses["on_track"],
        not_started=sum(1 for row in rows if not row.done),
    )
    if status is not None:
        rows = [row for row in rows if row.status == status]
    if sort == "progress":
        rows.sort(key=lambda row: row.done)  # stable: by name within the same progress

    everyone = len(rows) == summary.active

    def build(page: list[RosterRow]) -> list[LearnerProgress]:
        if not page:
            return []
        chosen = (
            active
            if everyone and len(page) == len(rows)
            else active.filter(pk__in=[row.enrollment_id for row in page])
        )
        by_id = {e.pk: e for e in chosen.select_related("user", "team")}
        done_ids: dict[int, set[int]] = defaultdict(set)
        last: dict[int, datetime] = {}
        for user_id, lesson_id, completed_at in LessonCompletion.objects.filter(
            course=cohort.course, user_id__in=chosen.values("user_id")
        ).values_list("user_id", "lesson_id", "completed_at"):
            done_ids[user_id].add(lesson_id)
            if user_id not in last or completed_at > last[user_id]:
                last[user_id] = completed_at
        learners = []
        for row in page:
            enrollment = by_id.get(row.enrollment_id)
            if enrollment is None:  # dropped or moved since the rows were read
                continue
            enrollment.cohort = cohort  # shared instance: no query per learner
            anchor = enrollment.schedule_anchor
            start = _start_key(cohort, enrollment.enrolled_at, anchor)
            learners.append(
                _learner_progress(
                    enrollment,
                    outline,
                    done_ids[row.user_id],
                    schedules,
                    last.get(row.user_id),
                    today,
                    dates_of(start, enrollment.enrolled_at, anchor),
                )
            )
        return learners

    to_review = 0
    if team is None:
        to_review = reflections_awaiting_feedback(cohort=cohort).count()
    return Roster(
        cohort=cohort,
        outline=outline,
        learners=RosterLearners(rows, build),
        waitlisted=list(
            enrollments.filter(status=EnrollmentStatus.WAITLISTED)
            .select_related("user", "team")
            .order_by("waitlisted_at", "pk")
        ),
        reflections_to_review=to_review,
        summary=summary,
        status=status,
        sort=sort,
    )


def _start_key(cohort: Cohort, enrolled_at: datetime, anchor: date) -> date:
    """What a learner's dates depend on: the day they joined in a facilitated cohort (the
    catch-up rule), their start date on a self-paced track."""
    if cohort.pace == Pace.FACILITATED:
        return timezone.localtime(enrolled_at, cohort.tz).date()
    return anchor


def _dates_by_start(cohort: Cohort, outline: CourseOutline, schedules: list[ModuleSchedule]):
    """``module_dates`` (the one rule), computed once per start key rather than per learner."""
    cache: dict[date, dict[int, ModuleDates]] = {}

    def dates_of(start: date, enrolled_at: datetime, anchor: date) -> dict[int, ModuleDates]:
        if start not in cache:
            stand_in = Enrollment(cohort=cohort, enrolled_at=enrolled_at, schedule_anchor=anchor)
            cache[start] = module_dates(enrollment=stand_in, outline=outline, schedules=schedules)
        return cache[start]

    return dates_of


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
