"""Badge fixtures: an issuer, badge classes with real PNG images, a learner enrolled in the
self-paced track that Francesca (``facilitator``) facilitates, and helpers to meet rules
through the cohorts services."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PILImage

from badges.models import BadgeAlignment, BadgeClass, Issuer
from cohorts import services as cohort_services
from courses.models import LessonPage

SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
    b'width="80" height="80"><circle cx="40" cy="40" r="38" fill="#1f5f57"/></svg>\n'
)


def png_bytes(color=(31, 95, 87), size=(80, 80)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def badge_issuer(db):
    return Issuer.objects.create(
        name="Praxis Coaching Institute",
        url="https://praxis.example.org/",
        email="badges@praxis.example.org",
    )


@pytest.fixture
def make_badge_class(badge_issuer):
    counter = {"n": 0}

    def build(**fields):
        counter["n"] += 1
        number = counter["n"]
        badge_class = BadgeClass(
            issuer=badge_issuer,
            name=fields.pop("name", f"Certified Coach {number}"),
            slug=fields.pop("slug", f"certified-coach-{number}"),
            description=fields.pop("description", "Completed the course and coached."),
            criteria_narrative=fields.pop(
                "criteria_narrative", "Complete the course and write **two** reflections."
            ),
            **fields,
        )
        badge_class.image.save(f"badge-{number}.png", ContentFile(png_bytes()), save=False)
        badge_class.save()
        BadgeAlignment.objects.create(
            badge_class=badge_class,
            target_name="Change Agent",
            target_url="https://iste.example.org/coaches/4-1",
            target_framework="ISTE Standards for Coaches",
            target_code="4.1",
        )
        return badge_class

    return build


@pytest.fixture
def learner(make_user, self_paced):
    """A coach in the self-paced track, which ``facilitator`` (fran) facilitates."""
    person = make_user("kevin", display_name="Kevin Tran")
    cohort_services.cohort_enroll(cohort=self_paced, user=person)
    return person


@pytest.fixture
def lessons(course):
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


def finish_course(user, lessons) -> None:
    for lesson in lessons:
        cohort_services.lesson_complete(user=user, lesson=lesson)


def reflect(user, lessons, count: int) -> None:
    for lesson in lessons[:count]:
        block = next(b for b in lesson.body if b.block_type == "reflection_prompt")
        cohort_services.reflection_save(
            user=user, lesson=lesson, block_id=block.id, text=f"What I learned in {lesson.title}."
        )
