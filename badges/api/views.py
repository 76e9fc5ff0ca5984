"""Badges API: one small view per action. Objects come through selectors that apply who may
act (404 otherwise); services raise ``ApplicationError``; ``core.api.errors`` shapes it. The
public Open Badges documents are not here: they live outside /api/v1/ (badges.openbadges)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import fields
from core.api.pagination import PagedListMixin
from core.api.schema import errors
from core.errors import PermissionDenied, fetch_or_404
from core.urls import site_base

from .. import selectors, services
from ..models import AwardMethod
from .serializers import (
    BadgeAwardManagedSerializer,
    BadgeAwardSerializer,
    BadgeClassSerializer,
    CertificationQueueEntrySerializer,
    CertificationRequestSerializer,
)


def _base(request) -> str:
    """Share links and badge documents use the public address (SITE_URL), never the
    request's host: they are copied into signatures and profiles and verified elsewhere."""
    return site_base()


def _require_facilitator(request) -> None:
    if not selectors.is_badge_facilitator(user=request.user):
        raise PermissionDenied("Only facilitators award badges.")


def _queued(request, request_id: int):
    certification = fetch_or_404(
        selectors.certification_request_get(user=request.user, pk=request_id),
        what="request in your queue",
    )
    return certification


class BadgeClassListApi(PagedListMixin, APIView):
    """Badges offered, with their rules and alignments."""

    permission_classes = [AllowAny]

    @extend_schema(responses=BadgeClassSerializer(many=True))
    def get(self, request):
        page = self.paginate(selectors.badge_class_list())
        data = BadgeClassSerializer(page, many=True, context={"request": request}).data
        return self.paginated_response(data)


class MyAwardListApi(PagedListMixin, APIView):
    """Your own awards (current and revoked), with their sharing links."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=BadgeAwardSerializer(many=True))
    def get(self, request):
        page = self.paginate(selectors.awards_of(user=request.user))
        data = BadgeAwardSerializer(page, many=True, context={"base": _base(request)}).data
        return self.paginated_response(data)


class AwardCreateApi(APIView):
    """A facilitator awards a badge to one of their learners, with an evidence note.
    Awarding a badge the learner already holds returns the existing award (200)."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        recipient = fields.IdField()
        badge_class = fields.IdField()
        evidence_note = fields.CharField(max_length=5000, allow_blank=True, default="")

        class Meta:
            ref_name = "BadgeAwardInput"

    @extend_schema(
        request=InputSerializer,
        responses={
            200: BadgeAwardManagedSerializer,
            201: BadgeAwardManagedSerializer,
            **errors(404),
        },
    )
    def post(self, request):
        _require_facilitator(request)
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        recipient = fetch_or_404(
            selectors.learners_of(actor=request.user),
            what="learner among yours",
            field="recipient",
            pk=data.validated_data["recipient"],
        )
        badge_class = fetch_or_404(
            selectors.badge_class_list(),
            what="badge",
            field="badge_class",
            pk=data.validated_data["badge_class"],
        )
        award, created = services.badge_award(
            badge_class=badge_class,
            recipient=recipient,
            method=AwardMethod.MANUAL,
            awarded_by=request.user,
            evidence_note=data.validated_data["evidence_note"],
        )
        return Response(
            BadgeAwardManagedSerializer(award, context={"base": _base(request)}).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class AwardRevokeApi(APIView):
    """A facilitator revokes a current award of one of their learners, with a reason."""

    permission_classes = [IsAuthenticated]

    class InputSerializer(serializers.Serializer):
        reason = fields.CharField(max_length=2000)

        class Meta:
            ref_name = "BadgeRevokeInput"

    @extend_schema(request=InputSerializer, responses=BadgeAwardManagedSerializer)
    def post(self, request, award_id):
        award = fetch_or_404(
            selectors.award_get_manageable(user=request.user, entity_id=award_id), what="award"
        )
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        award = services.badge_revoke(
            award=award, by=request.user, reason=data.validated_data["reason"]
        )
        return Response(BadgeAwardManagedSerializer(award, context={"base": _base(request)}).data)


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
