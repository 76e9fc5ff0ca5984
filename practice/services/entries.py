"""Logging practice: create, update, delete an entry; the coach's own settings.

Cross-row rules checked here, under a lock on the coach's user row (``SELECT … FOR UPDATE``
on PostgreSQL; SQLite runs write transactions one at a time), so two entries saved at the
same moment cannot together pass 24 hours in a day:

- a duration of at least one minute;
- at most 24 hours logged on one date, summed over the coach's entries;
- no date after today *in the coach's time zone*.
"""

from __future__ import annotations

import zoneinfo
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from accounts.selectors import user_time_zone
from core.errors import ApplicationError, PermissionDenied

from ..events import send_practice_changed
from ..models import MINUTES_PER_DAY, GradeBand, Kind, PracticeEntry

MAX_TAGS = 8
MAX_TAG_LENGTH = 30
MAX_TEACHERS = 500


def coach_time_zone(user) -> zoneinfo.ZoneInfo:
    """The coach's zone, as everywhere else: their profile's, else their district's or latest
    active cohort's, else the site's (``accounts.selectors.user_time_zone``)."""

    return user_time_zone(user)


def coach_today(user) -> date:
    return timezone.localdate(timezone=coach_time_zone(user))


def normalize_tags(value) -> str:
    """``"Google Classroom, feedback,feedback"`` → ``"google classroom,feedback"``. Tags are
    stored comma-separated, so a listed tag with a comma in it is that many tags (and counts as
    many against the limit): otherwise it would come back as more tags than were allowed."""
    items = [value] if isinstance(value, str) else list(value or [])
    tags: list[str] = []
    for part in (part for item in items for part in str(item).split(",")):
        tag = " ".join(part.split()).lower()
        if not tag or tag in tags:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            raise ApplicationError(
                f"A focus tag can be at most {MAX_TAG_LENGTH} characters.", field="focus_tags"
            )
        tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise ApplicationError(f"Use at most {MAX_TAGS} focus tags.", field="focus_tags")
    return ",".join(tags)


def _lock_coach(coach) -> None:
    get_user_model().objects.select_for_update().filter(pk=coach.pk).values_list("pk").first()


def _check(
    *, coach, day: date, minutes: int, kind: str, grade_band: str, teachers: int, exclude=None
):
    if teachers is None or not 0 <= int(teachers) <= MAX_TEACHERS:
        raise ApplicationError(
            f"Teachers reached is a number from 0 to {MAX_TEACHERS}.", field="teachers_reached"
        )
    if minutes is None or int(minutes) < 1:
        raise ApplicationError(
            "A session lasts at least one minute.", field="minutes", code="bad_duration"
        )
    if int(minutes) > MINUTES_PER_DAY:
        raise ApplicationError(
            "A session cannot last more than 24 hours.", field="minutes", code="bad_duration"
        )
    if kind not in Kind.values:
        raise ApplicationError("Choose a kind of session.", field="kind")
    if grade_band and grade_band not in GradeBand.values:
        raise ApplicationError("Choose a grade band from the list.", field="grade_band")
    today = coach_today(coach)
    if day > today:
        raise ApplicationError(
            f"You can log sessions up to today ({today:%b} {today.day}), not in the future.",
            field="date",
            code="future_date",
        )
    others = PracticeEntry.objects.filter(coach=coach, date=day)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    logged = others.aggregate(total=Sum("minutes"))["total"] or 0
    if logged + int(minutes) > MINUTES_PER_DAY:
        left = MINUTES_PER_DAY - logged
        raise ApplicationError(
            f"That would make more than 24 hours on {day:%b} {day.day}: "
            f"you have {left} minutes left to log that day.",
            field="minutes",
            code="day_over_24_hours",
        )


def _lesson_ok(lesson):
    if lesson is not None and not lesson.live:
        raise ApplicationError("That lesson is not published.", field="lesson")
    return lesson


@transaction.atomic
def practice_entry_create(
    *,
    coach,
    date: date,
    minutes: int,
    kind: str,
    teachers_reached: int = 1,
    grade_band: str = "",
    focus_tags="",
    private_notes: str = "",
    lesson=None,
) -> PracticeEntry:
    _lock_coach(coach)
    _check(
        coach=coach,
        day=date,
        minutes=minutes,
        kind=kind,
        grade_band=grade_band,
        teachers=teachers_reached,
    )
    entry = PracticeEntry.objects.create(
        coach=coach,
        date=date,
        minutes=int(minutes),
        kind=kind,
        teachers_reached=teachers_reached,
        grade_band=grade_band or "",
        focus_tags=normalize_tags(focus_tags),
        private_notes=private_notes or "",
        lesson=_lesson_ok(lesson),
    )
    send_practice_changed(user=coach)
    return entry


EDITABLE = (
    "date",
    "minutes",
    "kind",
    "teachers_reached",
    "grade_band",
    "focus_tags",
    "private_notes",
    "lesson",
)


@transaction.atomic
def practice_entry_update(*, entry: PracticeEntry, by, **changes) -> PracticeEntry:
    if entry.coach_id != by.pk:
        raise PermissionDenied("You can only change your own entries.")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ApplicationError(f"Unknown field: {sorted(unknown)[0]}.")
    _lock_coach(by)
    new = {name: changes.get(name, getattr(entry, name)) for name in EDITABLE}
    _check(
        coach=by,
        day=new["date"],
        minutes=new["minutes"],
        kind=new["kind"],
        grade_band=new["grade_band"] or "",
        teachers=new["teachers_reached"],
        exclude=entry,
    )
    new["minutes"] = int(new["minutes"])
    new["focus_tags"] = normalize_tags(new["focus_tags"])
    new["grade_band"] = new["grade_band"] or ""
    new["private_notes"] = new["private_notes"] or ""
    if "lesson" in changes:
        _lesson_ok(new["lesson"])
    for name, value in new.items():
        setattr(entry, name, value)
    entry.save(update_fields=[*EDITABLE, "updated_at"])
    send_practice_changed(user=by)
    return entry


@transaction.atomic
def practice_entry_delete(*, entry: PracticeEntry, by) -> None:
    if entry.coach_id != by.pk:
        raise PermissionDenied("You can only delete your own entries.")
    entry.delete()
    send_practice_changed(user=by)
