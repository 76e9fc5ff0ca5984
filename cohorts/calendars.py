"""Subscribable iCalendar feeds (RFC 5545): a person's dates across their cohorts, or one
cohort's dates.

The builders only read. Their query count does not grow with the number of enrollments,
modules or live sessions: one query for the cohorts, one for the schedules, one for the live
sessions and four for every course outline at once (``course_outlines``).

``DTSTAMP`` is when the event's information last changed in our store (RFC 5545 §3.8.7.2,
for a calendar without a ``METHOD``): the latest ``updated_at`` of what the event is built
from (the cohort, its module schedule or live session, the course's last publication, a
learner's enrollment), never the time of the fetch, so a calendar app that polls the feed
sees an unchanged event as unchanged.

A feed with no events (a facilitator's or a team lead's, a self-paced track's) is still a
valid ``VCALENDAR``: RFC 5545 §3.6 wants at least one calendar component, and a ``VTIMEZONE``
for the feed's zone is one (validators accept a calendar holding only it; an invented
placeholder ``VEVENT`` would show up in people's calendars). It also tells apps the zone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vDuration

from core.urls import absolute_url as site_url
from courses.selectors import CourseOutline, ModuleEntry, course_outlines

from .models import (
    CalendarFeed,
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    LiveSession,
    ModuleSchedule,
    Pace,
)
from .selectors import ModuleDates, cohort_module_dates, enrollments_of, module_dates

PRODID = "-//Praxis//Learning calendar//EN"
UID_DOMAIN = "praxis"
# How often calendar apps should poll; the feed response itself is cached for five minutes.
REFRESH = timedelta(hours=1)


# --- reads for the views ----------------------------------------------------------------------


def calendar_feed_of(*, user) -> CalendarFeed | None:
    """The person's feed secret, if they have made one."""
    return CalendarFeed.objects.filter(user=user).first()


def calendar_feed_by_token(*, token: str) -> CalendarFeed | None:
    """The feed behind a secret URL. Calendar apps cannot log in, so the token is the key;
    a deactivated account's feed stops working."""
    return (
        CalendarFeed.objects.filter(token=token, user__is_active=True)
        .select_related("user")
        .first()
    )


def cohort_by_calendar_token(*, pk: int, token: str) -> Cohort | None:
    """A cohort whose feed secret matches (archived cohorts have no feed)."""
    return (
        Cohort.objects.filter(pk=pk, calendar_token=token)
        .exclude(status=CohortStatus.ARCHIVED)
        .select_related("course")
        .first()
    )


def calendar_enrollments_of(*, user):
    """The enrollments that put dates in a person's calendar: active ones, in cohorts that
    are not archived (never dropped or waitlisted ones)."""
    return (
        enrollments_of(user=user)
        .filter(status=EnrollmentStatus.ACTIVE)
        .exclude(cohort__status=CohortStatus.ARCHIVED)
        .order_by("cohort__starts_on", "cohort_id")
    )


# --- builders -----------------------------------------------------------------------------------


def user_calendar(*, user) -> bytes:
    """Every date of a person's active cohorts: module openings and due dates, personal
    targets on a self-paced track, and live sessions."""
    enrollments = list(calendar_enrollments_of(user=user))
    zone = enrollments[0].cohort.time_zone if enrollments else settings.TIME_ZONE
    calendar = _calendar(
        uid=f"calendar-user-{user.pk}@{UID_DOMAIN}",
        name=f"{settings.WAGTAIL_SITE_NAME}: my learning",
        description="Module dates and live sessions of your cohorts.",
        url=site_url("/learn/"),
        zone=zone,
    )
    _add_events(calendar, [(enrollment.cohort, enrollment) for enrollment in enrollments])
    _ensure_component(calendar, zone)
    return calendar.to_ical()


def cohort_calendar(*, cohort: Cohort) -> bytes:
    """One cohort's module openings, due dates and live sessions (a self-paced track has
    no shared module dates, only its live sessions)."""
    calendar = _calendar(
        uid=f"calendar-cohort-{cohort.pk}@{UID_DOMAIN}",
        name=f"{settings.WAGTAIL_SITE_NAME}: {cohort.title}",
        description=f"Module dates and live sessions of {cohort.title}.",
        url=_cohort_url(cohort),
        zone=cohort.time_zone,
    )
    _add_events(calendar, [(cohort, None)])
    _ensure_component(calendar, cohort.time_zone)
    return calendar.to_ical()


# --- internals -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    outlines: dict[int, CourseOutline]
    schedules: dict[int, list[ModuleSchedule]]
    sessions: dict[int, list[LiveSession]]


def _calendar(*, uid: str, name: str, description: str, url: str, zone: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("uid", uid)
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("description", description)
    calendar.add("x-wr-caldesc", description)
    calendar.add("url", url)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))  # Outlook's name for it
    calendar.add("x-wr-timezone", zone)
    return calendar


def _ensure_component(calendar: Calendar, zone: str) -> None:
    """At least one component (RFC 5545 §3.6): without events, the feed zone's VTIMEZONE."""
    if calendar.subcomponents:
        return
    year = timezone.localdate().year  # whole years, so the feed's bytes change once a year
    calendar.add_component(
        Timezone.from_tzinfo(
            ZoneInfo(zone),
            tzid=zone,
            first_date=date(year - 1, 1, 1),
            last_date=date(year + 2, 1, 1),
        )
    )


def _stamp(*changed: datetime | None) -> datetime:
    """DTSTAMP: the latest change among what an event is built from, in UTC, to the second."""
    latest = max(value for value in changed if value is not None)
    return latest.astimezone(UTC).replace(microsecond=0)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _cohort_url(cohort: Cohort) -> str:
    return site_url(f"/cohorts/{cohort.pk}/")


def _absolute(url: str) -> str:
    """Page URLs are root-relative on a single site; calendar apps need the full address."""
    return site_url(url) if url.startswith("/") else url


def _load(entries: list[tuple[Cohort, Enrollment | None]]) -> _Context:
    """Everything the entries need, in a fixed number of queries."""
    cohort_ids = [cohort.pk for cohort, _ in entries]
    facilitated = [cohort.pk for cohort, _ in entries if cohort.pace == Pace.FACILITATED]
    courses = {cohort.course_id: cohort.course for cohort, _ in entries}
    schedules: dict[int, list[ModuleSchedule]] = defaultdict(list)
    sessions: dict[int, list[LiveSession]] = defaultdict(list)
    if facilitated:
        for schedule in ModuleSchedule.objects.filter(cohort_id__in=facilitated):
            schedules[schedule.cohort_id].append(schedule)
    if cohort_ids:
        for session in LiveSession.objects.filter(cohort_id__in=cohort_ids).order_by(
            "starts_at", "id"
        ):
            sessions[session.cohort_id].append(session)
    return _Context(
        outlines=course_outlines(courses=courses.values()),
        schedules=schedules,
        sessions=sessions,
    )


def _add_events(calendar: Calendar, entries: list[tuple[Cohort, Enrollment | None]]) -> None:
    context = _load(entries)
    sessions: list[tuple[Cohort, LiveSession]] = []
    for cohort, enrollment in entries:
        outline = context.outlines[cohort.course_id]
        schedules = context.schedules.get(cohort.pk, [])
        if enrollment is not None:
            dates = module_dates(enrollment=enrollment, outline=outline, schedules=schedules)
        elif cohort.pace == Pace.FACILITATED:
            dates = cohort_module_dates(cohort=cohort, schedules=schedules)
        else:
            dates = {}  # a self-paced track's targets are personal
        for module in outline.modules:
            module_dates_ = dates.get(module.id)
            if module_dates_ is None:
                continue
            schedule = next((item for item in schedules if item.module_id == module.id), None)
            stamp = _stamp(
                cohort.updated_at,
                cohort.course.last_published_at,
                schedule.updated_at if schedule is not None else None,
            )
            _add_module_events(calendar, stamp, cohort, enrollment, module, module_dates_)
        sessions.extend((cohort, session) for session in context.sessions.get(cohort.pk, []))
    for cohort, session in sessions:
        calendar.add_component(_session_event(cohort, session))
    if sessions:
        starts = [session.starts_at.date() for _, session in sessions]
        # VTIMEZONEs for every TZID used, covering the sessions (UTC needs none).
        calendar.add_missing_timezones(
            first_date=min(starts) - timedelta(days=1),
            last_date=max(starts) + timedelta(days=366),
        )


def _add_module_events(
    calendar: Calendar,
    stamp: datetime,
    cohort: Cohort,
    enrollment: Enrollment | None,
    module: ModuleEntry,
    dates: ModuleDates,
) -> None:
    course_title = cohort.course.title
    description = f"{cohort.title} · {course_title}\n{_absolute(module.url)}"
    label = f"Module {module.number}"
    if cohort.pace == Pace.SELF_PACED:
        if dates.due_on and enrollment is not None:
            # A personal target also moves with the learner's schedule (enrolled, reset).
            personal = _stamp(stamp, enrollment.enrolled_at, _midnight(enrollment.schedule_anchor))
            calendar.add_component(
                _day_event(
                    personal,
                    uid=f"target-{enrollment.pk}-{module.id}",
                    day=dates.due_on,
                    summary=f"{label} target: {module.title}",
                    description=f"Your personal target date.\n{description}",
                    url=_absolute(module.url),
                )
            )
        return
    if dates.release_on:
        calendar.add_component(
            _day_event(
                stamp,
                uid=f"release-{cohort.pk}-{module.id}",
                day=dates.release_on,
                summary=f"{label} opens: {module.title}",
                description=description,
                url=_absolute(module.url),
            )
        )
    if dates.due_on and dates.catch_up and enrollment is not None:
        # A late joiner's own date: it moves with their enrollment, and says why.
        calendar.add_component(
            _day_event(
                _stamp(stamp, enrollment.enrolled_at),
                uid=f"due-{cohort.pk}-{module.id}",
                day=dates.due_on,
                summary=f"{label} catch-up due: {module.title}",
                description=(
                    "Your catch-up date: you joined after the cohort started "
                    f"(the cohort's due date was {dates.scheduled_due_on:%B %-d}).\n{description}"
                ),
                url=_absolute(module.url),
            )
        )
    elif dates.due_on:
        calendar.add_component(
            _day_event(
                stamp,
                uid=f"due-{cohort.pk}-{module.id}",
                day=dates.due_on,
                summary=f"{label} due: {module.title}",
                description=description,
                url=_absolute(module.url),
            )
        )


def _day_event(
    stamp: datetime, *, uid: str, day: date, summary: str, description: str, url: str
) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))  # all-day: the end date is exclusive
    event.add("summary", summary)
    event.add("description", description)
    event.add("url", url)
    event.add("transp", "TRANSPARENT")  # a due date does not make anyone busy
    return event


def _session_event(cohort: Cohort, session: LiveSession) -> Event:
    tz = cohort.tz
    event = Event()
    event.add("uid", f"live-{session.pk}@{UID_DOMAIN}")
    event.add("dtstamp", _stamp(session.updated_at, cohort.updated_at))
    event.add("dtstart", session.starts_at.astimezone(tz))
    event.add("dtend", session.ends_at.astimezone(tz))
    event.add("summary", session.title)
    if session.notes:
        event.add("description", session.notes)
    if session.join_url:
        event.add("location", session.join_url)
        event.add("url", session.join_url)
    else:
        event.add("url", _cohort_url(cohort))
    event.add("categories", [session.get_kind_display()])
    return event
