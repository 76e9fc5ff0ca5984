"""The public answer to a feedback link: the token only, no login."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import fields
from core.api.schema import errors

from ... import services


class FeedbackSubmitApi(APIView):
    """Public: answer a feedback link (token only, no login). 201 when stored; 404 for an
    unknown token, 410 when used or expired, 429 when the network sent too many."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    class InputSerializer(serializers.Serializer):
        token = fields.CharField(max_length=100)
        usefulness = fields.IntegerField(min_value=1, max_value=5)
        confidence = fields.IntegerField(min_value=1, max_value=5)
        comment = fields.CharField(allow_blank=True, default="", max_length=1000)
        website = fields.CharField(
            allow_blank=True, default="", max_length=1000, help_text="Honeypot: leave empty."
        )

        class Meta:
            ref_name = "PracticeFeedbackInput"

    class OutputSerializer(serializers.Serializer):
        ok = serializers.BooleanField()

        class Meta:
            ref_name = "PracticeFeedbackStored"

    @extend_schema(
        request=InputSerializer, responses={201: OutputSerializer, **errors(404, 410, 429)}
    )
    def post(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        services.feedback_submit(
            token=values["token"],
            usefulness=values["usefulness"],
            confidence=values["confidence"],
            comment=values["comment"],
            honeypot=values["website"],
            ip=request.META.get("REMOTE_ADDR") or None,
        )
        return Response(self.OutputSerializer({"ok": True}).data, status=status.HTTP_201_CREATED)
