"""Cohorts of a course, their module schedules and live sessions; the token and time-zone
helpers the other cohorts models (and migrations, as ``cohorts.models.<name>``) use."""

from __future__ import annotations

import secrets
import zoneinfo
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from core.time_zones import validate_time_zone as core_validate_time_zone
from courses.models import Pace


def _token() -> str:
    return secrets.token_urlsafe(24)


def validate_time_zone(value: str) -> None:
    # Named here for the migrations (``cohorts.models.validate_time_zone``).
    core_validate_time_zone(value)


class CohortStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open for enrollment"
    RUNNING = "running", "Running"
    FINISHED = "finished", "Finished"
    ARCHIVED = "archived", "Archived"


class Cohort(ClusterableModel):
    """One way of taking a course: the evergreen self-paced track, or a facilitated run."""

    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="cohorts"
    )
    title = models.CharField(max_length=160)
    pace = models.CharField(max_length=16, choices=Pace.choices, default=Pace.FACILITATED)
    status = models.CharField(
        max_length=16, choices=CohortStatus.choices, default=CohortStatus.DRAFT
    )
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    enrollment_opens_at = models.DateTimeField(null=True, blank=True)
    enrollment_closes_at = models.DateTimeField(null=True, blank=True)
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Leave empty for no limit (self-paced tracks)."
    )
    time_zone = models.CharField(
        max_length=64, default="America/Chicago", validators=[validate_time_zone]
    )
    welcome_message = models.TextField(blank=True)
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="facilitated_cohorts"
    )
    # Self-paced: personal target dates are this many days apart per module.
    target_days_per_module = models.PositiveSmallIntegerField(default=14)
    # Facilitated: someone who joins after modules were due has until join date + this many
    # days for them (their catch-up date), so they are not behind on day one.
    late_join_grace_days = models.PositiveSmallIntegerField(
        "Catch-up days for late joiners",
        default=7,
        help_text=(
            "Someone who joins after modules were due has this many days from joining to "
            "finish them."
        ),
    )
    calendar_token = models.CharField(max_length=64, default=_token, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Last change: the calendar feeds' DTSTAMP (an unchanged event keeps its stamp).
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["course_id", "starts_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["course"],
                condition=Q(pace=Pace.SELF_PACED),
                name="cohorts_one_self_paced_track_per_course",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="cohorts_cohort_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(enrollment_closes_at__isnull=True)
                | Q(enrollment_opens_at__isnull=True)
                | Q(enrollment_closes_at__gt=F("enrollment_opens_at")),
                name="cohorts_cohort_window_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_self_paced(self) -> bool:
        return self.pace == Pace.SELF_PACED

    @staticmethod
    def self_paced_title(course_title: str) -> str:
        """A self-paced track is named after its course (a course has at most one), so two
        courses' tracks never show up as the same "Self-paced track"."""
        return f"{course_title} · self-paced"

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def clean(self) -> None:
        if self.pace == Pace.SELF_PACED and self.course_id:
            self.title = self.self_paced_title(self.course.title)
        errors: dict[str, str] = {}
        if self.pace == Pace.FACILITATED:
            if not self.starts_on:
                errors["starts_on"] = "A facilitated cohort needs a start date."
            if not self.ends_on:
                errors["ends_on"] = "A facilitated cohort needs an end date."
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "The cohort cannot end before it starts."
        if (
            self.enrollment_opens_at
            and self.enrollment_closes_at
            and self.enrollment_closes_at <= self.enrollment_opens_at
        ):
            errors["enrollment_closes_at"] = "Enrollment must close after it opens."
        if self.capacity is not None and self.capacity < 1:
            errors["capacity"] = "Capacity must be at least 1, or empty for no limit."
        if errors:
            raise ValidationError(errors)

    def local_datetime(self, day: date, hour: int = 9) -> datetime:
        """A wall-clock time on ``day`` in the cohort's time zone."""
        return datetime(day.year, day.month, day.day, hour, tzinfo=self.tz)


class ModuleSchedule(models.Model):
    """When a module opens and is due in a facilitated cohort, as offsets from the start
    (so a rerun moves by changing one date), optionally overridden by fixed dates."""

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="schedules")
    module = models.ForeignKey("courses.ModulePage", on_delete=models.CASCADE, related_name="+")
    release_offset_days = models.PositiveIntegerField(default=0)
    due_offset_days = models.PositiveIntegerField(default=7)
    release_on = models.DateField(null=True, blank=True, help_text="Overrides the offset.")
    due_on = models.DateField(null=True, blank=True, help_text="Overrides the offset.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["cohort_id", "release_offset_days", "module__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "module"], name="cohorts_one_schedule_per_module"
            ),
            models.CheckConstraint(
                condition=Q(due_offset_days__gte=F("release_offset_days")),
                name="cohorts_schedule_due_after_release",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cohort} · {self.module_id}"

    def release_date(self) -> date | None:
        if self.release_on:
            return self.release_on
        if self.cohort.starts_on is None:
            return None
        return self.cohort.starts_on + timedelta(days=self.release_offset_days)

    def due_date(self) -> date | None:
        if self.due_on:
            return self.due_on
        if self.cohort.starts_on is None:
            return None
        return self.cohort.starts_on + timedelta(days=self.due_offset_days)


class LiveSession(models.Model):
    class Kind(models.TextChoices):
        OFFICE_HOURS = "office_hours", "Office hours"
        WEBINAR = "webinar", "Webinar"
        MEETUP = "meetup", "Liaison meet-up"

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="live_sessions")
    title = models.CharField(max_length=160)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OFFICE_HOURS)
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveIntegerField(default=60)
    join_url = models.URLField(blank=True)
    notes = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5) & Q(duration_minutes__lte=600),
                name="cohorts_live_session_duration_range",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)
