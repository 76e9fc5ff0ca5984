"""Demo course content: turns the files ``demo_content`` reads into pages, pictures and
documents."""

from __future__ import annotations

import io
import textwrap
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from . import demo_content, services
from .models import Pace

DEMO_COLLECTION_TAG = "praxis-demo"


def _hex_to_rgb(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return tuple(int(color[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def _draw_card(title: str, color: str, size: tuple[int, int] = (1200, 600)) -> bytes:
    """A simple illustrated card: a two-tone background, circles, and the title."""
    base = _hex_to_rgb(color)
    light = tuple(min(255, c + 70) for c in base)
    picture = PILImage.new("RGB", size, base)
    draw = ImageDraw.Draw(picture)
    width, height = size
    draw.ellipse((width * 0.55, -height * 0.3, width * 1.25, height * 0.9), fill=light)
    draw.ellipse((width * 0.72, height * 0.45, width * 1.05, height * 1.2), fill=(242, 183, 5))
    draw.rectangle((0, height - 18, width, height), fill=(255, 255, 255))
    font = ImageFont.load_default(size=64)
    lines = textwrap.wrap(title, width=22)[:3]
    y = height / 2 - len(lines) * 40
    for line in lines:
        draw.text((70, y), line, fill=(255, 255, 255), font=font)
        y += 80
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _ensure_image(key: str, spec: dict[str, str]):
    Image = get_image_model()
    title = spec["title"]
    image = Image.objects.filter(title=title).first()
    if image is None:
        data = _draw_card(title, spec.get("color", "#1f5f57"))
        image = Image(title=title)
        image.file = ImageFile(io.BytesIO(data), name=f"demo-{key}.png")
        image._set_image_file_metadata()
        image.save()
        image.tags.add(DEMO_COLLECTION_TAG)
    return image


def _ensure_document(key: str, spec: dict[str, str]):
    Document = get_document_model()
    document = Document.objects.filter(title=spec["title"]).first()
    if document is None:
        document = Document(title=spec["title"])
        content = ContentFile(spec["content"].encode("utf-8"))
        document.file.save(spec["filename"], content, save=False)
        document._set_document_file_metadata()
        document.save()
        document.tags.add(DEMO_COLLECTION_TAG)
    return document


def _raw_block(
    block_type: str, value: Any, images: dict, documents: dict, content: demo_content.DemoContent
) -> dict:
    if block_type == "image":
        image = images[value["image"]]
        value = {
            "image": image.pk,
            "caption": value.get("caption", ""),
            "alt_text": value.get("alt", content.images[value["image"]]["alt"]),
        }
    elif block_type == "resource":
        value = {**value, "document": documents[value["document"]].pk}
    return {"type": block_type, "value": value}


def seed_courses(*, catalog, user=None) -> list[tuple[Any, bool]]:
    """Build the demo courses in ``catalog`` (skipping any that already exist). Returns
    (course, created)."""
    content = demo_content.load()  # before any write: a broken file stops the seed untouched
    images = {key: _ensure_image(key, spec) for key, spec in content.images.items()}
    documents = {key: _ensure_document(key, spec) for key, spec in content.documents.items()}
    results = []
    for course in content.courses:
        modules = [
            {
                **module,
                "lessons": [
                    {
                        **lesson,
                        "body": [
                            _raw_block(block_type, value, images, documents, content)
                            for block_type, value in lesson["body"]
                        ],
                    }
                    for lesson in module["lessons"]
                ],
            }
            for module in course["modules"]
        ]
        results.append(
            services.course_build(
                catalog=catalog,
                title=course["title"],
                slug=course["slug"],
                modules=modules,
                user=user,
                summary=course["summary"],
                intro=course.get("intro", ""),
                outcomes=[("outcome", outcome) for outcome in course.get("outcomes", [])],
                audience=course.get("audience", ""),
                estimated_hours=course.get("estimated_hours", 10),
                hero_image=images.get(course.get("hero_image")),
                offered_self_paced=Pace.SELF_PACED in course.get("paces", []),
                offered_facilitated=Pace.FACILITATED in course.get("paces", []),
            )
        )
    return results
