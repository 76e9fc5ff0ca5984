"""Discussion spaces. Everything that happens in a space is stored as a ``SpaceEvent`` with a
per-space, strictly increasing ``seq`` before anyone is told about it; a client that
reconnects asks for the events after the last ``seq`` it saw, so nothing is lost."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Space(models.Model):
    class Kind(models.TextChoices):
        COHORT = "cohort", "Cohort space"
        TEAM = "team", "Team space"
        SELF_PACED = "self_paced", "Self-paced community"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    cohort = models.ForeignKey("cohorts.Cohort", on_delete=models.CASCADE, related_name="spaces")
    team = models.OneToOneField(
        "cohorts.Team", null=True, blank=True, on_delete=models.CASCADE, related_name="space"
    )
    title = models.CharField(max_length=200)
    last_seq = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cohort"],
                condition=Q(team__isnull=True),
                name="community_one_space_per_cohort",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def group_name(self) -> str:
        return f"space.{self.pk}"


class Thread(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="threads")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    lesson = models.ForeignKey(
        "courses.LessonPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    pinned = models.BooleanField(default=False)
    locked = models.BooleanField(default=False)
    is_announcement = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-pinned", "-last_activity_at"]
        indexes = [models.Index(fields=["space", "lesson"])]

    def __str__(self) -> str:
        return self.title


class Post(models.Model):
    """The first post of a thread is its body; later posts are replies."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="posts")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    client_id = models.CharField(max_length=64)
    body = models.TextField()
    body_html = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(max_length=300, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # A retried post.create with the same client id never posts twice.
            models.UniqueConstraint(
                fields=["space", "author", "client_id"], name="community_post_client_id_once"
            ),
        ]

    def __str__(self) -> str:
        return f"Post {self.pk} in {self.thread_id}"


class Reaction(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    emoji = models.CharField(max_length=16)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "user", "emoji"], name="community_reaction_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.emoji} on {self.post_id}"


class SpaceEvent(models.Model):
    """The space's durable event log: what the WebSocket broadcasts and what catch-up replays."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="events")
    seq = models.PositiveBigIntegerField()
    type = models.CharField(max_length=32)
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["space_id", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["space", "seq"], name="community_event_seq_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.type} #{self.seq} in space {self.space_id}"


class Notification(models.Model):
    class Kind(models.TextChoices):
        MENTION = "mention", "Mentioned you"
        REPLY = "reply", "Replied to your thread"
        ANNOUNCEMENT = "announcement", "Announcement"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "post", "kind"], name="community_notify_once"),
        ]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return f"{self.kind} for {self.user_id}"


class EmailPreference(models.TextChoices):
    IMMEDIATE = "immediate", "Right away"
    DIGEST = "digest", "A daily digest"
    OFF = "off", "Never"


class CommunitySettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_settings"
    )
    email = models.CharField(
        max_length=16, choices=EmailPreference.choices, default=EmailPreference.IMMEDIATE
    )

    def __str__(self) -> str:
        return f"{self.user_id}: {self.email}"
