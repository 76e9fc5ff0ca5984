"""Demo cohorts, teams, progress and reflections, built through the services.

Dates are relative to the day the demo is first built, so a fresh demo always shows a
running cohort with some modules open and some not, an upcoming cohort that is full with a
waitlist, and a district team learning together.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from courses.models import CoursePage, LessonPage, ModulePage

from . import services
from .models import Cohort, CohortStatus, Organization, Pace, Team
from .selectors import cohort_today

FLAGSHIP_SLUG = "coaching-from-theory-to-practice"
RUNNING_TITLE = "Fall 2026 Facilitated Cohort"
UPCOMING_TITLE = "Spring 2027 Facilitated Cohort"
CLOSED_TITLE = "Winter 2026 Intensive"  # starts soon; its enrollment window has closed
TZ = "America/Chicago"

# How far each running-cohort member has got: lessons completed, in course order.
RUNNING_PROGRESS = {
    "maya": 9,
    "diego": 7,
    "priya": 4,
    "sam": 1,
    "hannah": 8,
    "tom": 6,
    "aisha": 9,
    "jonah": 2,
    "rosa": 5,
}
# Jonah joined the running cohort late (days ago): he has catch-up dates.
LATE_JOINER_DAYS_AGO = 2
# Module 3 of the running cohort is due this many days from today (a due-soon reminder).
REMINDER_DUE_IN_DAYS = 2
SELF_PACED_PROGRESS = {"kevin": 12, "nora": 3, "luis": 18, "iris": 2}
# Iris started the self-paced track seven weeks ago and is behind her targets, so My
# learning shows her the nudge and "Reset my schedule" (kevin, nora and luis go on to
# finish the course for their certification: see badges/demo.py).
SELF_PACED_STARTED_DAYS_AGO = {"iris": 49}
REFLECTIONS = {
    "maya": "I talked far more than I listened in my first office hour. This week I counted "
    "to five after each question and Ms. Lee finally told me what she actually wanted: fewer "
    "platforms, not more.",
    "diego": "The partnership agreement conversation with my principal was easier than I "
    "feared. We agreed that what teachers tell me stays with me unless a student is at risk.",
    "hannah": "Two teachers came to tech club who never come to PD. Food helped; so did "
    "promising we'd finish in 45 minutes and keeping the promise.",
}
FEEDBACK = {
    "maya": "That five-second pause is gold. Try writing down the teacher's exact words next "
    "time; they make great goals.",
}


def district_today():
    """Today in the demo district's zone (the server clock is UTC)."""
    return timezone.localtime(timezone=ZoneInfo(TZ)).date()


def _local(day, hour: int, minute: int = 0):
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(TZ))


def _cohort(course, title, pace, facilitator, **fields) -> Cohort:
    """A facilitated cohort by its title, or the course's self-paced track (named after the
    course by ``cohort_create``)."""
    same = {"pace": pace} if pace == Pace.SELF_PACED else {"title": title}
    existing = Cohort.objects.filter(course=course, **same).first()
    if existing is not None:
        return existing
    return services.cohort_create(
        course=course, title=title, pace=pace, facilitators=[facilitator], **fields
    )


def _team(org_name: str, cohort: Cohort, name: str, seats: int, lead, by) -> Team:
    organization = services.organization_create(name=org_name)
    team = Team.objects.filter(cohort=cohort, name=name).first()
    if team is None:
        team = services.team_create(
            organization=organization, cohort=cohort, name=name, seats=seats, leads=[lead], by=by
        )
    return team


def _progress(user, lessons: list[LessonPage], count: int) -> None:
    """Complete the first ``count`` lessons, spread over the past weeks like real study."""
    now = timezone.now()
    for index, lesson in enumerate(lessons[:count]):
        at = now - timedelta(days=(count - index) * 1.7, hours=3 * (index % 4))
        services.lesson_complete(user=user, lesson=lesson, at=at)


def _reflect(user, lesson: LessonPage, text: str):
    block = next((b for b in lesson.body if b.block_type == "reflection_prompt"), None)
    if block is None:
        return None
    return services.reflection_save(user=user, lesson=lesson, block_id=block.id, text=text)


def _reminders_due(cohort: Cohort, *, by, today) -> None:
    """Give ``send_reminders`` something real to send on a fresh demo: Module 3 (opened
    three days ago) is due in two days, and Francesca opened Module 4 today, a few days early.
    Overrides, as a facilitator sets them in the admin; a second seed leaves them alone."""
    schedules = list(cohort.schedules.select_related("module").order_by("release_offset_days"))
    if len(schedules) < 4 or any(s.release_on or s.due_on for s in schedules):
        return
    due_soon, opening = schedules[2], schedules[3]
    opening.cohort = cohort
    services.schedule_update(
        schedule=due_soon, by=by, due_on=today + timedelta(days=REMINDER_DUE_IN_DAYS)
    )
    services.schedule_update(schedule=opening, by=by, release_on=today, due_on=opening.due_date())


def seed_cohorts(*, people: dict) -> dict:
    flagship = CoursePage.objects.filter(slug=FLAGSHIP_SLUG).first()
    if flagship is None:
        return {}
    fran, admin = people["fran"], people["admin"]
    # The district's date, not the server's: at 03:00 UTC it is still yesterday in Chicago,
    # and the running cohort's modules open and fall due on Chicago's days.
    today = district_today()
    lessons = list(LessonPage.objects.live().descendant_of(flagship).order_by("path"))

    self_paced = _cohort(
        flagship,
        "",
        Pace.SELF_PACED,
        fran,
        status=CohortStatus.OPEN,
        welcome_message="Start any day. Aim for one module every two weeks; reset your "
        "schedule whenever life happens.",
    )
    for course in CoursePage.objects.live().exclude(pk=flagship.pk).filter(offered_self_paced=True):
        _cohort(course, "", Pace.SELF_PACED, fran, status=CohortStatus.OPEN)

    running = _cohort(
        flagship,
        RUNNING_TITLE,
        Pace.FACILITATED,
        fran,
        status=CohortStatus.RUNNING,
        starts_on=today - timedelta(days=17),
        ends_on=today + timedelta(days=60),
        capacity=30,
        time_zone=TZ,
        enrollment_closes_at=_local(today + timedelta(days=7), 17),
        welcome_message="Welcome, liaisons! We meet for office hours every Tuesday at 4 pm. "
        "Bring a real coaching conversation from your week: that's where the learning is.",
    )
    upcoming = _cohort(
        flagship,
        UPCOMING_TITLE,
        Pace.FACILITATED,
        fran,
        status=CohortStatus.OPEN,
        starts_on=today + timedelta(days=45),
        ends_on=today + timedelta(days=45 + 70),
        capacity=4,
        time_zone=TZ,
        enrollment_opens_at=timezone.now() - timedelta(days=10),
        enrollment_closes_at=_local(today + timedelta(days=40), 17),
    )

    _cohort(
        flagship,
        CLOSED_TITLE,
        Pace.FACILITATED,
        fran,
        status=CohortStatus.OPEN,
        starts_on=today + timedelta(days=5),
        ends_on=today + timedelta(days=5 + 42),
        capacity=16,
        time_zone=TZ,
        enrollment_opens_at=timezone.now() - timedelta(days=30),
        enrollment_closes_at=_local(today - timedelta(days=2), 17),
    )

    _reminders_due(running, by=fran, today=cohort_today(running))

    riverside = _team("Riverside Unified", running, "Riverside Liaisons", 5, people["lena"], fran)
    lakeview = _team(
        "Lakeview School District", running, "Lakeview Coaches", 5, people["marcus"], fran
    )
    # The teams joined before the start; Jonah joined two days ago, so what was already due
    # is due on his catch-up date (the dashboard shows him "catching up", not "behind").
    on_time = timezone.now() - timedelta(days=20)
    for username in ("maya", "diego", "priya", "sam", "hannah"):
        services.team_join(token=riverside.join_token, user=people[username], at=on_time)
    for username in ("tom", "aisha", "rosa"):
        services.team_join(token=lakeview.join_token, user=people[username], at=on_time)
    services.team_join(
        token=lakeview.join_token,
        user=people["jonah"],
        at=timezone.now() - timedelta(days=LATE_JOINER_DAYS_AGO),
    )

    for username, count in RUNNING_PROGRESS.items():
        _progress(people[username], lessons, count)
    for username in SELF_PACED_PROGRESS:
        days_ago = SELF_PACED_STARTED_DAYS_AGO.get(username, 0)
        services.cohort_enroll(
            cohort=self_paced,
            user=people[username],
            at=timezone.now() - timedelta(days=days_ago) if days_ago else None,
        )
    for username, count in SELF_PACED_PROGRESS.items():
        _progress(people[username], lessons, count)

    # The upcoming cohort is full, with a waitlist.
    for username in ("ben", "grace", "kevin", "nora", "luis", "diego"):
        services.cohort_enroll(cohort=upcoming, user=people[username])

    for username, text in REFLECTIONS.items():
        reflection = _reflect(people[username], lessons[1], text)
        if reflection and username in FEEDBACK and not reflection.feedback.exists():
            services.reflection_feedback_add(
                reflection=reflection, author=fran, text=FEEDBACK[username]
            )

    if not running.live_sessions.exists():
        next_tuesday = today + timedelta(days=(1 - today.weekday()) % 7 or 7)
        for week in range(0, 3):
            services.live_session_create(
                cohort=running,
                by=fran,
                title="Office hours with Francesca",
                starts_at=_local(next_tuesday + timedelta(weeks=week), 16),
                duration_minutes=60,
                join_url="https://meet.example.org/praxis-office-hours",
                notes="Bring one real coaching conversation from your week.",
            )
        services.live_session_create(
            cohort=running,
            by=fran,
            title="Webinar: partnership agreements that stick",
            kind="webinar",
            starts_at=_local(today + timedelta(days=9), 18, 30),
            duration_minutes=75,
            join_url="https://meet.example.org/praxis-webinar",
        )
    if not running.announcements.exists():
        services.announcement_post(
            cohort=running,
            author=fran,
            title="Module 3 is open",
            body="Module 3 opened this week: partnership agreements, confidentiality and "
            "trust. Please draft your agreement before Tuesday's office hours.",
        )
    modules = ModulePage.objects.live().child_of(flagship).count()
    return {
        "cohorts": Cohort.objects.count(),
        "teams": Team.objects.count(),
        "organizations": Organization.objects.count(),
        "modules": modules,
        "admin": admin.username,
    }
