"""People: one user model carrying the profile a coach fills in."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower

from core.time_zones import validate_time_zone


class Role(models.TextChoices):
    COACH = "coach", "Coach / liaison"
    FACILITATOR = "facilitator", "Facilitator"
    TEAM_LEAD = "team_lead", "District team lead"
    EDITOR = "editor", "Course editor"


class User(AbstractUser):
    """A Praxis account. Email is unique (case-insensitive) and works as a login name.

    ``role`` is how a person describes themselves on their profile; what they may do is
    decided by cohort membership, team leadership and Wagtail groups, never by this field.
    """

    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(max_length=120, blank=True)
    district = models.CharField(max_length=160, blank=True)
    school = models.CharField(max_length=160, blank=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.COACH)
    # Where this person reads and types times (IANA name). Filled from the browser at sign-up
    # or first login; empty means "not known yet": see accounts.selectors.user_time_zone.
    time_zone = models.CharField(max_length=64, blank=True, validators=[validate_time_zone])

    objects = UserManager()

    REQUIRED_FIELDS = ["email"]

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        return self.display_name or self.get_full_name() or self.username
