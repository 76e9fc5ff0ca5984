"""Course outlines are cached under the course tree's generation: every change an editor
makes shows on the next request."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from courses.models import LessonPage, ModulePage
from courses.selectors import course_outline
from courses.versions import content_generation

pytestmark = pytest.mark.django_db

COURSE = "/courses/test-course/"


def _outline_titles(course) -> list[str]:
    return [lesson.title for lesson in course_outline(course=course).lessons]


def test_the_outline_is_read_from_the_cache(make_course, django_assert_num_queries):
    course = make_course(modules=2, lessons=2)
    first = _outline_titles(course)
    with django_assert_num_queries(0):
        assert _outline_titles(course) == first


def test_publishing_a_new_title_shows_at_once(client, make_course):
    course = make_course(modules=1, lessons=2)
    assert "Lesson 1.2" in client.get(COURSE).content.decode()
    before = content_generation()
    lesson = LessonPage.objects.get(slug="lesson-1-2")
    lesson.title = "Listening first"
    lesson.save_revision().publish()
    assert content_generation() != before
    assert _outline_titles(course) == ["Lesson 1.1", "Listening first"]
    html = client.get(COURSE).content.decode()
    assert "Listening first" in html and "Lesson 1.2" not in html


def test_unpublishing_deleting_and_moving_change_the_outline(make_course):
    course = make_course(modules=2, lessons=2)
    assert len(_outline_titles(course)) == 4
    LessonPage.objects.get(slug="lesson-1-1").unpublish()
    assert _outline_titles(course) == ["Lesson 1.2", "Lesson 2.1", "Lesson 2.2"]
    LessonPage.objects.get(slug="lesson-2-2").delete()
    assert _outline_titles(course) == ["Lesson 1.2", "Lesson 2.1"]
    module_1 = ModulePage.objects.get(slug="module-1")
    LessonPage.objects.get(slug="lesson-2-1").move(module_1, pos="last-child")
    outline = course_outline(course=course)
    assert [len(m.lessons) for m in outline.modules] == [2, 0]


def test_a_view_restriction_hides_the_lesson_from_the_outline(make_course):
    course = make_course(modules=1, lessons=2)
    assert len(_outline_titles(course)) == 2
    restriction = PageViewRestriction.objects.create(
        page=LessonPage.objects.get(slug="lesson-1-2"),
        restriction_type=PageViewRestriction.GROUPS,
    )
    restriction.groups.add(Group.objects.create(name="Staff only"))
    assert _outline_titles(course) == ["Lesson 1.1"]
    restriction.delete()
    assert len(_outline_titles(course)) == 2
