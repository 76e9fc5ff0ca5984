"""Late joiners: what was already due when someone joined a facilitated cohort is due on
their catch-up date (join date + the cohort's grace days); they are "catching up", not
"behind", until that date passes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from rest_framework.test import APIClient

from cohorts import selectors, services
from cohorts.models import CalendarFeed, Enrollment
from cohorts.services.notices import send_reminders
from courses.models import LessonPage
from courses.selectors import course_outline

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(make_cohort):
    """Started 20 days ago: modules due 14 and 7 days ago, and today (one a week)."""
    today = timezone.localdate()
    return make_cohort(title="Fall cohort", starts_on=today - timedelta(days=20))


def _enroll(cohort, user, days_ago: int = 0) -> Enrollment:
    return services.cohort_enroll(
        cohort=cohort, user=user, at=timezone.now() - timedelta(days=days_ago)
    ).enrollment


def _dates(enrollment):
    outline = course_outline(course=enrollment.cohort.course)
    dates = selectors.module_dates(enrollment=enrollment, outline=outline)
    return [dates[m.id] for m in outline.modules]


def test_what_was_due_before_joining_is_due_on_the_catch_up_date(running, coach):
    today = timezone.localdate()
    enrollment = _enroll(running, coach)
    first, second, third = _dates(enrollment)
    catch_up = today + timedelta(days=7)
    assert (first.due_on, first.scheduled_due_on) == (catch_up, today - timedelta(days=14))
    assert (second.due_on, second.scheduled_due_on) == (catch_up, today - timedelta(days=7))
    assert third.due_on == today and not third.catch_up


def test_grace_days_are_the_cohorts(make_cohort, coach):
    today = timezone.localdate()
    cohort = make_cohort(starts_on=today - timedelta(days=20), late_join_grace_days=3)
    first, *_ = _dates(_enroll(cohort, coach))
    assert first.due_on == today + timedelta(days=3)


def test_someone_who_joined_on_time_keeps_the_cohorts_dates(running, coach):
    enrollment = _enroll(running, coach, days_ago=21)
    assert not any(d.catch_up for d in _dates(enrollment))


def test_late_joiner_is_catching_up_not_behind_and_on_time_learner_is_behind(
    client, running, coach, make_user, facilitator
):
    _enroll(running, coach)  # joined today
    late_long_ago = make_user("lee")
    _enroll(running, late_long_ago, days_ago=10)  # catch-up date passed 3 days ago
    on_time = make_user("otto")
    _enroll(running, on_time, days_ago=21)

    roster = selectors.roster_progress(cohort=running)
    status = {learner.enrollment.user: learner for learner in roster.learners}
    assert status[coach].status == "catching_up"
    assert status[coach].catching_up_until == timezone.localdate() + timedelta(days=7)
    assert status[late_long_ago].status == "behind"
    assert status[on_time].status == "behind"

    client.force_login(facilitator)
    html = client.get(f"/cohorts/{running.pk}/dashboard/").content.decode()
    coach_row = html[html.index(coach.email) :][:400]
    assert "Catching up" in coach_row and "Behind" not in coach_row
    assert html.count("flag--behind") == 2


def test_roster_counts_and_filters_match_each_learners_status(
    client, running, coach, make_user, facilitator
):
    """The roster's standing for everyone (counted in bulk, for the counts, filters and
    pages) is the one each learner's full progress gives."""
    _enroll(running, coach)  # catching up
    _enroll(running, make_user("lee"), days_ago=10)  # behind: catch-up date passed
    ahead = make_user("ada")
    _enroll(running, ahead, days_ago=21)
    for lesson in LessonPage.objects.descendant_of(running.course).order_by("path")[:4]:
        services.lesson_complete(user=ahead, lesson=lesson)  # modules 1 and 2: on track
    _enroll(running, make_user("otto"), days_ago=21)  # behind

    roster = selectors.roster_progress(cohort=running)
    full = list(roster.learners)
    assert [row.status for row in roster.learners.rows] == [p.status for p in full]
    assert [row.done for row in roster.learners.rows] == [p.done for p in full]
    summary = roster.summary
    assert (summary.active, summary.behind, summary.catching_up, summary.on_track) == (4, 2, 1, 1)
    assert summary.not_started == 3
    behind = selectors.roster_progress(cohort=running, status="behind")
    assert sorted(p.enrollment.user.username for p in behind.learners) == ["lee", "otto"]
    assert behind.summary == summary  # the counts are the whole cohort's
    by_progress = selectors.roster_progress(cohort=running, sort="progress")
    assert [p.enrollment.user.username for p in by_progress.learners][-1] == "ada"

    client.force_login(facilitator)
    url = f"/cohorts/{running.pk}/dashboard/"
    html = client.get(url, {"status": "behind"}).content.decode()
    assert "lee@example.org" in html and "otto@example.org" in html
    assert coach.email not in html and ahead.email not in html
    assert html.count("flag--behind") == 2
    everyone = client.get(url, {"status": "nonsense"}).content.decode()  # ignored
    assert coach.email in everyone and ahead.email in everyone


def test_my_learning_shows_catch_up_dates_and_no_behind_flag(client, running, coach):
    _enroll(running, coach)
    client.force_login(coach)
    html = client.get("/learn/").content.decode()
    assert "Behind schedule" not in html
    assert 'data-testid="catch-up"' in html
    assert "catch-up due" in html
    assert "Catch-up due:" in html  # in the upcoming list


def test_calendar_has_the_catch_up_dates(client, running, coach):
    _enroll(running, coach)
    feed = CalendarFeed.objects.filter(user=coach).first() or services.calendar_feed_rotate(
        user=coach
    )
    response = client.get(reverse("cohorts:calendar_feed", kwargs={"token": feed.token}))
    found = {str(e["UID"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}
    first = course_outline(course=running.course).modules[0]
    due = found[f"due-{running.pk}-{first.id}@praxis"]
    assert due["DTSTART"].dt == timezone.localdate() + timedelta(days=7)
    assert "catch-up due" in str(due["SUMMARY"])


def test_due_soon_reminder_uses_the_catch_up_date(
    running, coach, mailoutbox, django_capture_on_commit_callbacks
):
    _enroll(running, coach, days_ago=6)  # catch-up date is tomorrow
    with django_capture_on_commit_callbacks(execute=True):
        report = send_reminders()
    # The two missed modules (catch-up tomorrow) and the third (due today) are due soon.
    assert report.due_soon == 3


def test_lesson_page_due_date_is_the_catch_up_date(running, coach, course):
    _enroll(running, coach)
    lesson = LessonPage.objects.descendant_of(course).order_by("path").first()
    access = selectors.lesson_access(user=coach, lesson=lesson, course=course)
    assert access.due_on == timezone.localdate() + timedelta(days=7)


def test_api_says_catching_up_with_the_dates(running, coach, facilitator):
    _enroll(running, coach)
    catch_up = (timezone.localdate() + timedelta(days=7)).isoformat()
    api = APIClient()
    api.force_authenticate(coach)
    [mine] = api.get("/api/v1/me/enrollments/").json()
    assert mine["progress"]["behind"] is False
    assert mine["progress"]["status"] == "catching_up"
    assert mine["progress"]["catching_up_until"] == catch_up
    api.force_authenticate(facilitator)
    roster = api.get(f"/api/v1/cohorts/{running.pk}/roster/").json()
    [learner] = roster["results"]
    assert learner["status"] == "catching_up"
    first = learner["modules"][0]
    assert first["catch_up"] is True and first["due_on"] == catch_up
    assert first["scheduled_due_on"] == (timezone.localdate() - timedelta(days=14)).isoformat()
