"""Organizations (districts) and their teams of liaisons taking a cohort together."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .cohorts import Cohort, _token, validate_time_zone


class Organization(models.Model):
    """A district (or school network) that sends teams of liaisons."""

    name = models.CharField(max_length=160, unique=True)
    time_zone = models.CharField(
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text="The district's time zone: times are shown in it to its people until they "
        "choose their own.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    """A district team taking one cohort together, with seats reserved in it."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="teams")
    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=160)
    seats = models.PositiveIntegerField(default=5, help_text="Seats reserved in the cohort.")
    join_token = models.CharField(max_length=64, default=_token, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organization__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "name"], name="cohorts_team_name_unique_in_cohort"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organization})"


class TeamMembership(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", "Lead"
        MEMBER = "member", "Member"

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships"
    )
    role = models.CharField(max_length=8, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["team", "user"], name="cohorts_one_membership_per_team"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.team} ({self.role})"


class SeatRequest(models.Model):
    """A team lead asking for more seats in the team's cohort; a facilitator of the cohort (or
    an administrator) grants them, within the cohort's capacity, or declines."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        GRANTED = "granted", "Granted"
        DECLINED = "declined", "Declined"

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="seat_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    seats = models.PositiveIntegerField()
    message = models.TextField(blank=True, max_length=2_000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    seats_granted = models.PositiveIntegerField(default=0)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["team"],
                condition=models.Q(status="pending"),
                name="cohorts_one_pending_seat_request_per_team",
            ),
            models.CheckConstraint(
                condition=models.Q(seats__gte=1), name="cohorts_seat_request_at_least_one"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.seats} seats for {self.team} ({self.status})"
