"""Reads the APIs use beyond the page ones: a person's enrollments across a cohort list,
a cohort's schedule, a published lesson by id, teams and team progress."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from courses.models import LessonPage

from ..models import (
    Cohort,
    Enrollment,
    EnrollmentStatus,
    LiveSession,
    ModuleSchedule,
    Team,
    TeamMembership,
)
from .progress import LearnerProgress, Roster, roster_progress


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
