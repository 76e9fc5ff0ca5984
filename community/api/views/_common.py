"""What the community API views share: fetching every object through the selectors that
apply membership, a post's payload, and the output shapes that mirror the WebSocket's."""

from __future__ import annotations

from rest_framework import serializers

from cohorts.selectors import lesson_get
from core.api.serializers import UserRefSerializer
from core.errors import ApplicationError, fetch_or_404

from ... import selectors, services
from ...events import STORED_EVENTS
from ...models import Notification, Post, Space, Thread

# --- fetching through selectors ---------------------------------------------------------------


def _visible_space(request, space_id: int) -> Space:
    return fetch_or_404(
        selectors.space_get_visible(user=request.user, space_id=space_id), what="space"
    )


def _thread_in(space: Space, thread_id: int) -> Thread:
    return fetch_or_404(selectors.thread_get(space=space, thread_id=thread_id), what="thread")


def _visible_thread(request, thread_id: int) -> Thread:
    # Composed from the membership selector; a ``thread_get_visible`` selector would own this.
    return fetch_or_404(
        Thread.objects.filter(
            space__in=selectors.spaces_visible_to(user=request.user)
        ).select_related("space", "space__cohort", "author"),
        what="thread",
        pk=thread_id,
    )


def _visible_post(request, post_id: int) -> Post:
    return fetch_or_404(selectors.post_get_visible(user=request.user, post_id=post_id), what="post")


def _lesson_of(space: Space, lesson_id: int | None):
    """A live lesson of the space's course; any other id is refused (ids are not trusted)."""
    if lesson_id is None:
        return None
    lesson = lesson_get(pk=lesson_id)
    if lesson is None or not lesson.is_descendant_of(space.cohort.course):
        raise ApplicationError(
            "No such lesson in this space's course.", field="lesson", code="unknown_lesson"
        )
    return lesson


def _reactions(post: Post) -> dict[str, int]:
    """Counts by emoji, from ``posts_of``'s prefetch when there is one."""
    counts: dict[str, int] = {}
    for reaction in post.reactions.all():
        counts[reaction.emoji] = counts.get(reaction.emoji, 0) + 1
    return counts


def _post_payload(post: Post) -> dict:
    return services.post_data(post, _reactions(post))


# --- shared output shapes (the WebSocket's payloads, see community/events.py) -----------------


class ThreadSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    author = UserRefSerializer()
    lesson = serializers.IntegerField(allow_null=True)
    pinned = serializers.BooleanField()
    locked = serializers.BooleanField()
    announcement = serializers.BooleanField()
    created_at = serializers.DateTimeField()

    class Meta:
        ref_name = "CommunityThread"


class PostSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    thread = serializers.IntegerField()
    author = UserRefSerializer()
    client_id = serializers.CharField()
    html = serializers.CharField(help_text="Sanitised HTML; empty when deleted or hidden.")
    body = serializers.CharField(help_text="The Markdown as written; empty when deleted or hidden.")
    created_at = serializers.DateTimeField()
    edited = serializers.BooleanField()
    deleted = serializers.BooleanField()
    hidden = serializers.BooleanField()
    hidden_reason = serializers.CharField()
    reactions = serializers.DictField(child=serializers.IntegerField(), help_text="Emoji → count.")

    class Meta:
        ref_name = "CommunityPost"


class NotificationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Notification.Kind.choices)
    actor = serializers.CharField()
    thread = serializers.IntegerField()
    thread_title = serializers.CharField()
    space = serializers.IntegerField()
    url = serializers.CharField()
    created_at = serializers.DateTimeField()
    read = serializers.BooleanField()

    class Meta:
        ref_name = "CommunityNotification"


class EventSerializer(serializers.Serializer):
    """A stored ``SpaceEvent``, as the WebSocket sends it."""

    type = serializers.ChoiceField(choices=STORED_EVENTS)
    seq = serializers.IntegerField()
    space = serializers.IntegerField(source="space_id")
    data = serializers.DictField(source="payload")

    class Meta:
        ref_name = "CommunityEvent"
