"""Spaces you belong to, and each space's stored event log (WebSocket catch-up)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import fields
from core.converters import MAX_BIGINT
from core.errors import ApplicationError, fetch_or_404

from ... import selectors
from ...events import SYNC_BATCH
from ...models import Space
from ..serializers import EventSerializer


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
        after_seq = fields.IntegerField(min_value=0, max_value=MAX_BIGINT, default=0)
        limit = fields.IntegerField(min_value=1, max_value=SYNC_BATCH, default=100)

        class Meta:
            ref_name = "CommunityEventFilter"

    class OutputSerializer(serializers.Serializer):
        events = EventSerializer(many=True)
        last_seq = serializers.IntegerField()

        class Meta:
            ref_name = "CommunityEventPage"

    @extend_schema(parameters=[FilterSerializer], responses=OutputSerializer)
    def get(self, request, space_id: int):
        space = fetch_or_404(
            selectors.space_get_visible(user=request.user, space_id=space_id), what="space"
        )
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
