"""What the cohorts API views share: fetching objects through the selectors that apply what
the person may see, and the answer to anything that enrolls or drops someone."""

from __future__ import annotations

from rest_framework import status
from rest_framework.response import Response

from core.errors import ApplicationError, PermissionDenied, fetch_or_404
from core.time_zones import zone_or_none

from ... import selectors
from ...models import Cohort
from ..serializers import EnrollmentSerializer

# --- fetching through selectors ---------------------------------------------------------------


def _visible_cohort(request, cohort_id: int):
    return fetch_or_404(
        selectors.cohort_get_visible(user=request.user, pk=cohort_id), what="cohort"
    )


def _managed_cohort(request, cohort_id: int) -> Cohort:
    """A cohort the person sees (else 404) and facilitates (else 403): the facilitators' and
    administrators' writes."""
    cohort = _visible_cohort(request, cohort_id)
    if not selectors.can_manage_cohort(user=request.user, cohort=cohort):
        raise PermissionDenied("Only this cohort's facilitators can change it.")
    return cohort


def _zone_of_input(request, default):
    """The zone a request's times without an offset are read in: a valid ``time_zone`` sent
    with them (a zone changed in the same request), else ``default`` (the cohort's), as
    ``CohortAdminForm`` reads what a facilitator types."""
    data = request.data if isinstance(request.data, dict) else {}
    name = data.get("time_zone")
    return (zone_or_none(name) if isinstance(name, str) else None) or default


def _facilitators(request, ids: list[int], cohort: Cohort | None = None) -> list:
    """The people named by ``ids``, each one the admin's cohort form would offer, else a 400."""
    people = list(
        selectors.facilitators_choosable(by=request.user, cohort=cohort).filter(pk__in=ids)
    )
    missing = sorted(set(ids) - {person.pk for person in people})
    if missing:
        raise ApplicationError(
            f"Not someone who can facilitate: {', '.join(map(str, missing))}.",
            field="facilitators",
            code="unknown_facilitator",
        )
    return people


def _lesson(lesson_id: int):
    return fetch_or_404(selectors.lesson_get(pk=lesson_id), what="lesson")


def _my_team(request, team_id: int):
    return fetch_or_404(selectors.teams_of(user=request.user), what="team", pk=team_id)


def _enrollment_response(enrollment, *, created: bool = False) -> Response:
    return Response(
        EnrollmentSerializer(enrollment).data,
        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
    )
