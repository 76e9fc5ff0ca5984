"""Your notifications (list, mark read) and when you are emailed about them."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import fields
from core.api.pagination import PagedListMixin

from ... import notifications, selectors
from ...models import CommunitySettings, EmailPreference
from ..serializers import NotificationSerializer


class NotificationListApi(PagedListMixin, APIView):
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

    @extend_schema(responses=OutputSerializer)
    def get(self, request):
        mine = selectors.notifications_visible_to(user=request.user)
        page = self.paginate(mine)
        body = {
            "count": self.paginator.page.paginator.count,
            "next": self.paginator.get_next_link(),
            "previous": self.paginator.get_previous_link(),
            "unread": notifications.unread_count(user=request.user),
            "results": page,
        }
        return Response(self.OutputSerializer(body).data)


class NotificationReadApi(APIView):
    """Mark some (``ids``) or all of your notifications read."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        ids = fields.ListField(child=fields.IdField(), required=False, max_length=500)

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
        unread = notifications.unread_count(user=request.user)
        return Response(self.OutputSerializer({"marked": marked, "unread": unread}).data)


class NotificationSettingsApi(APIView):
    """When you get emailed about notifications: right away, a daily digest, or never."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        email = fields.ChoiceField(choices=EmailPreference.choices)

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
