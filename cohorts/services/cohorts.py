"""Creating and changing cohorts, their schedules, live sessions and announcements."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from core.errors import ApplicationError, PermissionDenied
from courses.models import CoursePage, ModulePage

from .. import emails
from ..events import announcement_posted, send_on_commit
from ..models import (
    Announcement,
    Cohort,
    CohortStatus,
    Enrollment,
    EnrollmentStatus,
    LiveSession,
    ModuleSchedule,
    Pace,
)
from ..selectors import can_manage_cohort, cohort_with_seat_counts, seats_taken

DEFAULT_WEEK = 7


def _full_clean(instance) -> None:
    try:
        instance.full_clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise ApplicationError(
            messages[0], field=None if field == "__all__" else field, code="invalid"
        ) from error


def cohort_check_capacity(*, cohort: Cohort) -> None:
    """Capacity may not drop below the seats already taken (active learners + team seats)."""
    if cohort.pk is None or cohort.capacity is None:
        return
    counts = cohort_with_seat_counts(cohort=cohort)  # the seats taken now; capacity as given
    taken = seats_taken(counts)
    if cohort.capacity < taken:
        raise ApplicationError(
            f"Capacity cannot be {cohort.capacity}: {taken} seats are already taken "
            f"({counts.active_general} learners and {counts.reserved_seats} team seats).",
            field="capacity",
            code="capacity_below_enrollment",
        )


def cohort_check_schedule(*, cohort: Cohort) -> None:
    """No module may open after the cohort ends."""
    if cohort.pk is None or cohort.ends_on is None:
        return
    for schedule in cohort.schedules.select_related("module"):
        schedule.cohort = cohort
        release = schedule.release_date()
        if release and release > cohort.ends_on:
            raise ApplicationError(
                f"“{schedule.module.title}” would open on {release:%b %-d, %Y}, after the "
                f"cohort ends on {cohort.ends_on:%b %-d, %Y}.",
                field="ends_on",
                code="release_after_end",
            )


@transaction.atomic
def cohort_create(
    *,
    course: CoursePage,
    title: str = "",
    pace: str = Pace.FACILITATED,
    by=None,
    facilitators=(),
    **fields,
) -> Cohort:
    """Open a cohort of a course. A facilitated cohort gets a module schedule of one module
    a week from the start, which the facilitator can then adjust. A self-paced track is
    named after its course (``title`` is ignored).

    ``by`` is who asks (the API); ``None`` is the platform itself (the demo, imports). A
    person needs the right the admin's "add cohort" needs (the Facilitators group has it),
    and someone who is not an administrator stays among the cohort's facilitators, as the
    admin form insists, so they can still open what they made."""
    if by is not None:
        if not by.has_perm("cohorts.add_cohort"):
            raise PermissionDenied("You may not open cohorts.")
        facilitators = list(facilitators) or ([] if by.is_superuser else [by])
        _check_keeps_self(by=by, facilitators=facilitators)
    if pace == Pace.SELF_PACED and Cohort.objects.filter(course=course, pace=pace).exists():
        raise ApplicationError(
            f"“{course.title}” already has a self-paced track.", code="duplicate_self_paced"
        )
    if pace == Pace.FACILITATED and not course.offered_facilitated:
        raise ApplicationError(f"“{course.title}” is not offered in facilitated cohorts.")
    if pace == Pace.SELF_PACED and not course.offered_self_paced:
        raise ApplicationError(f"“{course.title}” is not offered self-paced.")
    if pace == Pace.SELF_PACED:
        title = Cohort.self_paced_title(course.title)
    cohort = Cohort(course=course, title=title, pace=pace, **fields)
    _full_clean(cohort)
    cohort.save()
    if facilitators:
        cohort.facilitators.set(facilitators)
    cohort_schedule_defaults(cohort=cohort)
    return cohort


KEEP_YOURSELF = (
    "Keep yourself among the facilitators, or ask an administrator to hand this cohort over; "
    "otherwise you could no longer open it."
)


def _check_keeps_self(*, by, facilitators) -> None:
    if not by.is_superuser and by.pk not in {person.pk for person in facilitators}:
        raise ApplicationError(KEEP_YOURSELF, field="facilitators", code="keep_yourself")


@transaction.atomic
def cohort_schedule_defaults(*, cohort: Cohort) -> list[ModuleSchedule]:
    """Give a facilitated cohort without a schedule the default one (one module a week from
    the start) and check it against the end date. Used by ``cohort_create`` and the admin."""
    if cohort.pace != Pace.FACILITATED or cohort.schedules.exists():
        return []
    modules = ModulePage.objects.child_of(cohort.course).live().order_by("path")
    schedules = ModuleSchedule.objects.bulk_create(
        ModuleSchedule(
            cohort=cohort,
            module=module,
            release_offset_days=index * DEFAULT_WEEK,
            due_offset_days=index * DEFAULT_WEEK + DEFAULT_WEEK - 1,
        )
        for index, module in enumerate(modules)
    )
    cohort_check_schedule(cohort=cohort)
    return schedules


@transaction.atomic
def cohort_update(*, cohort: Cohort, by, facilitators=None, **fields) -> Cohort:
    """Change a cohort's own fields (and, with ``facilitators``, who runs it), checked as the
    admin form checks them: single-row rules, capacity against the seats taken, no module
    opening after the end."""
    if not can_manage_cohort(user=by, cohort=cohort):
        raise PermissionDenied("Only this cohort's facilitators can change it.")
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    for name, value in fields.items():
        setattr(cohort, name, value)
    _full_clean(cohort)
    cohort_check_capacity(cohort=cohort)
    cohort_check_schedule(cohort=cohort)
    cohort.save(update_fields=[*fields, "updated_at"])  # updated_at: the calendars' DTSTAMP
    if facilitators is not None:
        _check_keeps_self(by=by, facilitators=facilitators)
        cohort.facilitators.set(facilitators)
    return cohort


@transaction.atomic
def schedule_update(
    *,
    schedule: ModuleSchedule,
    by,
    release_offset_days: int | None = None,
    due_offset_days: int | None = None,
    release_on: date | None = None,
    due_on: date | None = None,
) -> ModuleSchedule:
    cohort = schedule.cohort
    if not can_manage_cohort(user=by, cohort=cohort):
        raise PermissionDenied("Only this cohort's facilitators can change its schedule.")
    if release_offset_days is not None:
        schedule.release_offset_days = release_offset_days
    if due_offset_days is not None:
        schedule.due_offset_days = due_offset_days
    schedule.release_on = release_on
    schedule.due_on = due_on
    release, due = schedule.release_date(), schedule.due_date()
    if release and cohort.ends_on and release > cohort.ends_on:
        raise ApplicationError(
            f"The module would open on {release:%b %-d, %Y}, after the cohort ends on "
            f"{cohort.ends_on:%b %-d, %Y}.",
            field="release_on",
            code="release_after_end",
        )
    if release and due and due < release:
        raise ApplicationError("A module cannot be due before it opens.", field="due_on")
    if schedule.due_offset_days < schedule.release_offset_days:
        schedule.due_offset_days = schedule.release_offset_days
    schedule.save()
    return schedule


@transaction.atomic
def live_session_create(
    *,
    cohort: Cohort,
    by,
    title: str,
    starts_at: datetime,
    duration_minutes: int = 60,
    kind: str = LiveSession.Kind.OFFICE_HOURS,
    join_url: str = "",
    notes: str = "",
) -> LiveSession:
    if not can_manage_cohort(user=by, cohort=cohort):
        raise PermissionDenied("Only this cohort's facilitators can schedule live sessions.")
    session = LiveSession(
        cohort=cohort,
        title=title,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        kind=kind,
        join_url=join_url,
        notes=notes,
    )
    _check_session(session)
    session.save()
    return session


def _check_session(session: LiveSession) -> None:
    _full_clean(session)
    cohort = session.cohort
    if cohort.ends_on and session.starts_at.date() > cohort.ends_on + timedelta(days=1):
        raise ApplicationError("The session is after the cohort ends.", field="starts_at")


LIVE_SESSION_FIELDS = ("title", "kind", "starts_at", "duration_minutes", "join_url", "notes")


@transaction.atomic
def live_session_update(*, session: LiveSession, by, **fields) -> LiveSession:
    """Change a live session's fields (those given), checked as when it was scheduled."""
    if not can_manage_cohort(user=by, cohort=session.cohort):
        raise PermissionDenied("Only this cohort's facilitators can change its live sessions.")
    unknown = set(fields) - set(LIVE_SESSION_FIELDS)
    if unknown:
        raise TypeError(f"live_session_update() does not change {sorted(unknown)}")
    session = LiveSession.objects.select_for_update().select_related("cohort").get(pk=session.pk)
    for name, value in fields.items():
        setattr(session, name, value)
    _check_session(session)
    session.save(update_fields=[*fields, "updated_at"])
    return session


@transaction.atomic
def live_session_delete(*, session: LiveSession, by) -> None:
    """Cancel a live session: it leaves the cohort page and the calendar feeds."""
    if not can_manage_cohort(user=by, cohort=session.cohort):
        raise PermissionDenied("Only this cohort's facilitators can cancel its live sessions.")
    session.delete()


@transaction.atomic
def announcement_post(*, cohort: Cohort, author, title: str, body: str) -> Announcement:
    """Post an announcement to the cohort and email every active learner."""
    if not can_manage_cohort(user=author, cohort=cohort):
        raise PermissionDenied("Only this cohort's facilitators can post announcements.")
    title, body = title.strip(), body.strip()
    if not title or not body:
        raise ApplicationError("An announcement needs a title and a message.", field="body")
    if cohort.status == CohortStatus.ARCHIVED:
        raise ApplicationError("This cohort is archived.")
    announcement = Announcement(cohort=cohort, author=author, title=title, body=body)
    _full_clean(announcement)
    announcement.save()
    learners = [
        enrollment.user
        for enrollment in Enrollment.objects.filter(
            cohort=cohort, status=EnrollmentStatus.ACTIVE
        ).select_related("user")
    ]
    emails.send_on_commit(
        "announcement", learners, {"cohort": cohort, "announcement": announcement}
    )
    send_on_commit(announcement_posted, sender=Announcement, announcement=announcement)
    return announcement
