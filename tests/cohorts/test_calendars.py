"""Subscribable iCalendar feeds: a person's dates across their cohorts, one cohort's dates."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from cohorts import services
from cohorts.calendars import user_calendar
from cohorts.emails import site_url
from cohorts.models import CalendarFeed, CohortStatus, EnrollmentStatus, ModuleSchedule, Pace
from courses.selectors import course_outline

pytestmark = pytest.mark.django_db

CHICAGO = ZoneInfo("America/Chicago")


def feed_url(user) -> str:
    feed = CalendarFeed.objects.filter(user=user).first() or services.calendar_feed_rotate(
        user=user
    )
    return reverse("cohorts:calendar_feed", kwargs={"token": feed.token})


def parse(response) -> Calendar:
    assert response.status_code == 200, response.status_code
    return Calendar.from_ical(response.content)


def events(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def day_at(days_from_today: int, hour: int, tz: ZoneInfo) -> datetime:
    day = timezone.localdate() + timedelta(days=days_from_today)
    return datetime(day.year, day.month, day.day, hour, tzinfo=tz)


def session(cohort, facilitator, **fields):
    fields.setdefault("title", "Office hours")
    fields.setdefault("starts_at", day_at(7, 17, cohort.tz))
    return services.live_session_create(cohort=cohort, by=facilitator, **fields)


# --- what is in a person's feed -------------------------------------------------------------


def test_feed_has_module_openings_and_due_dates_of_a_facilitated_cohort(client, cohort, coach):
    services.cohort_enroll(cohort=cohort, user=coach)
    calendar = parse(client.get(feed_url(coach)))

    assert str(calendar["VERSION"]) == "2.0"
    assert "Praxis" in str(calendar["PRODID"])
    assert "Praxis" in str(calendar["X-WR-CALNAME"])
    found = events(calendar)
    outline = course_outline(course=cohort.course)
    assert len(outline.modules) == 3
    assert len(found) == 6
    for schedule in ModuleSchedule.objects.filter(cohort=cohort):
        module = next(m for m in outline.modules if m.id == schedule.module_id)
        release = found[f"release-{cohort.pk}-{module.id}@praxis"]
        due = found[f"due-{cohort.pk}-{module.id}@praxis"]
        assert str(release["SUMMARY"]) == f"Module {module.number} opens: {module.title}"
        assert str(due["SUMMARY"]) == f"Module {module.number} due: {module.title}"
        assert release["DTSTART"].dt == schedule.release_date()
        assert release["DTEND"].dt == schedule.release_date() + timedelta(days=1)
        assert due["DTSTART"].dt == schedule.due_date()
        assert release["DTSTAMP"].dt.tzinfo is not None
        assert str(release["URL"]) == site_url(module.url)
    first = outline.modules[0]
    assert found[f"release-{cohort.pk}-{first.id}@praxis"]["DTSTART"].dt == cohort.starts_on
    assert found[f"due-{cohort.pk}-{first.id}@praxis"]["DTSTART"].dt == cohort.starts_on + (
        timedelta(days=6)
    )


def test_feed_has_personal_targets_of_a_self_paced_track(client, self_paced, coach):
    enrollment = services.cohort_enroll(cohort=self_paced, user=coach).enrollment
    found = events(parse(client.get(feed_url(coach))))

    outline = course_outline(course=self_paced.course)
    assert set(found) == {f"target-{enrollment.pk}-{m.id}@praxis" for m in outline.modules}
    for module in outline.modules:
        target = found[f"target-{enrollment.pk}-{module.id}@praxis"]
        assert str(target["SUMMARY"]) == f"Module {module.number} target: {module.title}"
        assert target["DTSTART"].dt == enrollment.schedule_anchor + timedelta(
            days=self_paced.target_days_per_module * module.number
        )


def test_live_session_is_timed_in_the_cohort_time_zone(client, make_cohort, facilitator, coach):
    cohort = make_cohort(time_zone="America/Chicago")
    services.cohort_enroll(cohort=cohort, user=coach)
    live = session(
        cohort,
        facilitator,
        title="Coaching clinic",
        starts_at=day_at(7, 17, CHICAGO),
        duration_minutes=90,
        join_url="https://meet.example.org/clinic",
        notes="Bring one teacher conversation to talk through.",
    )
    calendar = parse(client.get(feed_url(coach)))

    event = events(calendar)[f"live-{live.pk}@praxis"]
    assert str(event["SUMMARY"]) == "Coaching clinic"
    assert event["DTSTART"].params["TZID"] == "America/Chicago"
    assert event["DTEND"].params["TZID"] == "America/Chicago"
    start = event["DTSTART"].dt
    assert (start.hour, start.minute) == (17, 0)
    assert start == day_at(7, 17, CHICAGO)
    assert event["DTEND"].dt == day_at(7, 17, CHICAGO) + timedelta(minutes=90)
    assert str(event["LOCATION"]) == "https://meet.example.org/clinic"
    assert str(event["URL"]) == "https://meet.example.org/clinic"
    assert str(event["DESCRIPTION"]) == "Bring one teacher conversation to talk through."
    assert [tz.tz_name for tz in calendar.timezones] == ["America/Chicago"]
    assert calendar.get_missing_tzids() == set()


def test_feed_leaves_out_dropped_waitlisted_archived_and_other_peoples_cohorts(
    client, make_cohort, make_course, facilitator, coach, make_user
):
    mine = make_cohort(title="Mine")
    dropped = make_cohort(title="Dropped")
    full = make_cohort(title="Full", capacity=1)
    archived = make_cohort(title="Archived")
    others = make_cohort(title="Someone else's")
    for cohort in (mine, dropped, full, archived, others):
        session(cohort, facilitator, title=f"Session of {cohort.title}")

    services.cohort_enroll(cohort=mine, user=coach)
    left = services.cohort_enroll(cohort=dropped, user=coach).enrollment
    services.enrollment_drop(enrollment=left, by=coach)
    services.cohort_enroll(cohort=full, user=make_user())
    waiting = services.cohort_enroll(cohort=full, user=coach).enrollment
    assert waiting.status == EnrollmentStatus.WAITLISTED
    services.cohort_enroll(cohort=archived, user=coach)
    services.cohort_update(cohort=archived, by=facilitator, status=CohortStatus.ARCHIVED)
    services.cohort_enroll(cohort=others, user=make_user())

    found = events(parse(client.get(feed_url(coach))))
    summaries = {str(event["SUMMARY"]) for event in found.values()}
    assert "Session of Mine" in summaries
    assert not {s for s in summaries if s.startswith("Session of") and s != "Session of Mine"}
    cohorts_in_feed = {uid.split("-")[1] for uid in found if uid.startswith(("release", "due"))}
    assert cohorts_in_feed == {str(mine.pk)}


# --- the cohort feed --------------------------------------------------------------------------


def test_cohort_feed_has_the_cohort_dates_and_sessions(client, cohort, facilitator):
    live = session(cohort, facilitator)
    url = reverse(
        "cohorts:cohort_calendar_feed", kwargs={"pk": cohort.pk, "token": cohort.calendar_token}
    )
    response = client.get(url)
    found = events(parse(response))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    modules = course_outline(course=cohort.course).modules
    assert set(found) == (
        {f"release-{cohort.pk}-{m.id}@praxis" for m in modules}
        | {f"due-{cohort.pk}-{m.id}@praxis" for m in modules}
        | {f"live-{live.pk}@praxis"}
    )
    # No join link: the session points back at the cohort page.
    assert str(found[f"live-{live.pk}@praxis"]["URL"]) == site_url(f"/cohorts/{cohort.pk}/")


def test_cohort_feed_needs_that_cohorts_token(client, make_cohort):
    first, second = make_cohort(title="First"), make_cohort(title="Second")
    wrong = reverse(
        "cohorts:cohort_calendar_feed", kwargs={"pk": first.pk, "token": second.calendar_token}
    )
    unknown = reverse(
        "cohorts:cohort_calendar_feed", kwargs={"pk": first.pk, "token": "not-a-token"}
    )
    assert client.get(wrong).status_code == 404
    assert client.get(unknown).status_code == 404


# --- the feed URL -------------------------------------------------------------------------------


def test_feed_response_headers(client, cohort, coach):
    services.cohort_enroll(cohort=cohort, user=coach)
    response = client.get(feed_url(coach))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="praxis.ics"'
    assert set(response["Cache-Control"].split(", ")) == {"private", "max-age=300"}


def test_unknown_token_is_404(client, coach):
    url = reverse("cohorts:calendar_feed", kwargs={"token": "no-such-secret"})
    assert client.get(url).status_code == 404


def test_page_requires_login(client):
    response = client.get(reverse("cohorts:calendar"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert client.post(reverse("cohorts:calendar_rotate")).status_code == 302
    assert not CalendarFeed.objects.exists()


def test_page_makes_the_secret_once_and_shows_https_and_webcal_links(client, coach):
    client.force_login(coach)
    response = client.get(reverse("cohorts:calendar"), secure=True)
    assert response.status_code == 200
    feed = CalendarFeed.objects.get(user=coach)
    path = reverse("cohorts:calendar_feed", kwargs={"token": feed.token})
    html = response.content.decode()
    assert f"https://testserver{path}" in html
    assert f"webcal://testserver{path}" in html
    assert "Google Calendar" in html and "Outlook" in html and "Apple Calendar" in html
    assert "Make a new link" in html

    client.get(reverse("cohorts:calendar"), secure=True)
    assert CalendarFeed.objects.get(user=coach).token == feed.token


def test_make_a_new_link_revokes_the_old_one(client, cohort, coach):
    services.cohort_enroll(cohort=cohort, user=coach)
    client.force_login(coach)
    client.get(reverse("cohorts:calendar"))
    old = feed_url(coach)

    response = client.post(reverse("cohorts:calendar_rotate"), follow=True)

    assert response.redirect_chain == [(reverse("cohorts:calendar"), 302)]
    assert "new link" in response.content.decode()
    new = feed_url(coach)
    assert new != old
    client.logout()  # calendar apps fetch without a session
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert new in response.content.decode()


def test_feed_of_a_deactivated_account_is_404(client, coach):
    url = feed_url(coach)
    coach.is_active = False
    coach.save(update_fields=["is_active"])
    assert client.get(url).status_code == 404


# --- query counts --------------------------------------------------------------------------------


@pytest.fixture
def three_courses(course, make_course):
    return [
        course,
        make_course(slug="second-course", modules=3, lessons=2),
        make_course(slug="third-course", modules=3, lessons=2),
    ]


def test_feed_query_count_does_not_grow_with_enrollments(
    client, make_cohort, three_courses, facilitator, make_user, django_assert_num_queries
):
    one, three = make_user(), make_user()
    cohorts = [
        make_cohort(course=three_courses[0], title="Chicago", time_zone="America/Chicago"),
        make_cohort(course=three_courses[1], title="Denver", time_zone="America/Denver"),
        make_cohort(course=three_courses[2], title="Self-paced", pace=Pace.SELF_PACED),
    ]
    for cohort in cohorts:
        for days in (5, 12):
            session(cohort, facilitator, starts_at=day_at(days, 16, cohort.tz))
    services.cohort_enroll(cohort=cohorts[0], user=one)
    for cohort in cohorts:
        services.cohort_enroll(cohort=cohort, user=three)
    small, large = feed_url(one), feed_url(three)
    # Warm Wagtail's cached site root paths, as on any running server.
    assert len(events(parse(client.get(small)))) == 6 + 2  # 3 openings, 3 due dates, 2 live
    assert len(events(parse(client.get(large)))) == (6 + 2) + (6 + 2) + (3 + 2)

    # feed, enrollments, schedules, live sessions; the outlines come from the cache
    with django_assert_num_queries(4):
        client.get(small)
    with django_assert_num_queries(4):
        client.get(large)
    # Cold: + the site's root paths, the outlines' 2 view restrictions, modules and lessons,
    # whatever the number of courses, and the site with its home page (cms.sites, cached for
    # every page once after a cache flush).
    cache.clear()
    with django_assert_num_queries(11):
        client.get(large)


def test_cohort_feed_query_count_does_not_grow_with_sessions(
    client, make_cohort, facilitator, django_assert_num_queries
):
    small, large = make_cohort(title="Small"), make_cohort(title="Large")
    session(small, facilitator)
    for days in (2, 9, 16):
        session(large, facilitator, starts_at=day_at(days, 15, large.tz))
    urls = [
        reverse("cohorts:cohort_calendar_feed", kwargs={"pk": c.pk, "token": c.calendar_token})
        for c in (small, large)
    ]
    for url in urls:
        parse(client.get(url))

    # cohort, schedules, live sessions; the outline comes from the cache
    for url in urls:
        with django_assert_num_queries(3):
            client.get(url)


def test_builder_returns_bytes_for_someone_with_no_enrollments(coach):
    calendar = Calendar.from_ical(user_calendar(user=coach))
    assert calendar.walk("VEVENT") == []
    assert str(calendar["X-WR-CALNAME"]).startswith("Praxis")


# --- validity and stable stamps -------------------------------------------------------------


def _cohort_feed(client, cohort) -> Calendar:
    url = reverse(
        "cohorts:cohort_calendar_feed", kwargs={"pk": cohort.pk, "token": cohort.calendar_token}
    )
    return parse(client.get(url))


def test_a_feed_without_events_is_a_valid_vcalendar(client, coach, self_paced, facilitator):
    """RFC 5545 §3.6: a VCALENDAR holds at least one component. Without events (a
    facilitator's feed, a self-paced track's), it is the VTIMEZONE of the feed's zone."""
    chicago_track = self_paced
    services.cohort_update(cohort=chicago_track, by=facilitator, time_zone="America/Chicago")
    for calendar, zone in (
        (parse(client.get(feed_url(coach))), "UTC"),  # no enrollments: the site's zone
        (parse(client.get(feed_url(facilitator))), "UTC"),
        (_cohort_feed(client, chicago_track), "America/Chicago"),
    ):
        assert calendar.walk("VEVENT") == []
        assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE"]
        (vtimezone,) = calendar.subcomponents
        assert str(vtimezone["TZID"]) == zone
        assert vtimezone.walk("STANDARD")  # a VTIMEZONE needs a STANDARD or DAYLIGHT part
        assert str(calendar["X-WR-TIMEZONE"]) == zone
        assert calendar.errors == [] and vtimezone.errors == []
    assert b"BEGIN:VTIMEZONE" in user_calendar(user=coach)


def _age(cohort, *, hours: int = 1) -> None:
    """Move every change an hour back, so a change made now gets a later DTSTAMP (to the
    second) than the set-up that happened in the same second."""
    from cohorts.models import Cohort, LiveSession
    from courses.models import CoursePage

    past = timezone.now() - timedelta(hours=hours)
    Cohort.objects.filter(pk=cohort.pk).update(updated_at=past)
    ModuleSchedule.objects.filter(cohort=cohort).update(updated_at=past)
    LiveSession.objects.filter(cohort=cohort).update(updated_at=past)
    CoursePage.objects.filter(pk=cohort.course_id).update(last_published_at=past)
    enrollments = cohort.enrollments.all()
    enrollments.update(enrolled_at=past)


def _stamps(calendar: Calendar) -> dict[str, datetime]:
    return {uid: event["DTSTAMP"].dt for uid, event in events(calendar).items()}


def test_unchanged_events_keep_their_dtstamp_and_a_change_moves_it(
    client, cohort, coach, facilitator
):
    services.cohort_enroll(cohort=cohort, user=coach)
    live = session(cohort, facilitator)
    _age(cohort)
    first = _stamps(parse(client.get(feed_url(coach))))
    assert len(first) == 7
    assert all(stamp.tzinfo is not None for stamp in first.values())
    # The stamps are the last changes (an hour ago), not the time of the fetch.
    assert all(stamp < timezone.now() - timedelta(minutes=30) for stamp in first.values())
    again = _stamps(parse(client.get(feed_url(coach))))
    assert again == first  # two fetches, identical stamps

    schedule = ModuleSchedule.objects.filter(cohort=cohort).order_by("release_offset_days")[0]
    services.schedule_update(
        schedule=schedule,
        by=facilitator,
        release_offset_days=schedule.release_offset_days,
        due_offset_days=schedule.due_offset_days + 1,
    )
    changed = _stamps(parse(client.get(feed_url(coach))))
    moved = {uid for uid in first if changed[uid] != first[uid]}
    assert moved == {
        f"release-{cohort.pk}-{schedule.module_id}@praxis",
        f"due-{cohort.pk}-{schedule.module_id}@praxis",
    }
    assert all(changed[uid] >= first[uid] for uid in moved)

    live.title = "Office hours (moved)"
    live.save()
    after = _stamps(parse(client.get(feed_url(coach))))
    assert {uid for uid in after if after[uid] != changed[uid]} == {f"live-{live.pk}@praxis"}


def test_a_cohort_change_restamps_its_events(client, cohort, facilitator):
    session(cohort, facilitator)
    _age(cohort)
    before = _stamps(_cohort_feed(client, cohort))
    services.cohort_update(
        cohort=cohort, by=facilitator, starts_on=cohort.starts_on + timedelta(days=1)
    )
    after = _stamps(_cohort_feed(client, cohort))
    assert set(after) == set(before)
    assert all(after[uid] > before[uid] for uid in after)


def test_calendar_links_use_the_public_address(client, cohort, coach, facilitator):
    from django.test import override_settings

    services.cohort_enroll(cohort=cohort, user=coach)
    session(cohort, facilitator)
    with override_settings(SITE_URL="http://127.0.0.1:8101"):
        calendar = parse(client.get(feed_url(coach), HTTP_HOST="localhost"))
    assert str(calendar["URL"]) == "http://127.0.0.1:8101/learn/"
    for event in calendar.walk("VEVENT"):
        assert str(event["URL"]).startswith("http://127.0.0.1:8101/"), event
        assert "http://localhost" not in str(event.get("DESCRIPTION", ""))
