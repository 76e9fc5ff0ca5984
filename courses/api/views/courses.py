"""The course catalog: published courses, and one with its module and lesson outline."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.pagination import PagedListMixin

from ...selectors import course_list, course_outline
from ..serializers import CourseDetailSerializer, CourseSerializer


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
