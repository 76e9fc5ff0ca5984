"""Which cohorts a person may see (with seat counts), and their own enrollments."""

from __future__ import annotations

from django.db.models import (
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from courses.models import CoursePage

from ..models import Cohort, CohortStatus, Enrollment, EnrollmentStatus, Team, TeamMembership

VISIBLE_STATUSES = (CohortStatus.OPEN, CohortStatus.RUNNING, CohortStatus.FINISHED)


def cohort_list_visible_to(
    *,
    user,
    course: CoursePage | None = None,
    pace: str | None = None,
    open_only: bool = False,
    viewer: bool = False,
):
    """Cohorts a person may see: every published (not draft or archived) cohort, plus the
    ones they facilitate or are enrolled in. Annotated with seat counts and, with
    ``viewer``, with this person's place in each (for ``join_state_of``)."""
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
    queryset = with_seat_counts(queryset)
    if viewer:
        queryset = with_viewer(queryset, user=user)
    return queryset.order_by("course__title", "pace", "starts_on", "id")


def with_seat_counts(queryset):
    """Annotate each cohort with ``active_general`` (active learners outside teams),
    ``waitlisted_count`` and ``reserved_seats`` (teams' seats), as subqueries so joins
    cannot multiply them. ``seats_left`` reads them; so does ``cohort_enroll``."""
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
    )


def _team_seats_free(team_ref, seats):
    """A team's seats not yet taken by its active members (``team_ref``: the team's pk,
    ``seats``: its number of seats, both as expressions). The one team-seat sum."""
    active = (
        Enrollment.objects.filter(team=team_ref, status=EnrollmentStatus.ACTIVE)
        .values("team")
        .annotate(n=Count("pk"))
        .values("n")
    )
    free = ExpressionWrapper(seats - Coalesce(Subquery(active), 0), output_field=IntegerField())
    return Greatest(free, Value(0), output_field=IntegerField())


def with_viewer(queryset, *, user):
    """Annotate what ``join_state_of`` needs to know about one person, without a query per
    cohort: ``viewer_status`` (their enrollment's status), ``viewer_manages``, and for a
    member of one of the cohort's teams ``viewer_team_free`` and ``viewer_team_role``."""
    if not getattr(user, "is_authenticated", False):
        return queryset
    status = Enrollment.objects.filter(cohort=OuterRef("pk"), user=user).values("status")[:1]
    manages = Cohort.facilitators.through.objects.filter(cohort=OuterRef("pk"), user=user)
    membership = TeamMembership.objects.filter(user=user, team__cohort=OuterRef("pk")).order_by(
        "pk"
    )
    team_free = membership.annotate(
        free=_team_seats_free(OuterRef("team"), F("team__seats"))
    ).values("free")[:1]
    return queryset.annotate(
        viewer_status=Subquery(status),
        viewer_manages=Exists(manages),
        viewer_team_free=Subquery(team_free),
        viewer_team_role=Subquery(membership.values("role")[:1]),
    )


def seats_taken(cohort: Cohort) -> int:
    """Seats counted against capacity: every team's reserved seats plus the active learners
    outside teams, from a cohort annotated by ``with_seat_counts``. The one seat sum: the
    screens, ``cohort_enroll`` and the capacity check all read it (through ``seats_left``)."""
    return cohort.reserved_seats + cohort.active_general


def seats_left(cohort: Cohort) -> int | None:
    """Seats left outside teams (None: no limit), from a cohort annotated by
    ``with_seat_counts``."""
    if cohort.capacity is None:
        return None
    return max(0, cohort.capacity - seats_taken(cohort))


def cohort_with_seat_counts(*, cohort: Cohort) -> Cohort:
    """A fresh copy of ``cohort`` with its seat counts (for the services, under their lock)."""
    return with_seat_counts(Cohort.objects.filter(pk=cohort.pk)).get()


def general_seats_free(cohort: Cohort) -> int | None:
    """Seats left outside teams now, read afresh (None: no limit)."""
    return seats_left(cohort_with_seat_counts(cohort=cohort))


def team_seats_free(*, team: Team) -> int:
    """Seats of a team not yet taken by its active members."""
    return (
        Team.objects.filter(pk=team.pk)
        .annotate(free=_team_seats_free(OuterRef("pk"), F("seats")))
        .values_list("free", flat=True)
        .get()
    )


def cohort_get_visible(*, user, pk: int, viewer: bool = False) -> Cohort | None:
    return cohort_list_visible_to(user=user, viewer=viewer).filter(pk=pk).first()


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


def district_zone_subquery():
    """The zone of a person's district: the organization of their latest team (a fallback
    for ``accounts.selectors.user_time_zone``, registered in ``CohortsConfig.ready``)."""
    return (
        TeamMembership.objects.filter(user=OuterRef("pk"))
        .exclude(team__organization__time_zone="")
        .order_by("-joined_at", "-pk")
        .values("team__organization__time_zone")[:1]
    )


def cohort_zone_subquery():
    """The zone of a person's latest active cohort (the next fallback)."""
    return (
        Enrollment.objects.filter(user=OuterRef("pk"), status=EnrollmentStatus.ACTIVE)
        .order_by("-enrolled_at", "-pk")
        .values("cohort__time_zone")[:1]
    )
