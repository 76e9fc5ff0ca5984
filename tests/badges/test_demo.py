"""The badges part of the demo: every award state and the queue, built through the services,
idempotent."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from accounts.demo import seed_people
from badges.demo import CLUB_SLUG, COACH_SLUG, seed_badges
from badges.models import BadgeAward, BadgeClass, CertificationRequest, EarnerProfile
from badges.validators import image_kind

pytestmark = pytest.mark.django_db


def _states() -> dict[str, str]:
    return {
        f"{award.badge_class.slug}:{award.recipient.username}": award.status
        for award in BadgeAward.objects.select_related("badge_class", "recipient")
    }


def test_demo_badges(client):
    call_command("seed_demo", stdout=io.StringIO())
    coach = BadgeClass.objects.get(slug=COACH_SLUG)
    club = BadgeClass.objects.get(slug=CLUB_SLUG)
    assert coach.name == "Certified Coach — Coaching from Theory to Practice"
    assert coach.course.slug == "coaching-from-theory-to-practice"
    assert coach.requires_approval and coach.min_reflections and coach.min_practice_hours
    assert coach.alignments.count() == 2 and club.alignments.count() == 1
    for badge_class in (coach, club):
        with badge_class.image.open("rb") as image:
            assert image_kind(image.read()) == badge_class.image.name.rsplit(".", 1)[1]
    assert _states() == {
        f"{COACH_SLUG}:luis": "active",
        f"{CLUB_SLUG}:maya": "active",
        f"{CLUB_SLUG}:hannah": "active",
        f"{CLUB_SLUG}:diego": "revoked",
        f"{CLUB_SLUG}:tom": "expired",
    }
    requests = {r.learner.username: r.status for r in CertificationRequest.objects.all()}
    assert requests == {"kevin": "pending", "nora": "changes"}
    assert EarnerProfile.objects.filter(public_profile=True, show_name=True).count() == 2

    # Idempotent: running it again adds nothing.
    counts = (BadgeAward.objects.count(), CertificationRequest.objects.count())
    seed_badges(people=seed_people())
    assert (BadgeAward.objects.count(), CertificationRequest.objects.count()) == counts
    assert _states()[f"{CLUB_SLUG}:diego"] == "revoked"

    maya = BadgeAward.objects.get(recipient__username="maya")
    html = client.get(f"/badges/awards/{maya.entity_id}/").content.decode()
    assert "Maya Robinson" in html and "Led four tech-club sessions" in html
