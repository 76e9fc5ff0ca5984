"""Progress and writing: lesson and course completions, reflections and their feedback."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class LessonCompletion(models.Model):
    """A coach finished a lesson. Kept per person and lesson, so moving to another cohort of
    the same course keeps progress."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson"], name="cohorts_one_completion_per_lesson"
            ),
        ]
        indexes = [models.Index(fields=["course", "user"])]

    def __str__(self) -> str:
        return f"{self.user} completed lesson {self.lesson_id}"


class CourseCompletion(models.Model):
    """Recorded once, when the last lesson of a course is completed; the badges app listens."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_completions"
    )
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="cohorts_one_course_completion"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} completed course {self.course_id}"


class Reflection(models.Model):
    """A coach's written answer to a reflection-prompt block. Visible to the coach and the
    facilitators of the coach's cohorts of that course, never to team leads or peers."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections"
    )
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    block_id = models.CharField(max_length=64)
    prompt = models.TextField(help_text="The prompt as it read when answered.")
    text = models.TextField(max_length=10_000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "block_id"], name="cohorts_one_reflection_per_prompt"
            ),
        ]

    def __str__(self) -> str:
        return f"Reflection by {self.user} on lesson {self.lesson_id}"


class ReflectionFeedback(models.Model):
    reflection = models.ForeignKey(Reflection, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=5_000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Feedback by {self.author} on reflection {self.reflection_id}"
