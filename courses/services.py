"""Writes to the course tree. Editors normally work in the Wagtail admin; these services
are for code that builds content (the demo, imports), and publish through revisions like
the admin does so page history stays meaningful."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from wagtail.models import Page

from .models import CourseIndexPage, CoursePage, LessonPage, ModulePage


def publish(page: Page, user=None) -> Page:
    page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    return page


def _child_by_slug(parent: Page, model: type[Page], slug: str) -> Page | None:
    return model.objects.child_of(parent).filter(slug=slug).first()


@transaction.atomic
def catalog_ensure(*, home: Page) -> CourseIndexPage:
    """The course catalog at /courses/ under the home page, created and published if missing."""
    catalog = _child_by_slug(home, CourseIndexPage, "courses")
    if catalog is None:
        catalog = CourseIndexPage(
            title="Courses",
            slug="courses",
            intro=(
                "<p>Every course can be taken at your own pace or with a facilitated cohort "
                "and your district team.</p>"
            ),
        )
        home.add_child(instance=catalog)
        publish(catalog)
    return catalog


@transaction.atomic
def course_build(
    *,
    catalog: CourseIndexPage,
    title: str,
    slug: str,
    modules: list[dict[str, Any]],
    user=None,
    **course_fields: Any,
) -> tuple[CoursePage, bool]:
    """Create and publish a course with its modules and lessons, unless a course with this
    slug already exists in the catalog (then it is returned untouched, so editors' changes
    are never overwritten). Lesson ``body`` is StreamField raw data:
    ``[{"type": "heading", "value": "…"}, …]``. Returns ``(course, created)``."""
    existing = _child_by_slug(catalog, CoursePage, slug)
    if existing is not None:
        return existing, False
    course = CoursePage(title=title, slug=slug, **course_fields)
    catalog.add_child(instance=course)
    publish(course, user)
    stream_block = LessonPage._meta.get_field("body").stream_block
    for module_data in modules:
        module = ModulePage(
            title=module_data["title"],
            slug=module_data["slug"],
            summary=module_data.get("summary", ""),
        )
        course.add_child(instance=module)
        publish(module, user)
        for lesson_data in module_data["lessons"]:
            lesson = LessonPage(
                title=lesson_data["title"],
                slug=lesson_data["slug"],
                summary=lesson_data.get("summary", ""),
                estimated_minutes=lesson_data.get("estimated_minutes", 20),
                body=stream_block.to_python(lesson_data.get("body", [])),
            )
            module.add_child(instance=lesson)
            publish(lesson, user)
    return course, True
