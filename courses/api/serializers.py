"""Output shapes of the courses API: published courses and their outline, read from the
``CoursePage`` and ``selectors.course_outline``."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from core.urls import absolute_url


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
