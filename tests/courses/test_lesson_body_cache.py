"""A lesson's shared blocks are rendered once per version of its content, and a published
change shows at once."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from courses import rendering
from courses.models import LessonPage

pytestmark = pytest.mark.django_db

URL = "/courses/test-course/module-1/lesson-1-1/"


def test_the_shared_blocks_are_cached_under_the_content(client, make_course, monkeypatch):
    make_course(modules=1, lessons=1)
    lesson = LessonPage.objects.get(slug="lesson-1-1")
    first = client.get(URL).content.decode()
    assert "Why trust comes first" in first
    key = f"lesson-body:{lesson.pk}:{rendering.body_digest(lesson)}:en-us"
    assert set(cache.get(key)) == {
        b.id for b in lesson.body if b.block_type not in rendering.PERSONAL_BLOCKS
    }

    renders = []
    real = type(lesson.body[0]).render_as_block
    monkeypatch.setattr(
        type(lesson.body[0]),
        "render_as_block",
        lambda self, context=None: renders.append(self.id) or real(self, context),
    )
    assert client.get(URL).content.decode() == first
    assert renders == []


def test_publishing_a_change_shows_it_at_once(client, make_course):
    make_course(modules=1, lessons=1)
    assert "Why trust comes first" in client.get(URL).content.decode()
    lesson = LessonPage.objects.get(slug="lesson-1-1")
    body = list(lesson.body.raw_data)
    body[0] = {**body[0], "value": "Trust, then tools"}
    lesson.body = body
    lesson.save_revision().publish()
    html = client.get(URL).content.decode()
    assert "Trust, then tools" in html
    assert "Why trust comes first" not in html


def test_a_reflection_prompt_is_never_cached(client, make_course):
    make_course(modules=1, lessons=1)
    client.get(URL)
    lesson = LessonPage.objects.get(slug="lesson-1-1")
    cached = cache.get(f"lesson-body:{lesson.pk}:{rendering.body_digest(lesson)}:en-us")
    prompts = [b.id for b in lesson.body if b.block_type == "reflection_prompt"]
    assert prompts and not set(prompts) & set(cached)
