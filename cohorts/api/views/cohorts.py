"""Cohorts: list and detail, enroll and drop, and the facilitators' roster."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.api.pagination import PagedListMixin
from cms.api.schema import errors
from cms.errors import ApplicationError, NotFound, PermissionDenied
from core.api import fields
from courses.selectors import course_list

from ... import selectors, services
from ...models import EnrollmentStatus, Pace
from ..serializers import (
    CohortDetailSerializer,
    CohortSerializer,
    EnrollmentSerializer,
    RosterSerializer,
)
from ._common import _enrollment_response, _visible_cohort

# --- cohorts ----------------------------------------------------------------------------------


class CohortListApi(PagedListMixin, APIView):
    """Cohorts the person may see (anyone: published ones), with seats and their own status."""

    permission_classes = [AllowAny]

    class FilterSerializer(serializers.Serializer):
        course = fields.PageIdField(required=False)
        pace = fields.ChoiceField(choices=Pace.choices, required=False)
        open = serializers.BooleanField(
            required=False, default=False, help_text="Only cohorts open for enrollment now."
        )

        class Meta:
            ref_name = "CohortListFilter"

    @extend_schema(parameters=[FilterSerializer], responses=CohortSerializer(many=True))
    def get(self, request):
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        course = None
        if "course" in filters.validated_data:
            course = course_list().filter(pk=filters.validated_data["course"]).first()
            if course is None:
                raise ApplicationError("No such course.", code="unknown_course", field="course")
        cohorts = selectors.cohort_list_visible_to(
            user=request.user,
            course=course,
            pace=filters.validated_data.get("pace"),
            open_only=filters.validated_data["open"],
        )
        page = self.paginate(cohorts)
        mine = selectors.enrollments_by_cohort(
            user=request.user, cohort_ids=[cohort.pk for cohort in page]
        )
        data = CohortSerializer(page, many=True, context={"mine": mine}).data
        return self.paginated_response(data)


class CohortDetailApi(APIView):
    """One cohort with its module dates and live sessions."""

    permission_classes = [AllowAny]

    @extend_schema(responses=CohortDetailSerializer)
    def get(self, request, cohort_id: int):
        cohort = _visible_cohort(request, cohort_id)
        mine = selectors.enrollments_by_cohort(user=request.user, cohort_ids=[cohort.pk])
        own = mine.get(cohort.pk)
        show_join_links = (own is not None and own.status == EnrollmentStatus.ACTIVE) or (
            selectors.can_manage_cohort(user=request.user, cohort=cohort)
        )
        context = {
            "mine": mine,
            "schedule": selectors.cohort_schedule(cohort=cohort),
            "show_join_links": show_join_links,
        }
        return Response(CohortDetailSerializer(cohort, context=context).data)


class CohortEnrollApi(APIView):
    """Enroll yourself: active when a seat is free, else waitlisted. 201 for a new
    enrollment, 200 when you were already in (or on the waitlist of) the cohort."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={200: EnrollmentSerializer, 201: EnrollmentSerializer})
    def post(self, request, cohort_id: int):
        cohort = _visible_cohort(request, cohort_id)
        before = selectors.enrollment_of(user=request.user, cohort=cohort)
        already = before is not None and before.status != EnrollmentStatus.DROPPED
        enrollment = services.cohort_enroll(cohort=cohort, user=request.user)
        return _enrollment_response(enrollment, created=not already)


class CohortDropApi(APIView):
    """Leave a cohort (or its waitlist); the freed seat goes to the first on the waitlist."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=EnrollmentSerializer)
    def post(self, request, cohort_id: int):
        cohort = _visible_cohort(request, cohort_id)
        enrollment = selectors.enrollment_of(user=request.user, cohort=cohort)
        if enrollment is None:
            raise NotFound("You are not enrolled in this cohort.", code="not_enrolled")
        enrollment = services.enrollment_drop(enrollment=enrollment, by=request.user)
        return _enrollment_response(enrollment)


class CohortRosterApi(APIView):
    """The roster × modules progress matrix and the waitlist, for the cohort's facilitators."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: RosterSerializer, **errors(403)})
    def get(self, request, cohort_id: int):
        cohort = _visible_cohort(request, cohort_id)
        if not selectors.can_manage_cohort(user=request.user, cohort=cohort):
            raise PermissionDenied("Only this cohort's facilitators can see its roster.")
        roster = selectors.roster_progress(cohort=cohort, request=request)
        return Response(RosterSerializer(roster).data)
