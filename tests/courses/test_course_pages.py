from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailTestUtils  # noqa: F401  (keeps wagtail test helpers importable)

from cms.models import HomePage
from courses.blocks import local_video_file, video_host_name
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage

pytestmark = pytest.mark.django_db


def test_page_tree_rules():
    assert CourseIndexPage.allowed_parent_page_models() == [HomePage]
    assert CoursePage.allowed_parent_page_models() == [CourseIndexPage]
    assert ModulePage.allowed_parent_page_models() == [CoursePage]
    assert LessonPage.allowed_parent_page_models() == [ModulePage]
    assert LessonPage.allowed_subpage_models() == []
    assert CoursePage.allowed_subpage_models() == [ModulePage]
    assert ModulePage.allowed_subpage_models() == [LessonPage]
    assert not LessonPage.can_create_at(Page.get_first_root_node())


def test_site_root_replaces_the_wagtail_placeholder(site_tree):
    home, catalog = site_tree
    assert home.get_site().root_page_id == home.pk
    assert catalog.url == "/courses/"
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()


def test_course_build_creates_a_live_tree_and_is_idempotent(make_course, site_tree):
    course = make_course(modules=2, lessons=3)
    assert course.live
    assert ModulePage.objects.live().descendant_of(course).count() == 2
    assert LessonPage.objects.live().descendant_of(course).count() == 6
    lesson = LessonPage.objects.get(slug="lesson-1-1")
    assert [block.block_type for block in lesson.body] == [
        "heading",
        "rich_text",
        "image",
        "video",
        "callout",
        "reflection_prompt",
        "practice_task",
        "resource",
        "key_takeaways",
    ]
    again = make_course(modules=5, lessons=5)
    assert again.pk == course.pk
    assert LessonPage.objects.count() == 6


def test_course_must_be_offered_in_some_pace(make_course):
    course = make_course()
    course.offered_self_paced = False
    course.offered_facilitated = False
    with pytest.raises(ValidationError, match="self-paced, facilitated, or both"):
        course.full_clean()


def test_catalog_lists_courses_with_counts(client, make_course):
    make_course(modules=2, lessons=3, title="Coaching Basics")
    response = client.get("/courses/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Coaching Basics" in html
    assert "2 modules" in html
    assert "6 lessons" in html


def test_course_page_shows_outcomes_and_syllabus(client, make_course):
    make_course(modules=2, lessons=2, outcomes=[("outcome", "Hold office hours")])
    html = client.get("/courses/test-course/").content.decode()
    assert "Hold office hours" in html
    assert "Module 2: Module 2" in html
    assert 'href="/courses/test-course/module-2/lesson-2-2/"' in html


def test_lesson_page_renders_every_block_with_outline_and_pager(client, make_course):
    make_course(modules=2, lessons=2)
    response = client.get("/courses/test-course/module-1/lesson-1-2/")
    assert response.status_code == 200
    html = response.content.decode()
    # breadcrumbs
    assert 'aria-label="Breadcrumb"' in html and ">Test Course</a>" in html
    # outline marks the current lesson
    assert 'href="/courses/test-course/module-1/lesson-1-2/" aria-current="page"' in html
    # previous / next
    assert 'rel="prev"' in html and "lesson-1-1/" in html
    assert 'rel="next"' in html and "module-2/lesson-2-1/" in html
    # blocks
    assert 'id="why-trust-comes-first"' in html
    assert "<b>relationship</b>" in html
    # the video is a link out, never a frame from its host (closed networks, strict CSP)
    assert 'href="https://www.youtube.com/watch?v=abcDEF12345"' in html
    assert "on YouTube (opens in a new tab)" in html
    assert "<iframe" not in html and "youtube-nocookie" not in html
    assert "Go slow to go fast." in html and "A liaison" in html
    assert "Who trusts you?" in html
    assert "Ask one teacher what they want to try." in html
    assert "Coaching log template" in html
    assert "Listen first" in html
    assert "<img" in html


def test_first_and_last_lessons_have_one_sided_pager(client, make_course):
    make_course(modules=1, lessons=2)
    first = client.get("/courses/test-course/module-1/lesson-1-1/").content.decode()
    last = client.get("/courses/test-course/module-1/lesson-1-2/").content.decode()
    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="next"' not in last and 'rel="prev"' in last


def test_module_page_lists_its_lessons(client, make_course):
    make_course(modules=2, lessons=3)
    html = client.get("/courses/test-course/module-2/").content.decode()
    assert "Lesson 2.3" in html and "Begin this module" in html


def test_unpublished_lesson_is_hidden_from_outline_and_404(client, make_course):
    make_course(modules=1, lessons=2)
    LessonPage.objects.get(slug="lesson-1-2").unpublish()
    html = client.get("/courses/test-course/module-1/lesson-1-1/").content.decode()
    assert "lesson-1-2" not in html
    assert client.get("/courses/test-course/module-1/lesson-1-2/").status_code == 404


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.youtube.com/watch?v=abcDEF12345", "YouTube"),
        ("https://youtu.be/abcDEF12345", "YouTube"),
        ("https://m.youtube.com/watch?v=abcDEF12345", "YouTube"),
        ("https://vimeo.com/123456", "Vimeo"),
        ("https://videos.example.org/intro.mp4", "videos.example.org"),
    ],
)
def test_a_video_link_names_its_host(url, host):
    assert video_host_name(url) == host


def test_only_a_video_file_on_this_site_plays_in_place(settings):
    settings.SITE_URL = "https://praxis.example.org"
    assert local_video_file("https://praxis.example.org/media/intro.mp4") == "/media/intro.mp4"
    assert local_video_file("https://praxis.example.org/media/notes.pdf") is None
    assert local_video_file("https://elsewhere.example.org/media/intro.mp4") is None
    assert local_video_file("https://www.youtube.com/watch?v=abcDEF12345") is None


def test_unknown_url_gets_a_styled_404(client, site_tree):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "We couldn’t find that page" in response.content.decode()
    assert "praxis.css" in response.content.decode()
