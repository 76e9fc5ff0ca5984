"""The facilitator's certification queue: list, approve, send back for changes."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import fields
from core.api.schema import errors
from core.errors import fetch_or_404

from ... import selectors, services
from ..serializers import CertificationQueueEntrySerializer, CertificationRequestSerializer
from ._common import _require_facilitator


def _queued(request, request_id: int):
    certification = fetch_or_404(
        selectors.certification_request_get(user=request.user, pk=request_id),
        what="request in your queue",
    )
    return certification


class QueueListApi(APIView):
    """The facilitator's certification queue: requests of their learners with reflections and
    practice summary."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: CertificationQueueEntrySerializer(many=True), **errors(403)})
    def get(self, request):
        _require_facilitator(request)
        entries = selectors.certification_queue(user=request.user)
        return Response(CertificationQueueEntrySerializer(entries, many=True).data)


class QueueApproveApi(APIView):
    """Approve a request: the badge is awarded."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=CertificationRequestSerializer)
    def post(self, request, request_id: int):
        _require_facilitator(request)
        certification = services.certification_approve(
            request=_queued(request, request_id), by=request.user
        )
        return Response(CertificationRequestSerializer(certification).data)


class QueueRequestChangesApi(APIView):
    """Send a request back with what the learner should do (they are emailed)."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        message = fields.CharField(max_length=5000)

        class Meta:
            ref_name = "CertificationChangesInput"

    @extend_schema(request=InputSerializer, responses=CertificationRequestSerializer)
    def post(self, request, request_id: int):
        _require_facilitator(request)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        certification = services.certification_request_changes(
            request=_queued(request, request_id),
            by=request.user,
            message=data.validated_data["message"],
        )
        return Response(CertificationRequestSerializer(certification).data)
