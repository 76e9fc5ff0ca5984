"""Awards: your own, with their sharing links; a facilitator's manual award and revocation."""

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
from ...models import AwardMethod
from ..serializers import BadgeAwardManagedSerializer, BadgeAwardSerializer
from ._common import _base, _require_facilitator


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
