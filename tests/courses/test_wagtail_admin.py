"""Editors write and preview course content in the Wagtail admin."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from accounts.services import user_create
from courses.models import LessonPage, ModulePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    user = user_create(email="elena@example.org", password="a-long-pass-phrase", username="elena")
    user.groups.add(Group.objects.get(name="Editors"), Group.objects.get(name="Moderators"))
    return user


def test_editor_opens_the_lesson_editor_and_previews_a_draft(client, editor, make_course):
    make_course(modules=1, lessons=2)
    lesson = LessonPage.objects.get(slug="lesson-1-1")
    client.force_login(editor)
    edit = client.get(f"/admin/pages/{lesson.pk}/edit/")
    assert edit.status_code == 200
    html = edit.content.decode()
    for block in ("reflection_prompt", "practice_task", "key_takeaways", "resource"):
        assert block in html
    lesson.title = "A draft title"
    lesson.save_revision(user=editor)
    draft = client.get(f"/admin/pages/{lesson.pk}/view_draft/")
    assert draft.status_code == 200
    assert "A draft title" in draft.content.decode()
    # The published page still shows the old title.
    assert "A draft title" not in client.get(lesson.url).content.decode()


def test_editor_can_add_a_lesson_only_under_a_module(client, editor, make_course):
    course = make_course(modules=1, lessons=1)
    module = ModulePage.objects.get(slug="module-1")
    client.force_login(editor)
    assert client.get(f"/admin/pages/add/courses/lessonpage/{module.pk}/").status_code == 200
    refused = client.get(f"/admin/pages/add/courses/lessonpage/{course.pk}/")
    assert refused.status_code in (302, 403, 404)
