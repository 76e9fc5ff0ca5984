"""Reads that shape cohort data for HTML pages (the lesson page, the cohort page)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F, OuterRef

from courses.models import CoursePage, LessonPage
from courses.rendering import shared_block_html

from ..models import (
    Announcement,
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    Invitation,
    LiveSession,
    ModuleSchedule,
    Reflection,
    Team,
)
from .cohorts import (
    _team_seats_free,
    cohort_list_visible_to,
    enrollment_of,
    seats_left,
    waitlist_position,
)
from .joining import JoinState, join_state_of
from .progress import completed_lesson_ids, reflections_for_lesson
from .rights import can_manage_cohort, cohorts_managed_by
from .schedules import LessonAccess, lesson_access, module_access


@dataclass
class BodyItem:
    """One block of a lesson's body. Its stored id and type are read from the raw data; the
    block itself (``block``) is built only when the page renders it here, not for blocks
    whose HTML comes from the cache (building an image block fetches its image)."""

    stream: object
    index: int
    id: str
    block_type: str
    reflection: Reflection | None = None
    #: The block's HTML when it is the same for everyone (courses.rendering), else "".
    html: str = ""

    @property
    def block(self):
        return self.stream[self.index]


def body_items(stream, reflections) -> list[BodyItem]:
    return [
        BodyItem(stream, index, raw["id"], raw["type"], reflections.get(raw["id"]))
        for index, raw in enumerate(stream.raw_data)
    ]


@dataclass
class LessonLearning:
    access: LessonAccess
    completed: bool
    completed_ids: set[int]
    body: list[BodyItem] = field(default_factory=list)


def lesson_learning(*, user, lesson: LessonPage, course: CoursePage) -> LessonLearning:
    """What the lesson page shows this person: may they read it, is it done, their answers."""
    access = lesson_access(user=user, lesson=lesson, course=course)
    completed_ids = completed_lesson_ids(user=user, course=course) if access.can_track else set()
    reflections = reflections_for_lesson(user=user, lesson=lesson) if access.can_track else {}
    body = body_items(lesson.body, reflections) if access.can_read else []
    return LessonLearning(
        access=access, completed=lesson.pk in completed_ids, completed_ids=completed_ids, body=body
    )


def module_learning(*, user, module, course: CoursePage) -> LessonLearning:
    """For a module page: its lock state and which lessons this person has done."""
    access = module_access(user=user, module=module, course=course)
    completed_ids = completed_lesson_ids(user=user, course=course) if access.can_track else set()
    return LessonLearning(access=access, completed=False, completed_ids=completed_ids)


@dataclass
class CohortPage:
    cohort: Cohort
    enrollment: Enrollment | None
    waitlist_position: int | None
    can_manage: bool
    join: JoinState
    schedule: list[ModuleSchedule]
    live_sessions: list[LiveSession]
    announcements: list[Announcement]


def cohort_page(*, user, cohort: Cohort) -> CohortPage:
    """``cohort`` comes from ``cohort_get_visible(..., viewer=True)``: its seat counts and
    this person's place in it decide what the page offers (``join_state``)."""
    enrollment = enrollment_of(user=user, cohort=cohort)
    can_manage = can_manage_cohort(user=user, cohort=cohort)
    member = can_manage or (enrollment is not None and enrollment.status == EnrollmentStatus.ACTIVE)
    schedule = list(
        cohort.schedules.select_related("module").order_by("release_offset_days", "module__path")
    )
    for item in schedule:
        item.cohort = cohort
    return CohortPage(
        cohort=cohort,
        enrollment=enrollment,
        waitlist_position=waitlist_position(enrollment) if enrollment else None,
        can_manage=can_manage,
        join=join_state_of(cohort, user=user),
        schedule=schedule,
        live_sessions=list(cohort.live_sessions.all()),
        announcements=list(cohort.announcements.select_related("author")[:5]) if member else [],
    )


@dataclass
class CohortCard:
    cohort: Cohort
    seats_left: int | None
    waitlisted: int
    join: JoinState


def cohort_cards(*, user, course=None, pace: str | None = None) -> list[CohortCard]:
    """The catalog: each visible cohort with its seats and what joining it would do for
    this person (``join_state``, the rule ``cohort_enroll`` applies), in one query."""
    return [
        CohortCard(
            cohort, seats_left(cohort), cohort.waitlisted_count, join_state_of(cohort, user=user)
        )
        for cohort in cohort_list_visible_to(user=user, course=course, pace=pace, viewer=True)
    ]


def invitation_by_token(*, token: str):
    """The invitation with ``team_free`` (its team's free seats now; None without a team)."""
    return (
        Invitation.objects.select_related("cohort", "cohort__course", "team")
        .annotate(team_free=_team_seats_free(OuterRef("team"), F("team__seats")))
        .filter(token=token)
        .first()
    )


def team_by_join_token(*, token: str):
    """The team with ``free``: its seats not yet taken (the page says when none is left)."""
    return (
        Team.objects.select_related("cohort", "cohort__course", "organization")
        .annotate(free=_team_seats_free(OuterRef("pk"), F("seats")))
        .filter(join_token=token)
        .first()
    )


def other_cohorts_managed(*, user, cohort: Cohort) -> list[Cohort]:
    """Cohorts of the same course this facilitator may move a learner to."""
    return list(
        cohorts_managed_by(user=user)
        .filter(course_id=cohort.course_id)
        .exclude(pk=cohort.pk)
        .exclude(status__in=(CohortStatus.FINISHED, CohortStatus.ARCHIVED))
    )


def module_context(*, request, page, context: dict) -> dict:
    """The module page's ``learning``: its lock state and this person's done lessons
    (registered with core.contributions in ``CohortsConfig.ready``)."""
    course = context["nav"].course
    return {"learning": module_learning(user=request.user, module=page, course=course)}


def lesson_context(*, request, page, context: dict) -> dict:
    """The lesson page's ``learning``: access, completion and this person's answers, each
    body block with its shared HTML (rendered once per revision, not per person)."""
    learning = lesson_learning(user=request.user, lesson=page, course=context["nav"].course)
    if learning.body:
        html = shared_block_html(page=page, request=request)
        for item in learning.body:
            item.html = html.get(item.id, "")
    return {"learning": learning}
