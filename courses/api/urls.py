from django.urls import path

from . import views

urlpatterns = [
    path("courses/", views.CourseListApi.as_view(), name="course-list"),
    path("courses/<int:course_id>/", views.CourseDetailApi.as_view(), name="course-detail"),
]
