"""What the cohorts API views share: fetching objects through the selectors that apply what
the person may see, and the answer to anything that enrolls or drops someone."""

from __future__ import annotations

from rest_framework import status
from rest_framework.response import Response

from cms.errors import NotFound

from ... import selectors
from ..serializers import EnrollmentSerializer

# --- fetching through selectors ---------------------------------------------------------------


def _visible_cohort(request, cohort_id: int):
    cohort = selectors.cohort_get_visible(user=request.user, pk=cohort_id)
    if cohort is None:
        raise NotFound("No such cohort.")
    return cohort


def _lesson(lesson_id: int):
    lesson = selectors.lesson_get(pk=lesson_id)
    if lesson is None:
        raise NotFound("No such lesson.")
    return lesson


def _my_team(request, team_id: int):
    team = selectors.teams_of(user=request.user).filter(pk=team_id).first()
    if team is None:
        raise NotFound("No such team.")
    return team


def _enrollment_response(enrollment, *, created: bool = False) -> Response:
    return Response(
        EnrollmentSerializer(enrollment).data,
        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
    )
