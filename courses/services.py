"""Writes to the course tree. Editors normally work in the Wagtail admin; these services
are for code that builds content (the demo, imports), and publish through revisions like
the admin does so page history stays meaningful."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from wagtail.models import Page, Site

from cms.models import HomePage
from core.urls import site_host_port

from .models import CourseIndexPage, CoursePage, LessonPage, ModulePage


def _publish(page: Page, user=None) -> Page:
    page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    return page


def _child_by_slug(parent: Page, model: type[Page], slug: str) -> Page | None:
    return model.objects.child_of(parent).filter(slug=slug).first()


@transaction.atomic
def site_root_ensure(
    *, hostname: str | None = None, port: int | None = None
) -> tuple[HomePage, CourseIndexPage]:
    """Make a HomePage the default site's root and give it a course catalog at /courses/.

    Replaces Wagtail's placeholder "Welcome" page on a fresh database; leaves an existing
    HomePage and catalog untouched. The default site's hostname and port are the public
    address (SITE_URL, unless given), so ``page.full_url`` matches every other absolute link.
    """
    site_hostname, site_port = site_host_port()
    hostname = hostname or site_hostname
    port = port or site_port
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(
            title="Praxis",
            slug="praxis-home",
            headline="Grow the coaches your teachers trust",
            intro=(
                "<p>Praxis trains classroom teachers to become the on-site technology coaches "
                "their colleagues rely on: self-paced or in facilitated cohorts, together as a "
                "district team, with real coaching practice and credentials worth sharing.</p>"
            ),
        )
        root.add_child(instance=home)
        _publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="Praxis"
        )
    else:
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save(update_fields=["hostname", "port"])
        if site.root_page_id != home.pk:
            placeholder = site.root_page
            site.root_page = home
            site.site_name = site.site_name or "Praxis"
            site.save(update_fields=["root_page", "site_name"])
            if placeholder.specific_class is Page and not placeholder.get_children().exists():
                placeholder.delete()
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
        _publish(catalog)
    return home, catalog


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
    _publish(course, user)
    stream_block = LessonPage._meta.get_field("body").stream_block
    for module_data in modules:
        module = ModulePage(
            title=module_data["title"],
            slug=module_data["slug"],
            summary=module_data.get("summary", ""),
        )
        course.add_child(instance=module)
        _publish(module, user)
        for lesson_data in module_data["lessons"]:
            lesson = LessonPage(
                title=lesson_data["title"],
                slug=lesson_data["slug"],
                summary=lesson_data.get("summary", ""),
                estimated_minutes=lesson_data.get("estimated_minutes", 20),
                body=stream_block.to_python(lesson_data.get("body", [])),
            )
            module.add_child(instance=lesson)
            _publish(lesson, user)
    return course, True
