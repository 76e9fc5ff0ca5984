"""Demo practice logs: about six months of a liaison's real week for the team members, some
teacher feedback, and the monthly targets their leads set. Built through the services, so
every rule holds; idempotent (a coach who already has entries is left alone)."""

from __future__ import annotations

import random
from datetime import timedelta

from courses.models import LessonPage

from . import services
from .models import Kind, PracticeEntry, PracticeSettings

RIVERSIDE = ("maya", "diego", "priya", "sam", "hannah")
LAKEVIEW = ("tom", "aisha", "jonah", "rosa")
TARGETS = {"lena": {name: 8 for name in RIVERSIDE}, "marcus": {name: 6 for name in LAKEVIEW}}
TARGETS["lena"]["hannah"] = 10

# (kind, minutes, teachers, grade band, focus tags, private note)
SESSIONS = [
    (
        Kind.OFFICE_HOURS,
        45,
        3,
        "mixed",
        "google classroom",
        "Two teachers wanted to reuse "
        "last year's classes; one mostly needed to vent about grading.",
    ),
    (
        Kind.TECH_CLUB,
        50,
        8,
        "mixed",
        "chromebooks,accessibility",
        "Tech club: Chromebook screen reader and dictation. Snacks brought four new faces.",
    ),
    (
        Kind.PLANNING,
        60,
        4,
        "3_5",
        "co-planning,reading groups",
        "Co-planning with the 4th-grade team: station rotation for reading groups.",
    ),
    (
        Kind.ONE_TO_ONE,
        30,
        1,
        "k_2",
        "tablets,routines",
        "Helped a 2nd-grade teacher set "
        "up tablet log-ins as a routine. Wants me to model it Friday.",
    ),
    (
        Kind.CO_TEACHING,
        55,
        1,
        "3_5",
        "modelling,formative assessment",
        "Modelled an exit ticket with Forms. Students were faster than we were.",
    ),
    (
        Kind.SMALL_GROUP,
        40,
        3,
        "6_8",
        "feedback,google classroom",
        "Small group on rubric feedback in Classroom. Agreed to try one assignment each.",
    ),
    (
        Kind.OFFICE_HOURS,
        30,
        2,
        "9_12",
        "gradebook",
        "Quiet office hour; fixed two gradebook categories.",
    ),
]
COMMENTS = [
    "Finally understand how to reuse my classes. Thank you!",
    "Loved seeing it with real students.",
    "A bit fast for me, but the handout helps.",
    "",
    "Can we do this again for report cards?",
    "",
]


def _sessions_for(username: str, today) -> list[tuple]:
    rng = random.Random(f"practice-demo-{username}")
    start = (today.replace(day=1) - timedelta(days=150)).replace(day=1)
    day, out = start, []
    while day <= today:
        if day.weekday() < 5 and rng.random() < 0.42:
            out.append((day, rng.choice(SESSIONS)))
        day += timedelta(days=1)
    return out


def seed_practice(*, people: dict) -> dict:
    lessons = list(LessonPage.objects.live().order_by("path")[:12])
    created = 0
    for username in (*RIVERSIDE, *LAKEVIEW):
        coach = people.get(username)
        if coach is None or PracticeEntry.objects.filter(coach=coach).exists():
            continue
        rng = random.Random(f"practice-feedback-{username}")
        # The coach's own today (the service refuses later dates in their time zone).
        today = services.coach_today(coach)
        for index, (day, (kind, minutes, teachers, band, tags, note)) in enumerate(
            _sessions_for(username, today)
        ):
            entry = services.practice_entry_create(
                coach=coach,
                date=day,
                minutes=minutes + rng.choice((0, 0, 5, 10, -5)),
                kind=kind,
                teachers_reached=teachers,
                grade_band=band,
                focus_tags=tags,
                private_notes=note,
                lesson=lessons[index % len(lessons)] if lessons and index % 3 == 0 else None,
            )
            created += 1
            # Tech clubs and group sessions ask for feedback; some teachers answer.
            if kind in (Kind.TECH_CLUB, Kind.SMALL_GROUP, Kind.CO_TEACHING):
                for _ in range(rng.choice((1, 2, 3))):
                    _link, token = services.feedback_link_create(entry=entry, by=coach)
                    if rng.random() < 0.7:
                        services.feedback_submit(
                            token=token,
                            usefulness=rng.choice((3, 4, 4, 5, 5)),
                            confidence=rng.choice((2, 3, 4, 4, 5)),
                            comment=rng.choice(COMMENTS),
                        )
    targets = 0
    for lead_name, members in TARGETS.items():
        lead = people.get(lead_name)
        for username, hours in members.items():
            coach = people.get(username)
            if lead is None or coach is None:
                continue
            if PracticeSettings.objects.filter(
                user=coach, monthly_target_hours__isnull=False
            ).exists():
                continue
            services.practice_target_set(coach=coach, hours=hours, by=lead)
            targets += 1
    return {"entries_created": created, "targets_set": targets}
