"""Threads: list and start them in a space; rename, pin or lock one."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from cohorts.selectors import lesson_get
from core.api import fields
from core.api.pagination import PagedListMixin
from core.api.schema import errors
from core.errors import ApplicationError, fetch_or_404

from ... import selectors, services
from ...models import Space, Thread
from ..serializers import PostSerializer, ThreadSerializer, post_body_field

TITLE_MAX = Thread._meta.get_field("title").max_length


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


class ThreadListApi(PagedListMixin, APIView):
    """GET: the space's threads, pinned first, then by latest activity. POST: start a thread
    (its first post is its body): 201, or 200 when this ``client_id`` was already used."""

    permission_classes = [IsAuthenticated]

    class OutputSerializer(ThreadSerializer):
        reply_count = serializers.IntegerField()
        last_activity_at = serializers.DateTimeField()

        class Meta:
            ref_name = "CommunityThreadListItem"

        def to_representation(self, thread):
            return {
                **super().to_representation(thread),
                "reply_count": thread.reply_count,  # annotated by threads_of
                "last_activity_at": thread.last_activity_at.isoformat(),
            }

    class InputSerializer(serializers.Serializer):
        title = fields.CharField(allow_blank=True, trim_whitespace=False, max_length=TITLE_MAX)
        body = post_body_field()
        client_id = fields.CharField(max_length=64)
        lesson = fields.PageIdField(required=False, allow_null=True)
        announcement = serializers.BooleanField(
            required=False, default=False, help_text="Facilitators only: notifies everyone."
        )

        class Meta:
            ref_name = "CommunityThreadCreateInput"

    class CreatedSerializer(serializers.Serializer):
        thread = ThreadSerializer()
        post = PostSerializer()

        class Meta:
            ref_name = "CommunityThreadCreated"

    @extend_schema(responses=OutputSerializer(many=True))
    def get(self, request, space_id: int):
        space = fetch_or_404(
            selectors.space_get_visible(user=request.user, space_id=space_id), what="space"
        )
        page = self.paginate(selectors.threads_of(space=space))
        return self.paginated_response(self.OutputSerializer(page, many=True).data)

    @extend_schema(
        request=InputSerializer,
        responses={200: CreatedSerializer, 201: CreatedSerializer, **errors(429)},
    )
    def post(self, request, space_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        space = fetch_or_404(
            selectors.space_get_visible(user=request.user, space_id=space_id), what="space"
        )
        values = data.validated_data
        lesson = _lesson_of(space, values.get("lesson"))
        thread, created = services.thread_create(
            space=space,
            author=request.user,
            title=values["title"],
            body=values["body"],
            client_id=values["client_id"],
            lesson=lesson,
            announcement=values["announcement"],
        )
        first = selectors.posts_of(thread=thread).first()
        return Response(
            self.CreatedSerializer({"thread": thread, "post": first}).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class ThreadUpdateApi(APIView):
    """Rename a thread (its author or a facilitator); pin or lock it (facilitators)."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        pinned = serializers.BooleanField(required=False)
        locked = serializers.BooleanField(required=False)
        title = fields.CharField(required=False, allow_blank=True, max_length=TITLE_MAX)

        class Meta:
            ref_name = "CommunityThreadUpdateInput"

        def validate(self, attrs):
            if not attrs:
                raise serializers.ValidationError("Send pinned, locked or title.")
            return attrs

    @extend_schema(request=InputSerializer, responses=ThreadSerializer)
    def patch(self, request, thread_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        thread = fetch_or_404(
            selectors.thread_get_visible(user=request.user, thread_id=thread_id), what="thread"
        )
        thread = services.thread_update(thread=thread, by=request.user, **data.validated_data)
        return Response(ThreadSerializer(thread).data)
