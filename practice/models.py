"""The coaching practice log: entries, monthly targets, anonymous teacher feedback.

Single-row invariants live here (durations, score ranges, one response per link); rules that
span rows (24 hours a day, dates in the coach's past, who may set a target) live in
``practice.services``. Private notes and feedback comments are the coach's alone: no selector
that serves anyone else reads them.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

MINUTES_PER_DAY = 24 * 60


class Kind(models.TextChoices):
    ONE_TO_ONE = "one_to_one", "One-to-one coaching"
    SMALL_GROUP = "small_group", "Small-group coaching"
    OFFICE_HOURS = "office_hours", "Office hours"
    TECH_CLUB = "tech_club", "Tech club / PD session"
    CO_TEACHING = "co_teaching", "Co-teaching or modelling"
    PLANNING = "planning", "Planning"


class GradeBand(models.TextChoices):
    PRE_K = "pre_k", "Pre-K"
    K_2 = "k_2", "K–2"
    G3_5 = "3_5", "3–5"
    G6_8 = "6_8", "6–8"
    G9_12 = "9_12", "9–12"
    MIXED = "mixed", "Mixed / whole school"


class PracticeEntry(models.Model):
    """One logged coaching session (or planning block) of one coach."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_entries"
    )
    date = models.DateField()
    minutes = models.PositiveIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(MINUTES_PER_DAY)]
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    teachers_reached = models.PositiveSmallIntegerField(
        default=1, validators=[MaxValueValidator(500)]
    )
    grade_band = models.CharField(max_length=8, choices=GradeBand.choices, blank=True)
    focus_tags = models.CharField(
        max_length=255, blank=True, help_text="Comma-separated, lower case."
    )
    private_notes = models.TextField(blank=True, max_length=4000)
    lesson = models.ForeignKey(
        "courses.LessonPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The lesson being put into practice, if any.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["coach", "date"], name="practice_entry_coach_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gte=1) & Q(minutes__lte=MINUTES_PER_DAY),
                name="practice_entry_minutes_in_a_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.date} ({self.minutes} min)"

    @property
    def tags(self) -> list[str]:
        return [tag for tag in self.focus_tags.split(",") if tag]

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 2)


class PracticeSettings(models.Model):
    """Per-coach settings: the monthly target a team lead set. (The coach's time zone, which
    decides what "today" is, is on their profile: ``User.time_zone``.)"""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_settings"
    )
    monthly_target_hours = models.DecimalField(
        max_digits=5, decimal_places=1, null=True, blank=True
    )
    target_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_set_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "practice settings"
        constraints = [
            models.CheckConstraint(
                condition=Q(monthly_target_hours__isnull=True)
                | (Q(monthly_target_hours__gt=0) & Q(monthly_target_hours__lte=200)),
                name="practice_target_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"Practice settings of {self.user}"


class FeedbackLink(models.Model):
    """An anonymous, single-use feedback link for one logged session. Only the SHA-256 of the
    token is stored: the link itself is shown once, to the coach who made it."""

    entry = models.ForeignKey(PracticeEntry, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Feedback link for entry {self.entry_id}"


class FeedbackResponse(models.Model):
    """A teacher's anonymous answer. One per link (the one-to-one key is the constraint)."""

    link = models.OneToOneField(FeedbackLink, on_delete=models.CASCADE, related_name="response")
    usefulness = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    confidence = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(blank=True, max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(usefulness__gte=1) & Q(usefulness__lte=5),
                name="practice_feedback_usefulness_1_5",
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=1) & Q(confidence__lte=5),
                name="practice_feedback_confidence_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"Feedback on entry {self.link.entry_id}"
