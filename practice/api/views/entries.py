"""A coach's own entries: list and log, read, change and delete one, make a feedback link for
it and read the answers to its links."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.pagination import PagedListMixin
from core.errors import ApplicationError, fetch_or_404
from courses.models import LessonPage

from ... import selectors, services
from ...models import PracticeEntry
from ..serializers import EntrySerializer


def _own_entry(request, pk: int) -> PracticeEntry:
    return fetch_or_404(selectors.entry_get(user=request.user, pk=pk), what="entry")


def _service_fields(data: dict) -> dict:
    """``EntrySerializer``'s validated data as the services take it: the tags as
    ``focus_tags`` and the lesson as a live ``LessonPage``."""
    fields = dict(data)
    if "tags" in fields:
        fields["focus_tags"] = fields.pop("tags")
    if "lesson_id" in fields:
        lesson_id = fields.pop("lesson_id")
        fields["lesson"] = None
        if lesson_id is not None:
            fields["lesson"] = LessonPage.objects.live().filter(pk=lesson_id).first()
            if fields["lesson"] is None:
                raise ApplicationError("No such lesson.", field="lesson", code="unknown_lesson")
    return fields


class EntryListApi(PagedListMixin, APIView):
    """GET: my entries, newest first (paginated). POST: log a session."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=EntrySerializer(many=True))
    def get(self, request):
        page = self.paginate(selectors.entries_of(user=request.user))
        return self.paginated_response(EntrySerializer(page, many=True).data)

    @extend_schema(request=EntrySerializer, responses={201: EntrySerializer})
    def post(self, request):
        data = EntrySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        entry = services.practice_entry_create(
            coach=request.user, **_service_fields(data.validated_data)
        )
        return Response(EntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class EntryDetailApi(APIView):
    """One of my entries: read, change (PATCH, or PUT with every field), delete."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=EntrySerializer)
    def get(self, request, pk: int):
        return Response(EntrySerializer(_own_entry(request, pk)).data)

    def _update(self, request, pk: int, partial: bool):
        entry = _own_entry(request, pk)
        data = EntrySerializer(data=request.data, partial=partial)
        data.is_valid(raise_exception=True)
        entry = services.practice_entry_update(
            entry=entry, by=request.user, **_service_fields(data.validated_data)
        )
        return Response(EntrySerializer(entry).data)

    @extend_schema(request=EntrySerializer, responses=EntrySerializer)
    def put(self, request, pk: int):
        return self._update(request, pk, partial=False)

    @extend_schema(request=EntrySerializer, responses=EntrySerializer)
    def patch(self, request, pk: int):
        return self._update(request, pk, partial=True)

    @extend_schema(responses={204: None})
    def delete(self, request, pk: int):
        services.practice_entry_delete(entry=_own_entry(request, pk), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class EntryFeedbackLinkApi(APIView):
    """POST: make an anonymous, single-use feedback link for one of my sessions. The ``url``
    (with its token) is in this answer only: the server keeps just a hash of the token."""

    permission_classes = [IsAuthenticated]

    class OutputSerializer(serializers.Serializer):
        url = serializers.URLField()
        expires_at = serializers.DateTimeField()

        class Meta:
            ref_name = "PracticeFeedbackLink"

    @extend_schema(request=None, responses={201: OutputSerializer})
    def post(self, request, pk: int):
        link, token = services.feedback_link_create(entry=_own_entry(request, pk), by=request.user)
        url = request.build_absolute_uri(reverse("practice:feedback", args=[token]))
        return Response(
            self.OutputSerializer({"url": url, "expires_at": link.expires_at}).data,
            status=status.HTTP_201_CREATED,
        )


class EntryFeedbackApi(APIView):
    """GET: the answers to my session's feedback links: count, averages and comments (only
    the coach ever reads the comments)."""

    permission_classes = [IsAuthenticated]

    class OutputSerializer(serializers.Serializer):
        class CommentSerializer(serializers.Serializer):
            comment = serializers.CharField()
            created_at = serializers.DateTimeField()

            class Meta:
                ref_name = "PracticeFeedbackComment"

        count = serializers.IntegerField()
        usefulness = serializers.FloatField(allow_null=True)
        confidence = serializers.FloatField(allow_null=True)
        comments = CommentSerializer(many=True)

        class Meta:
            ref_name = "PracticeEntryFeedback"

    @extend_schema(responses=OutputSerializer)
    def get(self, request, pk: int):
        results = selectors.feedback_results(user=request.user, entry=_own_entry(request, pk))
        return Response(self.OutputSerializer(results).data)
