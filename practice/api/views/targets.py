"""Team leads set the monthly target of a member of their team."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.errors import PermissionDenied, fetch_or_404

from ... import selectors, services
from ...services.targets import MAX_TARGET


class TargetApi(APIView):
    """Leads: set (or clear, with ``null``) the hours a month a member of your team owes, as
    the team page's target form does. Someone who leads no team gets 403; a coach who is not
    a member of a team you lead, 404."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        hours = serializers.DecimalField(
            max_digits=4,
            decimal_places=1,
            allow_null=True,
            help_text=f"More than 0 and at most {MAX_TARGET} hours a month; null clears it.",
        )

        class Meta:
            ref_name = "PracticeTargetInput"

    class OutputSerializer(serializers.Serializer):
        coach_id = serializers.IntegerField(source="user_id")
        hours = serializers.DecimalField(
            source="monthly_target_hours", max_digits=4, decimal_places=1, allow_null=True
        )
        set_at = serializers.DateTimeField(source="target_set_at")

        class Meta:
            ref_name = "PracticeTarget"

    @extend_schema(request=InputSerializer, responses={200: OutputSerializer})
    def put(self, request, coach_id: int):
        if not selectors.teams_led_by(user=request.user).exists():
            raise PermissionDenied("Only team leads set their members' monthly targets.")
        coach = fetch_or_404(
            selectors.coach_led_by(user=request.user, coach_id=coach_id),
            what="member of a team you lead",
        )
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.practice_target_set(
            coach=coach, hours=data.validated_data["hours"], by=request.user
        )
        return Response(self.OutputSerializer(row).data)
