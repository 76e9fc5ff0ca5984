"""Output shapes the badges API views share; they only read what a selector loaded."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.api.serializers import UserRefSerializer

from ..sharing import share_links


class BadgeIssuerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    url = serializers.URLField()


class BadgeAlignmentSerializer(serializers.Serializer):
    target_name = serializers.CharField()
    target_url = serializers.URLField()
    target_framework = serializers.CharField()
    target_code = serializers.CharField()


class BadgeClassSerializer(serializers.Serializer):
    """From ``selectors.badge_class_list`` (issuer, course and alignments loaded)."""

    id = serializers.IntegerField()
    entity_id = serializers.UUIDField()
    name = serializers.CharField()
    slug = serializers.CharField()
    description = serializers.CharField()
    criteria_narrative = serializers.CharField()
    image = serializers.SerializerMethodField()
    issuer = BadgeIssuerSerializer()
    course_id = serializers.IntegerField(allow_null=True)
    min_reflections = serializers.IntegerField()
    min_practice_hours = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    practice_window_months = serializers.IntegerField(allow_null=True)
    requires_approval = serializers.BooleanField()
    expires_after_months = serializers.IntegerField(allow_null=True)
    alignments = BadgeAlignmentSerializer(many=True)

    def get_image(self, badge_class) -> str:
        request = self.context.get("request")
        url = badge_class.image.url
        return request.build_absolute_uri(url) if request else url


class BadgeClassBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class AwardLinksSerializer(serializers.Serializer):
    public_url = serializers.URLField()
    assertion_url = serializers.URLField()
    png_url = serializers.URLField()
    credential_url = serializers.URLField()
    linkedin_url = serializers.URLField()


class BadgeAwardSerializer(serializers.Serializer):
    """An award with its status and sharing links (``context["base"]`` is the site's
    absolute address)."""

    id = serializers.UUIDField(source="entity_id")
    badge_class = BadgeClassBriefSerializer()
    status = serializers.CharField()
    method = serializers.CharField()
    issued_on = serializers.DateTimeField()
    expires_on = serializers.DateTimeField(allow_null=True)
    revoked_at = serializers.DateTimeField(allow_null=True)
    revocation_reason = serializers.CharField()
    links = serializers.SerializerMethodField()

    @extend_schema_field(AwardLinksSerializer)
    def get_links(self, award) -> dict:
        links = share_links(award, base=self.context["base"])
        return AwardLinksSerializer(links).data


class BadgeAwardManagedSerializer(BadgeAwardSerializer):
    recipient = UserRefSerializer()
    evidence_note = serializers.CharField()


class CertificationReflectionSerializer(serializers.Serializer):
    lesson = serializers.CharField(source="lesson.title")
    prompt = serializers.CharField()
    text = serializers.CharField()
    updated_at = serializers.DateTimeField()


class CertificationQueueEntrySerializer(serializers.Serializer):
    """From ``selectors.certification_queue``."""

    id = serializers.IntegerField(source="request.pk")
    status = serializers.CharField(source="request.status")
    message = serializers.CharField(source="request.message")
    created_at = serializers.DateTimeField(source="request.created_at")
    learner = UserRefSerializer(source="request.learner")
    badge_class = BadgeClassBriefSerializer(source="request.badge_class")
    reflections = CertificationReflectionSerializer(many=True)
    practice_hours = serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True)
    practice_note = serializers.CharField()


class CertificationRequestSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.CharField()
    message = serializers.CharField()
    award_id = serializers.SerializerMethodField()

    def get_award_id(self, request) -> str | None:
        return str(request.award.entity_id) if request.award_id else None
