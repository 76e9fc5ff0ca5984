"""Courses API under /api/v1/courses/."""

from django.urls import path

from . import views

urlpatterns = [
    path("courses/", views.CourseListApi.as_view(), name="course-list"),
    path("courses/<page_id:course_id>/", views.CourseDetailApi.as_view(), name="course-detail"),
]
