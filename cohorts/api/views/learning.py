"""A coach's own learning: enrollments with progress, lesson completion, reflections and
the facilitators' feedback on them."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import fields
from core.errors import fetch_or_404

from ... import selectors, services
from ...models import Reflection, ReflectionFeedback
from ..serializers import (
    CohortBriefSerializer,
    CourseBriefSerializer,
    FeedbackSerializer,
    ProgressSummarySerializer,
)
from ._common import _lesson

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
        block_id = fields.CharField(max_length=Reflection._meta.get_field("block_id").max_length)
        text = fields.CharField(
            allow_blank=True,
            trim_whitespace=False,
            max_length=Reflection._meta.get_field("text").max_length,
        )

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
        text = fields.CharField(
            allow_blank=True,
            trim_whitespace=False,
            max_length=ReflectionFeedback._meta.get_field("text").max_length,
        )

        class Meta:
            ref_name = "ReflectionFeedbackInput"

    @extend_schema(request=InputSerializer, responses={201: FeedbackSerializer})
    def post(self, request, reflection_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        reflection = fetch_or_404(
            selectors.reflections_visible_to(user=request.user).select_related("user", "lesson"),
            what="reflection",
            pk=reflection_id,
        )
        feedback = services.reflection_feedback_add(
            reflection=reflection, author=request.user, text=data.validated_data["text"]
        )
        return Response(FeedbackSerializer(feedback).data, status=status.HTTP_201_CREATED)
