"""What reaches people outside the pages: announcements, once-only emails, calendar feeds."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .cohorts import Cohort, _token


class Announcement(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="announcements")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    body = models.TextField(max_length=10_000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class SentNotice(models.Model):
    """One row per email that must never be sent twice (reminders, release notices), so a
    cron job may run as often as it likes."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="cohorts_notice_sent_once"),
        ]

    def __str__(self) -> str:
        return f"{self.key} → {self.user}"


class CalendarFeed(models.Model):
    """The secret behind a person's subscribable calendar URL; rotating it revokes the old."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, default=_token, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"
