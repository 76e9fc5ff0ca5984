"""Which cohorts a person may see (with seat counts), and their own enrollments."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from courses.models import CoursePage

from ..models import Cohort, CohortStatus, Enrollment, EnrollmentStatus, Team

VISIBLE_STATUSES = (CohortStatus.OPEN, CohortStatus.RUNNING, CohortStatus.FINISHED)


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
