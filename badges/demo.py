"""Demo badges: the issuer, two badge classes with real images, and awards in every state,
built through the services (awards, revocation, the queue). Idempotent.

- "Certified Coach — Coaching from Theory to Practice" needs the course, two reflections in
  it, 10 practice hours in six months and a facilitator's approval; expires after 24 months.
  Luis holds it; Kevin and Nora finished the course, logged their coaching hours in the
  practice log, and so the rules put them in Francesca's queue (Nora was asked for one more
  reflection).
- "Tech Club Leader" is awarded by hand (no automatic rules) and lasts 12 months: Maya and
  Hannah hold it, Diego's was revoked, Tom's expired.
"""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from cohorts import services as cohort_services
from cohorts.demo import district_today
from core.urls import absolute_url as site_url
from courses.models import CoursePage, LessonPage
from practice.models import Kind, PracticeEntry
from practice.services import practice_entry_create

from . import services
from .models import (
    AwardMethod,
    BadgeAlignment,
    BadgeAward,
    BadgeClass,
    CertificationRequest,
    EarnerProfile,
    Issuer,
    RequestStatus,
)

FLAGSHIP_SLUG = "coaching-from-theory-to-practice"
ISSUER_NAME = "Praxis Coaching Institute"
COACH_SLUG = "certified-coach"
CLUB_SLUG = "tech-club-leader"
ISTE = "ISTE Standards for Coaches"

# Each candidate's own capstone reflections (the last two prompts of the course).
COACH_REFLECTIONS = {
    "luis": [
        "Our office hours moved from the library to the grade-level planning block. Attendance "
        "tripled, and the questions changed from 'how do I' to 'should I'.",
        "Next term I want two teachers running the tech club with me. Evidence: they plan one "
        "session each without me in the room. My principal agreed to check in monthly.",
    ],
    "kevin": [
        "My partnership agreement now names what stays confidential. Two teachers asked for "
        "coaching the week after I shared it: trust came before technology.",
        "I collected exit tickets before and after our co-taught lesson. Seeing the jump made "
        "the teacher want to try the next cycle on her own.",
    ],
    "nora": [
        "I tracked which teachers came to office hours: all of them were already confident. "
        "I am now visiting the two quietest classrooms first, with the teachers' permission.",
        "I want my feedback to be about student work, not tools. I will bring one sample of "
        "student work to each debrief and ask my co-liaison to sit in on one.",
    ],
}

TECH_CLUB_SVG = Path(__file__).with_name("demo_assets") / "tech-club-leader.svg"


def certified_coach_png(size: int = 400) -> bytes:
    """The Certified Coach badge, drawn with Pillow: a seal with a check mark and a ribbon."""

    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    s = size / 400
    # Ribbon tails behind the seal.
    draw.polygon(
        [
            (120 * s, 250 * s),
            (90 * s, 385 * s),
            (140 * s, 360 * s),
            (170 * s, 395 * s),
            (190 * s, 270 * s),
        ],
        fill=(164, 70, 31),
    )
    draw.polygon(
        [
            (280 * s, 250 * s),
            (310 * s, 385 * s),
            (260 * s, 360 * s),
            (230 * s, 395 * s),
            (210 * s, 270 * s),
        ],
        fill=(164, 70, 31),
    )
    draw.ellipse([20 * s, 10 * s, 380 * s, 370 * s], fill=(21, 68, 62))
    draw.ellipse([38 * s, 28 * s, 362 * s, 352 * s], fill=(31, 95, 87))
    draw.ellipse(
        [58 * s, 48 * s, 342 * s, 332 * s], outline=(242, 183, 5), width=max(2, int(5 * s))
    )
    draw.line(
        [(140 * s, 150 * s), (185 * s, 195 * s), (265 * s, 110 * s)],
        fill=(255, 255, 255),
        width=int(22 * s),
        joint="curve",
    )
    font = ImageFont.load_default(size=int(30 * s))
    small = ImageFont.load_default(size=int(19 * s))
    for text, y, face in (("CERTIFIED", 232, font), ("COACH", 266, font), ("PRAXIS", 302, small)):
        box = draw.textbbox((0, 0), text, font=face)
        draw.text(((size - (box[2] - box[0])) / 2, y * s), text, font=face, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _issuer() -> Issuer:
    """The demo's issuer; its web site is this site, wherever it is served (SITE_URL)."""
    issuer = Issuer.objects.filter(name=ISSUER_NAME).first()
    if issuer is None:
        return services.issuer_create(
            name=ISSUER_NAME,
            url=site_url("/"),
            email="badges@demo.praxis.test",
            description="Praxis trains and certifies the teachers who coach other teachers.",
            image_name="praxis-coaching-institute.png",
            image=ContentFile(certified_coach_png(200)),
        )
    return services.issuer_url_set(issuer=issuer, url=site_url("/"))


def _badge_class(
    slug: str, *, image_name: str, image: bytes, alignments: list[dict], **fields
) -> BadgeClass:
    badge_class = BadgeClass.objects.filter(slug=slug).first()
    if badge_class is not None:
        return badge_class
    badge_class = BadgeClass(slug=slug, **fields)
    badge_class.image.save(image_name, ContentFile(image), save=False)
    badge_class.alignments = [BadgeAlignment(**alignment) for alignment in alignments]
    badge_class.save()
    return badge_class


def _reflect(user, lessons: list[LessonPage], texts: list[str]) -> None:
    prompts = [
        (lesson, block)
        for lesson in lessons
        for block in lesson.body
        if block.block_type == "reflection_prompt"
    ]
    for (lesson, block), text in zip(prompts[-len(texts) :], texts, strict=False):
        cohort_services.reflection_save(user=user, lesson=lesson, block_id=block.id, text=text)


def _finish_course(user, lessons: list[LessonPage]) -> None:
    now = timezone.now()
    for index, lesson in enumerate(lessons):
        at = now - timedelta(days=len(lessons) - index)
        cohort_services.lesson_complete(user=user, lesson=lesson, at=at)


def _award(badge_class, person, by, *, days_ago: int, note: str, method=AwardMethod.MANUAL):
    existing = BadgeAward.objects.filter(badge_class=badge_class, recipient=person).first()
    if existing is not None:  # even a revoked one: the demo never awards twice
        return services.Awarded(existing, created=False)
    return services.badge_award(
        badge_class=badge_class,
        recipient=person,
        method=method,
        awarded_by=by,
        evidence_note=note,
        issued_on=timezone.now() - timedelta(days=days_ago),
    )


# Six months of a liaison's coaching: (days ago, kind, minutes, teachers reached).
PRACTICE_SESSIONS = (
    (150, Kind.OFFICE_HOURS, 90, 4),
    (128, Kind.ONE_TO_ONE, 60, 1),
    (104, Kind.TECH_CLUB, 75, 9),
    (83, Kind.CO_TEACHING, 90, 2),
    (61, Kind.SMALL_GROUP, 90, 3),
    (40, Kind.ONE_TO_ONE, 60, 1),
    (22, Kind.TECH_CLUB, 90, 11),
    (9, Kind.PLANNING, 75, 2),
    (3, Kind.ONE_TO_ONE, 60, 1),
)  # 11.5 hours


def _log_practice(person) -> None:
    if PracticeEntry.objects.filter(coach=person).exists():
        return
    today = district_today()
    for days_ago, kind, minutes, teachers in PRACTICE_SESSIONS:
        practice_entry_create(
            coach=person,
            date=today - timedelta(days=days_ago),
            minutes=minutes,
            kind=kind,
            teachers_reached=teachers,
            focus_tags="google classroom, feedback",
        )


def seed_badges(*, people: dict) -> dict:
    flagship = CoursePage.objects.filter(slug=FLAGSHIP_SLUG).first()
    if flagship is None:
        return {}
    fran = people["fran"]
    issuer = _issuer()
    iste = {
        "target_framework": ISTE,
        "target_url": "https://iste.org/standards/iste-standards-for-coaches",
    }
    coach = _badge_class(
        COACH_SLUG,
        image_name="certified-coach.png",
        image=certified_coach_png(),
        issuer=issuer,
        name="Certified Coach — Coaching from Theory to Practice",
        description="The holder completed Praxis's coach-training course, reflected on their "
        "coaching, logged real coaching practice with teachers, and was approved by a "
        "facilitator.",
        criteria_narrative="Earners of this badge:\n\n"
        "- completed every lesson of *Coaching from Theory to Practice*;\n"
        "- wrote at least **two reflections** on their coaching in the course;\n"
        "- logged at least **10 hours** of coaching practice in the last six months;\n"
        "- were approved by a course facilitator after a review of their reflections.",
        course=flagship,
        min_reflections=2,
        min_practice_hours=10,
        practice_window_months=6,
        requires_approval=True,
        expires_after_months=24,
        alignments=[
            {**iste, "target_name": "Change Agent", "target_code": "4.1"},
            {**iste, "target_name": "Collaborator", "target_code": "4.4"},
        ],
    )
    club = _badge_class(
        CLUB_SLUG,
        image_name="tech-club-leader.svg",
        image=TECH_CLUB_SVG.read_bytes(),
        issuer=issuer,
        name="Tech Club Leader",
        description="The holder led a series of short tech-club PD sessions for colleagues at "
        "their school.",
        criteria_narrative="Awarded by a facilitator to a liaison who planned and led at least "
        "**three tech-club sessions** and shared what teachers tried afterwards.",
        expires_after_months=12,
        alignments=[{**iste, "target_name": "Learning Designer", "target_code": "4.5"}],
    )

    lessons = list(LessonPage.objects.live().descendant_of(flagship).order_by("path"))
    luis, kevin, nora = people["luis"], people["kevin"], people["nora"]
    for person in (luis, kevin, nora):
        _finish_course(person, lessons)
        _reflect(person, lessons, COACH_REFLECTIONS[person.username])

    _award(
        coach,
        luis,
        fran,
        days_ago=40,
        method=AwardMethod.APPROVAL,
        note="Capstone reflections reviewed; 14 hours of coaching logged this term.",
    )
    for person in (luis, kevin, nora):
        _log_practice(person)  # the practice log's signal evaluates the rules
    for person in (kevin, nora):
        services.badge_rules_evaluate(user=person)
    waiting = CertificationRequest.objects.filter(
        badge_class=coach, learner=nora, status=RequestStatus.PENDING
    ).first()
    if waiting is not None and not waiting.message:
        services.certification_request_changes(
            request=waiting,
            by=fran,
            message="Lovely work. Add one reflection on how your partnership agreement with "
            "your principal is going, then I'll approve.",
        )

    maya, _ = _award(
        club,
        people["maya"],
        fran,
        days_ago=30,
        note="Led four tech-club sessions on formative assessment tools at Jefferson Elementary.",
    )
    if maya.evidence_note and not maya.evidence_public:
        services.award_evidence_publish(award=maya, by=people["maya"], public=True)
    _award(
        club,
        people["hannah"],
        fran,
        days_ago=21,
        note="Ran three lunchtime tech clubs; two new teachers joined.",
    )
    diego, created = _award(
        club, people["diego"], fran, days_ago=60, note="Tech club on slide decks."
    )
    if created or (diego.revoked_at is None and diego.closed_at is None):
        services.badge_revoke(
            award=diego,
            by=fran,
            reason="Awarded to the wrong liaison: the sessions were led by a colleague.",
        )
    _award(club, people["tom"], fran, days_ago=400, note="Led the Lakeview High tech club in 2025.")

    for username in ("maya", "luis"):
        if not EarnerProfile.objects.filter(user=people[username]).exists():
            services.earner_profile_update(
                user=people[username], public_profile=True, show_name=True
            )
    return {
        "badge_classes": BadgeClass.objects.count(),
        "awards": BadgeAward.objects.count(),
        "queue": CertificationRequest.objects.exclude(status=RequestStatus.APPROVED).count(),
    }
