"""Cohorts API: one small view per action. Each parses input, fetches objects through a
selector that applies what the person may see (404 otherwise), calls one service or
selector, and renders. Services raise ``ApplicationError``; ``cms.api.errors`` shapes it."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.api.pagination import PageNumberPagination
from cms.errors import ApplicationError, NotFound, PermissionDenied
from courses.selectors import course_list

from .. import selectors, services
from ..models import EnrollmentStatus, Pace, TeamMembership
from .serializers import (
    CohortBriefSerializer,
    CohortDetailSerializer,
    CohortSerializer,
    CourseBriefSerializer,
    EnrollmentSerializer,
    FeedbackSerializer,
    LearnerProgressSerializer,
    ProgressSummarySerializer,
    RosterSerializer,
    TeamSerializer,
)

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


# --- cohorts ----------------------------------------------------------------------------------


class CohortListApi(APIView):
    """Cohorts the person may see (anyone: published ones), with seats and their own status."""

    permission_classes = [AllowAny]

    class FilterSerializer(serializers.Serializer):
        course = serializers.IntegerField(required=False, min_value=1)
        pace = serializers.ChoiceField(choices=Pace.choices, required=False)
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
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(cohorts, request, view=self)
        mine = selectors.enrollments_by_cohort(
            user=request.user, cohort_ids=[cohort.pk for cohort in page]
        )
        data = CohortSerializer(page, many=True, context={"mine": mine}).data
        return paginator.get_paginated_response(data)


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

    @extend_schema(responses=RosterSerializer)
    def get(self, request, cohort_id: int):
        cohort = _visible_cohort(request, cohort_id)
        if not selectors.can_manage_cohort(user=request.user, cohort=cohort):
            raise PermissionDenied("Only this cohort's facilitators can see its roster.")
        roster = selectors.roster_progress(cohort=cohort, request=request)
        return Response(RosterSerializer(roster).data)


# --- a coach's own learning -------------------------------------------------------------------


class MyEnrollmentsApi(APIView):
    """Your own enrollments: progress for active ones, your place for waitlisted ones."""

    permission_classes = [IsAuthenticated]

    class OutputSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        status = serializers.CharField()
        enrolled_at = serializers.DateTimeField()
        cohort = CohortBriefSerializer()
        course = CourseBriefSerializer(source="cohort.course")
        waitlist_position = serializers.IntegerField(allow_null=True)
        progress = ProgressSummarySerializer(allow_null=True)

        class Meta:
            ref_name = "MyEnrollmentProgress"

    @extend_schema(responses=OutputSerializer(many=True))
    def get(self, request):
        learning = selectors.my_learning(user=request.user, request=request)
        rows = [
            {
                "id": card.enrollment.pk,
                "status": card.enrollment.status,
                "enrolled_at": card.enrollment.enrolled_at,
                "cohort": card.enrollment.cohort,
                "waitlist_position": None,
                "progress": card,
            }
            for card in learning.cards
        ] + [
            {
                "id": enrollment.pk,
                "status": enrollment.status,
                "enrolled_at": enrollment.enrolled_at,
                "cohort": enrollment.cohort,
                "waitlist_position": position,
                "progress": None,
            }
            for enrollment, position in learning.waitlisted
        ]
        return Response(self.OutputSerializer(rows, many=True).data)


class LessonCompletionApi(APIView):
    """Mark a lesson done (or not done). Locked lessons and courses you are not enrolled in
    are refused with 403 (codes ``lesson_locked`` and ``not_enrolled``)."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        done = serializers.BooleanField()

        class Meta:
            ref_name = "LessonCompletionInput"

    class OutputSerializer(serializers.Serializer):
        lesson_id = serializers.IntegerField()
        done = serializers.BooleanField()
        course_complete = serializers.BooleanField()

        class Meta:
            ref_name = "LessonCompletion"

    @extend_schema(request=InputSerializer, responses=OutputSerializer)
    def post(self, request, lesson_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        lesson = _lesson(lesson_id)
        done = data.validated_data["done"]
        course_complete = services.lesson_complete(user=request.user, lesson=lesson, done=done)
        return Response(
            self.OutputSerializer(
                {"lesson_id": lesson.pk, "done": done, "course_complete": course_complete}
            ).data
        )


class LessonReflectionsApi(APIView):
    """Your own reflections on a lesson, with your facilitators' feedback; PUT saves one."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        block_id = serializers.CharField(max_length=64)
        text = serializers.CharField(allow_blank=True, trim_whitespace=False)

        class Meta:
            ref_name = "ReflectionSaveInput"

    class OutputSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        lesson_id = serializers.IntegerField()
        block_id = serializers.CharField()
        prompt = serializers.CharField()
        text = serializers.CharField()
        created_at = serializers.DateTimeField()
        updated_at = serializers.DateTimeField()
        feedback = FeedbackSerializer(many=True, source="feedback.all")

        class Meta:
            ref_name = "Reflection"

    @extend_schema(responses=OutputSerializer(many=True))
    def get(self, request, lesson_id: int):
        lesson = _lesson(lesson_id)
        reflections = selectors.reflections_for_lesson(user=request.user, lesson=lesson)
        return Response(self.OutputSerializer(reflections.values(), many=True).data)

    @extend_schema(request=InputSerializer, responses=OutputSerializer)
    def put(self, request, lesson_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        lesson = _lesson(lesson_id)
        reflection = services.reflection_save(
            user=request.user, lesson=lesson, **data.validated_data
        )
        return Response(self.OutputSerializer(reflection).data)


class ReflectionFeedbackApi(APIView):
    """A facilitator of the learner's cohort answers a reflection. Anyone else gets 404: the
    reflection's existence is not revealed."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        text = serializers.CharField(allow_blank=True, trim_whitespace=False)

        class Meta:
            ref_name = "ReflectionFeedbackInput"

    @extend_schema(request=InputSerializer, responses={201: FeedbackSerializer})
    def post(self, request, reflection_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        reflection = (
            selectors.reflections_visible_to(user=request.user)
            .filter(pk=reflection_id)
            .select_related("user", "lesson")
            .first()
        )
        if reflection is None:
            raise NotFound("No such reflection.")
        feedback = services.reflection_feedback_add(
            reflection=reflection, author=request.user, text=data.validated_data["text"]
        )
        return Response(FeedbackSerializer(feedback).data, status=status.HTTP_201_CREATED)


# --- teams and invitations --------------------------------------------------------------------


class TeamListApi(APIView):
    """Teams you lead or belong to."""

    permission_classes = [IsAuthenticated]

    class OutputSerializer(TeamSerializer):
        my_role = serializers.CharField()

        class Meta:
            ref_name = "MyTeam"

    @extend_schema(responses=OutputSerializer(many=True))
    def get(self, request):
        teams = selectors.teams_of(user=request.user)
        return Response(self.OutputSerializer(teams, many=True).data)


class TeamProgressApi(APIView):
    """For the team's leads: the team's totals and each member's progress (never
    reflections)."""

    permission_classes = [IsAuthenticated]

    class OutputSerializer(serializers.Serializer):
        team = TeamSerializer()
        done = serializers.IntegerField()
        total = serializers.IntegerField()
        percent = serializers.IntegerField()
        behind = serializers.IntegerField(help_text="Members behind schedule.")
        complete = serializers.IntegerField(help_text="Members who finished the course.")
        members = LearnerProgressSerializer(many=True)

        class Meta:
            ref_name = "TeamProgress"

    @extend_schema(responses=OutputSerializer)
    def get(self, request, team_id: int):
        team = _my_team(request, team_id)
        if team.my_role != TeamMembership.Role.LEAD:
            raise PermissionDenied("Only the team's leads can see its progress.")
        progress = selectors.team_progress(team=team, request=request)
        return Response(self.OutputSerializer(progress).data)


class TeamInvitationCreateApi(APIView):
    """A team lead invites someone by email; accepting enrolls them in a team seat."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        email = serializers.EmailField()

        class Meta:
            ref_name = "TeamInvitationInput"

    class OutputSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        email = serializers.EmailField()
        team_id = serializers.IntegerField()
        cohort_id = serializers.IntegerField()
        expires_at = serializers.DateTimeField()

        class Meta:
            ref_name = "TeamInvitation"

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def post(self, request, team_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        team = _my_team(request, team_id)
        invitation = services.team_invite(
            team=team, email=data.validated_data["email"], by=request.user
        )
        return Response(self.OutputSerializer(invitation).data, status=status.HTTP_201_CREATED)


class InvitationAcceptApi(APIView):
    """Accept an emailed invitation (sent to your account's address): enrolls you."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=EnrollmentSerializer)
    def post(self, request, token: str):
        return _enrollment_response(services.invitation_accept(token=token, user=request.user))


class TeamJoinApi(APIView):
    """Follow a team's join link: become a member and take one of the team's seats."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=EnrollmentSerializer)
    def post(self, request, token: str):
        return _enrollment_response(services.team_join(token=token, user=request.user))
