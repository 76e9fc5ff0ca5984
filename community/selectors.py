"""Who may see which space, and reads for pages, the API and the consumer."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from cohorts.models import Cohort, Enrollment, EnrollmentStatus, TeamMembership
from cohorts.selectors import cohorts_managed_by, current_enrollment

from .models import Notification, Post, Reaction, Space, SpaceEvent, Thread


def spaces_visible_to(*, user):
    """Spaces a person belongs to: cohort spaces of cohorts they are active in or
    facilitate; team spaces of teams they lead, or are members of while enrolled. Written
    as ``IN`` subqueries on the person's own rows: every page's header counts unread
    notifications through it, and this form costs Django half the time to build that
    correlated ``EXISTS`` clauses do."""
    if not getattr(user, "is_authenticated", False):
        return Space.objects.none()
    if user.is_superuser:
        return Space.objects.all()
    facilitated = Cohort.facilitators.through.objects.filter(user_id=user.pk).values("cohort_id")
    active = Enrollment.objects.filter(user_id=user.pk, status=EnrollmentStatus.ACTIVE).values(
        "cohort_id"
    )
    teams = TeamMembership.objects.filter(user_id=user.pk)
    led = teams.filter(role=TeamMembership.Role.LEAD).values("team_id")
    return Space.objects.filter(
        Q(cohort_id__in=facilitated)
        | Q(team__isnull=True, cohort_id__in=active)
        | Q(team_id__in=led)
        | Q(team_id__in=teams.values("team_id"), cohort_id__in=active)
    ).select_related("cohort", "cohort__course", "team")


def notifications_visible_to(*, user):
    """A person's notifications from spaces they still belong to, newest first: a learner
    who left a cohort no longer sees its thread titles. The one read of notifications for a
    person: the notifications page, the API, the header's unread count, the live count,
    marking read and the digest all go through it."""
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return (
        Notification.objects.filter(user=user, post__space__in=spaces_visible_to(user=user))
        .select_related("actor", "post", "post__thread")
        .order_by("-created_at", "-id")
    )


def can_access_space(*, user, space_id: int) -> bool:
    return spaces_visible_to(user=user).filter(pk=space_id).exists()


def space_access_check(*, user, space_id: int):
    """``can_access_space`` for checking one person and space again and again (a socket, on
    each message): the query is built once, here, and only run on each call. Building it was
    most of its cost (22 of 32 ms a post, with its Exists subqueries)."""
    return spaces_visible_to(user=user).filter(pk=space_id).exists


def space_open(*, user, space_id: int):
    """What a socket needs on connect, from one build of the visibility query: the space
    (``space_get_visible``, or None) and its ``space_access_check``."""
    # Not the cohort and course rows spaces_visible_to joins for pages (a Wagtail page): a
    # socket needs the space's own fields only.
    mine = spaces_visible_to(user=user).select_related(None).filter(pk=space_id)
    return mine.first(), mine.exists


def can_moderate_space(*, user, space: Space) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or space.cohort.facilitators.filter(pk=user.pk).exists()


def space_get_visible(*, user, space_id: int) -> Space | None:
    return spaces_visible_to(user=user).filter(pk=space_id).first()


def space_member_usernames(*, space: Space) -> dict[str, int]:
    """Lower-cased usernames → ids of everyone who belongs to the space (for @mentions)."""
    User = get_user_model()
    if space.team_id:
        enrolled = Enrollment.objects.filter(
            user=OuterRef("pk"), cohort_id=space.cohort_id, status=EnrollmentStatus.ACTIVE
        )
        members = User.objects.filter(
            Q(
                team_memberships__team_id=space.team_id,
                team_memberships__role=TeamMembership.Role.LEAD,
            )
            | (Q(team_memberships__team_id=space.team_id) & Q(Exists(enrolled)))
            | Q(facilitated_cohorts=space.cohort_id)
        )
    else:
        members = User.objects.filter(
            Q(enrollments__cohort_id=space.cohort_id, enrollments__status=EnrollmentStatus.ACTIVE)
            | Q(facilitated_cohorts=space.cohort_id)
        )
    return {username.lower(): pk for pk, username in members.values_list("pk", "username")}


def space_members(*, space: Space) -> list[dict]:
    """Members for @mention autocomplete: username and display name, sorted by name."""
    ids = set(space_member_usernames(space=space).values())
    people = (
        get_user_model()
        .objects.filter(pk__in=ids)
        .only("username", "display_name", "first_name", "last_name")
    )
    return sorted(
        ({"username": p.username, "name": p.public_name} for p in people),
        key=lambda member: member["name"].lower(),
    )


def events_after(*, space: Space, after: int, limit: int) -> list[SpaceEvent]:
    return list(space.events.filter(seq__gt=after).order_by("seq")[:limit])


def threads_of(*, space: Space):
    return (
        Thread.objects.filter(space=space)
        .select_related("author", "lesson")
        .annotate(reply_count=Count("posts") - 1)
        .order_by("-pinned", "-last_activity_at")
    )


def thread_get(*, space: Space, thread_id: int) -> Thread | None:
    return Thread.objects.filter(space=space, pk=thread_id).select_related("author").first()


def posts_of(*, thread: Thread):
    return (
        Post.objects.filter(thread=thread)
        .select_related("author")
        .prefetch_related(Prefetch("reactions", queryset=Reaction.objects.only("post_id", "emoji")))
        .order_by("created_at", "id")
    )


def thread_get_visible(*, user, thread_id: int) -> Thread | None:
    """A thread in a space the person belongs to, or None."""
    return (
        Thread.objects.filter(pk=thread_id, space__in=spaces_visible_to(user=user))
        .select_related("space", "space__cohort", "author")
        .first()
    )


def post_get_visible(*, user, post_id: int) -> Post | None:
    return (
        Post.objects.filter(pk=post_id, space__in=spaces_visible_to(user=user))
        .select_related("space", "space__cohort", "thread", "author")
        .first()
    )


def lesson_space(*, user, course) -> Space | None:
    """The cohort space in which this viewer discusses a course's lessons."""
    enrollment = current_enrollment(user=user, course=course)
    if enrollment is not None:
        return Space.objects.filter(cohort_id=enrollment.cohort_id, team__isnull=True).first()
    managed = cohorts_managed_by(user=user).filter(course=course).values("pk")
    return Space.objects.filter(cohort__in=managed, team__isnull=True).order_by("-pk").first()


def lesson_thread(*, space: Space, lesson) -> Thread | None:
    return (
        Thread.objects.filter(space=space, lesson=lesson)
        .annotate(reply_count=Count("posts") - 1)
        .order_by("pk")
        .first()
    )


def lesson_discussion(*, user, lesson, course) -> tuple[Space | None, Thread | None]:
    """The viewer's cohort space and its "discuss this lesson" thread (if started)."""
    if not getattr(user, "is_authenticated", False):
        return None, None
    space = lesson_space(user=user, course=course)
    if space is None:
        return None, None
    return space, lesson_thread(space=space, lesson=lesson)


def lesson_discussion_context(*, request, page, context: dict) -> dict:
    """The lesson page's ``discussion`` (registered with core.contributions in
    ``CommunityConfig.ready``)."""
    course = context["nav"].course
    return {"discussion": lesson_discussion(user=request.user, lesson=page, course=course)}
