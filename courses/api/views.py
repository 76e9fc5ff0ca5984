from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.pagination import PagedListMixin
from core.urls import absolute_url
from courses.selectors import course_list, course_outline


class LessonOutlineSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField()
    title = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.CharField()
    summary = serializers.CharField()
    estimated_minutes = serializers.IntegerField()


class ModuleOutlineSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.CharField()
    summary = serializers.CharField()
    estimated_minutes = serializers.IntegerField()
    lessons = LessonOutlineSerializer(many=True)


class CourseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    summary = serializers.CharField()
    audience = serializers.CharField()
    estimated_hours = serializers.IntegerField()
    paces = serializers.ListField(child=serializers.CharField())
    url = serializers.SerializerMethodField()

    def get_url(self, course) -> str:
        """The course page on the public address (SITE_URL), whatever host the API was
        called on and whatever the Wagtail Site row says."""
        parts = course.get_url_parts(request=self.context.get("request"))
        return absolute_url(parts[2]) if parts else ""


class CourseDetailSerializer(CourseSerializer):
    outcomes = serializers.SerializerMethodField()
    modules = serializers.SerializerMethodField()

    def get_outcomes(self, course) -> list[str]:
        return [block.value for block in course.outcomes]

    @extend_schema(responses=ModuleOutlineSerializer(many=True))
    def get_modules(self, course) -> list[dict]:
        outline = self.context["outline"]
        return ModuleOutlineSerializer(outline.modules, many=True).data


class CourseListApi(PagedListMixin, APIView):
    """Published courses, in catalog order."""

    permission_classes = [AllowAny]

    @extend_schema(responses=CourseSerializer(many=True))
    def get(self, request):
        page = self.paginate(course_list())
        data = CourseSerializer(page, many=True, context={"request": request}).data
        return self.paginated_response(data)


class CourseDetailApi(APIView):
    """One published course with its module and lesson outline."""

    permission_classes = [AllowAny]

    @extend_schema(responses=CourseDetailSerializer)
    def get(self, request, course_id: int):
        course = get_object_or_404(course_list(), pk=course_id)
        outline = course_outline(course=course, request=request)
        serializer = CourseDetailSerializer(
            course, context={"request": request, "outline": outline}
        )
        return Response(serializer.data)
