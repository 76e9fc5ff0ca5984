"""Badges: an issuer, badge classes with their rules, awards (Open Badges assertions), the
certification queue, earners' sharing choices and the issuer's signing keys.

An award is *open* while ``closed_at`` is null. At most one open award per badge class and
person (a partial unique index), so concurrent events cannot award twice. Revoking closes it;
an expired award stays open (and shows as expired) until the person earns the badge again,
which closes the expired one and opens a new one in the same transaction.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from .validators import validate_badge_image


class Issuer(models.Model):
    """The organisation that issues badges (Open Badges ``Profile``)."""

    entity_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=160)
    url = models.URLField(help_text="The issuer's public web site.")
    email = models.EmailField()
    description = models.TextField(blank=True)
    image = models.FileField(
        upload_to="badges/issuers/",
        blank=True,
        validators=[FileExtensionValidator(["png", "svg"]), validate_badge_image],
        help_text="PNG or SVG logo.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class BadgeClass(ClusterableModel):
    """What a badge means and how it is earned (Open Badges ``BadgeClass``)."""

    entity_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    issuer = models.ForeignKey(Issuer, on_delete=models.PROTECT, related_name="badge_classes")
    name = models.CharField(max_length=160)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField()
    image = models.FileField(
        upload_to="badges/classes/",
        validators=[FileExtensionValidator(["png", "svg"]), validate_badge_image],
        help_text="PNG or SVG; baked into each award's image.",
    )
    criteria_narrative = models.TextField(help_text="What an earner did, in words (Markdown).")
    # Rules, all of which must hold. Empty rules are not checked.
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Completing this course is required.",
    )
    min_reflections = models.PositiveIntegerField(
        default=0, help_text="Reflections written in the course above (or in any course)."
    )
    min_practice_hours = models.DecimalField(
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Logged practice hours required within the window below.",
    )
    practice_window_months = models.PositiveIntegerField(
        null=True, blank=True, help_text="Window for practice hours, in months back from today."
    )
    requires_approval = models.BooleanField(
        default=False, help_text="A facilitator approves before the badge is awarded."
    )
    expires_after_months = models.PositiveIntegerField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "badge classes"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class BadgeAlignment(Orderable):
    """An alignment to an external standard (Open Badges ``AlignmentObject``)."""

    badge_class = ParentalKey(BadgeClass, on_delete=models.CASCADE, related_name="alignments")
    target_name = models.CharField(max_length=200)
    target_url = models.URLField()
    target_description = models.TextField(blank=True)
    target_framework = models.CharField(max_length=200, blank=True)
    target_code = models.CharField(max_length=60, blank=True)

    def __str__(self) -> str:
        return self.target_name


class AwardMethod(models.TextChoices):
    RULES = "rules", "Criteria met"
    APPROVAL = "approval", "Approved by a facilitator"
    MANUAL = "manual", "Awarded by a facilitator"


class AwardStatus(models.TextChoices):
    """What ``BadgeAward.status`` says of an award (computed, not stored)."""

    ACTIVE = "active", "Active"
    EXPIRED = "expired", "Expired"
    REVOKED = "revoked", "Revoked"
    REPLACED = "replaced", "Replaced"


class BadgeAward(models.Model):
    """One person's award of one badge class: the hosted Open Badges ``Assertion``."""

    entity_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    badge_class = models.ForeignKey(BadgeClass, on_delete=models.PROTECT, related_name="awards")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="badge_awards"
    )
    recipient_salt = models.CharField(max_length=64)
    recipient_hash = models.CharField(max_length=80, help_text="sha256$<hex of email + salt>")
    issued_on = models.DateTimeField(default=timezone.now)
    expires_on = models.DateTimeField(null=True, blank=True)
    method = models.CharField(max_length=10, choices=AwardMethod.choices)
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    evidence_note = models.TextField(blank=True)
    evidence_public = models.BooleanField(
        default=False, help_text="The earner chose to publish the evidence with the badge."
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revocation_reason = models.TextField(blank=True)
    closed_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when revoked or replaced by a new award."
    )
    # The award's position in the site's revocation status lists (W3C Bitstring Status List):
    # list ``status_index // LIST_SIZE``, bit ``status_index % LIST_SIZE``. Unique, so two
    # awards never share a bit; chosen at random (badges.openbadges.status).
    status_index = models.PositiveIntegerField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-issued_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["badge_class", "recipient"],
                condition=Q(closed_at__isnull=True),
                name="badges_one_open_award",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | Q(closed_at__isnull=False),
                name="badges_revoked_is_closed",
            ),
        ]
        indexes = [models.Index(fields=["recipient", "closed_at"])]

    def __str__(self) -> str:
        return f"{self.badge_class} for {self.recipient}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_on is not None and self.expires_on <= timezone.now()

    @property
    def status(self) -> AwardStatus:
        if self.is_revoked:
            return AwardStatus.REVOKED
        if self.is_expired:
            return AwardStatus.EXPIRED
        if self.closed_at is not None:
            return AwardStatus.REPLACED
        return AwardStatus.ACTIVE


class RequestStatus(models.TextChoices):
    PENDING = "pending", "Waiting for approval"
    CHANGES = "changes", "Changes requested"
    APPROVED = "approved", "Approved"


class CertificationRequest(models.Model):
    """A learner who met the automatic criteria of a badge that needs approval."""

    badge_class = models.ForeignKey(BadgeClass, on_delete=models.CASCADE, related_name="requests")
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certification_requests"
    )
    status = models.CharField(
        max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    message = models.TextField(blank=True, help_text="What the learner should do next.")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    award = models.OneToOneField(
        BadgeAward, on_delete=models.SET_NULL, null=True, blank=True, related_name="request"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["badge_class", "learner"],
                condition=~Q(status=RequestStatus.APPROVED),
                name="badges_one_open_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.learner} → {self.badge_class} ({self.status})"


class EarnerProfile(models.Model):
    """An earner's sharing choices; nothing is public until they opt in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="earner_profile"
    )
    slug = models.SlugField(max_length=80, unique=True)
    public_profile = models.BooleanField(
        default=False, help_text="List my badges on a public profile page."
    )
    show_name = models.BooleanField(
        default=False, help_text="Show my name on my public badge pages."
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Badge sharing for {self.user}"


class IssuerKey(models.Model):
    """The issuer's signing key for Open Badges 3.0 credentials. Created on first use; the
    private part is stored encrypted with a key derived from SECRET_KEY and never leaves the
    server; the public part is published in the issuer's DID document."""

    issuer = models.ForeignKey(Issuer, on_delete=models.CASCADE, related_name="keys")
    key_id = models.CharField(max_length=80, unique=True)
    algorithm = models.CharField(max_length=20, default="Ed25519")
    public_jwk = models.JSONField()
    private_key_encrypted = models.TextField()
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["issuer"], condition=Q(is_active=True), name="badges_one_active_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key_id} ({self.algorithm})"
