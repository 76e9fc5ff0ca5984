"""The community API's shapes. Output serializers describe the payloads the WebSocket sends
(built once, by ``community.events``), so a post reads the same over REST and the socket;
``PostCreateInputSerializer`` checks a reply for the REST API and the socket alike."""

from __future__ import annotations

from rest_framework import serializers

from core.api import fields
from core.api.errors import exception_handler
from core.api.serializers import UserRefSerializer
from core.errors import ApplicationError

from .. import events, services
from ..events import STORED_EVENTS
from ..models import Notification

# --- input ------------------------------------------------------------------------------------


def post_body_field() -> fields.CharField:
    """A post's Markdown: its limit and message are the service's (``services.POST_TOO_LONG``),
    so the API, the socket and the HTML form all say the same. Blank passes here: the service
    refuses an empty post, with its own message."""
    return fields.CharField(
        allow_blank=True,
        trim_whitespace=False,
        max_length=services.MAX_BODY,
        error_messages={"max_length": services.POST_TOO_LONG},
    )


class PostCreateInputSerializer(serializers.Serializer):
    """A reply. The WebSocket's ``post.create`` is checked by the same rules."""

    body = post_body_field()
    client_id = fields.CharField(max_length=64)

    class Meta:
        ref_name = "CommunityPostCreateInput"


class PostCreateMessageSerializer(PostCreateInputSerializer):
    """The WebSocket's ``post.create``: the REST input, with the thread the URL names there."""

    thread = fields.IdField()

    class Meta:
        ref_name = "CommunityPostCreateMessage"


def error_detail(error: ApplicationError | serializers.ValidationError) -> dict:
    """The API's error body for an error (``{"code", "message", "fields"?}``), from the API's
    own handler: what the socket sends in its ``error`` events."""
    return exception_handler(error, {}).data["error"]


# --- output (the WebSocket's payloads, see community/events.py) --------------------------------
#
# Each reads the model and renders it with the payload builder the WebSocket uses; the fields
# describe that payload for the schema.


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

    def to_representation(self, thread):
        return events.thread_data(thread)


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

    def to_representation(self, post):
        # From ``posts_of``'s prefetch of the reactions when there is one.
        counts = events.reaction_counts(reaction.emoji for reaction in post.reactions.all())
        return events.post_data(post, counts)


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

    def to_representation(self, notification):
        return events.notification_data(notification)


class EventSerializer(serializers.Serializer):
    """A stored ``SpaceEvent``, as the WebSocket sends it."""

    type = serializers.ChoiceField(choices=STORED_EVENTS)
    seq = serializers.IntegerField()
    space = serializers.IntegerField(source="space_id")
    data = serializers.DictField(source="payload")

    class Meta:
        ref_name = "CommunityEvent"

    def to_representation(self, event):
        return events.stored_event_of(event)
