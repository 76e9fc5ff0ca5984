"""Shared fixtures: a real Wagtail site tree and courses of any size, built through services."""

from __future__ import annotations

import io

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms import services as site_services
from courses import services as course_services

pytest_plugins = ["tests.fixtures_cohorts"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: a post rate limit, a throttle or a cached page
    from the test before never leaks into the next (each xdist worker has its own cache)."""
    cache.clear()
    yield


def _png_bytes(color=(31, 95, 87)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 32), color).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def image(db):
    Image = get_image_model()
    picture = Image(title="Test picture")
    picture.file = ImageFile(io.BytesIO(_png_bytes()), name="test.png")
    picture._set_image_file_metadata()
    picture.save()
    return picture


@pytest.fixture
def document(db):
    Document = get_document_model()
    doc = Document(title="Coaching log template")
    doc.file.save("coaching-log.txt", ContentFile(b"date,teacher,focus\n"), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


@pytest.fixture
def site_tree(db):
    return site_services.site_root_ensure()


def lesson_body(image, document) -> list[dict]:
    """One block of every type, as StreamField raw data."""
    return [
        {"type": "heading", "value": "Why trust comes first"},
        {"type": "rich_text", "value": "<p>Coaching is a <b>relationship</b> first.</p>"},
        {"type": "image", "value": {"image": image.pk, "caption": "A coach", "alt_text": "Two"}},
        {
            "type": "video",
            "value": {
                "url": "https://www.youtube.com/watch?v=abcDEF12345",
                "title": "Office hours in action",
                "transcript": "A liaison welcomes a teacher.",
            },
        },
        {
            "type": "callout",
            "value": {
                "style": "quote",
                "title": "",
                "text": "Go slow to go fast.",
                "attribution": "A liaison",
            },
        },
        {"type": "reflection_prompt", "value": {"prompt": "Who trusts you?", "guidance": ""}},
        {
            "type": "practice_task",
            "value": {
                "title": "Try this with a teacher this week",
                "instructions": "<p>Ask one teacher what they want to try.</p>",
                "time_estimate_minutes": 20,
            },
        },
        {
            "type": "resource",
            "value": {"document": document.pk, "title": "", "description": "A template."},
        },
        {"type": "key_takeaways", "value": {"items": ["Listen first", "Follow up"]}},
    ]


@pytest.fixture
def make_course(site_tree, image, document):
    _home, catalog = site_tree

    def build(*, modules: int = 2, lessons: int = 3, slug: str = "test-course", **fields):
        body = lesson_body(image, document)
        outline = [
            {
                "title": f"Module {m}",
                "slug": f"module-{m}",
                "summary": f"Summary of module {m}",
                "lessons": [
                    {
                        "title": f"Lesson {m}.{n}",
                        "slug": f"lesson-{m}-{n}",
                        "summary": f"About lesson {m}.{n}",
                        "estimated_minutes": 15,
                        "body": body,
                    }
                    for n in range(1, lessons + 1)
                ],
            }
            for m in range(1, modules + 1)
        ]
        fields.setdefault("summary", "A course for coaches.")
        fields.setdefault("hero_image", image)
        course, _created = course_services.course_build(
            catalog=catalog,
            title=fields.pop("title", "Test Course"),
            slug=slug,
            modules=outline,
            **fields,
        )
        return course

    return build
