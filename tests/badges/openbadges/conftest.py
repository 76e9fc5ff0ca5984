"""Open Badges fixtures: an issuer, badge classes with PNG and SVG images, and awards made
directly with the ORM (hash and salt from ``badges.openbadges.identity``)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage

from badges.models import AwardMethod, BadgeAlignment, BadgeAward, BadgeClass, Issuer
from badges.openbadges.identity import new_salt, recipient_identity
from badges.openbadges.status import status_index_assign

SVG_IMAGE = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">'
    b'<circle cx="60" cy="60" r="56" fill="#1f5f57"/>'
    b'<text x="60" y="68" font-size="20" text-anchor="middle" fill="#fff">Coach</text>'
    b"</svg>\n"
)


def _cairo_available() -> bool:
    try:
        import cairosvg  # noqa: F401  (loads the system's libcairo)
    except OSError:
        return False
    return True


# PNG downloads of SVG badge classes need the system's libcairo2; `.ci/run` installs it, a
# bare machine may lack it (those downloads then answer 409 image_unusable).
CAIRO = _cairo_available()
needs_cairo = pytest.mark.skipif(not CAIRO, reason="libcairo2 missing: apt-get install libcairo2")


def png_bytes(color=(31, 95, 87), size=(96, 96)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def issuer(db):
    found = Issuer(
        name="Praxis Coaching Network",
        url="https://praxis.example.org/",
        email="badges@praxis.example.org",
        description="Trains classroom teachers as edtech coaches.",
    )
    found.save()
    return found


def _badge_class(issuer, *, slug, image_name, image_bytes, alignments=0) -> BadgeClass:
    badge_class = BadgeClass(
        issuer=issuer,
        name=f"Certified Coach {slug}",
        slug=slug,
        description="Completed the coaching course and logged practice.",
        criteria_narrative="Complete every module, write **three** reflections, log 10 hours.",
    )
    badge_class.image.save(image_name, ContentFile(image_bytes), save=False)
    badge_class.save()
    for number in range(alignments):
        BadgeAlignment.objects.create(
            badge_class=badge_class,
            sort_order=number,
            target_name=f"ISTE Coaches standard {number + 1}",
            target_url=f"https://iste.example.org/standards/coaches/{number + 1}",
            target_description="Change agent",
            target_framework="ISTE Standards for Coaches",
            target_code=f"{number + 1}a",
        )
    return badge_class


@pytest.fixture
def make_badge_class(issuer):
    counter = iter(range(1, 1000))

    def build(*, svg=False, alignments=1):
        number = next(counter)
        if svg:
            return _badge_class(
                issuer,
                slug=f"coach-svg-{number}",
                image_name="coach.svg",
                image_bytes=SVG_IMAGE,
                alignments=alignments,
            )
        return _badge_class(
            issuer,
            slug=f"coach-png-{number}",
            image_name="coach.png",
            image_bytes=png_bytes(),
            alignments=alignments,
        )

    return build


@pytest.fixture
def badge_class(make_badge_class):
    return make_badge_class()


@pytest.fixture
def svg_badge_class(make_badge_class):
    return make_badge_class(svg=True)


@pytest.fixture
def make_award(make_user, badge_class):
    def build(
        *,
        badge_class=badge_class,
        user=None,
        evidence_note="",
        evidence_public=False,
        expires_on=None,
        revoked=False,
        reason="",
    ):
        user = user or make_user()
        salt = new_salt()
        now = timezone.now()
        award = BadgeAward.objects.create(
            badge_class=badge_class,
            recipient=user,
            recipient_salt=salt,
            recipient_hash=recipient_identity(user.email, salt),
            issued_on=now - dt.timedelta(days=1),
            expires_on=expires_on,
            method=AwardMethod.MANUAL,
            evidence_note=evidence_note,
            evidence_public=evidence_public,
            revoked_at=now if revoked else None,
            closed_at=now if revoked else None,
            revocation_reason=reason,
        )
        # As badge_award does: the award's bit in the revocation status list.
        return status_index_assign(award=award)

    return build
