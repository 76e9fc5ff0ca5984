"""Cohorts: list and detail, enroll and drop, and the facilitators' roster; opening (POST)
and changing (PATCH) a cohort run, for facilitators and administrators."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import fields
from core.api.pagination import PagedListMixin
from core.api.schema import errors
from core.errors import ApplicationError, PermissionDenied, fetch_or_404
from core.time_zones import zone_or_none
from courses.selectors import course_list

from ... import selectors, services
from ...models import Cohort, EnrollmentStatus, Pace
from ..serializers import (
    CohortDetailSerializer,
    CohortFieldsInput,
    CohortSerializer,
    EnrollmentSerializer,
    RosterLearnerSerializer,
    RosterPageSerializer,
    RosterSerializer,
)
from ._common import (
    _enrollment_response,
    _facilitators,
    _managed_cohort,
    _visible_cohort,
    _zone_of_input,
)


def _detail_response(request, cohort: Cohort, *, created: bool = False) -> Response:
    """One cohort as ``CohortDetailApi`` answers it; ``cohort`` comes from ``_visible_cohort``
    (seat counts annotated)."""
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
    return Response(
        CohortDetailSerializer(cohort, context=context).data,
        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
    )


# --- cohorts ----------------------------------------------------------------------------------


class CohortListApi(PagedListMixin, APIView):
    """Cohorts the person may see (anyone: published ones), with seats and their own status.
    POST opens a cohort run of a course, as the admin's "add cohort" does: it needs that
    right (the Facilitators group has it); a facilitated run gets one module a week."""

    permission_classes = [IsAuthenticatedOrReadOnly]

    class InputSerializer(CohortFieldsInput):
        course = fields.PageIdField()
        pace = fields.ChoiceField(choices=Pace.choices, default=Pace.FACILITATED)

        class Meta:
            ref_name = "CohortCreateInput"

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

    @extend_schema(request=InputSerializer, responses={201: CohortDetailSerializer, **errors(403)})
    def post(self, request):
        if not request.user.has_perm("cohorts.add_cohort"):
            # cohort_create refuses too; refusing first keeps a 400 on the body from hiding it.
            raise PermissionDenied("You may not open cohorts.")
        default_zone = zone_or_none(Cohort._meta.get_field("time_zone").default)
        data = self.InputSerializer(
            data=request.data, context={"zone": _zone_of_input(request, default_zone)}
        )
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        course = course_list().filter(pk=values.pop("course")).first()
        if course is None:
            raise ApplicationError("No such course.", code="unknown_course", field="course")
        ids = values.pop("facilitators", None)
        people = _facilitators(request, ids) if ids else ()
        cohort = services.cohort_create(
            course=course, by=request.user, facilitators=people, **values
        )
        return _detail_response(request, _visible_cohort(request, cohort.pk), created=True)


class CohortDetailApi(APIView):
    """One cohort with its module dates and live sessions. PATCH changes the fields sent, for
    the cohort's facilitators and administrators, with the admin form's rules: capacity not
    below the seats taken, no module opening after the end."""

    permission_classes = [IsAuthenticatedOrReadOnly]

    class InputSerializer(CohortFieldsInput):
        class Meta:
            ref_name = "CohortUpdateInput"

    @extend_schema(responses=CohortDetailSerializer)
    def get(self, request, cohort_id: int):
        return _detail_response(request, _visible_cohort(request, cohort_id))

    @extend_schema(request=InputSerializer, responses={200: CohortDetailSerializer})
    def patch(self, request, cohort_id: int):
        cohort = _managed_cohort(request, cohort_id)
        data = self.InputSerializer(
            data=request.data, partial=True, context={"zone": _zone_of_input(request, cohort.tz)}
        )
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        ids = values.pop("facilitators", None)
        people = None if ids is None else _facilitators(request, ids, cohort)
        cohort = services.cohort_update(
            cohort=cohort, by=request.user, facilitators=people, **values
        )
        return _detail_response(request, _visible_cohort(request, cohort.pk))


class CohortEnrollApi(APIView):
    """Enroll yourself: active when a seat is free, else waitlisted. 201 for a new
    enrollment, 200 when you were already in (or on the waitlist of) the cohort."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={200: EnrollmentSerializer, 201: EnrollmentSerializer})
    def post(self, request, cohort_id: int):
        cohort = _visible_cohort(request, cohort_id)
        enrollment, created = services.cohort_enroll(cohort=cohort, user=request.user)
        return _enrollment_response(enrollment, created=created)


class CohortDropApi(APIView):
    """Leave a cohort (or its waitlist); the freed seat goes to the first on the waitlist."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=EnrollmentSerializer)
    def post(self, request, cohort_id: int):
        cohort = _visible_cohort(request, cohort_id)
        enrollment = fetch_or_404(
            selectors.enrollment_of(user=request.user, cohort=cohort),
            message="You are not enrolled in this cohort.",
            code="not_enrolled",
        )
        enrollment = services.enrollment_drop(enrollment=enrollment, by=request.user)
        return _enrollment_response(enrollment)


class CohortRosterApi(PagedListMixin, APIView):
    """The roster × modules progress matrix, a page of learners at a time (by name, or least
    progress first; optionally only those behind, catching up or on track), with the
    cohort-wide counts and the waitlist on every page, for the cohort's facilitators."""

    permission_classes = [IsAuthenticated]

    class FilterSerializer(serializers.Serializer):
        status = fields.ChoiceField(
            choices=selectors.ROSTER_STATUSES, required=False, help_text="Only these learners."
        )
        sort = fields.ChoiceField(
            choices=selectors.ROSTER_SORTS,
            required=False,
            default="name",
            help_text="name, or progress: fewest lessons done first.",
        )

        class Meta:
            ref_name = "RosterFilter"

    @extend_schema(
        parameters=[FilterSerializer], responses={200: RosterPageSerializer, **errors(403)}
    )
    def get(self, request, cohort_id: int):
        cohort = _visible_cohort(request, cohort_id)
        if not selectors.can_manage_cohort(user=request.user, cohort=cohort):
            raise PermissionDenied("Only this cohort's facilitators can see its roster.")
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        roster = selectors.roster_progress(
            cohort=cohort,
            request=request,
            status=filters.validated_data.get("status"),
            sort=filters.validated_data["sort"],
        )
        page = self.paginate(roster.learners)
        response = self.paginated_response(RosterLearnerSerializer(page, many=True).data)
        response.data.update(RosterSerializer(roster).data)
        return response
