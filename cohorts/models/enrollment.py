"""Who is in a cohort (active, waitlisted, dropped) and emailed invitations to join one."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .cohorts import Cohort, _token
from .teams import Team


class EnrollmentStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    WAITLISTED = "waitlisted", "Waitlisted"
    DROPPED = "dropped", "Dropped"


class Enrollment(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="enrollments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="enrollments"
    )
    status = models.CharField(max_length=12, choices=EnrollmentStatus.choices)
    enrolled_at = models.DateTimeField(default=timezone.now)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    dropped_at = models.DateTimeField(null=True, blank=True)
    # Self-paced personal schedule: target dates count from this day ("reset my schedule").
    schedule_anchor = models.DateField(default=timezone.localdate)
    last_activity_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["cohort_id", "enrolled_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "user"], name="cohorts_one_enrollment_per_cohort"
            ),
            models.CheckConstraint(
                condition=~Q(status=EnrollmentStatus.WAITLISTED) | Q(waitlisted_at__isnull=False),
                name="cohorts_waitlisted_has_time",
            ),
        ]
        indexes = [models.Index(fields=["cohort", "status", "waitlisted_at"])]

    def __str__(self) -> str:
        return f"{self.user} in {self.cohort} ({self.status})"


class Invitation(models.Model):
    """An emailed invitation: accepting it (or signing up with that email) enrolls."""

    email = models.EmailField()
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="invitations")
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="invitations"
    )
    token = models.CharField(max_length=64, default=_token, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["email"])]

    def __str__(self) -> str:
        return f"Invitation for {self.email} to {self.cohort}"
