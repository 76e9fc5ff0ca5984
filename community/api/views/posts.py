"""Posts: list and reply in a thread; edit, delete, react to and hide one."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import fields
from core.api.pagination import PagedListMixin
from core.api.schema import errors
from core.errors import fetch_or_404

from ... import selectors, services
from ..serializers import PostCreateInputSerializer, PostSerializer, post_body_field


def _visible_post(request, post_id: int):
    return fetch_or_404(selectors.post_get_visible(user=request.user, post_id=post_id), what="post")


class PostListApi(PagedListMixin, APIView):
    """GET: a thread's posts, oldest first (deleted and hidden ones stay, without text).
    POST: reply: 201, or 200 with the stored post when this ``client_id`` was already used."""

    permission_classes = [IsAuthenticated]

    InputSerializer = PostCreateInputSerializer  # the socket's post.create checks the same

    @extend_schema(responses=PostSerializer(many=True))
    def get(self, request, space_id: int, thread_id: int):
        space = fetch_or_404(
            selectors.space_get_visible(user=request.user, space_id=space_id), what="space"
        )
        thread = fetch_or_404(selectors.thread_get(space=space, thread_id=thread_id), what="thread")
        page = self.paginate(selectors.posts_of(thread=thread))
        return self.paginated_response(PostSerializer(page, many=True).data)

    @extend_schema(
        request=InputSerializer,
        responses={200: PostSerializer, 201: PostSerializer, **errors(429)},
    )
    def post(self, request, space_id: int, thread_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        space = fetch_or_404(
            selectors.space_get_visible(user=request.user, space_id=space_id), what="space"
        )
        thread = fetch_or_404(selectors.thread_get(space=space, thread_id=thread_id), what="thread")
        post, created = services.post_create(
            space=space,
            thread=thread,
            author=request.user,
            body=data.validated_data["body"],
            client_id=data.validated_data["client_id"],
        )
        return Response(
            PostSerializer(post).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class PostDetailApi(APIView):
    """PATCH: edit your own post. DELETE: delete it (it stays in the thread as "deleted")."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        body = post_body_field()

        class Meta:
            ref_name = "CommunityPostEditInput"

    @extend_schema(request=InputSerializer, responses=PostSerializer)
    def patch(self, request, post_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        post = _visible_post(request, post_id)
        post = services.post_edit(post=post, by=request.user, body=data.validated_data["body"])
        return Response(PostSerializer(post).data)

    @extend_schema(request=None, responses={200: PostSerializer})
    def delete(self, request, post_id: int):
        post = _visible_post(request, post_id)
        post = services.post_delete(post=post, by=request.user)
        return Response(PostSerializer(post).data)


class PostReactionToggleApi(APIView):
    """Add your reaction to a post, or take it back if you had already given it."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        emoji = fields.ChoiceField(choices=services.ALLOWED_REACTIONS)

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
        reason = fields.CharField(allow_blank=True, max_length=300)

        class Meta:
            ref_name = "CommunityPostHideInput"

    @extend_schema(request=InputSerializer, responses=PostSerializer)
    def post(self, request, post_id: int):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        post = _visible_post(request, post_id)
        post = services.post_hide(post=post, by=request.user, reason=data.validated_data["reason"])
        return Response(PostSerializer(post).data)
