"""Community API under /api/v1/community/: one small view per resource. Each parses input,
fetches every object through a selector that applies membership (a space, thread or post the
person cannot see is a 404, never a 403: existence is not revealed), calls one service, and
renders the same payloads the WebSocket sends (``services.post_data`` / ``thread_data``).
Services raise ``ApplicationError``; ``cms.api.errors`` shapes it."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.api.pagination import PageNumberPagination
from cms.errors import ApplicationError, NotFound
from cohorts.selectors import lesson_get

from .. import notifications, selectors, services
from ..events import STORED_EVENTS, SYNC_BATCH
from ..models import CommunitySettings, EmailPreference, Notification, Post, Space, Thread

# --- fetching through selectors ---------------------------------------------------------------


def _visible_space(request, space_id: int) -> Space:
    space = selectors.space_get_visible(user=request.user, space_id=space_id)
    if space is None:
        raise NotFound("No such space.")
    return space


def _thread_in(space: Space, thread_id: int) -> Thread:
    thread = selectors.thread_get(space=space, thread_id=thread_id)
    if thread is None:
        raise NotFound("No such thread.")
    return thread


def _visible_thread(request, thread_id: int) -> Thread:
    # Composed from the membership selector; a ``thread_get_visible`` selector would own this.
    thread = (
        Thread.objects.filter(
            pk=thread_id, space__in=selectors.spaces_visible_to(user=request.user)
        )
        .select_related("space", "space__cohort", "author")
        .first()
    )
    if thread is None:
        raise NotFound("No such thread.")
    return thread


def _visible_post(request, post_id: int) -> Post:
    post = selectors.post_get_visible(user=request.user, post_id=post_id)
    if post is None:
        raise NotFound("No such post.")
    return post


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


def _already_posted(space: Space, user, client_id: str) -> bool:
    """Whether this client id was already used here (a retry: answered 200, not 201)."""
    return Post.objects.filter(space=space, author=user, client_id=client_id).exists()


def _reactions(post: Post) -> dict[str, int]:
    """Counts by emoji, from ``posts_of``'s prefetch when there is one."""
    counts: dict[str, int] = {}
    for reaction in post.reactions.all():
        counts[reaction.emoji] = counts.get(reaction.emoji, 0) + 1
    return counts


def _post_payload(post: Post) -> dict:
    return services.post_data(post, _reactions(post))


def _my_notifications(user):
    # Only notifications from spaces the person still belongs to: a dropped learner's list
    # does not keep showing thread titles of a space they have left.
    return (
        Notification.objects.filter(
            user=user, post__space__in=selectors.spaces_visible_to(user=user)
        )
        .select_related("actor", "post", "post__thread")
        .order_by("-created_at", "-id")
    )


# --- shared output shapes (the WebSocket's payloads, see community/events.py) -----------------


class UserRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()

    class Meta:
        ref_name = "CommunityUserRef"


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


# --- spaces and their event log ---------------------------------------------------------------


class SpaceListApi(APIView):
    """The spaces you belong to, with each one's ``last_seq`` (for WebSocket catch-up)."""

    permission_classes = [IsAuthenticated]

    class OutputSerializer(serializers.Serializer):
        id = serializers.IntegerField()
        kind = serializers.ChoiceField(choices=Space.Kind.choices)
        title = serializers.CharField()
        cohort = serializers.IntegerField(source="cohort_id")
        team = serializers.IntegerField(source="team_id", allow_null=True)
        last_seq = serializers.IntegerField()

        class Meta:
            ref_name = "CommunitySpace"

    @extend_schema(responses=OutputSerializer(many=True))
    def get(self, request):
        spaces = selectors.spaces_visible_to(user=request.user).order_by("pk")
        return Response(self.OutputSerializer(spaces, many=True).data)


class SpaceEventListApi(APIView):
    """The space's stored events after ``after_seq``, oldest first: what a client replays
    after a reconnect. An ``after_seq`` beyond ``last_seq`` is refused (code ``bad_seq``)."""

    permission_classes = [IsAuthenticated]

    class FilterSerializer(serializers.Serializer):
        after_seq = serializers.IntegerField(min_value=0, default=0)
        limit = serializers.IntegerField(min_value=1, max_value=SYNC_BATCH, default=100)

        class Meta:
            ref_name = "CommunityEventFilter"

    class OutputSerializer(serializers.Serializer):
        events = EventSerializer(many=True)
        last_seq = serializers.IntegerField()

        class Meta:
            ref_name = "CommunityEventPage"

    @extend_schema(parameters=[FilterSerializer], responses=OutputSerializer)
    def get(self, request, space_id: int):
        space = _visible_space(request, space_id)
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        after = filters.validated_data["after_seq"]
        if after > space.last_seq:
            raise ApplicationError(
                f"This space's last event is {space.last_seq}.", field="after_seq", code="bad_seq"
            )
        events = selectors.events_after(
            space=space, after=after, limit=filters.validated_data["limit"]
        )
        return Response(self.OutputSerializer({"events": events, "last_seq": space.last_seq}).data)


# --- threads ----------------------------------------------------------------------------------


class ThreadListApi(APIView):
    """GET: the space's threads, pinned first, then by latest activity. POST: start a thread
    (its first post is its body): 201, or 200 when this ``client_id`` was already used."""

    permission_classes = [IsAuthenticated]
    pagination_class = PageNumberPagination

    class OutputSerializer(ThreadSerializer):
        reply_count = serializers.IntegerField()
        last_activity_at = serializers.DateTimeField()

        class Meta:
            ref_name = "CommunityThreadListItem"

    class InputSerializer(serializers.Serializer):
        title = serializers.CharField(allow_blank=True, trim_whitespace=False)
        body = serializers.CharField(allow_blank=True, trim_whitespace=False)
        client_id = serializers.CharField(max_length=64)
        lesson = serializers.IntegerField(required=False, allow_null=True, min_value=1)
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
        space = _visible_space(request, space_id)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(selectors.threads_of(space=space), request, view=self)
        rows = [
            {
                **services.thread_data(thread),
                "reply_count": thread.reply_count,
                "last_activity_at": thread.last_activity_at.isoformat(),
            }
            for thread in page
        ]
        return paginator.get_paginated_response(self.OutputSerializer(rows, many=True).data)

    @extend_schema(
        request=InputSerializer, responses={200: CreatedSerializer, 201: CreatedSerializer}
    )
    def post(self, request, space_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        space = _visible_space(request, space_id)
        values = data.validated_data
        lesson = _lesson_of(space, values.get("lesson"))
        retried = _already_posted(space, request.user, values["client_id"])
        thread = services.thread_create(
            space=space,
            author=request.user,
            title=values["title"],
            body=values["body"],
            client_id=values["client_id"],
            lesson=lesson,
            announcement=values["announcement"],
        )
        first = selectors.posts_of(thread=thread).first()
        body = {"thread": services.thread_data(thread), "post": _post_payload(first)}
        return Response(
            self.CreatedSerializer(body).data,
            status=status.HTTP_200_OK if retried else status.HTTP_201_CREATED,
        )


class ThreadUpdateApi(APIView):
    """Rename a thread (its author or a facilitator); pin or lock it (facilitators)."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        pinned = serializers.BooleanField(required=False)
        locked = serializers.BooleanField(required=False)
        title = serializers.CharField(required=False, allow_blank=True)

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
        thread = _visible_thread(request, thread_id)
        thread = services.thread_update(thread=thread, by=request.user, **data.validated_data)
        return Response(ThreadSerializer(services.thread_data(thread)).data)


# --- posts ------------------------------------------------------------------------------------


class PostListApi(APIView):
    """GET: a thread's posts, oldest first (deleted and hidden ones stay, without text).
    POST: reply: 201, or 200 with the stored post when this ``client_id`` was already used."""

    permission_classes = [IsAuthenticated]
    pagination_class = PageNumberPagination

    class InputSerializer(serializers.Serializer):
        body = serializers.CharField(allow_blank=True, trim_whitespace=False)
        client_id = serializers.CharField(max_length=64)

        class Meta:
            ref_name = "CommunityPostCreateInput"

    @extend_schema(responses=PostSerializer(many=True))
    def get(self, request, space_id: int, thread_id: int):
        space = _visible_space(request, space_id)
        thread = _thread_in(space, thread_id)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(selectors.posts_of(thread=thread), request, view=self)
        rows = [_post_payload(post) for post in page]
        return paginator.get_paginated_response(PostSerializer(rows, many=True).data)

    @extend_schema(request=InputSerializer, responses={200: PostSerializer, 201: PostSerializer})
    def post(self, request, space_id: int, thread_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        space = _visible_space(request, space_id)
        thread = _thread_in(space, thread_id)
        client_id = data.validated_data["client_id"]
        retried = _already_posted(space, request.user, client_id)
        post = services.post_create(
            space=space,
            thread=thread,
            author=request.user,
            body=data.validated_data["body"],
            client_id=client_id,
        )
        return Response(
            PostSerializer(_post_payload(post)).data,
            status=status.HTTP_200_OK if retried else status.HTTP_201_CREATED,
        )


class PostDetailApi(APIView):
    """PATCH: edit your own post. DELETE: delete it (it stays in the thread as "deleted")."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        body = serializers.CharField(allow_blank=True, trim_whitespace=False)

        class Meta:
            ref_name = "CommunityPostEditInput"

    @extend_schema(request=InputSerializer, responses=PostSerializer)
    def patch(self, request, post_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        post = _visible_post(request, post_id)
        post = services.post_edit(post=post, by=request.user, body=data.validated_data["body"])
        return Response(PostSerializer(_post_payload(post)).data)

    @extend_schema(request=None, responses={200: PostSerializer})
    def delete(self, request, post_id: int):
        post = _visible_post(request, post_id)
        post = services.post_delete(post=post, by=request.user)
        return Response(PostSerializer(_post_payload(post)).data)


class PostReactionToggleApi(APIView):
    """Add your reaction to a post, or take it back if you had already given it."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        emoji = serializers.ChoiceField(choices=services.ALLOWED_REACTIONS)

        class Meta:
            ref_name = "CommunityReactionInput"

    class OutputSerializer(serializers.Serializer):
        post = serializers.IntegerField()
        reactions = serializers.DictField(child=serializers.IntegerField())

        class Meta:
            ref_name = "CommunityReactions"

    @extend_schema(request=InputSerializer, responses=OutputSerializer)
    def post(self, request, post_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        post = _visible_post(request, post_id)
        counts = services.reaction_toggle(
            post=post, user=request.user, emoji=data.validated_data["emoji"]
        )
        return Response(self.OutputSerializer({"post": post.pk, "reactions": counts}).data)


class PostHideApi(APIView):
    """Facilitators hide a post, with the reason shown in its place."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        reason = serializers.CharField(allow_blank=True, max_length=300)

        class Meta:
            ref_name = "CommunityPostHideInput"

    @extend_schema(request=InputSerializer, responses=PostSerializer)
    def post(self, request, post_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        post = _visible_post(request, post_id)
        post = services.post_hide(post=post, by=request.user, reason=data.validated_data["reason"])
        return Response(PostSerializer(_post_payload(post)).data)


# --- notifications ----------------------------------------------------------------------------


class NotificationListApi(APIView):
    """Your notifications, newest first, with how many are unread."""

    permission_classes = [IsAuthenticated]

    class OutputSerializer(serializers.Serializer):
        count = serializers.IntegerField()
        next = serializers.URLField(allow_null=True)
        previous = serializers.URLField(allow_null=True)
        unread = serializers.IntegerField()
        results = NotificationSerializer(many=True)

        class Meta:
            ref_name = "CommunityNotificationPage"

    @extend_schema(
        parameters=[
            OpenApiParameter("page", int, required=False),
            OpenApiParameter("page_size", int, required=False),
        ],
        responses=OutputSerializer,
    )
    def get(self, request):
        mine = _my_notifications(request.user)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(mine, request, view=self)
        body = {
            "count": paginator.page.paginator.count,
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            "unread": mine.filter(read_at__isnull=True).count(),
            "results": [notifications.notification_data(item) for item in page],
        }
        return Response(self.OutputSerializer(body).data)


class NotificationReadApi(APIView):
    """Mark some (``ids``) or all of your notifications read."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        ids = serializers.ListField(
            child=serializers.IntegerField(min_value=1), required=False, max_length=500
        )

        class Meta:
            ref_name = "CommunityNotificationReadInput"

    class OutputSerializer(serializers.Serializer):
        marked = serializers.IntegerField()
        unread = serializers.IntegerField()

        class Meta:
            ref_name = "CommunityNotificationRead"

    @extend_schema(request=InputSerializer, responses=OutputSerializer)
    def post(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        marked = notifications.notifications_mark_read(
            user=request.user, ids=data.validated_data.get("ids")
        )
        unread = _my_notifications(request.user).filter(read_at__isnull=True).count()
        return Response(self.OutputSerializer({"marked": marked, "unread": unread}).data)


class NotificationSettingsApi(APIView):
    """When you get emailed about notifications: right away, a daily digest, or never."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        email = serializers.ChoiceField(choices=EmailPreference.choices)

        class Meta:
            ref_name = "CommunitySettingsInput"

    class OutputSerializer(serializers.Serializer):
        email = serializers.ChoiceField(choices=EmailPreference.choices)

        class Meta:
            ref_name = "CommunitySettings"

    @extend_schema(responses=OutputSerializer)
    def get(self, request):
        own = CommunitySettings.objects.filter(user=request.user).first()
        email = own.email if own else EmailPreference.IMMEDIATE
        return Response(self.OutputSerializer({"email": email}).data)

    @extend_schema(request=InputSerializer, responses=OutputSerializer)
    def put(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        own = notifications.email_preference_set(
            user=request.user, email=data.validated_data["email"]
        )
        return Response(self.OutputSerializer({"email": own.email}).data)
