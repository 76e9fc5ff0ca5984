"""Courses API: the public catalog, read only."""

from .courses import CourseDetailApi, CourseListApi  # noqa: F401
